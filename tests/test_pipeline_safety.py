"""The Python API's safety: the report pair is replaced whole, inputs are never outputs."""
from __future__ import annotations

import pytest

ARTICLES = {
    "a.txt": "The ministry said 41 people were killed in the flood on Monday, officials confirmed.\n",
    "b.txt": "Officials said 14 people were killed in the flood on Monday, the ministry confirmed.\n",
}


def test_interrupt_while_rendering_keeps_the_old_pair(run_articles, tmp_path, monkeypatch):
    import claims.reporting.render as render

    report = run_articles(ARTICLES)
    html, js = tmp_path / "out" / "report.html", tmp_path / "out" / "report.json"
    report.write(html, js)
    before = html.read_bytes(), js.read_bytes()

    def interrupted(data):
        yield "<!doctype html>"  # part of the page is already in the temp file
        raise KeyboardInterrupt  # Ctrl-C while the HTML is being made, after the JSON is written

    monkeypatch.setattr(render, "render_html_chunks", interrupted)
    with pytest.raises(KeyboardInterrupt):
        report.write(html, js)
    assert (html.read_bytes(), js.read_bytes()) == before
    assert sorted(p.name for p in html.parent.iterdir()) == ["report.html", "report.json"]


# --- plausible input that used to crash ---------------------------------------------------

