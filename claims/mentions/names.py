"""Names of people, places and organisations, read from spaCy's entities.

A person's ``key`` is the surname (lower case, accents folded: "Marić" -> "maric"); the name as
written, without titles, honorifics or a possessive, is the ``value``. A place's or an
organisation's ``key`` is its lower-cased name without "the".

spaCy's small model misses some people: a surname after "Mr."/"Dr." may be tagged ORG or nothing,
and "Novak, who chairs ..." an organisation. An honorific, a title from the office vocabulary, or
a relative clause with "who" before or after a name makes it a person whatever the tagger said.

:func:`differ` says when two names are one name spelt two ways ("Novak" vs "Nowak"): a small edit
whose budget grows with the name's length. Two people who share a surname but not a first name
are different people, not a discrepancy; nor are a nickname and the full first name (Bill/William).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from typing import Any

from rapidfuzz.distance import OSA

from claims.mentions.base import Mention
from claims.mentions.offices import TITLE_PATTERN, TITLE_WORDS
from claims.mentions.syntax import governing_verb, in_quotes, lemma, text_of

PERSON_LABELS = ("PERSON",)
PLACE_LABELS = ("GPE", "LOC", "FAC")
ORG_LABELS = ("ORG",)

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "fr", "lord", "lady"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"})
# lower-case words that belong to a surname: "van der Berg", "de la Cruz", "bin Salman"
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "la",
                        "le", "bin", "ibn", "al", "el", "ter", "ten", "st."})
# title words as news prose also writes them without the abbreviation's dot ("Gov Dana Whitcomb")
_TITLE_OR_BARE = TITLE_WORDS | frozenset({"gov", "sen", "rep", "gen", "lt", "col", "capt", "sgt", "atty"})
_STANDING = frozenset({"former", "ex", "the", "late", "then", "acting", "interim", "a", "an"})

# Nicknames and the first name they stand for (both directions are looked up). Data, not rules.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "william": ("bill", "billy", "will", "willie", "liam"), "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "richard": ("rick", "ricky", "dick", "rich", "richie"), "james": ("jim", "jimmy", "jamie"),
    "john": ("jack", "johnny", "jon"), "joseph": ("joe", "joey"), "michael": ("mike", "mick", "mickey"),
    "thomas": ("tom", "tommy"), "charles": ("charlie", "chuck", "chas"), "edward": ("ed", "eddie", "ted", "ned"),
    "theodore": ("ted", "teddy", "theo"), "daniel": ("dan", "danny"), "david": ("dave", "davey"),
    "anthony": ("tony",), "christopher": ("chris", "kit"), "nicholas": ("nick", "nicky"),
    "alexander": ("alex", "sasha", "sandy"), "benjamin": ("ben", "benny"), "samuel": ("sam", "sammy"),
    "stephen": ("steve", "stevie"), "steven": ("steve", "stevie"), "matthew": ("matt",),
    "andrew": ("andy", "drew"), "timothy": ("tim", "timmy"), "patrick": ("pat", "paddy"),
    "peter": ("pete",), "gerald": ("jerry", "gerry"), "lawrence": ("larry",), "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"), "kenneth": ("ken", "kenny"), "gregory": ("greg",), "jeffrey": ("jeff",),
    "frederick": ("fred", "freddie"), "harold": ("hal", "harry"), "henry": ("hank", "harry"),
    "elizabeth": ("liz", "beth", "betsy", "betty", "lizzie", "eliza"), "margaret": ("maggie", "meg", "peggy", "marge"),
    "katherine": ("kate", "kathy", "katie", "kat"), "catherine": ("cathy", "kate", "cat"),
    "jennifer": ("jen", "jenny"), "patricia": ("pat", "patty", "trish"), "susan": ("sue", "susie"),
    "deborah": ("deb", "debbie"), "rebecca": ("becky", "becca"), "victoria": ("vicky", "tori"),
    "alexandra": ("alex", "sasha", "sandra"), "christine": ("chris", "chrissy"), "christina": ("chris", "tina"),
    "jacqueline": ("jackie",), "kimberly": ("kim",), "pamela": ("pam",), "barbara": ("barb", "babs"),
    "dorothy": ("dot", "dottie"), "abigail": ("abby",), "samantha": ("sam",), "theresa": ("terry", "tess"),
    "vladimir": ("vova", "volodya"), "aleksandr": ("sasha",), "mohammed": ("mohamed", "muhammad"),
}
_NICK_GROUPS: dict[str, set[str]] = {}
for _full, _nicks in NICKNAMES.items():
    for _n in (_full, *_nicks):
        _NICK_GROUPS.setdefault(_n, set()).add(_full)


# Letters NFKD does not take apart into a base letter and an accent.
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                       "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """Lower case without accents: "Marić" -> "maric", "Ødegaard" -> "odegaard"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def split_name(name: str) -> tuple[str, str]:
    """(first name, surname) of a name as written: "Juan de la Cruz Jr." -> ("Juan", "de la Cruz")."""
    words = name.split()
    while len(words) > 1 and fold(words[-1]).strip(".,") in _SUFFIXES:
        words.pop()
    start = len(words) - 1
    while start > 1 and fold(words[start - 1]) in _PARTICLES:
        start -= 1  # the particle joins the surname unless it would leave no first name
    first = words[0] if start > 0 else ""
    return first, " ".join(words[start:])


