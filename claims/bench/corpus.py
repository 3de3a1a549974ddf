"""Seeded generator of news articles for benchmarking: ``generate_articles``, ``write_corpus``.

Several events per corpus (earthquakes, floods, border clashes, fires, train crashes,
cyclones), each covered by several outlets; 40-70 sentences per article; officials with
titles, casualty figures, dates; a wire-service paragraph repeated verbatim across outlets;
outlet boilerplate; and injected discrepancies (a different or garbled death toll, a wrong
title, a shifted date, a negated statement, a misspelt name), listed in a hidden
``.manifest.json`` beside the files. About one article in ten is HTML with page clutter.

Reading order: the word lists and templates (``COUNTRIES`` .. ``BOILERPLATE``), then
``Event``/``Article``, ``_Writer`` (fills templates for one article and decides its
discrepancies), ``_sentences_for`` (assembles paragraphs), ``generate_articles``.
"""
from __future__ import annotations

import json
import os
import random
import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

COUNTRIES = [
    # (country, adjective, capital, regions, towns)
    ("Valdoria", "Valdorian", "Castelna", ["Orvento", "Lusk", "Marrapine"],
     ["San Ives", "Dorrec", "Pellago", "Vesca", "Tormino", "Alsen Point"]),
    ("Kestria", "Kestrian", "Haldburg", ["Upper Renn", "Voss", "Eastmarch"],
     ["Grauwald", "Tiefen", "Oberlin", "Rasdorf", "Kessel", "Milbrook"]),
    ("Morvania", "Morvanian", "Sulevo", ["Drina Valley", "Kaspar", "Zoltan Heights"],
     ["Brezno", "Kalinov", "Orsava", "Petrin", "Dubrava", "Lesk"]),
    ("Tarsenia", "Tarsenian", "Amrabad", ["Qasr Plain", "Hilmand Coast", "North Tarsen"],
     ["Qaryat", "Sadun", "Bayt Rafa", "Mirzal", "Ourani", "Jebel Tor"]),
    ("Aldovia", "Aldovian", "Port Selene", ["Coral Coast", "Merrow", "Southern Isles"],
     ["Baytown", "Kirra", "Lowell Bay", "Tamsin", "Harrow Point", "Nila"]),
    ("Brenland", "Brenlandic", "Norrvik", ["Fjellmark", "Ostland", "Havbro"],
     ["Lindas", "Skarp", "Vollen", "Eidet", "Brattli", "Solvik"]),
]
NEIGHBOURS = ["Kestria", "Valdoria", "Morvania", "Aldovia", "Tarsenia", "Brenland", "Ostravia", "Lemuria"]
FIRST = ["Lena", "Tomas", "Amina", "Rustam", "Elif", "Marco", "Ingrid", "Samir", "Olga", "Daniel", "Farah",
         "Viktor", "Noor", "Pablo", "Ilse", "Karim", "Sofia", "Anton", "Leila", "Jonas", "Mira", "Hassan",
         "Teodor", "Yara", "Emil", "Nadia", "Pavel", "Rosa", "Idris", "Greta"]
LAST = ["Ortiz", "Varga", "Haddad", "Karimov", "Demir", "Rossi", "Lindqvist", "Nasser", "Petrova", "Weber",
        "Mansour", "Sokolov", "Rahimi", "Ferreira", "Brandt", "Aziz", "Marin", "Kovacs", "Saleh", "Berg",
        "Novak", "Qureshi", "Dimitrov", "Halloran", "Moreau", "Osei", "Castell", "Yilmaz", "Horvath", "Lund"]
ROLES = ["President", "Prime Minister", "Interior Minister", "Defence Minister", "Health Minister",
         "Foreign Minister", "Emergency Situations Minister"]
OUTLETS = ["Daily Courier", "Morning Ledger", "Evening Standard-Post", "Capital Times", "World Wire",
           "Northern Herald", "The Observer Review", "Metro Dispatch", "Global Bulletin", "Valley Tribune",
           "The Sentinel", "News Desk International"]
