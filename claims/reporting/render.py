"""Render the fact-checker's HTML review report from the report data dict.

The input is the report data dict made by :mod:`claims.reporting.build` (any
version in :data:`claims.reporting.schema.READABLE`); this module reads nothing
else. :mod:`claims.reporting.view` turns it into the view model (every label,
rank, confidence and link decided there); the template renders that, and
report.js gets the part it needs as JSON. The output is one self-contained
HTML file: the CSS and JavaScript from ``templates/`` are inlined, nothing is
loaded from the network (a document's own http(s) address is a plain link that
opens apart), and it works when opened from ``file://``.

Two JSON blocks are embedded: the report data itself in ``<script
type="application/json" id="report-data">`` (what ``report.json`` holds, with
``kinds`` and ``confidence`` filled in for version 1 data), and the view's
script data in ``id="report-view"``, which is all report.js reads. In both,
``<``, ``>`` and ``&`` are written as ``\\u003c`` etc., so no article text can
close the script element. The page itself (findings, overview, pairs, clusters,
sources) is rendered here with Jinja2, autoescape on, so it is readable with
JavaScript off and printable; report.js filters, sorts and reviews what is
rendered, using DOM calls only, never ``innerHTML``.
"""
from __future__ import annotations

import dataclasses
import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import jinja2
from markupsafe import Markup

from claims.reporting.schema import version
from claims.reporting.view import build_view, web_link, with_defaults  # noqa: F401  (web_link: claims.feed.index)

TEMPLATES = Path(__file__).with_name("templates")


def render_html(data: dict) -> str:
    """The HTML review report for ``data`` (report data of a readable schema version), as one string.

    Data of an unknown schema raises :class:`claims.errors.InputError` with a one-line message.
    """
    return "".join(render_html_chunks(data))


def render_html_chunks(data: dict) -> Iterator[str]:
    """:func:`render_html` in pieces, for writing to a file as they come: the whole page (27 MB
    for 500 articles, held once as pieces and once joined) is never in memory at once."""
    version(data)
    data = with_defaults(data)
    view = build_view(data)
    css, js = _assets()
    template = _environment().get_template("report.html.j2")
    # the view's fields are the template's names (a shallow copy: dataclasses.asdict would copy every token)
    context = {f.name: getattr(view, f.name) for f in dataclasses.fields(view)}
    return template.generate(**context, data_json=Markup(embed_json(data)),
                             view_json=Markup(embed_json(view.script_data())), css=css, js=js)


# --- embedding ------------------------------------------------------------------


def embed_json(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element (and valid JSON).

    ``<``, ``>`` and ``&`` only occur inside JSON strings, so writing them as
    ``\\u003c`` etc. keeps the value and makes ``</script>`` or ``<!--`` in an
    article harmless. Non-finite floats (an open interval's ``inf``) become null.
    """
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError:
        text = json.dumps(_finite(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=1)
def _assets() -> tuple[Markup, Markup]:
    """report.css and report.js, checked so they cannot end their own element early."""
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    if "</style" in css.lower() or "</script" in js.lower() or "<!--" in js:
        raise RuntimeError("report.css/report.js must not contain </style, </script or <!--")
    return Markup(css), Markup(js)
