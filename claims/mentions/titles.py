"""Titles: an office or rank, tied to the person who holds it and the organisation it is of.

"President Jana Novak", "Novak, the prime minister,", "the Foreign Minister, Jana Novak",
"Sen. Novak (D-R.I.)", "Novak, a former governor", "Novak was named defense secretary",
"Novak, who chairs the committee". The office is found with the vocabulary in
:mod:`claims.mentions.offices` and normalised there ("Sen." -> "senator"); the person through the
parse (a name right after the title, an apposition either way, a copula, a "who" clause).

``value`` is the office with its deputy/vice rank ("deputy mayor"); ``features["office"]`` the office
without it; ``features["former"|"acting"|"elect"|"deputy"]`` booleans; ``holder`` the person's
surname key; ``org`` the organisation or place ("senate banking committee", "rhode island").

:func:`differ` says when two offices cannot both describe one holder at one time.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from claims.mentions import offices
from claims.mentions.base import Mention
from claims.mentions.names import NameReader, place_key
from claims.mentions.syntax import governing_verb, in_quotes, lemma, text_of, subject_of

# "Novak, who chairs the committee": the verb of a "who" clause that names an office
OFFICE_VERBS = {"chair": "chair", "lead": "leader", "head": "head", "direct": "director",
                "represent": "representative", "govern": "governor", "command": "commander"}
# "Novak was named secretary": verbs whose object or complement is the subject's office
_BECOME_VERBS = frozenset({"be", "become", "serve", "remain", "name", "appoint", "elect", "nominate",
                           "choose", "select", "swear", "make", "confirm", "install"})
# "(D-R.I.)": a US legislator's party and state
_PARTY_STATE = re.compile(r"\(\s*(?P<party>[DRI])\s*[-–.]\s*(?P<state>[A-Z][\w. ]+?)\s*\)")
_STANDING_WORDS = re.compile(r"\w+")


class TitleReader:
    kinds = ("title",)

    def __init__(self) -> None:
        self._names = NameReader()

    def read(self, doc: Any, offset: int, published: dt.date | None) -> list[Mention]:
        people = [m for m in self._names.read(doc, 0, published) if m.kind == "person"]
        out = []
        for match in offices.TITLE_PATTERN.finditer(text_of(doc)):
            mention = self._title(doc, match, people, offset)
            if mention is not None:
                out.append(mention)
        out += self._office_verbs(doc, people, offset, {(m.start - offset) for m in out})
        return out

    def _title(self, doc: Any, match: re.Match, people: list[Mention], offset: int) -> Mention | None:
        span = doc.char_span(match.start("office"), match.end("office"), alignment_mode="expand")
        if span is None:
            return None
        written = match.group("office")
        if _not_a_title(doc, span, written):
            return None
        portfolio = match.group("portfolio_after") or match.group("portfolio_before")
        office = offices.normalise(written, portfolio)
        standing = {w.lower() for w in _STANDING_WORDS.findall(match.group("standing"))}
        standing |= _standing_before(doc, span)
        deputy = bool(standing & set(offices.DEPUTY))
        rank = next((w for w in offices.DEPUTY if w in standing), "")
        value = f"{rank} {office}" if deputy else office
        holder, how = _holder(doc, span, match, people)
        org = _org(doc, span, match, holder)
        start = match.start("standing") if match.group("standing") else match.start("office")
        end = match.end()
        text = text_of(doc)[start:end]
        head = span.root
        features = {
            "office": office, "former": bool(standing & set(offices.FORMER)),
            "acting": bool(standing & set(offices.ACTING)), "elect": bool(match.group("elect")),
            "deputy": deputy, "attached_by": how, "group": offices.group(office),
            "is_quote": in_quotes(doc, match.start()),
            # "the governor's race", "the mayor's office": the office owns something, no one is named
            "possessor": any(c.dep_ == "case" for c in head.children) or head.dep_ == "poss",
        }
        party = _party_state(doc, holder)
        if party:
            features["party"] = party[0]
        return Mention(
            kind="title", start=offset + start, end=offset + end, text=text, value=value, key=value,
            holder=holder.key if holder is not None else "", org=org or (party[1] if party else ""),
            verb=lemma(governing_verb(head)), features=features,
        )

    def _office_verbs(self, doc: Any, people: list[Mention], offset: int, taken: set[int]) -> list[Mention]:
        """ "Novak, who chairs the committee": the office named by a verb in a "who" clause."""
        out = []
        for tok in doc:
            if tok.dep_ != "relcl" or tok.lemma_ not in OFFICE_VERBS:
                continue
            if not any(c.lower_ == "who" and c.dep_ == "nsubj" for c in tok.children):
                continue
            holder = _person_at(tok.head, people)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if holder is None or obj is None or tok.idx in taken:
                continue
            org_span = doc[obj.left_edge.i:obj.right_edge.i + 1]
            office = OFFICE_VERBS[tok.lemma_]
            text = text_of(doc)[tok.idx:org_span.end_char]
            out.append(Mention(
                kind="title", start=offset + tok.idx, end=offset + org_span.end_char, text=text, value=office,
                key=office, holder=holder.key, org=place_key(org_span.text), verb=tok.lemma_,
                features={"office": office, "former": False, "acting": False, "elect": False, "deputy": False,
                          "attached_by": "relative clause", "group": offices.group(office),
                          "is_quote": in_quotes(doc, tok.idx)},
            ))
        return out


def _not_a_title(doc: Any, span: Any, written: str) -> bool:
    """Words of the vocabulary used as something else: "the general public", "a major", "to head home"."""
    root = span.root
    if root.pos_ in ("VERB", "AUX") or (root.pos_ == "ADJ" and root.dep_ == "amod" and len(span) == 1):
        return True
    low = written.lower()
    if low in ("general", "private", "head", "leader", "official", "officer", "justice", "king", "queen") and \
            not written[:1].isupper() and not _next_is_name(doc, span):
        # common nouns that are offices only as a title before a name or in an apposition
        return low in ("general", "private", "justice") or root.dep_ not in ("appos", "attr", "nsubj", "nsubjpass", "pobj")
    return False


def _next_is_name(doc: Any, span: Any) -> bool:
    return span.end < len(doc) and doc[span.end].ent_type_ == "PERSON"


def _standing_before(doc: Any, span: Any) -> set[str]:
    """ "the former prime minister": standing words the pattern did not reach (a determiner between)."""
    standing = (*offices.FORMER, *offices.ACTING, *offices.DEPUTY)
    words = set()
    for child in span.root.children:
        if child.i < span.start and child.dep_ in ("amod", "advmod", "compound") and child.lower_ in standing:
            words.add(child.lower_)
    # "then-NASA Administrator", "former Rhode Island Gov.": the word stands before the office's organisation
    i = span.start - 1
    while i >= 0 and span.start - i <= 5 and (doc[i].pos_ == "PROPN" or doc[i].text in ("-", "–")):
        i -= 1
    if i >= 0 and i < span.start - 1 and doc[i].lower_ in standing:
        words.add(doc[i].lower_)
    return words


def _holder(doc: Any, span: Any, match: re.Match, people: list[Mention]) -> tuple[Mention | None, str]:
    """The person the title belongs to, and how the text ties them ("before name", "apposition", ...)."""
    # "President Jana Novak", "Sen. Ortiz", "Prime Minister-elect Novak": a name right after the title
    after = match.end()
    for p in people:
        gap = text_of(doc)[after:p.start]
        if p.start >= after and (gap.strip() == "" or re.fullmatch(r"\s*(?:Mr|Mrs|Ms|Dr)\.?\s*", gap)):
            return p, "before name"
        if p.start <= span.start_char < p.end:
            return p, "in name"  # spaCy put the title inside the PERSON entity
    root = span.root
    # "Novak, the prime minister," / "Jana Novak, a former governor"
    if root.dep_ == "appos":
        holder = _person_at(root.head, people)
        if holder is not None:
            return holder, "apposition"
    # "The Foreign Minister, Jana Novak," / "the party's leader, Novak"
    for child in root.children:
        if child.dep_ == "appos":
            holder = _person_at(child, people)
            if holder is not None:
                return holder, "apposition"
    # "Novak is the prime minister", "Novak was named defense secretary", "Novak served as governor"
    verb, via = root.head, root.dep_
    if via == "pobj" and verb.lower_ == "as":
        verb, via = verb.head, "as"
    if verb.lemma_ in _BECOME_VERBS and via in ("attr", "oprd", "as", "dobj", "xcomp", "acomp"):
        subject = subject_of(verb)
        if subject is not None and (via != "dobj" or verb.lemma_ in ("name", "appoint", "elect")):
            holder = _person_at(subject, people)
            if holder is not None:
                return holder, "copula"
    return None, ""


def _person_at(token: Any, people: list[Mention]) -> Mention | None:
    """The person mention containing ``token`` (offsets relative to the claim)."""
    for p in people:
        if p.start <= token.idx < p.end:
            return p
    return None


def _org(doc: Any, span: Any, match: re.Match, holder: Mention | None) -> str:
    """The organisation or place the office is of: "of the Senate", "Rhode Island Gov.", "the party's leader"."""
    root = span.root
    # "chairman of the Senate Banking Committee", "mayor of Springfield"
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "to", "at") and child.i >= span.end:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                return place_key(doc[obj.left_edge.i:obj.i + 1].text)
    # "Rhode Island Gov. Ruth Keller", "Senate Majority Leader", "Navy spokesman", "the company's chief executive"
    i = match.start("standing") if match.group("standing") else match.start("office")
    before = doc.char_span(0, i, alignment_mode="contract")
    if before is not None and len(before):
        words = []
        for tok in reversed(before):
            if tok.tag_ == "POS" and not words:
                continue  # "Rhode Island's governor"
            if tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "DATE", "CARDINAL") and \
                    tok.lower_ not in offices.TITLE_WORDS:
                words.insert(0, tok.text)
                continue
            break
        if words:
            return place_key(" ".join(words))
    return ""


def _party_state(doc: Any, holder: Mention | None) -> tuple[str, str] | None:
    """ "Sen. Paul Brandt (D-R.I.)": the party letter and the state, right after the holder's name."""
    if holder is None:
        return None
    m = _PARTY_STATE.match(text_of(doc), holder.end + (1 if text_of(doc)[holder.end:holder.end + 1] == " " else 0))
    return (m.group("party"), place_key(m.group("state"))) if m else None


