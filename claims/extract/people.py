"""People and their titles: "Ruritanian Prime Minister Jana Novak", "The prime minister of
Ruritania, Ivo Marek", "Lena Ortiz, a Boston-based analyst", "Kowalski said".

Rule-based on purpose: spaCy's small English NER (measured on the seeds) missed
every surname-only speaker ("Kowalski said") and tagged capital cities as PERSON,
and cost ~40 ms per 1,000 characters; titles and speech verbs find people in
news prose reliably and in microseconds.
"""
from __future__ import annotations

import re as stdlib_re

import regex as re  # the `regex` module: \p{Lu}/\p{Ll} make "Marić" and "Ødegaard" names too

from claims.extract.speech import SPEAKER_VERBS, alternation
from claims.types import PersonMention

# Title as written -> normalised role. Longer titles first so "vice president" wins over "president".
ROLES = {
    "prime minister": "prime minister", "premier": "prime minister", "vice president": "vice president",
    "vice-president": "vice president", "president": "president", "chancellor": "chancellor",
    "king": "king", "queen": "queen", "emir": "emir", "sultan": "sultan",
    "foreign minister": "foreign minister", "defense minister": "defence minister",
    "defence minister": "defence minister", "interior minister": "interior minister",
    "finance minister": "finance minister", "minister": "minister",
    "secretary of state": "secretary of state", "secretary-general": "secretary-general",
    "secretary general": "secretary-general", "governor": "governor", "mayor": "mayor",
    "senator": "senator", "speaker": "speaker", "ambassador": "ambassador", "envoy": "envoy",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "general": "general", "commander": "commander", "colonel": "colonel",
    "analyst": "analyst", "expert": "expert", "professor": "professor", "politician": "politician",
    "journalist": "journalist", "author": "author", "head": "head", "leader": "leader", "chief": "chief",
    "director": "director", "senior fellow": "fellow", "fellow": "fellow", "lawmaker": "lawmaker",
    "activist": "activist", "economist": "economist", "researcher": "researcher", "official": "official",
    "captain": "captain", "commandant": "commandant", "chief executive": "chief executive", "ceo": "chief executive",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "prosecutor": "prosecutor",
    "judge": "judge", "engineer": "engineer", "chief engineer": "engineer", "police chief": "police chief",
    "commissioner": "commissioner", "manager": "manager", "coach": "coach", "bishop": "bishop",
    # abbreviated titles that introduce a surname in US news ("Rep. Novak", "Sen. Ortiz")
    "rep.": "representative", "representative": "representative", "congressman": "representative",
    "congresswoman": "representative", "sen.": "senator", "gov.": "governor", "lt. gov.": "lieutenant governor",
    "lieutenant governor": "lieutenant governor", "press secretary": "press secretary",
    "attorney general": "attorney general", "district attorney": "district attorney",
}
# "Transport Minister", "the minister of health": one office per portfolio.
PORTFOLIOS = (
    "foreign affairs|internal affairs|public works|social affairs|emergency situations|civil protection|"
    "homeland security|public security|regional development|local government|foreign trade|"
    "foreign|defen[cs]e|interior|home|finance|economy|economic|transport|health|justice|education|energy|"
    "agriculture|labou?r|trade|environment|culture|tourism|communications|infrastructure|industry|"
    "emergencies|emergency|security|migration|housing|water|mining|fisheries|science|planning|development|"
    "information|digital|youth|sports?|family|veterans"
)
_PORTFOLIO_MINISTER = rf"(?:{PORTFOLIOS})\s+minister|minister\s+of\s+(?:the\s+)?(?:{PORTFOLIOS})"
# Offices a person holds one of at a time: two different ones for the same person disagree.
# Every "<portfolio> minister" is an office too (see is_office).
OFFICES = {
    "president", "vice president", "prime minister", "chancellor", "king", "queen", "emir", "sultan",
    "minister", "secretary of state", "secretary-general", "governor", "mayor", "speaker",
}


# A company's top posts: one person called its chief executive in one article and its
# president in another is a disagreement, unless some text gives them both posts.
EXECUTIVE_OFFICES = {"chief executive", "president"}


