"""The held-out events (tests/data/heldout): written apart from the code, scored with the eval kit."""
from __future__ import annotations

import pytest

from conftest import ROOT
from test_pipeline import _score_module

HELDOUT = ROOT / "tests" / "data" / "heldout"


@pytest.mark.parametrize("event", ["event_a", "event_b"])
def test_heldout_event_recall_and_no_false_alarms(event, embedder, tmp_path):
    import json

    from claims.pipeline import run

    score = _score_module()
    report = run([HELDOUT / event], embedder=embedder, use_cache=False)
    report.write(None, tmp_path / "r.json")
    _, claims, flags = score.load_report(tmp_path / "r.json")
    gold = [json.loads(l) for l in (HELDOUT / f"{event}_gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    texts: dict = {}
    found = alarms = n_disc = 0
    for g in gold:
        sa = score.gold_span(HELDOUT / event, g, "a", texts)
        sb = score.gold_span(HELDOUT / event, g, "b", texts)
        hit = any((score.covers(claims[f["a"]], g["a_file"], sa) and score.covers(claims[f["b"]], g["b_file"], sb))
                  or (score.covers(claims[f["b"]], g["a_file"], sa) and score.covers(claims[f["a"]], g["b_file"], sb))
                  for f in flags)
        if g["label"] == "discrepancy":
            n_disc += 1
            found += hit
        elif g["label"] in ("agree", "not_contradiction"):
            alarms += hit
    assert alarms == 0
    # Measured 9/13 and 10/13 when this test was written; the bar leaves room, not slack.
    assert found / n_disc >= 0.6
    assert len(flags) <= 30