AGENCIES = ["the national disaster agency", "the Red Crescent", "the health ministry",
            "the UN humanitarian office", "the civil protection service", "the Red Cross"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

EVENT_KINDS: dict[str, dict[str, Any]] = {
    "quake": dict(
        noun="earthquake", a="a powerful earthquake", the="the earthquake", verb="struck", verbed="struck",
        killed="killed", headline=["Earthquake kills {deaths} in {region}", "Powerful quake strikes {country}",
                                   "{region} earthquake: death toll rises to {deaths}"],
        background=[
            "The quake, measured at magnitude {mag}, had its epicentre about {km} kilometres from {place} at a depth of {depth} kilometres.",
            "Aftershocks of up to magnitude {aftershock} shook the area through the night, sending residents back into the streets.",
            "The region sits on a major fault line and has been hit by several deadly earthquakes in recent decades.",
            "In {past_year}, a magnitude {past_mag} quake killed {past_deaths} people in the same province.",
            "Many of the buildings that collapsed were built before the country's seismic code was introduced in {code_year}.",
            "Engineers said older brick houses in the villages around {place} had offered little resistance to the shaking.",
            "Seismologists warned that a stronger aftershock could not be ruled out in the coming days.",
            "The tremor was felt as far away as {capital}, where office workers fled their buildings.",
        ]),
    "flood": dict(
        noun="floods", a="severe flooding", the="the floods", verb="swept through", verbed="swept through",
        killed="killed", headline=["Floods kill {deaths} in {region}", "Thousands flee as floods hit {country}",
                                   "{region} floods: {deaths} dead, thousands displaced"],
        background=[
            "Forecasters had warned of torrential rain for several days before the river burst its banks.",
            "The river rose by {m} metres in less than {h} hours, according to the national weather service.",
            "More than {rain} millimetres of rain fell on {place} in 24 hours, close to the average for a whole month.",
            "Entire neighbourhoods of {place} were under water, with only rooftops visible in aerial footage.",
            "In {past_year}, floods in the same valley killed {past_deaths} people and destroyed thousands of homes.",
            "Environmental groups blamed deforestation upstream for making the flooding worse.",
            "Farmers said the water had destroyed most of the harvest in the lowlands around {place}.",
            "The weather service said more rain was expected over the weekend.",
        ]),
    "clash": dict(
        noun="fighting", a="heavy fighting", the="the fighting", verb="broke out near", verbed="broke out near",
        killed="killed", headline=["Border clashes kill {deaths} near {place}", "Fighting flares in {region}",
                                   "{deaths} dead as ceasefire collapses in {region}"],
        background=[
            "The two sides have been locked in a dispute over the territory since {past_year}.",
            "A ceasefire brokered in {capital} in {month_prev} collapsed within days.",
            "Artillery shells hit residential areas of {place}, damaging a school and a hospital.",
            "Both sides accused each other of starting the latest round of hostilities.",
            "Military analysts said drones had played a decisive role in the fighting.",
            "The disputed region is home to about {population} people, most of whom rely on a single road for supplies.",
            "Previous talks mediated by {neighbour} ended without agreement in {past_year2}.",
            "Independent journalists have been barred from the front line, making casualty figures hard to verify.",
        ]),
    "fire": dict(
        noun="fire", a="a huge fire", the="the fire", verb="tore through", verbed="tore through",
        killed="killed", headline=["Fire kills {deaths} in {place}", "Deadly blaze at {place} factory",
                                   "{place} fire: {deaths} dead, dozens injured"],
        background=[
            "The fire broke out shortly after {hour} in a {floors}-storey textile factory on the edge of {place}.",
            "Investigators believe the blaze started in a storage room on the ground floor.",
            "Workers said the emergency exits had been locked, a claim the factory owner denied.",
            "The building had failed a safety inspection in {past_year}, local media reported.",
            "It took {firefighters} firefighters more than {h} hours to bring the blaze under control.",
            "Thick black smoke could be seen from several kilometres away.",
            "Labour unions called for a nationwide review of factory safety rules.",
            "The factory employed about {workers} people, most of them women from nearby villages.",
        ]),
    "train": dict(
        noun="train crash", a="a passenger train", the="the crash", verb="derailed near", verbed="derailed near",
        killed="killed", headline=["Train derailment kills {deaths} in {country}", "Deadly rail crash near {place}",
                                   "{deaths} killed as train derails in {region}"],
        background=[
            "The train was travelling from {place} to {capital} with about {passengers} passengers on board.",
            "Several carriages left the tracks and overturned on a curve near a bridge.",
            "It was the deadliest rail accident in the country since {past_year}.",
            "Rail unions have long complained that the line was poorly maintained.",
            "The transport ministry said a signalling fault was among the possible causes.",
            "Cranes were brought in to lift the wreckage and search for survivors.",
            "The driver survived and was being questioned by police, according to local media.",
            "Rail services on the line were suspended until further notice.",
        ]),
    "storm": dict(
        noun="cyclone", a="a powerful cyclone", the="the cyclone", verb="made landfall near", verbed="made landfall near",
        killed="killed", headline=["Cyclone kills {deaths} in {region}", "Cyclone batters {country} coast",
                                   "{region} cyclone: {deaths} dead, {displaced} displaced"],
        background=[
            "The cyclone made landfall with sustained winds of up to {kmh} kilometres per hour.",
            "A storm surge of up to {m} metres flooded low-lying coastal villages.",
            "Meteorologists said warmer seas had helped the storm to intensify rapidly.",
            "About {evacuated} people were evacuated to shelters before the storm hit.",
            "Fishing boats were tossed onto the shore and many were destroyed.",
            "In {past_year}, a cyclone on the same coast killed {past_deaths} people.",
            "Uprooted trees and fallen power lines blocked most roads out of {place}.",
            "The weather office downgraded the storm to a depression as it moved inland.",
        ]),
}

GENERIC = {
    "lead": [
        "{A} {verb} {place} in {region} on {weekday}, killing at least {deaths} people and injuring {injured} more, officials said.",
        "At least {deaths} people were {killed} and {injured} injured after {a} {verbed} {place} early on {weekday}, {date_text}.",
        "The death toll from {the} in {country}'s {region} region rose to {deaths} on {weekday}, according to {agency}.",
    ],
    "casualties": [
        "{off} said {deaths} people had died and {missing} were still missing.",
        "More than {displaced} people have been forced from their homes, {agency} said.",
        "Hospitals in {town2} were treating {injured} injured people, {critical} of them in critical condition.",
        "Among the dead were {children} children, according to local officials.",
        "The toll is expected to rise as rescuers reach remote villages, {off2} warned.",
        "{agency_cap} put the number of injured at {injured} and said {missing} people were unaccounted for.",
        "Local officials said {deaths} bodies had been recovered by {weekday_late} evening.",
    ],
    "response": [
        "{off} declared a state of emergency in {region} and ordered the army to help with the rescue effort.",
        "{teams} rescue teams with sniffer dogs were sent from {capital}.",
        "The government announced {money} million dollars in emergency aid for the affected families.",
        "Schools in the region will stay closed until {weekday_late}, the education ministry said.",
        "Roads leading to {place} were blocked by debris, slowing the arrival of aid.",
        "{off2} visited {place} on {weekday_late} and promised that every family would be helped.",
        "Soldiers set up field kitchens and tents in a football stadium in {town2}.",
        "{off} said an investigation would be opened into why the response took so long.",
        "Power was cut to about {households} households, the state electricity company said.",
        "Mobile phone networks were down across much of the area, making it hard to reach survivors.",
        "The government declared {mourning} days of national mourning.",
    ],
    "people": [
        "Residents spent the night outdoors, afraid to return to their damaged homes.",
        "Volunteers queued to donate blood at hospitals in {capital}.",
        "Opposition politicians criticised the government's response as slow and disorganised.",
        "Shops in {town2} ran out of bottled water within hours.",
        "Families searched lists of the injured posted outside the main hospital in {town2}.",
        "Aid workers said the most urgent needs were clean water, blankets and medicine.",
        "Many survivors said they had received no warning before {the} hit.",
        "Local mosques and churches opened their doors to people who had lost their homes.",
        "Footage shared on social media showed rescuers pulling a child from the rubble.",
        "Charities warned that the cold nights could put the elderly at risk.",
    ],
    "international": [
        "{neighbour} and {neighbour2} offered to send rescue teams and medical supplies.",
        "The United Nations said it was ready to help and was in contact with the authorities in {capital}.",
        "The European Union released {money2} million euros in humanitarian aid.",
        "{neighbour}'s foreign ministry sent condolences to the families of the victims.",
        "A team of {foreign_experts} international experts was expected to arrive on {weekday_late}.",
    ],
    "quotes": [
        "\u201cWe are doing everything we can to reach the people who are still trapped,\u201d {off} told reporters in {capital}.",
        "\u201cThis is the worst disaster our region has seen in a generation,\u201d said {off2}.",
        "\u201cThe government will not abandon anyone,\u201d {off} said in a televised address.",
        "\u201cWe heard a terrible noise and then everything went dark,\u201d said {witness}.",
        "\u201cWe have no water, no electricity and no news of our relatives,\u201d said {witness}.",
        "\u201cMy neighbours are still missing,\u201d said {witness}, standing outside a shelter in {town2}.",
        "\u201cThe numbers are still changing every hour,\u201d a spokesperson for {agency} said.",
        "\u201cWe need more heavy machinery and we need it now,\u201d said {off2}.",
    ],
    "closing": [
        "The authorities said they would publish an updated toll on {weekday_late}.",
        "Rescue operations were expected to continue for several more days.",
        "{off} is expected to chair an emergency cabinet meeting later this week.",
        "It was not immediately clear how many of the injured were in serious condition.",
    ],
}
WITNESSES = ["a {age}-year-old teacher from {place}", "a shopkeeper in {place}", "a {age}-year-old farmer",
             "a nurse at the hospital in {town2}", "a student who lives in {place}", "a retired engineer",
             "a taxi driver from {town2}", "a mother of three from {place}"]
WIRE = [
    "{agency_cap} said it had deployed {teams} teams to {region} and was coordinating with local authorities.",
    "The government has appealed for international help with heavy lifting equipment and field hospitals.",
    "According to figures released by the interior ministry, {deaths} people died and {injured} were injured.",
]
BOILERPLATE = [
    "Sign up for our newsletter to get the latest updates from {outlet}.",
    "This story has been updated with new figures.",
    "Additional reporting by {reporter}.",
    "Follow {outlet} for live updates.",
]


@dataclass
class Official:
    first: str
    last: str
    role: str  # "Interior Minister"

    @property
    def full(self) -> str:
        return f"{self.role} {self.first} {self.last}"


@dataclass
class Event:
    id: int
    kind: str
    country: str
    adjective: str
    capital: str
    region: str
    place: str
    town2: str
    day: date
    deaths: int
    injured: int
    missing: int
    displaced: int
    officials: list[Official]
    numbers: dict[str, Any]


@dataclass
class Article:
    filename: str
    text: str  # the file's content (HTML markup for .html files)
    event: int
    outlet: str
    sentences: int
    discrepancies: list[dict[str, Any]] = field(default_factory=list)


def _fmt(n: int) -> str:
    return f"{n:,}"


def _make_event(rng: random.Random, i: int) -> Event:
    country, adj, capital, regions, towns = rng.choice(COUNTRIES)
    kind = list(EVENT_KINDS)[i % len(EVENT_KINDS)] if i < len(EVENT_KINDS) else rng.choice(list(EVENT_KINDS))
    place, town2 = rng.sample(towns, 2)
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 5 * 365))
    deaths = rng.choice([rng.randint(12, 99), rng.randint(100, 999), rng.randint(1000, 4999)])
    firsts = rng.sample(FIRST, 4)
    lasts = rng.sample(LAST, 4)
    roles = rng.sample(ROLES, 3) + ["regional governor"]
    officials = [Official(f, ln, r) for f, ln, r in zip(firsts, lasts, roles)]
    numbers = dict(
        mag=f"{rng.uniform(5.6, 7.9):.1f}", km=rng.randint(8, 90), depth=rng.randint(5, 40),
        aftershock=f"{rng.uniform(4.0, 5.5):.1f}", past_year=rng.randint(1950, day.year - 3),
        past_year2=rng.randint(2000, day.year - 1), past_mag=f"{rng.uniform(5.5, 7.5):.1f}",
        past_deaths=_fmt(rng.randint(20, 3000)), code_year=rng.randint(1975, 2005), m=rng.randint(2, 6),
        h=rng.randint(3, 30), rain=rng.randint(120, 400), population=_fmt(rng.randint(50, 400) * 1000),
        hour=f"{rng.randint(1, 11)} {rng.choice(['a.m.', 'p.m.'])}", floors=rng.randint(3, 9),
        firefighters=rng.randint(60, 300), workers=_fmt(rng.randint(300, 3000)),
        passengers=rng.randint(200, 900), kmh=rng.randint(140, 260), evacuated=_fmt(rng.randint(20, 900) * 1000),
        teams=rng.randint(12, 80), money=rng.randint(5, 200), money2=rng.randint(1, 30),
        households=_fmt(rng.randint(10, 400) * 1000), mourning=rng.choice([1, 2, 3, 7]),
        critical=rng.randint(5, 60), children=max(1, deaths // rng.randint(5, 12)),
        foreign_experts=rng.randint(20, 120), month_prev=MONTHS[(day.month - 2) % 12],
        neighbours=rng.sample([n for n in NEIGHBOURS if n != country], 3),
    )
    injured = deaths * rng.randint(2, 5) + rng.randint(0, 99)
    numbers["critical"] = max(1, min(numbers["critical"], injured // 3))
    return Event(i, kind, country, adj, capital, rng.choice(regions), place, town2, day, deaths,
                 injured=injured, missing=rng.randint(5, 400),
                 displaced=rng.randint(2, 90) * 1000, officials=officials, numbers=numbers)


def _garble(n: int, rng: random.Random) -> int:
    s = str(n)
    if len(s) >= 2 and rng.random() < 0.5:
        i = rng.randrange(len(s) - 1)
        t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
        if t != s and not t.startswith("0"):
            return int(t)
    return n * 10 if rng.random() < 0.5 else n * 1000


class _Writer:
    """Fills templates for one article of one event, with that article's discrepancies."""

    def __init__(self, ev: Event, rng: random.Random, outlet: str):
        self.ev, self.rng, self.outlet = ev, rng, outlet
        self.discrepancies: list[dict[str, Any]] = []
        self.officials = [Official(o.first, o.last, o.role) for o in ev.officials]
        self.deaths_text = _fmt(ev.deaths)
        self.day = ev.day
        self.negate_emergency = False
        r = rng.random
        if r() < 0.35:  # a different death toll
            how = rng.choice(["higher", "lower", "garbled", "hedged"])
            if how == "higher":
                v = ev.deaths + max(1, int(ev.deaths * rng.uniform(0.1, 0.6)))
                self.deaths_text = _fmt(v)
            elif how == "lower":
                v = max(1, ev.deaths - max(1, int(ev.deaths * rng.uniform(0.1, 0.5))))
                self.deaths_text = _fmt(v)
            elif how == "garbled":
                v = _garble(ev.deaths, rng)
                self.deaths_text = _fmt(v)
            else:
                v = int(round(ev.deaths * 1.3, -1))
                self.deaths_text = f"more than {_fmt(v)}"
            self.discrepancies.append({"kind": "numeric", "how": how, "true": ev.deaths, "reported": self.deaths_text})
        if r() < 0.2:  # a wrong title
            o = self.officials[0]
            wrong = rng.choice([x for x in ROLES if x != o.role])
            self.discrepancies.append({"kind": "role", "person": f"{o.first} {o.last}", "true": o.role, "reported": wrong})
            o.role = wrong
        if r() < 0.2:  # a shifted date
            self.day = ev.day + timedelta(days=rng.choice([-2, -1, 1, 2]))
            self.discrepancies.append({"kind": "date", "true": ev.day.isoformat(), "reported": self.day.isoformat()})
        if r() < 0.12:  # negation
            self.negate_emergency = True
            self.discrepancies.append({"kind": "negation", "detail": "state of emergency not declared"})
        if r() < 0.12:  # misspelt surname
            o = self.officials[1]
            wrong = o.last[:-1] + ("s" if o.last[-1] != "s" else "z")
            self.discrepancies.append({"kind": "entity_name", "true": o.last, "reported": wrong})
            o.last = wrong

    def slots(self) -> dict[str, Any]:
        ev, rng, k = self.ev, self.rng, EVENT_KINDS[self.ev.kind]
        d = self.day
        late = d + timedelta(days=rng.randint(1, 3))
        off, off2 = rng.sample(self.officials[:3], 2)
        n = ev.numbers
        s = dict(
            A=k["a"][0].upper() + k["a"][1:], a=k["a"], the=k["the"], verb=k["verb"], verbed=k["verbed"],
            killed=k["killed"], noun=k["noun"], place=ev.place, region=ev.region, country=ev.country,
            capital=ev.capital, town2=ev.town2, weekday=WEEKDAYS[d.weekday()], weekday_late=WEEKDAYS[late.weekday()],
            date_text=f"{MONTHS[d.month - 1]} {d.day}", deaths=self.deaths_text, injured=_fmt(ev.injured),
            missing=ev.missing, displaced=_fmt(ev.displaced), agency=rng.choice(AGENCIES),
            off=off.full if rng.random() < 0.6 else f"{off.role.lower() if off.role == 'regional governor' else off.role} {off.last}",
            off2=off2.full, neighbour=n["neighbours"][0], neighbour2=n["neighbours"][1], outlet=self.outlet,
            reporter=f"{rng.choice(FIRST)} {rng.choice(LAST)}", age=rng.randint(19, 78),
            **{key: v for key, v in n.items() if key != "neighbours"},
        )
        s["agency_cap"] = s["agency"][0].upper() + s["agency"][1:]
        s["off"] = s["off"][0].upper() + s["off"][1:]
        s["witness"] = f"{rng.choice(FIRST)} {rng.choice(LAST)}, " + rng.choice(WITNESSES).format(**s)
        return s

    def fill(self, template: str) -> str:
        return template.format(**self.slots())


def _sentences_for(w: _Writer, target: int, wire: list[str], rng: random.Random) -> list[list[str]]:
    """Paragraphs (lists of sentences) adding up to ``target`` sentences."""
    k = EVENT_KINDS[w.ev.kind]
    paras: list[list[str]] = []
    lead = [w.fill(rng.choice(GENERIC["lead"]))]
    lead.append(w.fill(rng.choice(GENERIC["casualties"][:3])))
    paras.append(lead)
    pools = {name: rng.sample(items, len(items)) for name, items in GENERIC.items() if name not in ("lead", "closing")}
    pools["background"] = rng.sample(k["background"], len(k["background"]))
    quotes_used = 0
    count = len(lead)
    use_wire = rng.random() < 0.6
    order = ["casualties", "quotes", "response", "background", "people", "quotes", "international",
             "background", "response", "people", "casualties", "background", "response", "people", "quotes"]
    while count < target - 2:
        progressed = False
        for name in order:
            if count >= target - 2:
                break
            pool = pools[name]
            size = min(rng.randint(1, 4), target - 2 - count)
            para = []
            while pool and len(para) < size:
                t = pool.pop()
                if "emergency" in t and w.negate_emergency:
                    t = "{off} has not declared a state of emergency in {region}, despite calls from opposition lawmakers."
                para.append(w.fill(t))
            if name == "quotes" and para:
                quotes_used += 1
            if para:
                paras.append(para)
                count += len(para)
                progressed = True
            if use_wire and len(paras) == 3:
                paras.append(list(wire))
                count += len(wire)
                use_wire = False
        if not progressed:  # pools exhausted: more quotes from new witnesses, more figures
            extra = [w.fill(rng.choice(GENERIC["quotes"][3:6])) for _ in range(min(3, target - 2 - count))]
            paras.append(extra)
            count += len(extra)
    paras.append([w.fill(rng.choice(GENERIC["closing"]))])
    paras.append([w.fill(rng.choice(BOILERPLATE))])
    return paras


def generate_articles(n: int, seed: int = 0, *, html_fraction: float = 0.1) -> list[Article]:
    """``n`` articles about ``max(1, n // 100)`` events, deterministic for a given seed.

    A desk runs claims on one story's coverage: hundreds of articles about a handful
    of events, not hundreds of unrelated events."""
    rng = random.Random(seed)
    n_events = max(1, n // 100)
    events = [_make_event(rng, i) for i in range(n_events)]
    wires = {}
    for ev in events:
        w = _Writer(ev, random.Random(rng.random()), "wire")
        w.discrepancies.clear()
        w.deaths_text, w.day, w.officials = _fmt(ev.deaths), ev.day, ev.officials
        wires[ev.id] = [w.fill(t) for t in WIRE]
    articles: list[Article] = []
    for i in range(n):
        ev = events[i % n_events]
        outlet = rng.choice(OUTLETS)
        arng = random.Random(rng.random())
        w = _Writer(ev, arng, outlet)
        target = arng.randint(40, 70)
        paras = _sentences_for(w, target, wires[ev.id], arng)
        headline = arng.choice(EVENT_KINDS[ev.kind]["headline"]).format(**w.slots())
        published = w.day + timedelta(days=arng.randint(0, 1))
        byline = f"By {arng.choice(FIRST)} {arng.choice(LAST)}, {outlet}"
        n_sent = sum(len(p) for p in paras)
        slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
        as_html = arng.random() < html_fraction
        if as_html:
            text = _as_html(headline, byline, published, paras, outlet)
            name = f"{i:04d}_{slug}.html"
        else:
            lines = [headline, f"Published: {MONTHS[published.month - 1]} {published.day}, {published.year}", byline, ""]
            lines += [" ".join(p) + "\n" for p in paras]
            text = "\n".join(lines)
            name = f"{i:04d}_{slug}.txt"
        articles.append(Article(name, text, ev.id, outlet, n_sent, w.discrepancies))
    return articles


def _as_html(headline: str, byline: str, published: date, paras: list[list[str]], outlet: str) -> str:
    from html import escape

    body = "\n".join(f"      <p>{escape(' '.join(p))}</p>" for p in paras)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(headline)} | {escape(outlet)}</title>
<meta property="og:title" content="{escape(headline)}">
<meta property="article:published_time" content="{published.isoformat()}T09:00:00Z">
<script>window.dataLayer = window.dataLayer || []; function track() {{ return "Do not read me."; }}</script>
<style>body {{ font-family: serif; }}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/live">Live</a></nav></header>
  <main><article>
    <header><h1>{escape(headline)}</h1><p class="byline">{escape(byline)}</p></header>
{body}
    <footer>Share this article</footer>
  </article>
  <aside><h2>Most read</h2><ul><li>Unrelated story one</li><li>Unrelated story two</li></ul></aside></main>
<footer>&copy; {published.year} {escape(outlet)}</footer>
<script>track();</script></body></html>
"""


def write_corpus(folder: str | os.PathLike, n: int, seed: int = 0, *, html_fraction: float = 0.1) -> list[Path]:
    """Write ``n`` generated articles into ``folder`` (plus a hidden ``.manifest.json``)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    articles = generate_articles(n, seed, html_fraction=html_fraction)
    paths = []
    for a in articles:
        p = folder / a.filename
        p.write_text(a.text, encoding="utf-8")
        paths.append(p)
    manifest = [{k: v for k, v in asdict(a).items() if k != "text"} for a in articles]
    (folder / ".manifest.json").write_text(json.dumps({"seed": seed, "articles": manifest}, indent=1), encoding="utf-8")
    return paths

