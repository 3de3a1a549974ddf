"""Role and entity-name comparators: one person, two titles; one name, two spellings.

Both are corpus comparators: they group every person mention in every claim by
surname, so they see a conflict whatever the embeddings say about the claims.
"""
from __future__ import annotations

import itertools
import unicodedata
from collections import defaultdict

import regex as re

from claims.compare.base import CorpusComparator, ScoringContext, make_flag
from claims.settings import knob, section
from claims.extract.people import EXECUTIVE_OFFICES, is_office, offices_conflict, titles_in
from claims.types import Claim, Fact, Flag, Highlight, PersonMention


@section
class RoleSettings:
    max_pairs_per_person: int = knob(8, "flags per person; one per pair of titles and articles comes first")
    mentions_per_document: int = knob(3, "mentions per (title, article) compared; keeps a much-quoted leader from n^2 pairs")
    score_across: float = knob(0.72, "two outlets give one person two offices: a reviewer must look")
    score_same_article: float = knob(0.68, "within one article, a second title is more often a past post left unmarked")
    title_window: int = knob(40, "characters around a name read for titles given together ('president and CEO')")


def _ascii_name(name: str) -> str:
    """The name without accents and with one kind of apostrophe, capitals kept."""
    return unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()


def _key(surname: str) -> str:
    """The name for comparing spellings: no accents, one kind of apostrophe, lower case."""
    return _ascii_name(surname).lower()


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
    settings_class = RoleSettings

    def find(self, claims: list[Claim], ctx: ScoringContext) -> list[Flag]:
        by_person: dict[str, list[tuple[Claim, PersonMention]]] = defaultdict(list)
        for c in claims:
            for p in c.people:
                by_person[_key(p.surname)].append((c, p))
        flags = []
        for everyone in by_person.values():
            for mentions in _one_person_each(everyone):
                flags.extend(self._conflicts(mentions, ctx, self.settings(ctx)))
        return flags

    def _conflicts(self, mentions: list[tuple[Claim, PersonMention]], ctx: ScoringContext,
                   cfg: RoleSettings) -> list[Flag]:
        # A few mentions per (office, document) are enough to show a reviewer every article
        # that disagrees, and keep a much-quoted president from making n^2 pairs.
        by_role: dict[str, list[tuple[Claim, PersonMention]]] = defaultdict(list)
        per_doc: dict[tuple[str, str], int] = defaultdict(int)
        for c, p in mentions:
            if per_doc[(p.role, c.doc)] < cfg.mentions_per_document:
                per_doc[(p.role, c.doc)] += 1
                by_role[p.role].append((c, p))
        # a company's posts some text gives this person together ("president and chief executive")
        held_together = [titles_in(_around(c, p, cfg.title_window)) for c, p in mentions]
        pairs = [(x, y) for ra, rb in itertools.combinations(sorted(by_role), 2)
                 if offices_conflict(ra, rb)
                 and not ({ra, rb} <= EXECUTIVE_OFFICES and any({ra, rb} <= held for held in held_together))
                 for x, y in itertools.product(by_role[ra], by_role[rb]) if x[0].id != y[0].id]
        flags = []
        # one name for the person across all their flags: the fullest one given
        person = max((p.name for _, p in mentions), key=lambda n: (len(n.split()), len(n), n), default="")
        for (ca, pa), (cb, pb) in _pair_order(pairs)[: cfg.max_pairs_per_person]:
            name = max((pa.name, pb.name), key=len)
            expl = (f"{name} is called “{pa.role_text}” ({pa.role}) and “{pb.role_text}” ({pb.role}) {ctx.where(ca, cb)}; "
                    f"one person does not hold both offices at once.")
            fact = Fact(f"role|{_key(person)}", f"{person}'s title", pa.role or "", pb.role or "")
            flags.append(make_flag(ca, cb, self.kind, cfg.score_across if ca.doc != cb.doc else cfg.score_same_article, expl,
                                   [Highlight(pa.role_start or pa.start, pa.end, pa.role or "")],
                                   [Highlight(pb.role_start or pb.start, pb.end, pb.role or "")], fact=fact))
        return flags


def _around(claim: Claim, p: PersonMention, reach: int) -> str:
    """The claim's text around one mention: where the person's own titles are written."""
    start, end = p.start - claim.start, p.end - claim.start
    return claim.text[max(0, start - reach) : end + reach]


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


