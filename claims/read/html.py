"""HTML pages: the visible article text, and the title and date the page states."""
from __future__ import annotations

import json
import re

from claims.read.metadata import ArticleMeta, clean_str, parse_date


def html_to_text(markup: str) -> tuple[str, str | None, str | None]:
    """Return ``(visible text, title, date)`` of an HTML page (see the package docstring)."""
    text, meta = html_article(markup)
    return text, meta.title, meta.date


def html_article(markup: str) -> tuple[str, ArticleMeta]:
    """The visible article text of an HTML page, and what the page says about the article.

    Title: ``og:title``, JSON-LD headline, first ``<h1>``, ``<title>``. Date: htmldate (meta
    tags, JSON-LD, URL), else ``article:published_time``-like meta, JSON-LD, ``<time>``.
    Outlet: JSON-LD ``publisher.name``, ``og:site_name``. URL: ``<link rel=canonical>``,
    ``og:url``, JSON-LD ``url``.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    meta = _html_meta(soup, markup)
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
    return "\n\n".join(blocks), meta


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


_ARTICLE_TYPES = re.compile(r"(?:^|[/:])(?:\w*Article|BlogPosting|Report)$")


def _json_ld_objects(soup) -> list[dict]:
    """Every object in the page's JSON-LD blocks (through lists and ``@graph``), in page order."""
    found: list[dict] = []
    for script in soup.find_all("script", attrs={"type": re.compile(r"^\s*application/ld\+json", re.I)}):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):  # broken JSON-LD is common and only means "no metadata"
            continue
        stack = [data]
        while stack and len(found) < 1000:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                found.append(item)
                if "@graph" in item:
                    stack.insert(0, item["@graph"])
    return found


def _is_article(obj: dict) -> bool:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds)


def _json_ld(objects: list[dict], key: str, *, articles_only: bool = True) -> str | None:
    for obj in objects:
        if articles_only and not _is_article(obj):
            continue
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _link_href(soup, rel: str) -> str | None:
    for link in soup.find_all("link"):
        rels = link.get("rel") or []
        rels = rels.split() if isinstance(rels, str) else rels
        href = link.get("href")
        if rel in (r.lower() for r in rels) and isinstance(href, str) and href.strip():
            return href.strip()
    return None


def _html_meta(soup, markup: str) -> ArticleMeta:
    json_ld = _json_ld_objects(soup)
    articles = [o for o in json_ld if _is_article(o)]
    return ArticleMeta(
        title=_html_title(soup, json_ld),
        date=_html_date(soup, json_ld, markup),
        outlet=clean_str(_publisher(articles)) or clean_str(_meta(soup, "og:site_name", "application-name")),
        url=clean_str(_link_href(soup, "canonical") or _meta(soup, "og:url") or _json_ld(json_ld, "url")),
    )


def _publisher(articles: list[dict]) -> str | None:
    for obj in articles:
        publisher = obj.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict):
            publisher = publisher.get("name")
        if isinstance(publisher, str) and publisher.strip():
            return publisher
    return None


def _html_title(soup, json_ld: list[dict]) -> str | None:
    t = _meta(soup, "og:title", "twitter:title") or _json_ld(json_ld, "headline")
    if not t:
        h1 = soup.find("h1")
        t = h1.get_text(" ", strip=True) if h1 else None
    if not t and soup.title:
        t = soup.title.get_text(" ", strip=True)
    return clean_str(t)


def _html_date(soup, json_ld: list[dict], markup: str) -> str | None:
    # htmldate reads the usual meta tags, JSON-LD and dates in the canonical URL; its
    # "extensive search" of the text is off: it takes event dates and copyright years.
    date = _htmldate(markup)
    if date:
        return date
    raw = _meta(soup, "article:published_time", "og:published_time", "datePublished", "pubdate",
                "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "parsely-pub-date",
                "sailthru.date")
    date = parse_date(raw) if raw else None
    if not date:
        raw = _json_ld(json_ld, "datePublished", articles_only=False)
        date = parse_date(raw) if raw else None
    if not date:
        for t in soup.find_all("time"):
            dt = t.get("datetime")
            date = parse_date(dt) if isinstance(dt, str) else None
            if date:
                break
    return date


def _htmldate(markup: str) -> str | None:
    try:
        from htmldate import find_date

        found = find_date(markup, original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001 - a failure inside the library only means "no date found"
        return None
    return parse_date(found) if isinstance(found, str) else None


def looks_like_html(s: str) -> bool:
    head = s.lstrip()[:2000]
    return head.startswith("<") and re.search(r"<(?:p|div|br|article|h[1-6]|html|body|span|ul)\b", head, re.I) is not None