@pytest.mark.parametrize("text", ["Flood hits Eastvale\n", "***\n", "12\n"])
def test_an_article_with_no_claim_gives_a_report_that_says_so(run_articles, tmp_path, text):
    import json

    report = run_articles({"a.txt": text})  # used to be an IndexError in clustering
    report.write(tmp_path / "r.html", tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["flags"] == []
    assert any("nothing to compare" in n for n in data["notes"])
    assert (tmp_path / "r.html").stat().st_size > 0


def test_nothing_to_compare_is_exit_0_on_the_command_line(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Flood hits Eastvale\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "claims.cli", "report", tmp_path / "a.txt", "--out",
                             tmp_path / "r.html", "--no-cache"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "nothing to compare" in result.stderr
    assert (tmp_path / "r.html").exists() and (tmp_path / "r.json").exists()


def test_a_310_digit_number_is_not_a_quantity(run_articles):
    huge = "9" * 310
    report = run_articles({
        "a.txt": f"The ministry said {huge} people were killed in the flood on Monday.\n",
        "b.txt": "The ministry said 41 people were killed in the flood on Monday.\n",
    })  # used to be an OverflowError in quantity extraction
    assert len(report.claims) == 2
    assert all(huge not in q.text for c in report.claims for q in c.quantities)


def _write_and_load(report, folder):
    import json

    report.write(folder / "r.html", folder / "r.json")
    return json.loads((folder / "r.json").read_text(encoding="utf-8")), (folder / "r.html").read_text(encoding="utf-8")


def test_a_lone_surrogate_in_json_input_is_reported_with_offsets_intact(embedder, tmp_path):
    from claims.pipeline import run

    folder = tmp_path / "in"
    folder.mkdir()
    record = ('{"title": "Flood \\ud800 toll", "text": "The ministry said \\ud800 41 people were killed in the flood. '
              'Officials said 14 people were killed in the flood."}')
    (folder / "a.json").write_text(record, encoding="utf-8")
    (folder / "b.txt").write_text("The ministry said 41 people were killed in the flood.\n", encoding="utf-8")
    report = run([folder], embedder=embedder, use_cache=False)  # used to be a TypeError in the tokenizer
    data, _ = _write_and_load(report, tmp_path)  # and a UnicodeEncodeError on writing
    docs = {d["id"]: d for d in data["documents"]}
    assert data["claims"]
    for c in data["claims"]:
        assert docs[c["doc"]]["text"][c["start"]:c["end"]] == c["text"]  # offsets still point at the claim


def test_a_file_name_that_is_not_utf8_gets_flags_and_a_report(embedder, tmp_path):
    import os

    from claims.pipeline import run

    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # how Python shows a byte that is not UTF-8 in a file name
    (folder / name).write_text("The ministry said 41 people were killed in the flood on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The ministry said 14 people were killed in the flood on Monday.\n", encoding="utf-8")
    report = run([folder], embedder=embedder, use_cache=False)  # flag ids used to raise UnicodeEncodeError
    assert report.flags and all(f.id for f in report.flags)
    data, html = _write_and_load(report, tmp_path)
    shown = [d["name"] for d in data["documents"]]
    assert "caf<0xE9>.txt" in shown  # the byte is visible, not silently dropped
    assert "caf&lt;0xE9&gt;.txt" in html


def test_bidi_controls_in_file_names_are_made_visible_in_the_html(run_articles, tmp_path):
    sneaky = "invoice\u202etxt.pdf"  # displays as "invoicefdp.txt"
    report = run_articles({sneaky + ".txt": "The ministry said 41 people were killed in the flood on Monday.\n",
                           "b.txt": "The ministry said 14 people were killed in the flood on Monday.\n"})
    _, html = _write_and_load(report, tmp_path)
    assert "\u202e" not in html
    assert "invoice&lt;U+202E&gt;txt.pdf.txt" in html


# --- bounded work: every cut is announced and can be raised ------------------------------

def _flood_article(n_sentences: int, toll: int) -> str:
    return "\n".join(f"The ministry said {toll + i} people were killed in district {i} of the flood zone."
                     for i in range(n_sentences)) + "\n"


def _limited(**limits):
    from claims.settings import Settings

    settings = Settings()
    for name, value in limits.items():
        setattr(settings.limits, name, value)
    return settings


def test_a_long_document_is_split_only_up_to_the_character_limit(run_articles):
    warnings = []
    text = _flood_article(40, 100)
    report = run_articles({"a.txt": text, "b.txt": _flood_article(3, 7)},
                          settings=_limited(document_chars=len(text) // 4), warn=warnings.append)
    doc = next(d for d in report.documents if d.name == "a.txt")
    assert doc.text == text  # the text is whole, so every offset holds
    mine = [c for c in report.claims if c.doc == doc.id]
    assert mine and all(c.end <= len(text) // 4 for c in mine)
    assert all(doc.text[c.start:c.end] == c.text for c in mine)
    assert "document_chars" in report.data["limits"]
    assert any("a.txt" in w and "characters" in w for w in warnings)


def test_claims_per_document_are_capped_and_counted(run_articles):
    report = run_articles({"a.txt": _flood_article(12, 100), "b.txt": _flood_article(12, 300)},
                          settings=_limited(claims_per_document=5))
    per_doc = {}
    for c in report.claims:
        per_doc[c.doc] = per_doc.get(c.doc, 0) + 1
    assert max(per_doc.values()) == 5
    cut = report.data["limits"]["claims_per_document"]
    assert cut["shown"] == len(report.claims) < cut["found"]


def test_flags_are_capped_best_first_and_the_report_says_showing_n_of_m(run_articles, tmp_path):
    import json

    articles = {"a.txt": _flood_article(6, 100), "b.txt": _flood_article(6, 300)}
    everything = run_articles(articles)
    assert len(everything.flags) > 2, "the articles must disagree more than twice for this test"
    report = run_articles(articles, settings=_limited(flags=2))
    assert [f.id for f in report.flags] == [f.id for f in everything.flags[:2]]  # the best two
    report.write(tmp_path / "r.html", tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["limits"]["flags"]["shown"] == 2 and data["limits"]["flags"]["found"] == len(everything.flags)
    assert any(f"showing 2 of {len(everything.flags)} flags" in n for n in data["notes"])


def test_every_limit_is_documented():
    from claims.settings import Settings

    limits = Settings().explain()["limits"]
    assert {"document_chars", "claims_per_document", "flags"} <= set(limits)
    assert all(v["why"] and v["value"] > 0 for v in limits.values())