@section
class NameSettings:
    min_length: int = knob(5, "names shorter than this differ by one letter too often to call it a misspelling (Jon/Joan)")
    long_name: int = knob(7, "from this length two edits (a swapped pair of letters) still read as one name")
    score_same_article: float = knob(0.62, "one article spelling a name two ways is a sure slip")
    score_across: float = knob(0.55, "across outlets one of the two may be the accepted transliteration")
    max_pairs_per_name: int = knob(8, "flags per pair of spellings; one per pair of articles is enough to review")


def _spelling_variants(a: str, b: str, settings: NameSettings) -> bool:
    """Two spellings of one name: one or two letters apart (Kowalsky/Kowalksy), or the same letters
    capitalised differently inside the name (DeMarco/Demarco)."""
    from rapidfuzz.distance import Levenshtein

    ka, kb = _key(a), _key(b)
    if min(len(ka), len(kb)) < settings.min_length or ka[0] != kb[0]:
        return False
    if ka + "s" == kb or kb + "s" == ka:
        return False  # "Ranger" / "Rangers": a plural, not a second spelling
    if ka == kb:
        # only capitals inside the name differ: not accents (Quiñonez / Quinonez, an accepted
        # transliteration), not the apostrophe's shape (O’Dowd / O'Dowd), not "SMITH" vs "Smith"
        fa, fb = _ascii_name(a), _ascii_name(b)
        return fa != fb and fa[1:] != fa[1:].upper() and fb[1:] != fb[1:].upper()
    d = Levenshtein.distance(ka, kb)
    return d == 1 or (d == 2 and min(len(ka), len(kb)) >= settings.long_name)


# Short forms of a first name are the same person, not a misspelling.
NICKNAMES = [
    {"charles", "chuck", "charlie"}, {"william", "bill", "billy", "will"}, {"robert", "bob", "bobby", "rob"},
    {"richard", "rick", "dick", "rich"}, {"elizabeth", "liz", "beth", "betsy"}, {"michael", "mike"},
    {"james", "jim", "jimmy"}, {"joseph", "joe"}, {"thomas", "tom"}, {"edward", "ed", "ted", "eddie"},
    {"katherine", "kathy", "kate", "katie"}, {"margaret", "maggie", "peggy"}, {"daniel", "dan", "danny"},
    {"benjamin", "ben"}, {"christopher", "chris"}, {"nicholas", "nick"}, {"anthony", "tony"},
    {"alexander", "alex"}, {"steven", "steve"}, {"stephen", "steve"}, {"patricia", "pat"},
]


def _other_form(a: str, b: str) -> bool:
    """Maria / Mario, Daniel / Daniela: first names that differ at the end are two names (often
    two relatives), not one misspelt."""
    ka, kb = _key(a), _key(b)
    return ka[:-1] == kb[:-1] or ka.startswith(kb) or kb.startswith(ka)


def _nicknames(a: str, b: str) -> bool:
    return any(a in group and b in group for group in NICKNAMES)


def _same_first_name_or_unknown(x: PersonMention, y: PersonMention) -> bool:
    fx, fy = x.name.split()[:-1], y.name.split()[:-1]
    return not fx or not fy or fx[0].lower() == fy[0].lower()


def _surname_highlight(p: PersonMention, surname: str) -> Highlight:
    at = p.start + p.text.rfind(surname)
    return Highlight(at, at + len(surname), surname)


def _first_name(p: PersonMention) -> str:
    parts = p.name.split()
    return parts[0] if len(parts) > 1 and not parts[0].endswith(".") else ""


# "O’Callaghan" written "Callaghan": the prefix dropped, a different name on the page
_APOSTROPHE_PREFIX = re.compile(r"^\p{Lu}[’']")


