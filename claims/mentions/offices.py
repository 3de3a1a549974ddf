"""The office vocabulary: every way news prose writes an office or rank, and how offices relate.

Data, not rules: ``OFFICES`` maps each office to the forms it is written in (abbreviations
included), ``GROUPS`` says which offices one person holds only one of at a time, and
``GENERALISES`` which word covers a more specific office ("leader" covers "majority leader").
Portfolios ("Defense Secretary", "minister of health") are read by :func:`normalise` into
"secretary of defense" / "health minister".
"""
from __future__ import annotations

import re

# office -> forms as written (lower case; a trailing "." is part of an abbreviation)
OFFICES: dict[str, tuple[str, ...]] = {
    # heads of state and government
    "president": ("president", "pres."),
    "vice president": ("vice president", "vice-president", "v.p.", "veep"),
    "prime minister": ("prime minister", "premier"),  # not "p.m.": that is a clock time
    "chancellor": ("chancellor",),
    "king": ("king",),
    "queen": ("queen",),
    "secretary-general": ("secretary-general", "secretary general", "u.n. secretary-general"),
    "secretary": ("secretary",),
    "minister": ("minister",),
    # legislatures
    "senator": ("senator", "sen."),
    "state senator": ("state senator", "state sen."),
    "representative": ("representative", "rep.", "congressman", "congresswoman", "congressperson",
                       "congressmember", "house member", "member of congress"),
    "state representative": ("state representative", "state rep."),
    "assembly member": ("assemblyman", "assemblywoman", "assemblymember", "assembly member"),
    "member of parliament": ("member of parliament", "mp", "m.p."),
    "council member": ("councilman", "councilwoman", "councilmember", "council member", "councillor",
                       "councilor", "alderman", "alderwoman"),
    "lawmaker": ("lawmaker", "legislator"),
    # roles inside a chamber or party
    "speaker": ("speaker",),
    "majority leader": ("majority leader",),
    "minority leader": ("minority leader",),
    "leader": ("leader",),
    "majority whip": ("majority whip",),
    "minority whip": ("minority whip",),
    "whip": ("whip",),
    "chair": ("chairman", "chairwoman", "chairperson", "chair"),
    "vice chair": ("vice chairman", "vice chairwoman", "vice chair", "vice-chairman", "vice-chair"),
    "ranking member": ("ranking member",),
    "president pro tempore": ("president pro tempore", "president pro tem"),
    # governors and local government
    "governor": ("governor", "gov."),
    "lieutenant governor": ("lieutenant governor", "lt. gov.", "lt. governor", "lieutenant gov."),
    "mayor": ("mayor",),
    "county executive": ("county executive",),
    "city manager": ("city manager",),
    "sheriff": ("sheriff",),
    "police chief": ("police chief", "chief of police"),
    "fire chief": ("fire chief",),
    "superintendent": ("superintendent",),
    "treasurer": ("treasurer",),
    "comptroller": ("comptroller", "controller"),
    # law
    "attorney general": ("attorney general", "atty. gen.", "a.g."),
    "solicitor general": ("solicitor general",),
    "inspector general": ("inspector general",),
    "district attorney": ("district attorney", "d.a."),
    "u.s. attorney": ("u.s. attorney", "united states attorney"),
    "prosecutor": ("prosecutor",),
    "public defender": ("public defender",),
    "judge": ("judge", "magistrate"),
    "justice": ("justice", "associate justice"),
    "chief justice": ("chief justice",),
    # staff and officials
    "press secretary": ("press secretary",),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
    "chief of staff": ("chief of staff",),
    "national security adviser": ("national security adviser", "national security advisor"),
    "adviser": ("adviser", "advisor"),
    "director": ("director",),
    "administrator": ("administrator",),
    "commissioner": ("commissioner",),
    "ambassador": ("ambassador", "amb."),
    "envoy": ("envoy",),
    "official": ("official", "aide"),
    "head": ("head",),
    # companies
    "chief executive": ("chief executive", "chief executive officer", "ceo", "c.e.o."),
    "chief financial officer": ("chief financial officer", "cfo", "c.f.o."),
    "chief operating officer": ("chief operating officer", "coo", "c.o.o."),
    "chief technology officer": ("chief technology officer", "cto"),
    "founder": ("founder", "co-founder", "cofounder"),
    # military and police ranks
    "general": ("general", "gen."),
    "lieutenant general": ("lieutenant general", "lt. gen."),
    "major general": ("major general", "maj. gen."),
    "brigadier general": ("brigadier general", "brig. gen."),
    "admiral": ("admiral", "adm."),
    "vice admiral": ("vice admiral", "vice adm."),
    "rear admiral": ("rear admiral", "rear adm."),
    "colonel": ("colonel", "col."),
    "lieutenant colonel": ("lieutenant colonel", "lt. col."),
    "major": ("maj.",),  # "major" spelt out is far more often the adjective
    "captain": ("captain", "capt."),
    "lieutenant": ("lieutenant", "lt."),
    "sergeant": ("sergeant", "sgt."),
    "corporal": ("corporal", "cpl."),
    "private": ("pvt.",),
    "commander": ("commander", "cmdr."),
    "detective": ("detective", "det."),
    "officer": ("officer",),
}

