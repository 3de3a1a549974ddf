"""Render a feed's index page from its data (``FeedResult.index_data``), nothing else.

Autoescaped Jinja2: headlines and outlets are article text, shown as text. Only
http(s) addresses become links; each event links to its own report.
"""
from __future__ import annotations

from claims.reporting.render import _environment, web_link


def render_index(data: dict) -> str:
    events = []
    for e in data.get("events") or []:
        articles = [{**a, "link": web_link(a.get("url"))} for a in e.get("articles") or []]
        events.append({**e, "articles": articles})
    return _environment().get_template("feed-index.html.j2").render(
        events=[e for e in events if not e["singleton"]],
        singletons=[e for e in events if e["singleton"]],
        summary=data.get("summary") or {},
    )