class EntityNameComparator(CorpusComparator):
    """One person's name spelled two ways, within or across articles: the surname (Smyth /
    Smith, DeMarco / Demarco), the first name (Rodrigo / Rodirgo Almarza), or a prefix dropped
    (O’Brien / Brien).

    A pair needs one side *anchored*: the full name or a title was given, so it
    is a person, not a place that happened to "say" something. Different first
    names mean different people; first-name-only mentions are never compared; a
    nickname (Bill / William) is not a misspelling.
    """

    kind = "entity_name"
    label = "Name spelled differently"
    description = "One person's or place's name is spelled two ways."
    specificity = 45
    settings_class = NameSettings

    def find(self, claims: list[Claim], ctx: ScoringContext) -> list[Flag]:
        cfg = self.settings(ctx)
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
            if not (a in anchored or b in anchored) or not _spelling_variants(a, b, cfg):
                continue
            firsts_a, firsts_b = _first_names(spellings[a]), _first_names(spellings[b])
            if firsts_a and firsts_b and not firsts_a & firsts_b:
                continue  # e.g. two relatives with near-identical surnames
            pairs = [(x, y) for x, y in itertools.product(spellings[a], spellings[b])
                     if _same_first_name_or_unknown(x[1], y[1])]
            flags += self._flags(pairs, a, b, len(spellings[a]) <= len(spellings[b]), ctx, cfg,
                                 lambda p, q: (_surname_highlight(p, a), _surname_highlight(q, b)))
        flags += self._first_name_variants(spellings, ctx, cfg)
        flags += self._dropped_prefixes(claims, spellings, ctx, cfg)
        return flags

    def _first_name_variants(self, spellings, ctx: ScoringContext, cfg: NameSettings) -> list[Flag]:
        flags = []
        for surname, mentions in spellings.items():
            by_first: dict[str, list] = defaultdict(list)
            for c, p in mentions:
                if _first_name(p):
                    by_first[_first_name(p)].append((c, p))
            for fa, fb in itertools.combinations(sorted(by_first), 2):
                if _nicknames(fa.lower(), fb.lower()) or _other_form(fa, fb) or not _spelling_variants(fa, fb, cfg):
                    continue
                pairs = list(itertools.product(by_first[fa], by_first[fb]))

                def spans(p, q, fa=fa, fb=fb):
                    return (Highlight(p.start + p.text.find(fa), p.start + p.text.find(fa) + len(fa), fa),
                            Highlight(q.start + q.text.find(fb), q.start + q.text.find(fb) + len(fb), fb))
                flags += self._flags(pairs, fa + " " + surname, fb + " " + surname,
                                     len(by_first[fa]) <= len(by_first[fb]), ctx, cfg, spans)
        return flags

    def _dropped_prefixes(self, claims: list[Claim], spellings, ctx: ScoringContext, cfg: NameSettings) -> list[Flag]:
        flags = []
        for surname, mentions in spellings.items():
            if not _APOSTROPHE_PREFIX.match(surname) or len(surname) - 2 < cfg.min_length:
                continue
            bare = surname[2:]
            bare_re = re.compile(rf"(?<![\w’'])({re.escape(bare)})\b")
            pairs = []
            for c in claims:
                for m in bare_re.finditer(c.text):
                    at = c.start + m.start(1)
                    pairs += [(x, (c, PersonMention(bare, at, at + len(bare), bare, bare))) for x in mentions]
            flags += self._flags(pairs, surname, bare, False, ctx, cfg,
                                 lambda p, q: (_surname_highlight(p, surname), Highlight(q.start, q.end, bare)))
        return flags

    def _flags(self, pairs, a: str, b: str, a_is_minority: bool, ctx: ScoringContext, cfg: NameSettings,
               spans) -> list[Flag]:
        """One flag per pair of documents (at most ``max_pairs_per_name``), on the closest
        mentions there: a reviewer sees each article that spells the name differently."""
        by_docs: dict[tuple[str, str], list] = defaultdict(list)
        for x, y in pairs:
            if x[0].id != y[0].id:
                by_docs[(x[0].doc, y[0].doc)].append((x, y))
        chosen = [min(group, key=lambda xy: abs(xy[0][1].start - xy[1][1].start)) for group in by_docs.values()]
        chosen.sort(key=lambda xy: (xy[0][0].doc != xy[1][0].doc, xy[0][0].start, xy[1][0].start))
        flags = []
        for (ca, pa), (cb, pb) in chosen[: cfg.max_pairs_per_name]:
            same_doc = ca.doc == cb.doc
            ha, hb = spans(pa, pb)
            expl = f"“{ha.label}” and “{hb.label}” {ctx.where(ca, cb)} look like one person's name spelled two ways."
            # the rarer spelling is the likely typo: a few flags per article that has it
            # the fact is the name as most mentions spell it; each side's value is its spelling
            usual = b if a_is_minority else a
            fact = Fact(f"name|{_key(usual)}", f"Spelling of {usual}", ha.label, hb.label, ha.label, hb.label)
            flags.append(make_flag(ca, cb, self.kind, cfg.score_same_article if same_doc else cfg.score_across,
                                   expl, [ha], [hb], group=f"name|{a}|{b}|{ca.doc if a_is_minority else cb.doc}",
                                   fact=fact))
        return flags
