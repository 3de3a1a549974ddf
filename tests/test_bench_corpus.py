"""claims.bench: the article generator is deterministic, sized right and readable (no model needed)."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from claims.bench import generate_articles, to_markdown, write_corpus
from claims.bench.harness import outside_embedding
from claims.read import read_documents


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?][\u201d\"]?(?=\s|$)", text))


def test_deterministic_for_a_seed():
    a = generate_articles(20, seed=7)
    b = generate_articles(20, seed=7)
    c = generate_articles(20, seed=8)
    assert [x.text for x in a] == [x.text for x in b]
    assert [x.filename for x in a] == [x.filename for x in b]
    assert [x.text for x in a] != [x.text for x in c]


@pytest.mark.parametrize("n", [1, 10, 57])
def test_sizes_and_sentence_counts(n):
    arts = generate_articles(n, seed=1)
    assert len(arts) == n
    assert len({a.filename for a in arts}) == n
    assert len({a.text for a in arts}) == n
    for a in arts:
        assert 40 <= a.sentences <= 70, (a.filename, a.sentences)
        if a.filename.endswith(".txt"):
            # the headline has no period; everything else is sentences
            assert 40 <= _sentences(a.text) <= 72, (a.filename, _sentences(a.text))


def test_corpus_has_events_discrepancies_and_repeats():
    arts = generate_articles(300, seed=3)
    assert len({a.event for a in arts}) == 3  # one event per hundred articles
    kinds = {d["kind"] for a in arts for d in a.discrepancies}
    assert kinds == {"numeric", "role", "date", "negation", "entity_name"}
    clean = sum(1 for a in arts if not a.discrepancies)
    assert 0.1 * len(arts) < clean < 0.9 * len(arts)
    # the wire paragraph is repeated verbatim across outlets covering one event
    by_event: dict[int, list[str]] = {}
    for a in arts:
        by_event.setdefault(a.event, []).append(a.text)
    texts = by_event[0]
    para = "interior ministry, "
    assert sum(para in t for t in texts) >= 2
    # titled officials, dates and figures appear in the prose
    sample = arts[0].text
    assert re.search(r"(Minister|President|governor) [A-Z][a-z]+ [A-Z][a-z]+", sample)
    assert re.search(r"\b\d{1,3}(,\d{3})*\b", sample)
    assert re.search(r"(January|February|March|April|May|June|July|August|September|October|November|December) \d", sample)


def test_written_corpus_is_readable(tmp_path):
    paths = write_corpus(tmp_path / "c", 30, seed=2)
    assert len(paths) == 30
    assert any(p.suffix == ".html" for p in paths) and any(p.suffix == ".txt" for p in paths)
    warnings: list[str] = []
    docs = read_documents([tmp_path / "c"], warn=warnings.append)
    assert warnings == []
    assert len(docs) == 30  # the hidden manifest is not an article
    manifest = json.loads((tmp_path / "c" / ".manifest.json").read_text(encoding="utf-8"))
    assert [a["filename"] for a in manifest["articles"]] == [p.name for p in paths]
    for d in docs:
        assert d.title and "\n" not in d.title
        assert d.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.date)
        if d.path.endswith(".html"):
            assert "Do not read me" not in d.text and "Most read" not in d.text and "Share this" not in d.text
            assert d.text.startswith(d.title)


def _table(md: str, first_header: str) -> list[dict[str, str]]:
    """The Markdown table whose header row starts with ``first_header``, as dicts by column name."""
    lines = md.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    names = [c.strip() for c in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(dict(zip(names, (c.strip() for c in line.strip("|").split("|")))))
    return rows


def _fake_result(label: str = "10 articles", workers: int = 1, model: str = "default") -> dict:
    cold = dict(import_s=5.0, wall_s=10.0, peak_rss_mb=900.0, n_docs=10, n_claims=500, n_candidate_pairs=1234,
                n_flags=17, report_html_mb=1.25, report_json_mb=0.8, model_load_s=0.6, torch_threads=2,
                workers=workers,
                stages={"read": 0.5, "load model": 0.6, "embed": 8.0, "compare": 0.7, "report": 0.8})
    warm = dict(cold, wall_s=2.0, stages={"read": 0.4, "embed": 0.2, "compare": 0.6, "report": 0.7,
                                               "my stage": 0.1})
    return {"label": label, "model": model, "cold": cold, "warm": warm}


def test_markdown_table_from_fake_results():
    md = to_markdown([_fake_result()])
    (row,) = _table(md, "corpus")
    assert row["corpus"] == "10 articles"
    assert (row["docs"], row["claims"], row["candidate pairs"], row["flags"]) == ("10", "500", "1234", "17")
    assert float(row["run s (cold)"]) == 10.0 and float(row["run s (warm, cached)"]) == 2.0
    assert float(row["claims/s"]) == 50.0  # claims / cold run seconds
    assert float(row["warm/cold"]) == 0.2
    assert float(row["report MB (html)"]) == 1.25
    # everything but embed and load model (0.5 + 0.7 + 0.8 = 2.0 s) against embed (8 s), cold run
    assert row["outside embedding (cold)"] == "2.0 s = 25% of embed"
    (stages,) = _table(md, "corpus | model | read")
    # the pipeline's order, then a stage the harness does not know (a replaced pipeline's own)
    assert list(stages)[2:] == ["read", "load model", "embed", "compare", "report", "my stage"]
    assert stages["embed"] == "8.00 / 0.20"
    assert stages["load model"] == "0.60 / –"  # the warm run loads no model
    assert "fallback" not in md


def test_models_side_by_side():
    md = to_markdown([_fake_result(model="default"), _fake_result(model="fast")])
    assert [(r["corpus"], r["model"]) for r in _table(md, "corpus")] == [("10 articles", "default"),
                                                                        ("10 articles", "fast")]
    assert [r["model"] for r in _table(md, "corpus | model | read")] == ["default", "fast"]


def test_markdown_says_which_workers():
    assert "pipeline workers 3" in to_markdown([_fake_result(workers=3)])


def test_outside_embedding_without_stages():
    assert outside_embedding({}) == "–"
    assert outside_embedding({"stages": {"read": 1.0}}) == "–"  # no embed stage: no share


def test_command_line_generates_a_corpus(tmp_path):
    out = tmp_path / "c"
    proc = subprocess.run([sys.executable, "-m", "claims.bench", "--generate", str(out), "--sizes", "5"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(list(out.glob("*.txt")) + list(out.glob("*.html"))) == 5
    assert (out / ".manifest.json").exists()


# =========================================================================== quality against the manifest

def _hand_made() -> tuple[dict, dict]:
    """Three articles: a.txt with four injected discrepancies (one, the negation, not in its text),
    b.txt with two, c.txt clean; eight flags, four of which match an injected discrepancy."""
    manifest = {"seed": 0, "articles": [
        {"filename": "a.txt", "event": 0, "discrepancies": [
            {"kind": "numeric", "how": "garbled", "true": 597, "reported": "5,970"},
            {"kind": "role", "person": "Karim Lund", "true": "Interior Minister", "reported": "Health Minister"},
            {"kind": "date", "true": "2020-06-14", "reported": "2020-06-15"},  # a Monday
            {"kind": "negation", "detail": "state of emergency not declared"}]},
        {"filename": "b.txt", "event": 0, "discrepancies": [
            {"kind": "entity_name", "true": "Lindqvist", "reported": "Lindqviss"},
            {"kind": "numeric", "how": "higher", "true": 597, "reported": "795"}]},
        {"filename": "c.txt", "event": 0, "discrepancies": []},
    ]}
    claims = {
        "c0": ("d0", "At least 5,970 people were killed."),
        "c1": ("d2", "At least 597 people were killed."),
        "c2": ("d0", "Health Minister Karim Lund said the toll would rise."),
        "c3": ("d2", "Interior Minister Karim Lund said the toll would rise."),
        "c4": ("d1", "Prime Minister Viktor Lindqviss visited the town."),
        "c5": ("d2", "Prime Minister Viktor Lindqvist visited the town."),
        "c6": ("d1", "Schools will stay closed until Tuesday."),
        "c7": ("d2", "Schools will stay closed until Monday."),
        "c8": ("d1", "Hospitals were treating 7,795 injured people."),  # 795 inside a longer number
        "c9": ("d2", "Hospitals were treating 1,790 injured people."),
        "c10": ("d1", "\u201cWe heard a noise,\u201d said Rosa Berg, a 61-year-old farmer."),
        "c11": ("d2", "\u201cWe heard a noise,\u201d said Emil Lund, a 45-year-old teacher."),
        "c12": ("d0", "A powerful earthquake struck Mirzal on Monday."),
        "c13": ("d2", "A powerful earthquake struck Mirzal on Sunday."),
        "c14": ("d1", "Officials said 795 people had died."),  # in b.txt's text, but in no flag
    }
    texts = {d: " ".join(t for dd, t in claims.values() if dd == d) for d in ("d0", "d1", "d2")}
    report = {
        "schema": "claims-report/1",
        "documents": [{"id": f"d{i}", "path": f"corpus/{n}", "name": n, "text": texts[f"d{i}"]}
                      for i, n in enumerate(["a.txt", "b.txt", "c.txt"])],
        "claims": [{"id": cid, "doc": d, "start": 0, "end": len(t), "text": t} for cid, (d, t) in claims.items()],
        "flags": [{"a": a, "b": b, "kind": k, "score": 0.9, "explanation": ""} for a, b, k in [
            ("c0", "c1", "garbled_number"),  # explains a.txt's numeric
            ("c3", "c2", "role"),            # explains the role (claim b is the one in a.txt)
            ("c4", "c5", "entity_name"),     # explains b.txt's misspelling
            ("c12", "c13", "date"),          # explains a.txt's date: the shifted day's weekday
            ("c6", "c7", "date"),            # weekday slot varies at random: not in the manifest
            ("c8", "c9", "numeric"),         # 7,795 is not 795: unexplained
            ("c10", "c11", "numeric"),       # witness ages are random
            ("c0", "c1", "role"),            # the right claim, the wrong kind: unexplained
        ]],
    }
    return report, manifest


def test_score_against_manifest_found_and_explained():
    from claims.bench.quality import score_against_manifest

    report, manifest = _hand_made()
    q = score_against_manifest(report, manifest)
    inj, fl = q["injected"], q["flags"]
    assert (inj["found"], inj["total"], inj["not_in_text"]) == (4, 6, 1)
    assert inj["by_kind"] == {
        "date": {"found": 1, "total": 1, "not_in_text": 0},
        "entity_name": {"found": 1, "total": 1, "not_in_text": 0},
        "negation": {"found": 0, "total": 1, "not_in_text": 1},
        "numeric": {"found": 1, "total": 2, "not_in_text": 0},
        "role": {"found": 1, "total": 1, "not_in_text": 0},
    }
    assert sorted((m["file"], m["kind"], m["in_text"]) for m in inj["missed"]) == [
        ("a.txt", "negation", False), ("b.txt", "numeric", True)]
    assert (fl["explained"], fl["total"], fl["share"]) == (4, 8, 0.5)
    assert fl["random"] == {"weekday": 1, "witness": 1}
    assert fl["unexplained"] == 2
    assert fl["by_kind"]["date"] == {"explained": 1, "total": 2, "random": {"weekday": 1}, "unexplained": 0}
    assert fl["by_kind"]["numeric"] == {"explained": 0, "total": 2, "random": {"witness": 1}, "unexplained": 1}
    assert fl["by_kind"]["role"] == {"explained": 1, "total": 2, "random": {}, "unexplained": 1}
    assert fl["by_kind"]["garbled_number"]["explained"] == 1 and fl["by_kind"]["entity_name"]["explained"] == 1


def test_score_needs_the_flag_in_the_article_with_the_discrepancy():
    from claims.bench.quality import score_against_manifest

    report, manifest = _hand_made()
    # the same flags, but a.txt's claims now belong to clean c.txt: nothing of a.txt is found
    for c in report["claims"]:
        if c["doc"] == "d0":
            c["doc"] = "d2"
    q = score_against_manifest(report, manifest)
    assert q["injected"]["by_kind"]["numeric"]["found"] == 0
    assert q["injected"]["by_kind"]["role"]["found"] == 0
    assert q["injected"]["found"] == 1  # only b.txt's misspelling
    # without document texts, "not in text" is unknown rather than zero
    for d in report["documents"]:
        del d["text"]
    assert score_against_manifest(report, manifest)["injected"]["not_in_text"] is None


def test_score_with_no_flags_and_no_discrepancies():
    from claims.bench.quality import score_against_manifest

    q = score_against_manifest({"documents": [], "claims": [], "flags": []}, {"articles": []})
    assert (q["injected"]["found"], q["injected"]["total"], q["injected"]["share"]) == (0, 0, None)
    assert (q["flags"]["explained"], q["flags"]["total"], q["flags"]["share"]) == (0, 0, None)


def test_rendered_patterns_match_the_generated_text():
    """Every injected discrepancy the generator records is written the way the scorer looks for it,
    or is one of the known cases that may not be written at all (see the module docstring)."""
    from claims.bench.quality import rendered_patterns

    arts = generate_articles(200, seed=5)
    absent = []
    for a in arts:
        for d in a.discrepancies:
            if not any(p.search(a.text) for p in rendered_patterns(d)):
                absent.append(d["kind"])
    n = sum(len(a.discrepancies) for a in arts)
    assert n > 50
    assert set(absent) <= {"negation", "role", "entity_name"}  # sentences not drawn, officials not named
    assert len(absent) < 0.05 * n


def test_markdown_shows_quality_columns_and_kinds(tmp_path):
    from claims.bench.harness import _quality
    from claims.bench.quality import manifest_for, score_against_manifest

    report, manifest = _hand_made()
    result = _fake_result()
    result["cold"]["quality"] = score_against_manifest(report, manifest)
    md = to_markdown([result, _fake_result("seeds")])
    rows = _table(md, "corpus")
    assert (rows[0]["injected found"], rows[0]["flags explained"]) == ("4/6", "50%")
    assert (rows[1]["injected found"], rows[1]["flags explained"]) == ("–", "–")  # no manifest
    line = next(x for x in md.splitlines() if x.startswith("- 10 articles, default:"))
    assert "numeric 1/2" in line and "negation 0/1, 1 not in text" in line
    assert "date 1/2" in line and "weekday 1, witness 1" in line and "other 2" in line
    assert "- seeds:" not in md
    # a folder with a manifest is scored; one without is not
    write_corpus(tmp_path / "c", 3, seed=1)
    assert manifest_for([str(tmp_path / "c")])["articles"][0]["filename"].startswith("0000_")
    assert manifest_for([str(tmp_path)]) is None and manifest_for([str(tmp_path / "c"), str(tmp_path)]) is None
    js = tmp_path / "report.json"
    js.write_text(json.dumps(report), encoding="utf-8")
    assert _quality([str(tmp_path)], js) is None
