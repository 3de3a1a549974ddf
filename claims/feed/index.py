"""Render a feed's index page from its data (``FeedResult.index_data``), nothing else.

Autoescaped Jinja2: headlines and outlets are article text, shown as text. Only http(s)
addresses become links, and each event links to its own report only when its id is one this
tool makes: the href is built here from the id, never taken from the data. Names, titles,
outlets and dates are shown as ``claims report`` shows file names (:func:`claims.display.shown_name`):
a right-to-left override or a control character is written out (``<U+202E>``), so it cannot
reverse what follows it on the page.
"""
from __future__ import annotations

from claims.display import shown_name
from claims.feed.grouping import is_event_id
from claims.reporting.render import _environment, web_link


def _shown(value):
    """Strings made safe to display, lists of them too; anything else as it is."""
    if isinstance(value, str):
        return shown_name(value)
    if isinstance(value, list):
        return [_shown(v) for v in value]
    return value


def _event(e: dict) -> dict:
    top = e.get("top_finding") if isinstance(e.get("top_finding"), dict) else None
    return {
        **{k: _shown(e.get(k)) for k in ("headline", "first_date", "last_date", "n_articles",
                                         "n_findings", "n_flags")},
        "outlets": _shown(e.get("outlets") or []),
        "id": _shown(e.get("id")),
        "singleton": bool(e.get("singleton")),
        "link": f"{e['id']}/report.html" if is_event_id(e.get("id")) and e.get("report") else None,
        "top_finding": {k: _shown(top.get(k)) for k in ("label", "summary")} if top else None,
        "articles": [{**{k: _shown(a.get(k)) for k in ("path", "title", "outlet", "date")}, "link": web_link(a.get("url"))}
                     for a in e.get("articles") or [] if isinstance(a, dict)],
    }


def render_index(data: dict) -> str:
    events = [_event(e) for e in data.get("events") or [] if isinstance(e, dict)]
    return _environment().get_template("feed-index.html.j2").render(
        events=[e for e in events if not e["singleton"]],
        singletons=[e for e in events if e["singleton"]],
        summary=data.get("summary") or {},
        stale=[shown_name(s) for s in data.get("stale") or [] if isinstance(s, str)],
    )