def differ(a: Mention, b: Mention) -> str | None:
    """Why two titles cannot both be right for one holder at one time, or None.

    Compatible: the same office (its organisation aside), a former office and a current one (two
    times), an office and its "-elect" or "acting" form, a general word and a specific office
    ("leader"/"majority leader", "secretary"/"secretary of state"), offices of different groups (a
    senator who chairs a committee, a general who commands). Different offices of one group, or an
    office and its deputy, conflict.
    """
    if a.kind != "title" or b.kind != "title":
        return None
    fa, fb = a.features, b.features
    office_a, office_b = fa.get("office", a.value), fb.get("office", b.value)
    said = f"“{a.text}” vs “{b.text}”"
    if a.value == b.value:
        if a.org and b.org and not _orgs_compatible(a.org, b.org) and not fa.get("former") and not fb.get("former"):
            return f"{said}: {a.value} of {a.org} vs of {b.org}"
        return None
    if fa.get("former") != fb.get("former") or fa.get("elect") != fb.get("elect"):
        return None  # a past (or coming) office and a present one describe two times
    if fa.get("former") and fb.get("former"):
        return None  # a career has many past offices
    if office_a == office_b:
        return f"{said} ({a.value} vs {b.value})"  # the office and its deputy
    if offices.generalises(office_a, office_b) or offices.generalises(office_b, office_a):
        return None
    group_a, group_b = offices.group(office_a), offices.group(office_b)
    if group_a != group_b or "generic" in (group_a, group_b):
        return None
    return f"{said} ({a.value} vs {b.value})"


# Words that name a kind of body, not which one: "the Senate committee" and "the committee" agree.
_GENERIC_ORG_WORDS = frozenset({"the", "of", "state", "committee", "house", "city", "county", "u.s.", "us",
                                "department", "office", "party", "national"})


def _orgs_compatible(a: str, b: str) -> bool:
    """One organisation named two ways: one name's distinctive words within the other's."""
    words_a = set(a.split()) - _GENERIC_ORG_WORDS
    words_b = set(b.split()) - _GENERIC_ORG_WORDS
    return not words_a or not words_b or words_a <= words_b or words_b <= words_a or bool(words_a & words_b)
