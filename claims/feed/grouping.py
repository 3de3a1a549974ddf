"""Group a mixed feed of articles into events: the step before any comparison.

A desk's feed mixes many stories. Two articles are about the same event when
their headline and lead say the same thing (sentence embeddings), they were
published close together (a window, not a hard cut: a follow-up three days
later still joins), and they name the same people and places. Each pair gets
a distance from those three; average-linkage agglomerative clustering cuts the
feed into events. An event of one article is a singleton: kept and listed,
never compared.
"""
from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator

import numpy as np
import regex as re

from claims.extract.dates import publication_date
from claims.settings import GroupingSettings  # the settings tree's "events" section
from claims.types import Document


@dataclass
class Event:
    """Articles about one event. ``id`` is keyed by their content, not by the run."""

    id: str
    documents: list[Document]
    headline: str = ""
    first_date: str | None = None
    last_date: str | None = None
    outlets: list[str] = field(default_factory=list)

    @property
    def singleton(self) -> bool:
        return len(self.documents) < 2


def fingerprint(doc: Document) -> str:
    """An article's identity across runs and folders: its text, not its path."""
    return hashlib.sha1(doc.text[doc.body_start:].strip().encode("utf-8", "surrogatepass")).hexdigest()


# The most common English words: their embedding is a static model's generic direction, the one
# every long text leans towards whatever it is about (see GroupingSettings.center_min_articles).
COMMON_WORDS = (
    "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an "
    "they which one you were her all she there would their we him been has when who will more no if out so said "
    "what up its about into than them can only other new some could time these two may then do first any my now "
    "such like our over man me even most made after also did many before must through back years where much your "
    "way well down should because each just those people mr how too little state good very make world still own see "
    "men work long get here between both life being under never day same another know while last might us great old "
    "year off come since against go came right used take three")


def too_small_to_centre(n_articles: int, settings: GroupingSettings) -> bool:
    return settings.center_vectors and 1 < n_articles < settings.center_min_articles


def comparable_vectors(vectors: np.ndarray, settings: GroupingSettings, generic: np.ndarray | None = None) -> np.ndarray:
    """The lead vectors to compare: as they are, or (``center_vectors``) without what all of them
    share: the feed's mean, or in a feed too small for that the ``generic`` direction (the
    embedding of :data:`COMMON_WORDS`) when given."""
    if not settings.center_vectors or len(vectors) < 2:
        return vectors
    if generic is not None and too_small_to_centre(len(vectors), settings):
        unit = generic / max(float(np.linalg.norm(generic)), 1e-12)
        vectors = vectors - np.outer(vectors @ unit, unit)
    else:
        vectors = vectors - vectors.mean(axis=0)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def lead_text(doc: Document, chars: int) -> str:
    body = doc.text[doc.body_start:].strip()
    return ((doc.title or "") + "\n" + body[:chars]).strip()


# capitalised words that are not names: sentence starts, days, months, titles
_NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "he", "she", "it", "they", "we", "i", "this", "that",
    "these", "those", "his", "her", "their", "its", "our", "after", "before", "as", "for", "of", "to", "from",
    "with", "by", "when", "while", "if", "there", "here", "what", "who", "why", "how", "new", "mr", "mrs", "ms",
    "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "president", "sen", "rep", "gov", "said", "says", "read", "more", "photo", "video", "updated",
}
_NAME = re.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}’'\-]{2,}")


def names_in(text: str) -> frozenset[str]:
    """Capitalised words that are likely names of people, places and bodies."""
    return frozenset(w.lower().replace("’", "'") for w in _NAME.findall(text) if w.lower() not in _NOT_NAMES)


def _day(doc: Document) -> date | None:
    return publication_date(doc.date)


