"""The data that flows between pipeline stages.

Every stage takes and returns these dataclasses (see :mod:`claims.stages` for which
stage takes which), so a stage can be tested or replaced on its own. Offsets are
always Python ``str`` indices into ``Document.text`` (the file's text as read from
disk), never into cleaned text.

The stage records at the end (:class:`Cleaned` ... :class:`Compared`) each carry what
the stages before them made, so a later stage (the verifier) sees the documents,
claims, vectors and candidate pairs together.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # numpy stays out of `claims --help`; the k-NN graph is built in claims.cluster
    import numpy as np

    from claims.cluster import Neighbours


@dataclass(frozen=True)
class Document:
    """One input article, exactly as read from disk."""

    id: str  # "d0", "d1", ... in input order
    path: str  # as the user gave it (relative paths stay relative)
    text: str  # decoded text; for HTML/JSON, the visible article text (see claims/read/)
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


@dataclass
class CleanedDocument:
    """A document and the stretches cleaning kept (:func:`claims.clean.clean`)."""

    doc: Document
    spans: list[Span]  # kept paragraphs, in document order
    dropped: list[tuple[Span, str]] = field(default_factory=list)  # (span, reason)
    title: str | None = None  # a headline cleaning found when the source named none


@dataclass(frozen=True)
class Sentence:
    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ClaimSpan:
    """A claim before extraction: where it is and who says it (:func:`claims.split.claim_spans`)."""

    doc: str
    start: int
    end: int
    text: str
    sentence: Sentence
    attribution: str | None


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
    kind: str = "count"  # count | duration | percent | money | decimal ("magnitude 5.7": a measurement)

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
    kind: str  # a comparator's kind (claims.compare.KINDS): numeric, garbled_number, date, negation, role, ...
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
class Source:
    """One claim stating a value."""

    claim: str
    doc: str
    shown: str  # the value as this article wrote it


@dataclass
class FindingValue:
    value: str  # normalised: "president", "5000 people", "2024-03-05"
    shown: str  # as the first article wrote it
    sources: list[Source]
    documents: list[str]  # the articles stating it, in input order
    # "majority": more articles give it than any other value; "outlier": another value has
    # the majority, or this is the figure a garbled finding suspects; "" when nothing tells
    standing: str = ""


@dataclass
class Finding:
    id: str  # stable key, see claims.findings.finding_key
    kind: str
    subject: str
    label: str  # "Jana Novak's title"; "" for a plug-in flag that says no fact
    values: list[FindingValue]
    flags: list[str]  # the pair flags that are its evidence, best first
    score: float  # the best flag's
    summary: str  # plain language a reviewer acts on
    notes: list[str] = field(default_factory=list)
    attached_to: str | None = None  # a garbled figure's finding names the finding of the count it garbles
    rank: int = 0


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


# ------------------------------------------------------------------ what each stage hands the next
# clean -> Cleaned -> split -> Spans -> extract -> Claims -> embed -> Embedded -> cluster -> Clustered
# -> candidates -> Candidates -> compare -> Compared -> verify -> list[Flag] -> findings -> list[Finding]


@dataclass
class Cleaned:
    """What cleaning kept of each document (the input of split)."""

    documents: list[Document]  # a title cleaning found is filled in
    cleaned: list[CleanedDocument]  # one per document, in the same order

    @property
    def dropped(self) -> dict[str, int]:
        """Paragraphs dropped, by reason: {"byline": 3, "promotion": 1}."""
        out: dict[str, int] = {}
        for c in self.cleaned:
            for _, reason in c.dropped:
                out[reason] = out.get(reason, 0) + 1
        return out


@dataclass
class Spans:
    """Claims as offset ranges, before extraction (the input of extract)."""

    documents: list[Document]
    spans: list[ClaimSpan]


@dataclass
class Claims:
    """Claims with their facts (the input of embed)."""

    documents: list[Document]
    claims: list[Claim]


@dataclass
class Embedded(Claims):
    """Claims and their vectors (the input of cluster)."""

    vectors: np.ndarray  # unit-length rows, row i is claims[i]


@dataclass
class Clustered(Embedded):
    """Claims grouped by what they say (the input of candidates); ``Claim.cluster`` is set."""

    labels: np.ndarray  # one cluster label per claim
    neighbours: Neighbours | None  # the k-NN graph; None with fewer than two claims
    clusters: list[Cluster]  # the clusters of two or more claims


@dataclass
class Candidates(Clustered):
    """The claim pairs worth comparing (the input of compare)."""

    pairs: list[tuple[int, int]]  # (i, j) rows of ``claims``, i < j


@dataclass
class Compared(Candidates):
    """The comparators' flags beside everything they were judged from (the input of verify).

    The verifier returns the final flags from this; findings are built from a copy of it
    holding those final flags.
    """

    flags: list[Flag]  # ranked best first, each with its id


_Next = TypeVar("_Next")


def extend(data: object, next_type: type[_Next], **added) -> _Next:
    """``data``'s fields plus ``added`` as the next stage's record: ``extend(claims, Embedded, vectors=v)``."""
    return next_type(**{f.name: getattr(data, f.name) for f in fields(data)}, **added)
