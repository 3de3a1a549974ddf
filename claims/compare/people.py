"""Role and entity-name comparators: one person, two titles; one name, two spellings.

Both are corpus comparators: they group every person mention in every claim by
surname, so they see a conflict whatever the embeddings say about the claims.
"""
from __future__ import annotations

import itertools
import unicodedata
from collections import defaultdict

from claims.compare.base import CorpusComparator, ScoringContext, make_flag
from claims.extract.people import is_office, offices_conflict
from claims.types import Claim, Flag, Highlight, PersonMention

MAX_PAIRS_PER_PERSON = 8
MENTIONS_PER_DOCUMENT = 3


def _key(surname: str) -> str:
    s = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode().lower()
    return s


def _first_names(mentions: list[tuple[Claim, PersonMention]]) -> set[str]:
    return {p.name.split()[0].lower() for _, p in mentions if len(p.name.split()) > 1}


def _pair_order(pairs):
    """Pairs in review order: first one pair for each (pair of titles, pair of articles), so a
    capped list still shows every article that disagrees; across articles before within one,
    then the earliest mentions."""
    ranked = sorted(pairs, key=lambda ab: (ab[0][0].doc == ab[1][0].doc, ab[0][0].start, ab[1][0].start))
    seen: set = set()
    first, rest = [], []
    for (ca, pa), (cb, pb) in ranked:
        key = (frozenset((pa.role, pb.role)), frozenset((ca.doc, cb.doc)))
        (rest if key in seen else first).append(((ca, pa), (cb, pb)))
        seen.add(key)
    # one per title pair before a second for the same titles
    by_titles: dict = defaultdict(list)
    for ab in first:
        by_titles[frozenset((ab[0][1].role, ab[1][1].role))].append(ab)
    interleaved = [ab for group in itertools.zip_longest(*by_titles.values()) for ab in group if ab]
    return interleaved + rest


class RoleComparator(CorpusComparator):
    """The same person given two offices one cannot hold at once (president vs prime minister)."""

    kind = "role"
    label = "Title or role differs"
    description = "One person is given two titles or offices they cannot hold at once."
    specificity = 50

    def find(self, claims: list[Claim], ctx: ScoringContext) -> list[Flag]:
        by_person: dict[str, list[tuple[Claim, PersonMention]]] = defaultdict(list)
        for c in claims:
            for p in c.people:
                by_person[_key(p.surname)].append((c, p))
        flags = []
        for everyone in by_person.values():
            for mentions in _one_person_each(everyone):
                flags.extend(self._conflicts(mentions, ctx))
        return flags

    def _conflicts(self, mentions: list[tuple[Claim, PersonMention]], ctx: ScoringContext) -> list[Flag]:
        # A few mentions per (office, document) are enough to show a reviewer every article
        # that disagrees, and keep a much-quoted president from making n^2 pairs.
        by_role: dict[str, list[tuple[Claim, PersonMention]]] = defaultdict(list)
        per_doc: dict[tuple[str, str], int] = defaultdict(int)
        for c, p in mentions:
            if per_doc[(p.role, c.doc)] < MENTIONS_PER_DOCUMENT:
                per_doc[(p.role, c.doc)] += 1
                by_role[p.role].append((c, p))
        pairs = [(x, y) for ra, rb in itertools.combinations(sorted(by_role), 2) if offices_conflict(ra, rb)
                 for x, y in itertools.product(by_role[ra], by_role[rb]) if x[0].id != y[0].id]
        flags = []
        for (ca, pa), (cb, pb) in _pair_order(pairs)[:MAX_PAIRS_PER_PERSON]:
            name = max((pa.name, pb.name), key=len)
            where = "in the same article" if ca.doc == cb.doc else f"in {ctx.source(ca)} and {ctx.source(cb)}"
            expl = (f"{name} is called “{pa.role_text}” ({pa.role}) and “{pb.role_text}” ({pb.role}) {where}; "
                    f"one person does not hold both offices at once.")
            flags.append(make_flag(ca, cb, self.kind, 0.72 if ca.doc != cb.doc else 0.68, expl,
                                   [Highlight(pa.role_start or pa.start, pa.end, pa.role or "")],
                                   [Highlight(pb.role_start or pb.start, pb.end, pb.role or "")]))
        return flags


