"""HTML pages: the visible article text, and the title and date the page states."""
from __future__ import annotations

import json
import re

from claims.read.common import one_line
from claims.read.metadata import parse_date


def html_to_text(markup: str) -> tuple[str, str | None, str | None]:
    """Return ``(visible text, title, date)`` of an HTML page (see the module docstring)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    title = _html_title(soup)
    date = _html_date(soup)
    for el in soup.find_all(_DROP_TAGS):
        el.decompose()
    for el in soup.find_all(_is_hidden):
        el.decompose()
    root = _html_root(soup)
    # a page-wide header/footer is chrome; inside the article a <header> holds the headline
    for el in root.find_all(["header", "footer"]):
        if el.name == "footer" or el.find_parent("article") is None:
            el.decompose()
    blocks: list[str] = []
    _walk(root, blocks, [])
    return "\n\n".join(blocks), title, date


_DROP_TAGS = [
    "script", "style", "nav", "aside", "form", "noscript", "template", "svg", "iframe", "button",
    "select", "input", "textarea", "canvas", "object", "embed", "dialog", "head", "title", "math", "audio",
    "video",
]
_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "section", "article", "main",
    "figure", "figcaption", "table", "tr", "ul", "ol", "dl", "dt", "dd", "address", "caption", "details",
    "summary", "header", "footer", "hr", "body", "html", "center", "tbody", "thead", "tfoot",
}


def _is_hidden(tag) -> bool:
    if tag.attrs is None:
        return False
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    style = tag.get("style")
    if isinstance(style, str):
        s = style.replace(" ", "").lower()
        return "display:none" in s or "visibility:hidden" in s
    return False


def _html_root(soup):
    for name in ("article", "main"):
        candidates = soup.find_all(name)
        if candidates:
            return max(candidates, key=lambda t: len(t.get_text(" ", strip=True)))
    role_main = soup.find(attrs={"role": "main"})
    if role_main is not None:
        return role_main
    return soup.body or soup


def _walk(node, blocks: list[str], buf: list[str]) -> None:
    """Collect the text of ``node`` into ``blocks``, one per block element (iteratively:
    html.parser nests unclosed tags, so real pages can be thousands of levels deep)."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    def flush() -> None:
        if buf:
            lines = "".join(buf).split("\n")
            kept = [" ".join(ln.split()) for ln in lines]
            text = "\n".join(ln for ln in kept if ln)
            if text:
                blocks.append(text)
            buf.clear()

    _END = object()
    stack: list = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, tuple):  # (_END, tag): leaving a tag
            tag = n[1]
            if tag.name in _BLOCK_TAGS:
                flush()
            elif tag.name in ("td", "th"):
                buf.append(" ")
            continue
        if isinstance(n, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(n, NavigableString):
            buf.append(str(n).replace("\n", " "))
            continue
        if not isinstance(n, Tag):
            continue
        if n.name == "br":
            buf.append("\n")
            continue
        if n.name in _BLOCK_TAGS:
            flush()
        stack.append((_END, n))
        stack.extend(reversed(list(n.children)))
    flush()


def _meta(soup, *names: str) -> str | None:
    wanted = {n.lower() for n in names}
    for m in soup.find_all("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "")
        if isinstance(key, str) and key.lower() in wanted:
            content = m.get("content")
            if isinstance(content, str) and content.strip():
                return content
    return None


def _json_ld(soup, key: str) -> str | None:
    for s in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(s.string or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                v = item.get(key)
                if isinstance(v, str) and v.strip():
                    return v
                if "@graph" in item:
                    stack.append(item["@graph"])
    return None


def _html_title(soup) -> str | None:
    t = _meta(soup, "og:title", "twitter:title")
    if not t:
        h1 = soup.find("h1")
        t = h1.get_text(" ", strip=True) if h1 else None
    if not t and soup.title:
        t = soup.title.get_text(" ", strip=True)
    if not t:
        t = _json_ld(soup, "headline")
    return one_line(t)


def _html_date(soup) -> str | None:
    raw = _meta(soup, "article:published_time", "og:published_time", "datePublished", "pubdate",
                "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "parsely-pub-date",
                "sailthru.date")
    date = parse_date(raw) if raw else None
    if not date:
        raw = _json_ld(soup, "datePublished")
        date = parse_date(raw) if raw else None
    if not date:
        for t in soup.find_all("time"):
            dt = t.get("datetime")
            date = parse_date(dt) if isinstance(dt, str) else None
            if date:
                break
    return date


def looks_like_html(s: str) -> bool:
    head = s.lstrip()[:2000]
    return head.startswith("<") and re.search(r"<(?:p|div|br|article|h[1-6]|html|body|span|ul)\b", head, re.I) is not None