def is_office(role: str | None) -> bool:
    return bool(role) and (role in OFFICES or role in EXECUTIVE_OFFICES or role.endswith(" minister"))


def offices_conflict(a: str, b: str) -> bool:
    """Two offices one person cannot be given at once ("minister" alone fits any minister)."""
    if a == b or not (is_office(a) and is_office(b)):
        return False
    return not ({a, b} & {"minister"} and (a.endswith("minister") and b.endswith("minister")))


def titles_in(text: str) -> set[str]:
    """Every office a text names, normalised ("President and CEO" -> president, chief executive)."""
    return {normalise_role(m.group(0)) for m in _ANY_TITLE.finditer(text)}
_TITLE = _PORTFOLIO_MINISTER + "|" + "|".join(sorted((re.escape(t) for t in ROLES), key=len, reverse=True))


_ANY_TITLE = re.compile(rf"(?<![\w-])(?i:{_TITLE})(?!\w)")


def normalise_role(title: str) -> str:
    """The office a title names: "Transport Minister" and "minister of transport" -> "transport minister"."""
    t = " ".join(title.lower().split())
    m = re.fullmatch(rf"(?:({PORTFOLIOS}) minister|minister of (?:the )?({PORTFOLIOS}))", t)
    if m:
        portfolio = (m.group(1) or m.group(2)).replace("defense", "defence").replace(" affairs", "")
        portfolio = {"home": "interior", "internal": "interior", "economic": "economy"}.get(portfolio, portfolio)
        return f"{portfolio} minister"
    return ROLES[t]
_NOT_NAME = {
    "The", "A", "An", "In", "On", "At", "But", "And", "However", "He", "She", "It", "They", "We", "This",
    "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "Mr", "Mrs", "Ms", "Dr", "Also", "Has",
    "Had", "Have", "Is", "Was", "Who", "Which", "When", "While", "After", "Before", "Since", "If",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Therefore", "Meanwhile", "So", "Now", "Then", "There", "Here", "Both", "All", "Every", "No", "Not",
    "Earlier", "Later", "Today", "Yesterday", "Tomorrow", "Last", "Next", "According", "Said", "Says",
}
# "Novak", "Marić-Ortiz", "McAllister", "O’Brien" (a one-letter prefix and an apostrophe), "J."
_NAME_TOKEN = r"(?:\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)*|\p{Lu}\p{Ll}*\p{Lu}\p{Ll}+|\p{Lu}[’']\p{Lu}\p{Ll}+|\p{Lu}\.)"
_NAME = rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}})"
_NAME2 = rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}})"
_QUALIFIER = rf"(?P<qual>(?:(?:former|ex-|late|then-|acting|outgoing|interim|(?!(?i:{_TITLE})\b)\p{{Lu}}[\w.’'-]+|[a-z]+-based|military|political|deputy|senior|chief|top)\s+){{0,3}})"
_SPEECH = alternation(SPEAKER_VERBS)

_PRE_TITLE = re.compile(rf"(?<![\w-]){_QUALIFIER}(?P<title>(?i:{_TITLE}))\s+{_NAME}\b")
_APPOSITIVE_OF = re.compile(
    rf"\b(?P<qual>(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,2}}?)(?P<title>(?i:{_TITLE}))\s+of\s+(?:the\s+)?(?P<org>\p{{Lu}}[\w’'-]*(?:\s+\p{{Lu}}[\w’'-]*){{0,3}}),\s+{_NAME}\b"
)
# "The town's mayor, Ana Ruiz," / "the coast guard spokesman, Commander Jo Reyes,"
_APPOSITIVE_BEFORE = re.compile(
    rf"\b(?P<qual>[Tt]he\s+(?:[\w’'-]+\s+){{0,3}}?)(?P<title>(?i:{_TITLE})),\s+{_NAME2}\s*[,(]"
)
_APPOSITIVE_AFTER = re.compile(
    rf"(?<![\w-]){_NAME2},\s+(?P<qual>(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){{0,4}}?)(?P<title>(?i:{_TITLE}))\b(?!-)"
)
_SPEAKER_BEFORE = re.compile(rf"(?<![\w-]){_NAME}\s+(?:{_SPEECH})\b")
_SPEAKER_AFTER = re.compile(rf"\b(?:{_SPEECH})\s+{_NAME}(?=\s*(?:[,.;:!]|$))")
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+{_NAME}\b")
# "Mr. Novak", "Mrs. Ortiz": an honorific makes a surname a person, with no office
_HONORIFIC = re.compile(rf"(?<![\w])(?:Mr|Mrs|Ms|Dr)\.?\s+{_NAME}\b")
_HAS_SPEECH = stdlib_re.compile(rf"\b(?:{_SPEECH}|according to)\b", stdlib_re.I)
HAS_SPEECH = _HAS_SPEECH  # a speech verb: the claim reports what someone said
_HAS_TITLE = stdlib_re.compile(
    rf"\b(?:{'|'.join(sorted({stdlib_re.escape(w) for t in ROLES for w in t.split()}))})(?!\w)", stdlib_re.I)