# Portfolios of a cabinet office: "Defense Secretary", "Secretary of Defense", "foreign minister",
# "minister for health". Written form -> the one name it is given here.
PORTFOLIOS: dict[str, str] = {
    "state": "state", "defense": "defense", "defence": "defense", "treasury": "treasury",
    "the treasury": "treasury", "homeland security": "homeland security", "health": "health",
    "health and human services": "health", "hhs": "health", "education": "education", "energy": "energy",
    "labor": "labor", "labour": "labor", "commerce": "commerce", "agriculture": "agriculture",
    "interior": "interior", "the interior": "interior", "home": "interior", "home affairs": "interior",
    "internal affairs": "interior", "transportation": "transport", "transport": "transport",
    "housing": "housing", "housing and urban development": "housing", "veterans affairs": "veterans affairs",
    "foreign": "foreign", "foreign affairs": "foreign", "finance": "finance",
    "justice": "justice", "economy": "economy", "economic affairs": "economy", "trade": "trade",
    "environment": "environment", "culture": "culture", "tourism": "tourism", "communications": "communications",
    "infrastructure": "infrastructure", "industry": "industry", "immigration": "immigration",
    "security": "security", "public security": "security", "war": "war", "navy": "navy", "army": "army",
    "air force": "air force", "the navy": "navy", "the army": "army", "the air force": "air force",
}

# Offices of one kind: a person holds one office of a group at a time (a senator is not also the
# governor), but may hold one of each group (a senator who chairs a committee, a general who commands).
_GROUP_OF = {
    "chamber": ("speaker", "majority leader", "minority leader", "majority whip", "minority whip",
                "whip", "chair", "vice chair", "ranking member", "president pro tempore"),
    "company": ("chief executive", "chief financial officer", "chief operating officer",
                "chief technology officer"),
    "rank": ("general", "lieutenant general", "major general", "brigadier general", "admiral", "vice admiral",
             "rear admiral", "colonel", "lieutenant colonel", "major", "captain", "lieutenant", "sergeant",
             "corporal", "private", "detective", "officer"),
    # words that describe rather than name a post: compatible with any office
    "generic": ("official", "head", "adviser", "founder", "commander", "lawmaker", "leader"),
}
GROUPS: dict[str, str] = {office: group for group, offices in _GROUP_OF.items() for office in offices}
# everything else is a "post": a person's one public position


def group(office: str) -> str:
    return GROUPS.get(office, "post")


# A general word for an office -> the more specific offices it also names ("leader" vs "majority leader").
GENERALISES: dict[str, frozenset[str]] = {
    "leader": frozenset({"majority leader", "minority leader"}),
    "whip": frozenset({"majority whip", "minority whip"}),
    "senator": frozenset({"state senator"}),
    "representative": frozenset({"state representative"}),
    "lawmaker": frozenset({"senator", "state senator", "representative", "state representative",
                           "assembly member", "member of parliament", "council member"}),
    "justice": frozenset({"chief justice"}),
    "judge": frozenset({"justice", "chief justice"}),
    "envoy": frozenset({"ambassador"}),
    "spokesperson": frozenset({"press secretary"}),
    "prosecutor": frozenset({"district attorney", "u.s. attorney", "attorney general"}),
    "general": frozenset({"lieutenant general", "major general", "brigadier general"}),
    "admiral": frozenset({"vice admiral", "rear admiral"}),
    "officer": frozenset({"detective", "police chief"}),
}


def generalises(general: str, specific: str) -> bool:
    """Whether ``general`` is a wider word for ``specific`` ("secretary" for "secretary of state")."""
    if specific in GENERALISES.get(general, ()):
        return True
    if general == "secretary" and specific.startswith("secretary of "):
        return True
    return general == "minister" and specific.endswith(" minister") and specific != "prime minister"


# Words before an office that change its standing rather than the office.
FORMER = ("former", "ex", "then", "late", "onetime", "one-time", "erstwhile")
ACTING = ("acting", "interim")
DEPUTY = ("deputy", "assistant", "associate", "under")

FORM_TO_OFFICE: dict[str, str] = {form: office for office, forms in OFFICES.items() for form in forms}
_PORTFOLIO = "|".join(re.escape(p) for p in sorted(PORTFOLIOS, key=len, reverse=True))
_FORMS = "|".join(re.escape(f) for f in sorted(FORM_TO_OFFICE, key=len, reverse=True))
_FORM_END = r"(?<=\.)|(?![\w])"  # an abbreviation ends at its dot; a word at a word boundary

# One office as written, with the words around it that change its standing:
# "former Deputy Secretary of State", "Senator-elect", "acting Defense Secretary", "Interior Minister".
TITLE_PATTERN = re.compile(
    rf"(?<![\w.-])(?P<standing>(?:(?:{'|'.join(FORMER + ACTING + DEPUTY)})(?:[\s-]+|-))*)"
    rf"(?P<office>"
    rf"(?:secretary|minister)\s+(?:of|for)\s+(?P<portfolio_after>{_PORTFOLIO})(?![\w])"
    rf"|(?P<portfolio_before>{_PORTFOLIO})\s+(?:secretary|minister)(?![\w])"
    rf"|(?:{_FORMS})(?:{_FORM_END})"
    rf")(?P<elect>-elect(?![\w]))?",
    re.IGNORECASE,
)


def normalise(office_text: str, portfolio: str | None = None) -> str:
    """The office a written title names: "Sen." -> "senator", "Defense Secretary" -> "secretary of defense"."""
    t = " ".join(office_text.lower().split())
    if portfolio is not None:
        p = PORTFOLIOS[" ".join(portfolio.lower().split())]
        if "secretary" in t.split():
            return f"secretary of {p}"
        return f"{p} minister"
    return FORM_TO_OFFICE.get(t, FORM_TO_OFFICE.get(t.replace("-", " "), t))


# Each single word that is part of some office ("sen.", "minister", "chief"): a name never starts with one.
TITLE_WORDS = frozenset(
    w for form in FORM_TO_OFFICE for w in form.replace("-", " ").split()
) | frozenset(FORMER + ACTING + DEPUTY)
