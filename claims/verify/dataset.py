"""Training and evaluation tables for the aligner, one per event.

An event is a folder of articles about one story (the dev events, a counterfactual variant of one,
or an ECB+ event). Its table holds every candidate mention pair (:func:`claims.verify.verifier.prepare`)
with its feature row, whether the two values are equal or differ, and the two claims' spans (so a
gold pair of claim spans can be matched, with score.py's rule: same file, overlap of at least half
the shorter span).

Self-supervised labels: two mentions of related claims that state the *same value* are taken as
the same fact (1) and two that state *different values* as different facts (0). Real coverage
rarely disagrees (29 discrepancies in 884 labelled dev pairs), so the second rule is nearly always
right, and the features never see the values, so the aligner learns what makes two contexts one
fact — counted noun, event verb, holder, the words around — not whether the values match.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from claims.verify.features import WordVectors, pair_features
from claims.verify.sites import ClaimText
from claims.verify.verifier import prepare, published_date


def fold_of(event: str) -> int:
    """The dev fold of an event, as :mod:`claims.bench.folds` deals them (a counterfactual variant
    ``<event>~<n>`` goes with its source event); an ECB+ event is in no fold (-1): always trained on."""
    if event.startswith("ecb:"):
        return -1
    from claims.bench.folds import fold_of as dev_fold

    return dev_fold(event)


@dataclass
class EventTable:
    event: str
    rows: np.ndarray  # feature rows, one per candidate pair with equal or differing values
    label: np.ndarray  # 1 equal values (same fact), 0 differing values (taken as different facts)
    differs: np.ndarray  # bool: the values differ (the pairs a run could flag)
    kinds: list[str]
    reasons: list[str]
    spans: list[tuple[tuple[str, int, int], tuple[str, int, int]]]  # (file, start, end) of the two claims
    texts: list[tuple[str, str]] = field(default_factory=list)  # the two mentions as written


def event_claims(paths: list[Path], root: Path) -> list[ClaimText]:
    """The claims of an event's articles, as the pipeline splits them; files named relative to ``root``."""
    from claims.clean import clean
    from claims.read import read_documents
    from claims.split import claim_spans, sentences

    docs = read_documents([str(p) for p in paths])
    out: list[ClaimText] = []
    for d in docs:
        spans = claim_spans(sentences(clean(d)), d.text)
        name = Path(d.path).resolve().relative_to(root.resolve()).as_posix()
        for i, s in enumerate(spans):
            out.append(ClaimText(id=f"{name}#{s.start}", doc=name, text=s.text, start=s.start,
                                 position=i / max(len(spans) - 1, 1), published=published_date(d.date)))
    return out


def build_table(event: str, paths: list[Path], root: Path, embedder, words: WordVectors,
                neighbours: int = 25, memo: dict | None = None) -> EventTable:
    from claims.mentions.read import differ, equal

    claims = event_claims(paths, root)
    vectors = embedder.encode([c.text for c in claims]) if claims else np.zeros((0, 1), np.float32)
    prepared = prepare(claims, vectors, neighbours, memo=memo)
    keep, labels, differs, reasons = [], [], [], []
    for i, (a, b) in enumerate(prepared.pairs):
        if equal(a.mention, b.mention):
            keep.append(i), labels.append(1), differs.append(False), reasons.append("")
            continue
        reason = differ(a.mention, b.mention)
        if reason:
            keep.append(i), labels.append(0), differs.append(True), reasons.append(reason)
    pairs = [prepared.pairs[i] for i in keep]
    rows = pair_features(pairs, words, [prepared.agreeing[i] for i in keep]).matrix
    by_id = {c.id: c for c in claims}

    def span(site):
        c = by_id[site.claim]
        return (c.doc, c.start, c.start + len(c.text))

    return EventTable(event, rows, np.asarray(labels, np.int8), np.asarray(differs, bool),
                      [a.mention.kind for a, _ in pairs], reasons, [(span(a), span(b)) for a, b in pairs],
                      [(a.mention.text, b.mention.text) for a, b in pairs])


@lru_cache(maxsize=1)
def _kit_covers():
    """score.py's ``covers``, its file imported once."""
    from claims.bench.folds import load_score_module

    return load_score_module().covers


def gold_matches(table: EventTable, gold: dict) -> np.ndarray:
    """Which candidate pairs of ``table`` fall on the two claims of a gold pair (either order), by the
    eval kit's own rule (score.py's ``covers``: same file, overlapping by half the shorter span)."""
    covers = _kit_covers()
    ga, gb = (gold["a_start"], gold["a_end"]), (gold["b_start"], gold["b_end"])
    out = np.zeros(len(table.spans), bool)
    for i, (sa, sb) in enumerate(table.spans):
        ca, cb = (*sa, ""), (*sb, "")  # score.py's claim: (file, start, end, text)
        out[i] = ((covers(ca, gold["a_file"], ga) and covers(cb, gold["b_file"], gb))
                  or (covers(cb, gold["a_file"], ga) and covers(ca, gold["b_file"], gb)))
    return out


def read_gold(path: Path) -> dict[str, list[dict]]:
    """Gold pairs by event (the folder of ``a_file``)."""
    out: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            out.setdefault(g["a_file"].split("/", 1)[0], []).append(g)
    return out


def event_folders(root: Path) -> dict[str, list[Path]]:
    """A folder of event folders (basil_events.py, perturb.py) -> event -> its article files."""
    return {p.name: sorted(f for f in p.iterdir() if f.is_file()) for p in sorted(root.iterdir()) if p.is_dir()}


def ecb_events(root: Path) -> dict[str, list[Path]]:
    """ecb_feed.py's output (feed/*.jsonl and truth.json) -> true event -> its article files."""
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    out: dict[str, list[Path]] = {}
    for name, event in sorted(truth.items()):
        out.setdefault(f"ecb:{event}", []).append(root / "feed" / name)
    return out