_HISTORICAL = re.compile(r"\b(?:former|ex-|late|then-|outgoing)\s*", re.I)


_TITLE_WORDS = {w.capitalize() for t in ROLES for w in t.split()}


def _clean_name(name: str) -> str | None:
    tokens = name.split()
    # "President Donald Trump" -> "Donald Trump"; "Ex-President Ana Lutz" -> "Ana Lutz"
    while tokens and (tokens[0] in _TITLE_WORDS or tokens[0].startswith("Ex-")):
        tokens.pop(0)
    name = " ".join(tokens)
    # A name ends where a non-name word starts: "Novak Has" -> "Novak"
    while tokens and tokens[-1].rstrip(".") in _NOT_NAME:
        tokens.pop()
    if not tokens or any(t in _NOT_NAME for t in name.split()[:1]):
        return None
    tokens = [re.sub(r"[’']s$", "", t) for t in tokens]
    if len(tokens[-1]) < 3 or tokens[-1].endswith("."):
        return None
    return " ".join(tokens)


def extract_people(text: str, offset: int = 0) -> list[PersonMention]:
    """Person mentions in a claim, with the title attached where the text gives one."""
    found: dict[tuple[int, int], PersonMention] = {}

    def add(m: re.Match, with_role: bool) -> None:
        name = _clean_name(m.group("name"))
        if not name:
            return
        ns = m.start("name")
        ne = ns + len(m.group("name"))
        role = role_text = role_start = role_end = None
        if with_role:
            qual = m.group("qual") or ""
            title = m.group("title")
            if not _HISTORICAL.search(qual):
                role = normalise_role(title)
                role_text = (qual.strip() + " " + title).strip() if m.re is _PRE_TITLE else title
                role_text = re.sub(r"^(?:the|an?)\s+", "", role_text, flags=re.I)
                role_start = offset + (m.start("qual") if m.re is _PRE_TITLE and qual else m.start("title"))
                role_end = offset + m.end("title")
        key = (ns, ne)
        if key in found and found[key].role and not role:
            return
        found[key] = PersonMention(
            text=text[min(m.start(), ns) : max(m.end(), ne)].strip(),
            start=offset + min(m.start(), ns), end=offset + max(m.end(), ne),
            name=name, surname=name.split()[-1], role=role, role_text=role_text,
            role_start=role_start, role_end=role_end,
        )

    # Cheap stdlib pre-checks skip the Unicode-aware patterns on most claims (3x faster).
    for m in _HONORIFIC.finditer(text):
        add(m, with_role=False)
    if _HAS_SPEECH.search(text):
        for pattern in (_SPEAKER_BEFORE, _SPEAKER_AFTER, _ACCORDING):
            for m in pattern.finditer(text):
                add(m, with_role=False)
    if _HAS_TITLE.search(text):
        for pattern in (_APPOSITIVE_AFTER, _APPOSITIVE_OF, _APPOSITIVE_BEFORE, _PRE_TITLE):
            for m in pattern.finditer(text):
                add(m, with_role=True)
    # Overlapping mentions of one name (found by two patterns): keep the one with a role.
    out: list[PersonMention] = []
    for p in sorted(found.values(), key=lambda p: (p.start, -(p.role is not None))):
        if out and p.name == out[-1].name and p.start < out[-1].end:
            if p.role and not out[-1].role:
                out[-1] = p
            continue
        out.append(p)
    return out
