"""All mentions of a claim, and whether two values differ: the readers and normalisers in one place.

``read_mentions`` runs every reader over one parse per claim; ``differ`` hands two mentions of one
kind to the normaliser of that kind. Add a reader by appending it to :func:`default_readers`.
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from claims.mentions.base import Mention, MentionReader, parse


def default_readers() -> list[MentionReader]:
    from claims.mentions.dates import DateReader
    from claims.mentions.figures import FigureReader
    from claims.mentions.names import NameReader
    from claims.mentions.titles import TitleReader

    return [FigureReader(), DateReader(), NameReader(), TitleReader()]


def _differs():
    """kind -> the normaliser that compares two values of it (each module's ``differ``)."""
    from claims.mentions import dates, figures, names, titles

    table = {}
    for module, reader in ((figures, figures.FigureReader), (dates, dates.DateReader), (names, names.NameReader),
                           (titles, titles.TitleReader)):
        for kind in reader.kinds:
            table[kind] = module.differ
    return table


_DIFFER: dict = {}


def differ(a: Mention, b: Mention) -> str | None:
    """Why the two values conflict, in plain words, or None when they agree or cannot be compared."""
    if a.kind != b.kind:
        return None
    if not _DIFFER:
        _DIFFER.update(_differs())
    compare = _DIFFER.get(a.kind)
    return compare(a, b) if compare else None


def equal(a: Mention, b: Mention) -> bool:
    """The same value, as the normalisers key it ("5000", "2024-03-05", "novak")."""
    return a.kind == b.kind and bool(a.key) and a.key == b.key


def read_mentions(texts: Sequence[str], offsets: Sequence[int], published: Sequence[dt.date | None],
                  readers: Sequence[MentionReader] | None = None,
                  memo: dict | None = None) -> tuple[list[list[Mention]], list]:
    """Mentions of each text (absolute offsets: ``offsets[i]`` is where text i starts), and the parses.

    ``memo`` (text -> parse) keeps parses across calls: training reads the same paragraphs in many
    counterfactual copies of one event."""
    readers = list(readers) if readers is not None else default_readers()
    if memo is None:
        docs = parse(texts)
    else:
        todo = [t for t in dict.fromkeys(texts) if t not in memo]
        memo.update(zip(todo, parse(todo)))
        docs = [memo[t] for t in texts]
    out = []
    for doc, offset, date in zip(docs, offsets, published):
        found: list[Mention] = []
        for reader in readers:
            found.extend(reader.read(doc, offset, date))
        found.sort(key=lambda m: (m.start, m.end, m.kind))
        out.append(found)
    return out, docs