def distances(documents: list[Document], vectors: np.ndarray, settings: GroupingSettings) -> np.ndarray:
    """Pairwise distance: cosine distance of headline+lead, plus days apart beyond the window,
    minus shared names (whole matrices, no loop over pairs)."""
    dist = 1.0 - np.clip(vectors @ vectors.T, -1.0, 1.0).astype(np.float64)
    # the date term: windows apart beyond the first, capped; an unknown date costs nothing
    days = np.array([d.toordinal() if d else np.nan for d in map(_day, documents)], dtype=np.float64)
    windows = np.abs(days[:, None] - days[None, :]) / max(settings.window_days, 1)
    dist += np.nan_to_num(np.minimum(settings.date_cap, settings.date_weight * np.maximum(0.0, windows - 1.0)))
    # the name term: Jaccard share of capitalised names, from a documents x names 0/1 matrix
    names = [names_in(lead_text(d, settings.lead_chars)) for d in documents]
    vocab = {w: i for i, w in enumerate(sorted(set().union(*names)))} if names else {}
    if vocab:
        marks = np.zeros((len(documents), len(vocab)), dtype=np.float32)
        for row, found in enumerate(names):
            marks[row, [vocab[w] for w in found]] = 1.0
        shared = marks @ marks.T
        sizes = marks.sum(axis=1)
        union = sizes[:, None] + sizes[None, :] - shared
        dist -= settings.name_weight * np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    dist = np.maximum(dist, 0.0)
    np.fill_diagonal(dist, 0.0)
    return dist


def cluster_labels(dist: np.ndarray, threshold: float) -> list[int]:
    """Average-linkage clusters of a precomputed distance matrix, cut at ``threshold``."""
    n = dist.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [0]
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=threshold)
    return [int(x) for x in model.fit_predict(dist)]


# The only ids a feed makes (event_id): "e_" and ten hex digits. An id read back from an earlier
# index.json becomes a folder name and a link, so nothing else is ever taken from there.
EVENT_ID = re.compile(r"e_[0-9a-f]{10}")
FINGERPRINT = re.compile(r"[0-9a-f]{40}")


def is_event_id(value: object) -> bool:
    return isinstance(value, str) and EVENT_ID.fullmatch(value) is not None


def event_id(documents: list[Document], earlier: dict[str, str] | None = None,
             taken: set[str] | frozenset[str] = frozenset()) -> str:
    """The event's id, never one in ``taken``: the id an earlier run gave most of these articles
    (so an added article keeps it), else one made from the articles' fingerprints (the oldest
    fingerprint in sorted order, so adding a newer article keeps the id too)."""
    return next(i for i in _id_choices(documents, earlier) if i not in taken)


def _id_choices(documents: list[Document], earlier: dict[str, str] | None) -> Iterator[str]:
    """Ids for these articles, best first, without end: earlier ids by how many articles had
    each, then one per fingerprint (oldest first), then numbered ones."""
    prints = [fingerprint(d) for d in documents]
    known = [earlier[p] for p in prints if earlier and p in earlier and is_event_id(earlier[p])]
    yield from sorted(set(known), key=lambda e: (known.count(e), e), reverse=True)
    by_age = sorted(zip(documents, prints), key=lambda dp: (dp[0].date or "9999", dp[1]))
    for _, p in by_age:
        yield _short_id(p)
    joined = "".join(sorted(prints))
    for n in itertools.count(1):
        yield _short_id(f"{joined}#{n}")


def _short_id(key: str) -> str:
    return "e_" + hashlib.sha1(key.encode()).hexdigest()[:10]


def group_events(documents: list[Document], vectors: np.ndarray, settings: GroupingSettings | None = None,
                 earlier: dict[str, str] | None = None, generic: np.ndarray | None = None) -> list[Event]:
    """Events (largest first, then earliest), singletons included. ``vectors``: one unit-length
    row per document (its headline and lead); ``earlier``: fingerprint -> event id of a
    previous run, so ids survive added articles; ``generic``: see :func:`comparable_vectors`."""
    settings = settings or GroupingSettings()
    vectors = comparable_vectors(vectors, settings, generic)
    labels = cluster_labels(distances(documents, vectors, settings), settings.distance_threshold)
    members: dict[int, list[Document]] = {}
    for doc, label in zip(documents, labels):
        members.setdefault(label, []).append(doc)
    events = []
    used: set[str] = set()
    for docs in members.values():
        docs = sorted(docs, key=lambda d: (d.date or "9999", d.path))
        eid = event_id(docs, earlier, taken=used)  # an earlier event split in two: the second half gets another
        used.add(eid)
        dates = sorted(d.date[:10] for d in docs if d.date)
        events.append(Event(
            id=eid, documents=docs, headline=next((d.title for d in docs if d.title), docs[0].name),
            first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
            outlets=sorted({d.outlet for d in docs if d.outlet}),
        ))
    events.sort(key=lambda e: (-len(e.documents), e.first_date or "9999", e.id))
    return events
