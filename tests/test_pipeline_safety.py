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
