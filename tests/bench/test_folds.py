"""Leave-events-out folds: the split, the scoring (score.py's matching), the runner and the command line.

Events and articles here are invented; the dev set itself is only read for the split of its event ids.
"""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EVAL, in_ci

from claims.bench.folds import (EvalKitError, Folds, dev_folds, fold_of, load_judgements, load_reports, main,
                                run_events, score_events, source_event, store_dir)

HARBOUR = {
    "post.md": "The harbour board met on Monday. It approved 40 new moorings for the marina. "
               "Chair Ada Brennan said the work starts in spring. The old crane will stay.\n",
    "herald.md": "On Monday the harbour board approved 60 new moorings for the marina. "
                 "Board chair Ada Brennan said work would start in spring. Fishing boats keep their berths.\n",
}
BRIDGE = {
    "post.md": "The county opened the Elm Street bridge on Friday after two years of repairs.\n",
    "herald.md": "The Elm Street bridge reopened on Thursday, the county said, after two years of repairs.\n",
}
SENTENCES = {  # (event, file) -> sentences, in order, as the claims of a hand-made report
    ("harbour", "post.md"): ["It approved 40 new moorings for the marina.",
                             "Chair Ada Brennan said the work starts in spring.", "The old crane will stay."],
    ("harbour", "herald.md"): ["On Monday the harbour board approved 60 new moorings for the marina.",
                               "Board chair Ada Brennan said work would start in spring.",
                               "Fishing boats keep their berths."],
    ("bridge", "post.md"): ["The county opened the Elm Street bridge on Friday after two years of repairs."],
    ("bridge", "herald.md"): ["The Elm Street bridge reopened on Thursday, the county said, after two years of repairs."],
}


@pytest.fixture
def kit() -> Path:
    if not (EVAL / "score.py").exists():
        if in_ci():
            pytest.fail(f"eval kit missing at {EVAL}")
        pytest.skip("the eval kit (../shared/eval) is not beside this checkout")
    return EVAL


def _span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def _pair(events: Path, event: str, a: tuple[str, str], b: tuple[str, str], label: str, kind: str) -> dict:
    """A gold line for sentence a[1] of file a[0] and sentence b[1] of file b[0] in ``event``."""
    out = {"group": event, "label": label, "kind": kind}
    for side, (name, sentence) in (("a", a), ("b", b)):
        start, end = _span((events / event / name).read_text(encoding="utf-8"), sentence)
        out.update({f"{side}_file": f"{event}/{name}", f"{side}_start": start, f"{side}_end": end})
    return out


