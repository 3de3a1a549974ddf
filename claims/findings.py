"""Findings: every flag about one disputed fact, as one thing to review.

A reviewer decides a *fact* ("Jana Novak's title"), not a pair of sentences:
one misnamed title across four articles is one finding, not six pair flags.
Each comparator says what a flag disputes (:class:`claims.types.Fact`: a subject
and the value each side gives); this stage groups the flags of one subject that
share a claim or a value, lists each distinct value with the articles that
state it, says which value most articles give, and ranks the findings.

A finding's id is keyed by what the fact is and its values, never by the run,
the report or the folder, so a decision about it carries to a re-run elsewhere
and to the same conflict in another event (see :mod:`claims.reviews`).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from claims.types import Claim, Document, Fact, Finding, FindingValue, Flag, Source

# a suspected typo of a figure is its own finding, kind "garbled_number", attached to its count's finding
GARBLED = "garbled_number"


def finding_key(kind: str, subject: str, values: list[str]) -> str:
    """What the fact is and its values: the same in any folder, any run, any event."""
    text = "\x1f".join([kind, subject, *sorted(set(values))])
    return "k_" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def fact_of(flag: Flag, claims: dict[str, Claim]) -> Fact:
    """The flag's fact; a plug-in flag without one is a fact of its own, valued by its highlights."""
    if flag.fact is not None:
        return flag.fact

    def value(highlights, claim_id: str) -> str:
        labels = [h.label for h in highlights if h.label]
        return " / ".join(labels) if labels else claims[claim_id].text

    va, vb = value(flag.highlights_a, flag.a), value(flag.highlights_b, flag.b)
    # no label: the report names such a finding by its kind's label, from the data
    return Fact(f"{flag.kind}|{flag.group or flag.id}", "", va.lower(), vb.lower(), va, vb)


def build_findings(flags: list[Flag], claims: dict[str, Claim], documents: dict[str, Document]) -> list[Finding]:
    """Group ``flags`` (ranked, with ids) into ranked findings; every flag is in exactly one."""
    facts = {f.id: fact_of(f, claims) for f in flags}
    buckets: dict[tuple[str, str], list[Flag]] = defaultdict(list)
    for f in flags:
        fact = facts[f.id]
        buckets[(GARBLED if fact.garbled else f.kind, fact.subject)].append(f)
    order = {d: i for i, d in enumerate(documents)}
    findings: list[Finding] = []
    for (kind, subject), members in buckets.items():
        for group in _connected(members, facts):
            findings.append(_finding(kind, subject, group, facts, claims, documents, order))
    _attach_garbled(findings)
    findings.sort(key=lambda x: (-x.score, -len({d for v in x.values for d in v.documents}), x.label, x.id))
    for i, x in enumerate(findings, 1):
        x.rank = i
    return findings


