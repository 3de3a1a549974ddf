"""Scoring on hand-built claims, fixed vectors and stub comparators: one flag per pair, repeats
collapsed, stable ids, best first (no model, no extraction)."""
from __future__ import annotations

import numpy as np
import pytest

from claims.compare import ScoringContext
from claims.compare.base import make_flag
from claims.score import flag_id, rank_flags, score
from claims.settings import Settings
from claims.types import Claim, Document

TEXTS = ["Officials said 12 people died.", "Medics said 40 people died.", "A nurse said 41 people died.",
         "The mayor said 12 people died."]


@pytest.fixture
def ctx():
    docs = {f"d{i}": Document(f"d{i}", f"{name}.txt", text) for i, (name, text) in
            enumerate(zip(["alpha", "bravo", "charlie", "delta"], TEXTS))}
    claims = [Claim(f"c{i}", f"d{i}", 0, len(t), t, 0, len(t), cluster=0 if i < 2 else -1)
              for i, t in enumerate(TEXTS)]
    vectors = np.eye(4, dtype=np.float32)
    return ScoringContext(docs, {c.id: c for c in claims}, {c.id: i for i, c in enumerate(claims)}, vectors,
                          Settings())


class Fixed:
    """A pair comparator that returns the flags it is given for chosen pairs."""

    def __init__(self, kind: str, scores: dict[tuple[str, str], float], group: str = ""):
        self.kind, self.scores, self.group = kind, scores, group

    def compare(self, a, b, ctx):
        s = self.scores.get((a.id, b.id))
        return None if s is None else make_flag(a, b, self.kind, s, f"{self.kind} {a.id} {b.id}.", group=self.group)


def _claims(ctx):
    return list(ctx.claims.values())


def test_one_flag_per_pair_the_higher_score_wins(ctx):
    flags = score(_claims(ctx), [(0, 1)], ctx, comparators=[Fixed("numeric", {("c0", "c1"): 0.6}),
                                                             Fixed("negation", {("c0", "c1"): 0.8})])
    assert [(f.a, f.b, f.kind, f.score) for f in flags] == [("c0", "c1", "negation", 0.8)]


def test_on_equal_scores_the_more_specific_kind_explains_the_pair(ctx):
    # role (specificity 50) over numeric (registered lower) when both say 0.7
    flags = score(_claims(ctx), [(0, 1)], ctx, comparators=[Fixed("role", {("c0", "c1"): 0.7}),
                                                             Fixed("numeric", {("c0", "c1"): 0.7})])
    assert [f.kind for f in flags] == ["role"]


def test_flags_under_min_score_are_dropped_and_the_rest_ranked_best_first(ctx):
    ctx.settings.score.min_score = 0.5
    comparator = Fixed("numeric", {("c0", "c1"): 0.4, ("c0", "c2"): 0.6, ("c1", "c3"): 0.9})
    flags = score(_claims(ctx), [(0, 1), (0, 2), (1, 3)], ctx, comparators=[comparator])
    assert [(f.a, f.b) for f in flags] == [("c1", "c3"), ("c0", "c2")]


def test_a_flag_has_a_stable_id_and_the_cluster_both_claims_share(ctx):
    comparator = Fixed("numeric", {("c0", "c1"): 0.6, ("c0", "c2"): 0.6})
    flags = {(f.a, f.b): f for f in score(_claims(ctx), [(0, 1), (0, 2)], ctx, comparators=[comparator])}
    c0, c1 = ctx.claims["c0"], ctx.claims["c1"]
    assert flags[("c0", "c1")].id == flag_id(c0, c1, ctx) == flag_id(c1, c0, ctx)
    assert flags[("c0", "c1")].cluster == 0
    assert flags[("c0", "c2")].cluster is None, "c2 is in no cluster"


def test_the_id_follows_the_file_name_and_text_not_the_claim_id(ctx):
    c0, c1 = ctx.claims["c0"], ctx.claims["c1"]
    renumbered = Claim("c9", c0.doc, c0.start, c0.end, c0.text, c0.sentence_start, c0.sentence_end)
    assert flag_id(renumbered, c1, ctx) == flag_id(c0, c1, ctx)
    other = Claim("c9", c0.doc, c0.start, c0.end, "Officials said 13 people died.", 0, 30)
    assert flag_id(other, c1, ctx) != flag_id(c0, c1, ctx)


def test_repeats_of_one_disagreement_are_collapsed_and_counted(ctx):
    ctx.settings.score.max_per_group = 1
    comparator = Fixed("numeric", {("c0", "c1"): 0.9, ("c0", "c2"): 0.8, ("c1", "c3"): 0.7}, group="12 vs 40")
    flags = score(_claims(ctx), [(0, 1), (0, 2), (1, 3)], ctx, comparators=[comparator])
    assert len(flags) == 1 and flags[0].similar == 2
    assert flags[0].explanation.endswith(
        "2 more pairs of claims show the same disagreement, also in charlie.txt, delta.txt.")


def test_rank_flags_ranks_a_flag_a_verifier_added(ctx):
    kept = score(_claims(ctx), [(0, 1)], ctx, comparators=[Fixed("numeric", {("c0", "c1"): 0.6})])
    added = make_flag(ctx.claims["c2"], ctx.claims["c3"], "statement", 0.95, "a verifier's flag.")
    ranked = rank_flags([*kept, added], ctx)
    assert [(f.a, f.b) for f in ranked] == [("c2", "c3"), ("c0", "c1")]
    assert ranked[0].id == flag_id(ctx.claims["c2"], ctx.claims["c3"], ctx)
    assert rank_flags(list(ranked), ctx) == ranked, "ranking ranked flags changes nothing"


def test_corpus_comparators_see_every_claim(ctx):
    class EveryPair:
        kind = "entity_name"

        def find(self, claims, ctx):
            return [make_flag(claims[0], claims[3], self.kind, 0.7, "same name, two spellings.")]

    flags = score(_claims(ctx), [], ctx, comparators=[EveryPair()])
    assert [(f.a, f.b, f.kind) for f in flags] == [("c0", "c3", "entity_name")]
