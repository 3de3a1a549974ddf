"""The data that flows between pipeline stages.

Every stage takes and returns these dataclasses, so a stage can be tested or
replaced on its own. Offsets are always Python ``str`` indices into
``Document.text`` (the file's text as read from disk), never into cleaned text.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One input article, exactly as read from disk."""

    id: str  # "d0", "d1", ... in input order
    path: str  # as the user gave it (relative paths stay relative)
    text: str  # decoded text; for HTML/JSON, the visible article text (see read.py)
    title: str | None = None
    date: str | None = None  # publication date when the source says it (ISO-8601)
    encoding: str = "utf-8"
    outlet: str | None = None  # the publisher as the source names it: "The New York Times"
    url: str | None = None  # the article's own address (canonical link, front matter, JSON field)
    body_start: int = 0  # where the article text starts: front matter before it is never a claim

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Span:
    """A stretch of a document kept by cleaning (one paragraph or line)."""

    doc: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quantity:
    """A number in a claim, with what it counts.

    ``low``/``high`` is the interval the wording allows: "more than 300" is
    (300, 450) (see quantities.BOUND_SPAN), "about 900" is (765, 1035), "dozens" is (24, 99).
    """

    text: str  # the surface form, e.g. "more than 300 soldiers"
    start: int  # absolute offsets into the document
    end: int
    value: float
    low: float
    high: float
    approximate: bool = False
    unit: str = ""  # counted noun or unit, normalised: "soldier", "percent", "day"
    measure: str = ""  # what happened to them: "killed", "wounded", "displaced", "" if unknown
    scope: str = ""  # a qualifier that narrows the count: "civilian", "army"
    place: str = ""  # where, when the text pins it: "in Eastvale" -> "Eastvale"
    part: bool = False  # a part of a total given nearby: "of the 27 dead, 19 ...", "among them four children"
    kind: str = "count"  # count | duration | percent | money | ordinal | year-span

    @property
    def is_exact(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    year: int | None
    month: int | None = None
    day_low: int | None = None  # "early October" is days 1..10
    day_high: int | None = None
    decade: bool = False  # "the 1990s"
    weekday: int | None = None  # 0 = Monday; "on Sunday"
    # a time relative to the publication date: "yesterday", "today", "this week", "earlier this
    # week", "last week", "this month", "earlier this month", "last month", "this year", "last
    # year", "next week", "next month", "next year" (see claims.extract.dates.resolve)
    relative: str | None = None


@dataclass(frozen=True)
class PersonMention:
    text: str  # the whole mention, title included
    start: int
    end: int
    name: str  # "Jana Novak" or "Novak"
    surname: str
    role: str | None = None  # normalised title: "president", "prime minister"
    role_text: str | None = None  # as written: "Azeri president"
    role_start: int | None = None
    role_end: int | None = None


@dataclass
class Claim:
    """An atomic, checkable statement: a sentence or one clause of it."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    sentence_start: int  # the sentence it came from, for context
    sentence_end: int
    attribution: str | None = None  # "the minister said" kept with the claim
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    negated: bool = False
    hedged: bool = False  # "if indeed", "may", "reportedly"
    cluster: int = -1


@dataclass(frozen=True)
class Highlight:
    """A span to highlight in one side of a flag (absolute offsets)."""

    start: int
    end: int
    label: str = ""


@dataclass(frozen=True)
class Fact:
    """What a flag disputes, so that flags about one fact become one finding.

    ``subject`` names the fact, not the run: the same person's title or the same
    count in another folder or another event gives the same subject, so a review
    decision keyed by it carries over. Values are normalised ("president", "5000
    people"); ``shown_*`` is what the article wrote.
    """

    subject: str  # "role|jana novak", "count|killed", "name|smith", "date|sign"
    label: str  # as a reviewer reads it: "Jana Novak's title", "people killed"
    value_a: str
    value_b: str
    shown_a: str = ""
    shown_b: str = ""
    # a suspected typo of a figure: its finding is attached to the finding of that count
    garbled: bool = False
    note: str = ""  # what a reviewer must know, in plain words: "different scopes: ... counts soldiers"


@dataclass
class Flag:
    """A pair of claims that disagree, as a comparator judged it."""

    a: str  # claim ids
    b: str
    kind: str  # numeric | garbled_number | role | date | entity_name | negation
    score: float  # in [0, 1]: how sure the tool is that a reviewer must look
    explanation: str
    highlights_a: list[Highlight] = field(default_factory=list)
    highlights_b: list[Highlight] = field(default_factory=list)
    id: str = ""
    cluster: int | None = None
    # Flags telling the same disagreement (the same two values, the same two titles) share a
    # group; the report keeps a few per group and counts the rest in ``similar``.
    group: str = ""
    similar: int = 0
    fact: Fact | None = None  # set by the built-in comparators; a plug-in's flag may have none


@dataclass
class Cluster:
    id: int
    claims: list[str]
    label: str = ""


@dataclass
class StageTiming:
    stage: str
    seconds: float
    items: int = 0