def _connected(flags: list[Flag], facts: dict[str, Fact]) -> list[list[Flag]]:
    """Flags of one subject joined when they share a claim or a value (two unrelated tolls of
    "killed" in one corpus stay two findings)."""
    parent = list(range(len(flags)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for i, f in enumerate(flags):
        fact = facts[f.id]
        for node in (f"c:{f.a}", f"c:{f.b}", f"v:{fact.value_a}", f"v:{fact.value_b}"):
            if node in seen:
                parent[root(i)] = root(seen[node])
            else:
                seen[node] = i
    groups: dict[int, list[Flag]] = defaultdict(list)
    for i, f in enumerate(flags):
        groups[root(i)].append(f)
    return list(groups.values())


def _finding(kind: str, subject: str, flags: list[Flag], facts: dict[str, Fact], claims: dict[str, Claim],
             documents: dict[str, Document], order: dict[str, int]) -> Finding:
    values: dict[str, FindingValue] = {}
    in_flags: dict[str, int] = defaultdict(int)  # value -> flags it is in
    for f in flags:
        fact = facts[f.id]
        for claim_id, value, shown in ((f.a, fact.value_a, fact.shown_a), (f.b, fact.value_b, fact.shown_b)):
            in_flags[value] += 1
            v = values.setdefault(value, FindingValue(value, shown or value, [], []))
            doc = claims[claim_id].doc
            if not any(s.claim == claim_id for s in v.sources):
                v.sources.append(Source(claim_id, doc, shown or value))
            if doc not in v.documents:
                v.documents.append(doc)
    for v in values.values():
        v.documents.sort(key=lambda d: order.get(d, 0))
    ranked = sorted(values.values(), key=lambda v: (-len(v.documents), order.get(v.documents[0], 0), v.value))
    _standing(kind, ranked, in_flags, len(flags))
    first = facts[flags[0].id]
    # a garbled figure's scope is beside the point; the count's own finding says it
    notes = [] if kind == GARBLED else list(dict.fromkeys(facts[f.id].note for f in flags if facts[f.id].note))
    finding = Finding(
        id=finding_key(kind, subject, list(values)), kind=kind, subject=subject, label=first.label,
        values=ranked, flags=[f.id for f in sorted(flags, key=lambda f: (-f.score, f.id))],
        score=max(f.score for f in flags), summary="", notes=notes,
    )
    finding.summary = summarise(finding, documents)
    return finding


def _standing(kind: str, values: list[FindingValue], in_flags: dict[str, int], n_flags: int) -> None:
    """Mark the majority value and the outliers. A garbled figure is the value in every one of
    its finding's flags (5,000,000 beside both 5,000 and 870); with one flag nothing tells."""
    if kind == GARBLED:
        suspects = [v for v in values if in_flags[v.value] == n_flags]
        if n_flags > 1 and len(suspects) == 1:
            suspects[0].standing = "outlier"
            return
    counts = [len(v.documents) for v in values]
    if len(values) > 1 and counts[0] > counts[1]:
        values[0].standing = "majority"
        for v in values[1:]:
            v.standing = "outlier"


def _attach_garbled(findings: list[Finding]) -> None:
    """A garbled figure's finding points at the finding of the count it garbles: the same
    subject, sharing a value (else the only one of that subject)."""
    counts = [x for x in findings if x.kind != GARBLED]
    for x in findings:
        if x.kind != GARBLED:
            continue
        same = [c for c in counts if c.subject == x.subject]
        mine = {v.value for v in x.values}
        sharing = [c for c in same if mine & {v.value for v in c.values}]
        target = sharing or (same if len(same) == 1 else [])
        if target:
            x.attached_to = max(target, key=lambda c: c.score).id


def source_name(doc: Document) -> str:
    """How a summary names an article: its outlet, else its file name."""
    return doc.outlet or doc.name


def _articles(docs: list[str], documents: dict[str, Document]) -> str:
    names = list(dict.fromkeys(source_name(documents[d]) for d in docs if d in documents))
    n = len(docs)
    return f"{n} article{'s' if n != 1 else ''} ({', '.join(names)})"


def summarise(x: Finding, documents: dict[str, Document]) -> str:
    """One or two sentences a reviewer can act on: who says what, which value most give."""
    if x.kind == GARBLED:
        suspect = next((v for v in x.values if v.standing == "outlier"), None)
        if suspect is not None:
            others = [v for v in x.values if v is not suspect]
            beside = " and ".join(f"“{v.shown}”" for v in others)
            return (f"{x.label}: “{suspect.shown}” in {_articles(suspect.documents, documents)} looks garbled "
                    f"next to {beside}. Check the figure against its source.")
        pair = " and ".join(f"“{v.shown}” ({_articles(v.documents, documents)})" for v in x.values)
        return f"{x.label}: {pair} are a power of ten or one digit apart; one of them is likely a typo."
    if x.kind == "negation":
        said = {v.value: v for v in x.values}
        if "asserted" in said and "denied" in said:
            return (f"A statement is asserted in {_articles(said['asserted'].documents, documents)} and denied in "
                    f"{_articles(said['denied'].documents, documents)}.")
    parts = [f"“{v.shown}” in {_articles(v.documents, documents)}" for v in x.values]
    text = (f"{x.label}: " if x.label else "") + "; ".join(parts) + "."
    majority = next((v for v in x.values if v.standing == "majority"), None)
    if majority is not None:
        text += f" Most articles say “{majority.shown}”."
    elif len({d for v in x.values for d in v.documents}) == 1:
        text += " All in the same article."
    return text
