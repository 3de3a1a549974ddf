"""The seed corpus end to end: the product's reason to exist, measured with the eval kit."""
from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import EVAL, SEEDS, in_ci
from claims.reporting.schema import SCHEMA


def _score_module():
    path = EVAL / "score.py"
    if not path.exists():
        if in_ci():
            pytest.fail(f"eval kit missing at {path}")
        pytest.skip("the eval kit (../shared/eval) is not beside this checkout")
    spec = importlib.util.spec_from_file_location("claims_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold_ranks(report_json):
    """Rank of every gold pair in the report, computed with the eval kit's own matching."""
    score = _score_module()
    _, claims, flags = score.load_report(report_json)
    gold = [json.loads(line) for line in (EVAL / "seeds_gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts: dict = {}
    out = []
    for g in gold:
        sa = score.gold_span(SEEDS, g, "a", texts)
        sb = score.gold_span(SEEDS, g, "b", texts)
        rank = kind = None
        for r, f in enumerate(flags, 1):
            ca, cb = claims[f["a"]], claims[f["b"]]
            if (score.covers(ca, g["a_file"], sa) and score.covers(cb, g["b_file"], sb)) or (
                score.covers(cb, g["a_file"], sa) and score.covers(ca, g["b_file"], sb)):
                rank, kind = r, f["kind"]
                break
        out.append((g, rank, kind))
    return out


def test_seed_report_finds_the_gold_discrepancies_without_false_alarms(seed_report):
    report, out = seed_report
    ranks = _gold_ranks(out / "report.json")
    discrepancies = [(g, r, k) for g, r, k in ranks if g["label"] == "discrepancy"]
    found = [(g, r, k) for g, r, k in discrepancies if r is not None]
    assert len(found) / len(discrepancies) >= 0.8
    false_alarms = [g for g, r, _ in ranks if g["label"] in ("agree", "not_contradiction") and r is not None]
    assert false_alarms == []
    assert len(report.flags) <= 40


def _gold_findings(report_json):
    """For every gold discrepancy found, the rank of the finding whose flags hold it."""
    data = json.loads(report_json.read_text(encoding="utf-8"))
    flags = data["flags"]
    finding_of = {fid: x for x in data["findings"] for fid in x["flags"]}
    out = []
    for g, rank, kind in _gold_ranks(report_json):
        if g["label"] == "discrepancy" and rank is not None:
            out.append((g, finding_of[flags[rank - 1]["id"]]))
    return data, out


def test_the_seed_discrepancies_are_a_few_findings_with_the_headline_ones_first(seed_report):
    _, out = seed_report
    data, found = _gold_findings(out / "report.json")
    assert len(found) >= 8
    assert len({x["id"] for _, x in found}) <= 7, "one finding per disputed fact, not one per pair"
    assert len(data["findings"]) <= 10
    top = {x["id"] for x in data["findings"][:5]}
    for kind in ("numeric", "garbled_number", "role"):  # the toll, the garbled figure, a title
        assert any(g["kind"] == kind and x["id"] in top for g, x in found), kind


def test_a_title_finding_says_which_title_most_articles_give(seed_report):
    _, out = seed_report
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    titles = [x for x in data["findings"] if x["kind"] == "role"]
    assert titles
    for x in titles:
        majority = [v for v in x["values"] if v["standing"] == "majority"]
        outliers = [v for v in x["values"] if v["standing"] == "outlier"]
        assert len(majority) == 1 and outliers
        assert len(majority[0]["documents"]) > max(len(v["documents"]) for v in outliers)
        assert f"Most articles say “{majority[0]['shown']}”" in x["summary"]


def test_the_garbled_figure_is_its_own_finding_attached_to_its_count(seed_report):
    _, out = seed_report
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    by_id = {x["id"]: x for x in data["findings"]}
    garbled = [x for x in data["findings"] if x["kind"] == "garbled_number"]
    assert garbled and all(x["attached_to"] in by_id for x in garbled)
    for x in garbled:
        count = by_id[x["attached_to"]]
        assert count["kind"] == "numeric" and count["subject"] == x["subject"]
        suspect = [v for v in x["values"] if v["standing"] == "outlier"]
        assert len(suspect) == 1 and suspect[0]["value"] not in {v["value"] for v in count["values"]}


def test_claims_report_can_be_called_twice_in_one_session(tmp_path, embedder):
    """A notebook calls claims.report() again and again (the reporting package once shadowed it)."""
    import claims

    article = tmp_path / "a.txt"
    article.write_text("Officials said 12 people were killed. Medics said 40 people were killed.\n", encoding="utf-8")
    first = claims.report([article], embedder=embedder, progress=False, use_cache=False)
    first.write(tmp_path / "1.html", tmp_path / "1.json")
    second = claims.report([article], embedder=embedder, progress=False, use_cache=False)
    assert callable(claims.report)
    assert [f.id for f in second.flags] == [f.id for f in first.flags]


def test_fast_model_finds_the_same_gold_discrepancies_without_false_alarms(seed_report, fast_seed_report):
    transformer = _gold_ranks(seed_report[1] / "report.json")
    fast = _gold_ranks(fast_seed_report[1] / "report.json")
    found = lambda ranks: {(g["a_sentence"], g["b_sentence"])  # noqa: E731
                           for g, r, _ in ranks if g["label"] == "discrepancy" and r is not None}
    assert found(fast) >= found(transformer)
    assert [g for g, r, _ in fast if g["label"] in ("agree", "not_contradiction") and r is not None] == []
    # the run says which model measured its cosine gates
    settings = json.loads((fast_seed_report[1] / "report.json").read_text(encoding="utf-8"))["settings"]
    assert settings["calibration"]["model"]["value"] == "fast"
    assert settings["cluster"]["distance_threshold"]["model"] == "fast"


def test_the_three_headline_pairs_are_in_the_top_ten(seed_report):
    _, out = seed_report
    ranks = _gold_ranks(out / "report.json")

    def best(kind, needle):
        hits = [r for g, r, k in ranks if g["kind"] == kind and g["label"] == "discrepancy" and r
                and needle(g) and k == kind]
        return min(hits) if hits else None

    toll = best("numeric", lambda g: True)
    garbled_same_doc = best("garbled_number", lambda g: g["a_file"] == g["b_file"])
    title = best("role", lambda g: True)
    assert toll is not None and toll <= 10
    assert garbled_same_doc is not None and garbled_same_doc <= 10
    assert title is not None and title <= 10


def test_every_claim_points_back_into_its_file(seed_report):
    report, out = seed_report
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    texts = {d["id"]: (SEEDS.parent / d["path"]).read_text(encoding="utf-8") if not d["path"].startswith("/")
             else open(d["path"], encoding="utf-8").read() for d in data["documents"]}
    assert data["schema"] == SCHEMA
    for c in data["claims"]:
        assert texts[c["doc"]][c["start"]:c["end"]] == c["text"]
        assert c["sentence_start"] <= c["start"] < c["end"] <= c["sentence_end"]
    ids = {c["id"] for c in data["claims"]}
    for f in data["flags"]:
        assert f["a"] in ids and f["b"] in ids and 0 <= f["score"] <= 1 and f["explanation"]


def test_repeated_half_article_yields_no_flag_against_itself(seed_report):
    report, _ = seed_report
    by_id = {c.id: c for c in report.claims}
    for f in report.flags:
        assert by_id[f.a].text.strip() != by_id[f.b].text.strip()
    # every claim text appears once per document
    seen = set()
    for c in report.claims:
        assert (c.doc, c.text) not in seen
        seen.add((c.doc, c.text))


def test_flag_ids_are_stable_across_runs(seed_report, embedder):
    from claims.pipeline import run

    report, _ = seed_report
    again = run([SEEDS], embedder=embedder, use_cache=False)
    assert sorted(f.id for f in again.flags) == sorted(f.id for f in report.flags)
