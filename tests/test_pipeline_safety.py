"""The Python API's safety: the report pair is replaced whole, inputs are never outputs."""
from __future__ import annotations

import pytest

ARTICLES = {
    "a.txt": "The ministry said 41 people were killed in the flood on Monday, officials confirmed.\n",
    "b.txt": "Officials said 14 people were killed in the flood on Monday, the ministry confirmed.\n",
}


def test_interrupt_while_rendering_keeps_the_old_pair(run_articles, tmp_path, monkeypatch):
    import claims.report.render as render

    report = run_articles(ARTICLES)
    html, js = tmp_path / "out" / "report.html", tmp_path / "out" / "report.json"
    report.write(html, js)
    before = html.read_bytes(), js.read_bytes()

    def interrupted(data):
        raise KeyboardInterrupt  # Ctrl-C while the HTML is being made, after the JSON text is ready

    monkeypatch.setattr(render, "render_html", interrupted)
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
