"""Role and entity-name comparators: one person, two titles; one name, two spellings.

Both are corpus comparators: they group every person mention in every claim by
surname, so they see a conflict whatever the embeddings say about the claims.
"""
from __future__ import annotations

import itertools
import unicodedata
from collections import defaultdict

from claims.compare.base import ScoringContext, make_flag
from claims.extract.people import OFFICES
from claims.types import Claim, Flag, Highlight, PersonMention

MAX_PAIRS_PER_PERSON = 8


def _key(surname: str) -> str:
    s = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode().lower()
    return s


def _first_names(mentions: list[tuple[Claim, PersonMention]]) -> set[str]:
    return {p.name.split()[0].lower() for _, p in mentions if len(p.name.split()) > 1}


def _pair_order(pairs, ctx):
    """Prefer pairs across documents, then the earliest mentions: stable and reviewable."""
    return sorted(pairs, key=lambda ab: (ab[0][0].doc == ab[1][0].doc, ab[0][0].start, ab[1][0].start))


class RoleComparator:
    """The same person given two offices one cannot hold at once (president vs prime minister)."""

    kind = "role"

    def find(self, claims: list[Claim], ctx: ScoringContext) -> list[Flag]:
        by_person: dict[str, list[tuple[Claim, PersonMention]]] = defaultdict(list)
        for c in claims:
            for p in c.people:
                by_person[_key(p.surname)].append((c, p))
        flags = []
        for mentions in by_person.values():
            if len(_first_names(mentions)) > 1:
                continue  # two people share the surname; titles may both be right
            titled = [(c, p) for c, p in mentions if p.role in OFFICES]
            pairs = [(x, y) for x, y in itertools.combinations(titled, 2)
                     if x[1].role != y[1].role and x[0].id != y[0].id]
            for (ca, pa), (cb, pb) in _pair_order(pairs, ctx)[:MAX_PAIRS_PER_PERSON]:
                name = max((pa.name, pb.name), key=len)
                where = "in the same article" if ca.doc == cb.doc else f"in {ctx.source(ca)} and {ctx.source(cb)}"
                expl = (f"{name} is called “{pa.role_text}” ({pa.role}) and “{pb.role_text}” ({pb.role}) {where}; "
                        f"one person does not hold both offices at once.")
                score = 0.72 if ca.doc != cb.doc else 0.68
                flags.append(make_flag(ca, cb, self.kind, score, expl,
                                       [Highlight(pa.role_start or pa.start, pa.end, pa.role or "")],
                                       [Highlight(pb.role_start or pb.start, pb.end, pb.role or "")]))
        return flags


def _spelling_variants(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    ka, kb = _key(a), _key(b)
    if ka == kb or min(len(ka), len(kb)) < 5 or ka[0] != kb[0]:
        return False
    d = Levenshtein.distance(ka, kb)
    return d == 1 or (d == 2 and min(len(ka), len(kb)) >= 7)


class EntityNameComparator:
    """The same person's name spelled two ways (Smyth / Smith), within or across articles.

    A pair needs one side *anchored*: the full name or a title was given, so it
    is a person, not a place that happened to "say" something. Different first
    names mean different people; first-name-only mentions are never compared.
    """

    kind = "entity_name"

    def find(self, claims: list[Claim], ctx: ScoringContext) -> list[Flag]:
        spellings: dict[str, list[tuple[Claim, PersonMention]]] = defaultdict(list)
        for c in claims:
            for p in c.people:
                spellings[p.surname].append((c, p))
        anchored = {s for s, ms in spellings.items() if any(p.role or len(p.name.split()) > 1 for _, p in ms)}
        flags = []
        names = sorted(spellings)
        for a, b in itertools.combinations(names, 2):
            if not (a in anchored or b in anchored) or not _spelling_variants(a, b):
                continue
            firsts_a, firsts_b = _first_names(spellings[a]), _first_names(spellings[b])
            if firsts_a and firsts_b and not firsts_a & firsts_b:
                continue  # e.g. two relatives with near-identical surnames
            # The closest pair of mentions: same article first, then nearest in the text.
            (ca, pa), (cb, pb) = min(
                itertools.product(spellings[a], spellings[b]),
                key=lambda xy: (xy[0][0].doc != xy[1][0].doc, abs(xy[0][1].start - xy[1][1].start)),
            )
            if ca.id == cb.id:
                continue
            same_doc = ca.doc == cb.doc
            where = "in the same article" if same_doc else f"in {ctx.source(ca)} and {ctx.source(cb)}"
            expl = f"“{pa.name}” and “{pb.name}” {where} look like one person's name spelled two ways."
            flags.append(make_flag(ca, cb, self.kind, 0.62 if same_doc else 0.55, expl,
                                   [Highlight(pa.start + pa.text.rfind(a), pa.start + pa.text.rfind(a) + len(a), a)],
                                   [Highlight(pb.start + pb.text.rfind(b), pb.start + pb.text.rfind(b) + len(b), b)]))
        return flags