def person_key(name: str) -> str:
    """The surname of a name, folded: what identifies a person across articles."""
    return fold(split_name(name)[1]).replace("'", "")


_QUOTES = "\"'“”‘’«»"


def place_key(name: str) -> str:
    """A place's or organisation's name, folded, without quotation marks, "the", dots or a possessive."""
    words = fold(name.strip(_QUOTES)).replace(".", "").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words).removesuffix("'s")


class NameReader:
    """People, places and organisations named in a claim."""

    kinds = ("person", "place", "org")

    def read(self, doc: Any, offset: int, published: dt.date | None) -> list[Mention]:
        found = doc.user_data.get("claims.names")
        if found is None:  # the title reader asks for the same names: read them once per Doc
            found = doc.user_data["claims.names"] = self._read(doc)
        return [replace(m, start=m.start + offset, end=m.end + offset) for m in found] if offset else list(found)

    def _read(self, doc: Any) -> list[Mention]:
        offset = 0
        titles = _title_tokens(doc)
        out: list[Mention] = []
        taken: set[int] = set()  # token indices already in a mention
        for ent in doc.ents:
            if all(t.i in titles for t in ent):
                continue  # "Defense" in "Defense Secretary" is part of an office, not a name
            kind = _kind_of(ent, titles)
            if kind is None:
                continue
            mention = _mention(doc, ent.start, ent.end, kind, offset)
            if mention is not None:
                out.append(mention)
                taken.update(range(ent.start, ent.end))
        if titles or _CUE_WORDS.search(text_of(doc)):
            out += _untagged_people(doc, offset, taken, titles)
        return sorted(out, key=lambda m: m.start)


# cheap test before a walk over every token: an honorific, or "who" for "Novak, who chairs ..."
_CUE_WORDS = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Rev|Fr|Lord|Lady)\b|\bwho\b")


def _title_tokens(doc: Any) -> set[int]:
    """Indices of the tokens that write an office ("Sen.", "Defense Secretary", "prime minister")."""
    cached = doc.user_data.get("claims.title_tokens")
    if cached is not None:
        return cached
    found: set[int] = set()
    doc.user_data["claims.title_tokens"] = found
    for m in TITLE_PATTERN.finditer(text_of(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return found


# The last word of an organisation's name says what it is: "Northwind Labs" is no person.
ORG_HEADS = frozenset({
    "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "group", "labs", "company",
    "corporation", "bank", "university", "college", "school", "party", "committee", "council", "association",
    "institute", "foundation", "agency", "department", "ministry", "court", "commission", "administration",
    "board", "union", "network", "news", "times", "post", "journal", "hospital", "church", "club", "fund",
})


def _kind_of(ent: Any, titles: set[int]) -> str | None:
    if ent.label_ in PERSON_LABELS:
        if len(ent) == 1 and ent[0].tag_ == "NNPS":
            return None  # a plural proper noun is a group ("Republicans"), not a person
        return "org" if ent[-1].lower_ in ORG_HEADS else "person"
    if ent.label_ in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "LOC", "FAC") and len(ent) <= 3 \
            and all(t.pos_ == "PROPN" for t in ent) and ent[-1].lower_ not in ORG_HEADS \
            and _person_cue(ent.doc, ent.start, ent.root, titles, ent.end):
        return "person"
    if ent.label_ in PLACE_LABELS:
        return "place"
    if ent.label_ in ORG_LABELS:
        return "org"
    return None


_BECOME_VERBS = frozenset({"be", "become", "serve", "remain", "name", "appoint", "elect", "nominate"})


def _person_cue(doc: Any, start: int, root: Any, titles: set[int], end: int | None = None) -> bool:
    """Whether the grammar makes a proper name a person whatever the tagger said: an honorific or an
    office right before it ("Mr. Novak", "Sen. Ortiz", "Prime Minister-elect Marek"), an office in
    apposition ("Novak, the prime minister"), a "who" clause, or "Novak is/was named/served as <office>"."""
    if end is not None and start in titles and any(i not in titles for i in range(start + 1, end)):
        return True  # the tagger put the title inside the name: "Sheriff Okonjo" tagged ORG
    before = doc[start - 1] if start > 0 else None
    if before is not None and (_is_honorific(before) or before.i in titles or
                               (before.lower_ == "elect" and before.i - 2 in titles)):
        return True
    if root.dep_ == "appos" and root.head.i in titles:
        return True
    for child in root.children:
        if child.dep_ == "appos" and child.i in titles:
            return True
        if child.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in child.children):
            return True
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _BECOME_VERBS:
        for comp in root.head.children:
            if comp.dep_ in ("attr", "oprd") and comp.i in titles:
                return True
            if comp.dep_ == "prep" and comp.lower_ == "as" and any(c.i in titles for c in comp.children):
                return True
    return False


