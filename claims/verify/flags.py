"""Verified pairs as the report's flags: kind, score, explanation, highlights and the disputed fact."""
from __future__ import annotations

from claims.types import Fact, Flag, Highlight
from claims.verify.verifier import FLAG_KIND, Candidate


def _subject(c: Candidate) -> tuple[str, str]:
    """(subject, label) naming the disputed fact, the same way in every run (review decisions key on it)."""
    ma, mb = c.a.mention, c.b.mention
    kind = ma.kind
    if kind == "title":
        holder = ma.holder or mb.holder
        return f"role|{holder}", f"{holder.title()}'s title" if holder else "A title"
    if kind in ("person", "place", "org"):
        key = min(ma.key, mb.key)
        return f"name|{key}", f"Spelling of {min(ma.text, mb.text)}"
    if kind == "age":
        holder = ma.holder or mb.holder
        return f"age|{holder}", f"{holder.title()}'s age" if holder else "An age"
    what = ma.anchor if ma.anchor == mb.anchor else (ma.anchor or mb.anchor)
    if kind in ("date", "time"):
        return f"{kind}|{what}", f"When: {what}" if what else "A date"
    verb = ma.verb if ma.verb == mb.verb else ""
    return f"count|{what}|{verb}", " ".join(w for w in (what, verb) if w) or "A figure"


def candidate_flag(c: Candidate, where: str, weight: float = 1.0, name_subject: str = "") -> Flag:
    """The flag of one verified pair; ``where`` is "in a.md and b.md" or "in the same article".

    ``weight`` scales the aligner's probability into the report's score (settings.verify.score_weight);
    ``name_subject`` is the one spelling every variant of a name is filed under (see :func:`name_subjects`)."""
    subject, label = _subject(c)
    if name_subject:
        subject = f"name|{name_subject}"
    ma, mb = c.a.mention, c.b.mention
    explanation = (f"{c.reason} {where}; the two sentences read as the same fact "
                   f"(aligner {c.probability:.2f})")
    return Flag(
        a=c.a.claim, b=c.b.claim, kind=FLAG_KIND.get(ma.kind, ma.kind), score=round(c.probability * weight, 3),
        explanation=explanation,
        highlights_a=[Highlight(ma.start, ma.end, ma.text)], highlights_b=[Highlight(mb.start, mb.end, mb.text)],
        group=f"{subject}|" + "|".join(sorted((ma.key, mb.key))), fact=Fact(subject, label, ma.key, mb.key, ma.text, mb.text),
    )


def name_subjects(candidates) -> dict[str, str]:
    """Name key -> the key all its spellings are filed under: the variants a run links into one group
    (Novak ~ Nowak ~ Nowack) become one finding, under the group's first key in sort order."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for c in candidates:
        if c.a.mention.kind in ("person", "place", "org"):
            ra, rb = root(c.a.mention.key), root(c.b.mention.key)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {key: root(key) for key in parent}