def _one_person_each(mentions: list[tuple[Claim, PersonMention]]) -> list[list[tuple[Claim, PersonMention]]]:
    """Office-holding mentions of one surname, split by first name when several are given
    ("Interior Minister Karim Lund" is not "Mira Lund, a student"). A surname-only mention
    joins the one person with that surname, and is left out when there are several."""
    titled = [(c, p) for c, p in mentions if is_office(p.role)]
    by_first: dict[str, list[tuple[Claim, PersonMention]]] = defaultdict(list)
    for c, p in titled:
        parts = p.name.split()
        if len(parts) > 1:
            by_first[parts[0].lower()].append((c, p))
    if len(by_first) <= 1:
        return [titled]
    return list(by_first.values())


def _spelling_variants(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    ka, kb = _key(a), _key(b)
    if ka == kb or min(len(ka), len(kb)) < 5 or ka[0] != kb[0]:
        return False
    d = Levenshtein.distance(ka, kb)
    return d == 1 or (d == 2 and min(len(ka), len(kb)) >= 7)


def _same_first_name_or_unknown(x: PersonMention, y: PersonMention) -> bool:
    fx, fy = x.name.split()[:-1], y.name.split()[:-1]
    return not fx or not fy or fx[0].lower() == fy[0].lower()


def _surname_highlight(p: PersonMention, surname: str) -> Highlight:
    at = p.start + p.text.rfind(surname)
    return Highlight(at, at + len(surname), surname)


class EntityNameComparator(CorpusComparator):
    """The same person's name spelled two ways (Smyth / Smith), within or across articles.

    A pair needs one side *anchored*: the full name or a title was given, so it
    is a person, not a place that happened to "say" something. Different first
    names mean different people; first-name-only mentions are never compared.
    """

    kind = "entity_name"
    label = "Name spelled differently"
    description = "One person's or place's name is spelled two ways."
    specificity = 45

    def find(self, claims: list[Claim], ctx: ScoringContext) -> list[Flag]:
        spellings: dict[str, list[tuple[Claim, PersonMention]]] = defaultdict(list)
        for c in claims:
            for p in c.people:
                spellings[p.surname].append((c, p))
        anchored = {s for s, ms in spellings.items() if any(p.role or len(p.name.split()) > 1 for _, p in ms)}
        flags = []
        # Variants share their first letter (see _spelling_variants): compare within those blocks only.
        blocks: dict[str, list[str]] = defaultdict(list)
        for name in sorted(spellings):
            blocks[_key(name)[:1]].append(name)
        for a, b in (pair for block in blocks.values() for pair in itertools.combinations(block, 2)):
            if not (a in anchored or b in anchored) or not _spelling_variants(a, b):
                continue
            firsts_a, firsts_b = _first_names(spellings[a]), _first_names(spellings[b])
            if firsts_a and firsts_b and not firsts_a & firsts_b:
                continue  # e.g. two relatives with near-identical surnames
            # One flag per pair of documents (at most MAX_PAIRS_PER_PERSON), on the closest
            # mentions there: a reviewer sees each article that spells the name differently.
            by_docs: dict[tuple[str, str], list] = defaultdict(list)
            for x, y in itertools.product(spellings[a], spellings[b]):
                if x[0].id != y[0].id and _same_first_name_or_unknown(x[1], y[1]):
                    by_docs[(x[0].doc, y[0].doc)].append((x, y))
            chosen = [min(group, key=lambda xy: abs(xy[0][1].start - xy[1][1].start)) for group in by_docs.values()]
            chosen.sort(key=lambda xy: (xy[0][0].doc != xy[1][0].doc, xy[0][0].start, xy[1][0].start))
            # the rarer spelling is the likely typo: a few flags per article that has it
            minority = a if len(spellings[a]) <= len(spellings[b]) else b
            for (ca, pa), (cb, pb) in chosen[:MAX_PAIRS_PER_PERSON]:
                same_doc = ca.doc == cb.doc
                where = "in the same article" if same_doc else f"in {ctx.source(ca)} and {ctx.source(cb)}"
                expl = f"“{pa.name}” and “{pb.name}” {where} look like one person's name spelled two ways."
                flags.append(make_flag(ca, cb, self.kind, 0.62 if same_doc else 0.55, expl,
                                       [_surname_highlight(pa, a)], [_surname_highlight(pb, b)],
                                       group=f"name|{a}|{b}|{ca.doc if minority == a else cb.doc}"))
        return flags