def _is_honorific(token: Any) -> bool:
    return token.lower_.rstrip(".") in HONORIFICS and token.text[:1].isupper()


def _mention(doc: Any, start: int, end: int, kind: str, offset: int) -> Mention | None:
    """A mention of the tokens ``start:end`` without titles, honorifics, "the" or a possessive."""
    honorific = ""
    if kind == "person" and start > 0 and _is_honorific(doc[start - 1]):
        honorific = doc[start - 1].lower_.rstrip(".")  # "Mr. Novak": spaCy leaves the "Mr." outside
    standing: list[str] = []
    if kind == "person":
        # "RI Gov Dana Whitcomb", "Tasmania Sen. Omar Feld": everything up to the last title word goes
        last_title = max((i for i in range(start, end - 1) if doc[i].lower_ in _TITLE_OR_BARE), default=None)
        if last_title is not None:
            standing += [t.lower_ for t in doc[start:last_title + 1]]
            start = last_title + 1
    while start < end:
        tok = doc[start]
        low = tok.lower_
        if kind == "person" and _is_honorific(tok):
            honorific = low.rstrip(".")
        elif kind == "person" and (low in TITLE_WORDS or low in _STANDING or tok.is_punct):
            standing.append(low)
        elif kind != "person" and low == "the":
            pass
        else:
            break
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    text = span.text
    if kind == "person":
        text = text.removesuffix("'s").removesuffix("’s").rstrip("'’")
        if not text[:1].isupper() or any(ch.isdigit() for ch in text):
            return None
        first, surname = split_name(text)
        if len(fold(surname).rstrip(".")) < 2 or surname.endswith(".") or fold(surname).rstrip(".") in HONORIFICS:
            return None  # no surname: an initial ("Paul D.") or an honorific alone
        key = person_key(text)
        features = {"first": fold(first).rstrip("."), "honorific": honorific}
    else:
        key = place_key(text)
        if not key:
            return None
        features = {}
    verb = governing_verb(span.root)
    features.update({"dep": span.root.dep_, "is_quote": in_quotes(doc, span.start_char)})
    if standing:
        features["preceded_by"] = " ".join(standing)
    return Mention(
        kind=kind, start=offset + span.start_char, end=offset + span.start_char + len(text), text=text,
        value=" ".join(text.split()), key=key, verb=lemma(verb), features=features,
    )


def _untagged_people(doc: Any, offset: int, taken: set[int], titles: set[int]) -> list[Mention]:
    """People the tagger found no entity for: "Mr. Novak", "its CFO, Ana Ruiz": a run of capitalised
    proper nouns (at most three) with a person cue."""
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        start = i + 1 if _is_honorific(tok) else i
        end = start
        while end < len(doc) and end - start < 3 and end not in taken and end not in titles \
                and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and doc[end].ent_type_ in ("", "PERSON", "ORG", "GPE", "NORP"):
            end += 1
        if end > start and (start > i or _person_cue(doc, start, doc[start:end].root, titles)):
            mention = _mention(doc, start, end, "person", offset)
            if mention is not None:
                out.append(mention)
                taken.update(range(start, end))
            i = end
        else:
            i = max(i + 1, end)
    return out