@pytest.fixture
def events(tmp_path) -> Path:
    """Two invented events: harbour (a figure differs; one agreement; one related pair), bridge (a day differs)."""
    root = tmp_path / "events"
    for event, articles in (("harbour", HARBOUR), ("bridge", BRIDGE)):
        (root / event).mkdir(parents=True)
        for name, text in articles.items():
            (root / event / name).write_text(text, encoding="utf-8")
    gold = [
        _pair(root, "harbour", ("post.md", SENTENCES["harbour", "post.md"][0]),
              ("herald.md", SENTENCES["harbour", "herald.md"][0]), "discrepancy", "numeric"),
        _pair(root, "harbour", ("post.md", SENTENCES["harbour", "post.md"][1]),
              ("herald.md", SENTENCES["harbour", "herald.md"][1]), "agree", "role"),
        _pair(root, "harbour", ("post.md", SENTENCES["harbour", "post.md"][2]),
              ("herald.md", SENTENCES["harbour", "herald.md"][2]), "related", "statement"),
        _pair(root, "bridge", ("post.md", SENTENCES["bridge", "post.md"][0]),
              ("herald.md", SENTENCES["bridge", "herald.md"][0]), "discrepancy", "date"),
    ]
    (root / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return root


def _report(events: Path, event: str, flags: list[tuple[int, int, str, float]]) -> dict:
    """A claims-report/1 dict for ``event`` whose claims are SENTENCES' sentences, in order
    (post.md's first, then herald.md's); flags as (claim index, claim index, kind, score)."""
    documents, claims = [], []
    for d, name in enumerate(("post.md", "herald.md")):
        documents.append({"id": f"d{d}", "path": str(events / event / name)})
        text = (events / event / name).read_text(encoding="utf-8")
        for sentence in SENTENCES[event, name]:
            start, end = _span(text, sentence)
            claims.append({"id": f"c{len(claims)}", "doc": f"d{d}", "start": start, "end": end, "text": sentence})
    return {"schema": "claims-report/1", "documents": documents, "claims": claims,
            "flags": [{"a": f"c{a}", "b": f"c{b}", "kind": kind, "score": score, "explanation": f"{kind} differs"}
                      for a, b, kind, score in flags]}


def _reports(events: Path) -> dict[str, dict]:
    # harbour: c0-c3 (found, numeric), c1-c4 (the agreeing pair: false alarm), c2-c5 (a related pair),
    # c0-c5 (no labelled pair); bridge: nothing flagged
    return {"harbour": _report(events, "harbour", [(0, 3, "numeric", 0.9), (4, 1, "role", 0.7),
                                                   (2, 5, "statement", 0.5), (0, 5, "numeric", 0.3)]),
            "bridge": _report(events, "bridge", [])}


TWO_FOLDS = Folds({"harbour": 0, "bridge": 1}, n=2)


# ------------------------------------------------------------------------------------------ the split


def test_deal_gives_every_event_one_fold_and_balances_events_and_discrepancies():
    rng = random.Random(7)
    counts = {f"event-{i:02d}": rng.choice([0, 0, 0, 1, 2]) for i in range(37)}
    folds = Folds.deal(counts, n=5)
    assert sorted(e for k in range(5) for e in folds.events(k)) == sorted(counts)
    sizes = [len(folds.events(k)) for k in range(5)]
    assert max(sizes) - min(sizes) <= 1
    per_fold = [sum(counts[e] for e in folds.events(k)) for k in range(5)]
    assert max(per_fold) - min(per_fold) <= max(counts.values())


def test_deal_does_not_depend_on_the_order_events_are_given_in():
    counts = {f"site-{c}": i % 3 for i, c in enumerate("abcdefghijklmnopq")}
    shuffled = list(counts.items())
    random.Random(1).shuffle(shuffled)
    assert Folds.deal(dict(shuffled)).fold == Folds.deal(counts).fold


def test_a_counterfactual_variant_is_in_its_source_events_fold_and_an_unknown_event_is_an_error():
    folds = Folds.deal({f"town-{i}": 0 for i in range(12)})
    assert source_event("town-3~017") == "town-3"
    assert folds.fold_of("town-3~017") == folds.fold_of("town-3")
    with pytest.raises(EvalKitError, match="'village-1' is not one of the 12 events"):
        folds.fold_of("village-1")


def test_split_holds_out_exactly_one_fold():
    folds = Folds.deal({f"town-{i}": i % 2 for i in range(11)}, n=5)
    for k in range(5):
        fit, held_out = folds.split(k)
        assert not set(fit) & set(held_out)
        assert sorted(fit + held_out) == sorted(folds.fold)
        assert all(folds.fold_of(e) == k for e in held_out)


def test_dev_folds_split_the_kit_events_into_five_balanced_folds(kit):
    listed = [l.strip() for l in (kit / "basil_dev_events.txt").read_text().splitlines()
              if l.strip() and not l.startswith("#")]
    folds = dev_folds(kit)
    assert sorted(folds.fold) == sorted(listed)
    sizes = [len(folds.events(k)) for k in range(5)]
    assert max(sizes) - min(sizes) <= 1
    assert fold_of(listed[0] + "~003", kit) == folds.fold_of(listed[0])


# ------------------------------------------------------------------------------------------ scoring


def test_score_events_counts_found_false_alarms_and_flags_to_judge_per_fold(kit, events):
    scores = score_events(_reports(events), events / "gold.jsonl", TWO_FOLDS, eval_dir=kit)
    harbour, bridge = scores.folds
    assert (harbour.found, harbour.discrepancies, harbour.kind_right) == (1, 1, 1)
    assert (harbour.false_alarms, harbour.negatives) == (1, 1)
    assert (harbour.flags, harbour.real_flags, harbour.false_alarm_flags) == (4, 1, 1)
    assert (bridge.found, bridge.discrepancies, bridge.flags) == (0, 1, 0)
    assert scores.spread("recall").values == [1.0, 0.0]
    assert str(scores.spread("recall")) == "0.50 ± 0.50 [0.00, 1.00]"  # population std of 1 and 0
    total = scores.total()
    assert (total.found, total.discrepancies, total.false_alarms, total.flags) == (1, 2, 1, 4)
    assert total.by_kind["date"].discrepancies == 1 and total.by_kind["date"].found == 0
    # the flag on the related pair and the one on no labelled pair are left to a person
    judge = {(item["a_text"], item["b_text"]): item for item in scores.to_judge}
    assert set(judge) == {(SENTENCES["harbour", "post.md"][2], SENTENCES["harbour", "herald.md"][2]),
                          (SENTENCES["harbour", "post.md"][0], SENTENCES["harbour", "herald.md"][2])}
    related = judge[SENTENCES["harbour", "post.md"][2], SENTENCES["harbour", "herald.md"][2]]
    assert related["matches_related_pair"] is True and related["explanation"] == "statement differs"
    assert related["event"] == "harbour" and related["fold"] == 0 and related["real"] is None


def test_a_flag_finds_a_pair_when_its_claims_overlap_by_half_of_the_shorter_span(kit, events):
    reports = _reports(events)
    claim = reports["harbour"]["claims"][0]
    start, end = claim["start"], claim["end"]
    claim["end"] = start + 10  # "It approved": inside the gold sentence, so all of the shorter span
    assert score_events(reports, events / "gold.jsonl", TWO_FOLDS, eval_dir=kit).folds[0].found == 1
    claim["start"], claim["end"] = end - 5, end + 30  # 5 characters of the gold sentence's end
    assert score_events(reports, events / "gold.jsonl", TWO_FOLDS, eval_dir=kit).folds[0].found == 0


def test_totals_equal_what_score_py_prints_for_the_merged_report(kit, events, tmp_path):
    reports = _reports(events)
    reports["bridge"]["flags"] = [{"a": "c0", "b": "c1", "kind": "date", "score": 0.8, "explanation": "days"}]
    total = score_events(reports, events / "gold.jsonl", TWO_FOLDS, eval_dir=kit).total()
    merged = {"schema": "claims-report/1", "documents": [], "claims": [], "flags": []}
    for event, rep in reports.items():  # as events_eval.py merges them
        merged["documents"] += [{**d, "id": f"{event}:{d['id']}", "path": f"{event}/{Path(d['path']).name}"}
                                for d in rep["documents"]]
        merged["claims"] += [{**c, "id": f"{event}:{c['id']}", "doc": f"{event}:{c['doc']}"} for c in rep["claims"]]
        merged["flags"] += [{**f, "a": f"{event}:{f['a']}", "b": f"{event}:{f['b']}"} for f in rep["flags"]]
    (tmp_path / "merged.json").write_text(json.dumps(merged), encoding="utf-8")
    out = subprocess.run([sys.executable, str(kit / "score.py"), str(tmp_path / "merged.json"),
                          str(events / "gold.jsonl"), "--docs", str(events), "--quiet"],
                         capture_output=True, text=True, check=True).stdout
    found, n_disc, alarms, n_neg, flags = map(int, re.search(
        r"recall: (\d+)/(\d+) = [\d.]+  false alarms: (\d+)/(\d+)  flags: (\d+)", out).groups())
    assert (total.found, total.discrepancies, total.false_alarms, total.negatives, total.flags) == (
        found, n_disc, alarms, n_neg, flags)
    assert int(re.search(r"kind right: (\d+)/", out).group(1)) == total.kind_right


def test_judgements_count_in_precision_whichever_way_round_the_claims_are(kit, events, tmp_path):
    first = score_events(_reports(events), events / "gold.jsonl", TWO_FOLDS, eval_dir=kit)
    assert first.folds[0].precision == 1 / 4 and first.folds[0].unjudged == 2
    judged = []
    for item in first.to_judge:
        swapped = {**item, "real": not item["matches_related_pair"]}
        for key in ("file", "start", "end", "text"):  # the same pair named b first
            swapped[f"a_{key}"], swapped[f"b_{key}"] = item[f"b_{key}"], item[f"a_{key}"]
        judged.append(swapped)
    (tmp_path / "judged.jsonl").write_text("".join(json.dumps(j) + "\n" for j in judged), encoding="utf-8")
    again = score_events(_reports(events), events / "gold.jsonl", TWO_FOLDS, eval_dir=kit,
                         judgements=load_judgements(tmp_path / "judged.jsonl")).folds[0]
    assert (again.judged_real, again.judged_not_real, again.unjudged) == (1, 1, 0)
    assert again.precision == 2 / 4


def test_an_event_without_a_report_is_listed_not_scored(kit, events):
    scores = score_events({"harbour": _reports(events)["harbour"]}, events / "gold.jsonl", TWO_FOLDS, eval_dir=kit)
    assert scores.missing == ["bridge"]
    assert [f.fold for f in scores.scored] == [0]
    assert scores.total().discrepancies == 1


def test_a_missing_eval_kit_is_a_one_line_error(events, tmp_path):
    with pytest.raises(EvalKitError, match=r"score.py: not found"):
        score_events(_reports(events), events / "gold.jsonl", TWO_FOLDS, eval_dir=tmp_path / "nowhere")


# ------------------------------------------------------------------------------------------ the runner


def test_run_events_saves_each_report_and_reuses_it_under_a_tag_until_an_article_changes(events, tmp_path):
    calls = []

    def detect(event_dir: Path) -> dict:
        calls.append(event_dir.name)
        return _report(events, event_dir.name, [])

    work = tmp_path / "work"
    first = run_events(events, detect=detect, work_dir=work, tag="t1")
    assert sorted(first) == ["bridge", "harbour"] and sorted(calls) == ["bridge", "harbour"]
    saved = json.loads((store_dir(work, "t1", f"detect-{__name__}.{detect.__qualname__}")
                        / "harbour" / "report.json").read_text(encoding="utf-8"))
    assert [c["text"] for c in saved["claims"]][:1] == SENTENCES["harbour", "post.md"][:1]
    run_events(events, detect=detect, work_dir=work, tag="t1")
    assert len(calls) == 2  # both reused
    (events / "bridge" / "herald.md").write_text(BRIDGE["herald.md"] + "Traffic was light.\n", encoding="utf-8")
    run_events(events, detect=detect, work_dir=work, tag="t1")
    assert calls[2:] == ["bridge"]
    run_events(events, detect=detect, work_dir=work, tag=None)  # no tag: a detect function is always re-run
    assert len(calls) == 5


def test_a_detect_function_returning_no_report_is_a_one_line_error_naming_the_event(events, tmp_path):
    with pytest.raises(EvalKitError, match=r"what detect returned for bridge: not a claims report \(KeyError"):
        run_events(events, detect=lambda event_dir: {"flags": []}, work_dir=tmp_path, events=["bridge"])


def test_a_saved_report_that_is_not_json_is_a_one_line_error(tmp_path):
    (tmp_path / "harbour").mkdir()
    (tmp_path / "harbour" / "report.json").write_text("{truncated", encoding="utf-8")
    with pytest.raises(EvalKitError, match=r"report.json: cannot read it as JSON"):
        load_reports(tmp_path)


def test_run_events_runs_the_pipeline_with_the_given_embedder(events, embedder, tmp_path):
    reports = run_events(events, embedder=embedder, work_dir=tmp_path / "work", tag="test", events=["harbour"])
    assert list(reports) == ["harbour"]
    flagged = [(f["kind"], {c["id"]: c["text"] for c in reports["harbour"]["claims"]}[f["a"]])
               for f in reports["harbour"]["flags"]]
    assert any(kind == "numeric" and "moorings" in text for kind, text in flagged)
    # saved under the embedder's name: another model's reports never stand in for these
    assert (store_dir(tmp_path / "work", "test", embedder.name) / "harbour" / "report.json").is_file()


# ------------------------------------------------------------------------------------------ the command line


def _kit_of_invented_events(kit: Path, events: Path, tmp_path: Path) -> Path:
    """An eval kit folder with the real score.py and the invented events as its dev list."""
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "score.py").symlink_to(kit / "score.py")
    (folder / "basil_dev_events.txt").write_text("# invented\nharbour\nbridge\n", encoding="utf-8")
    (folder / "basil_dev_gold.jsonl").write_bytes((events / "gold.jsonl").read_bytes())
    return folder


def test_command_scores_saved_reports_and_writes_the_flags_to_judge(kit, events, tmp_path, capsys):
    saved = tmp_path / "saved"
    for event, rep in _reports(events).items():
        (saved / event).mkdir(parents=True)
        (saved / event / "report.json").write_text(json.dumps(rep), encoding="utf-8")
    work = tmp_path / "work"
    code = main(["--events", str(events), "--reports", str(saved), "--work", str(work),
                 "--eval-dir", str(_kit_of_invented_events(kit, events, tmp_path)), "--out", str(tmp_path / "t.md")])
    assert code == 0
    printed = capsys.readouterr().out
    assert "| all | 2 | 1/2 | 0.50 | 1/1 |" in printed
    assert (tmp_path / "t.md").read_text(encoding="utf-8") == printed.rstrip("\n") + "\n"
    [to_judge] = work.glob("to-judge-*.jsonl")
    assert len(to_judge.read_text(encoding="utf-8").splitlines()) == 2


def test_command_without_the_eval_kit_says_so_in_one_line(events, tmp_path, capsys):
    code = main(["--events", str(events), "--reports", str(tmp_path), "--eval-dir", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: ") and "basil_dev_events.txt: not found" in err and err.count("\n") == 1