def resolve_people(mentions: list[Mention]) -> list[Mention]:
    """Mentions of one article with its surnames made consistent: a one-word organisation or place
    whose key is the surname of a person named elsewhere in the article is that person ("Berglund"
    tagged ORG in one sentence, "Ines Berglund" a PERSON in another). Order is kept."""
    surnames = {m.key for m in mentions if m.kind == "person"}
    out = []
    for m in mentions:
        if m.kind in ("org", "place") and " " not in m.key and m.key in surnames:
            m = replace(m, kind="person", key=m.key, features={**m.features, "first": "", "honorific": "",
                                                                 "relabelled": m.kind})
        out.append(m)
    return out


def edit_budget(name: str) -> int:
    """How many letters a spelling slip may change in a name this long: none below 6 letters (short
    surnames a letter apart are mostly two people: Carr / Barr), 1 up to 7, 2 up to 15, then 3."""
    return 0 if len(name) < 6 else 1 + len(name) // 8


# endings that make another word of a name, not another spelling: plurals, possessives, demonyms
# ("the Obamas", "Democrats", "Arizonan", "Texans")
_INFLECTIONS = ("s", "es", "'s", "’s", "n", "an", "ian", "ans", "ns", "ians", "ese", "i", "is")


def inflected(a: str, b: str) -> bool:
    """One name is the other with an inflection or demonym ending ("obama" / "obamas")."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short):] in _INFLECTIONS


def place_budget(name: str) -> int:
    """Places and organisations get less: many real ones are a letter or two apart ("Iran"/"Iraq",
    "Austria"/"Australia"), so none below 6 letters, 1 up to 11, then 2."""
    return 0 if len(name) < 6 else 1 if len(name) < 12 else 2


def differ(a: Mention, b: Mention) -> str | None:
    """Why two names are one name spelt two ways, or None (equal, or plainly different names)."""
    if a.kind != b.kind:
        return None
    if a.kind == "person":
        return _people_differ(a, b)
    if a.key == b.key:
        return None
    if _spelling_variants(a.key, b.key, place_budget(min(a.key, b.key, key=len))):
        return f"“{a.text}” vs “{b.text}”"
    return None


def _people_differ(a: Mention, b: Mention) -> str | None:
    first_a, first_b = a.features.get("first", ""), b.features.get("first", "")
    if {a.features.get("honorific"), b.features.get("honorific")} in ({"mr", "mrs"}, {"mr", "ms"}, {"mr", "miss"}):
        return None  # Mr. and Mrs. Novak are two people
    if first_a and first_b and not _same_first_name(first_a, first_b):
        if len(first_a) >= 5 and _spelling_variants(first_a, first_b, edit_budget(first_a) - 1) and a.key == b.key:
            return f"“{a.text}” vs “{b.text}”"  # Katherine / Catherine: one first name spelt two ways
        return None  # two people who share (or nearly share) a surname
    if a.key == b.key:
        return _capitals_differ(a, b)
    if _spelling_variants(a.key, b.key, edit_budget(max(a.key, b.key, key=len))):
        return f"“{a.text}” vs “{b.text}”"
    return None


def _capitals_differ(a: Mention, b: Mention) -> str | None:
    """One surname with its capitals in other places ("DeWitt" / "Dewitt"): a spelling, not a style,
    unless one side is set in capitals throughout (a headline or a dateline)."""
    sa, sb = _surname_as_written(a.text), _surname_as_written(b.text)
    if not sa or not sb or sa == sb or sa.isupper() or sb.isupper():
        return None
    if sa.lower() == sb.lower() and sa[0].isupper() and sb[0].isupper():
        return f"“{a.text}” vs “{b.text}” (capitals)"
    return None


def _surname_as_written(text: str) -> str:
    words = [w for w in text.replace("’s", "").replace("'s", "").split() if w[:1].isalpha()]
    return words[-1] if words else ""


def _same_first_name(a: str, b: str) -> bool:
    """Equal, an initial of the other, or a nickname of it (Bill/William)."""
    a, b = a.rstrip("."), b.rstrip(".")
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return bool(_NICK_GROUPS.get(a, {a}) & _NICK_GROUPS.get(b, {b}))


def _spelling_variants(a: str, b: str, budget: int) -> bool:
    """Two different spellings within ``budget`` edits (a swap of two neighbours counts once)."""
    if budget < 1 or a == b or inflected(a, b):
        return False
    return OSA.distance(a, b, score_cutoff=budget) <= budget
