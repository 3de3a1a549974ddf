"""The verify stage: the rule comparators' flags plus the pair verifier's (see :mod:`claims.verify.verifier`).

Rule flags stay, except those of the kinds in ``settings.verify.replaced_rule_kinds``; the verifier
adds a flag for every aligned pair of differing values that no rule flagged already. The aligner (models/verifier) and
the static word vectors it reads similarities with are loaded once per stage object, so a notebook
or a feed reuses them across runs.
"""
from __future__ import annotations

import time

from claims.stages import RunContext, VerifyStage
from claims.types import Compared, Flag
from claims.verify.sites import ClaimText


class MentionVerifyStage(VerifyStage):
    """Keeps the rule flags of the configured kinds and adds the verifier's flags."""

    name = "verify"

    def __init__(self, model_dir=None):
        self.model_dir = model_dir
        self._verifier = None

    def verifier(self):
        if self._verifier is None:
            from claims.embed import load_embedder
            from claims.verify.aligner import load_aligner
            from claims.verify.features import WordVectors
            from claims.verify.verifier import MentionVerifier

            self._verifier = MentionVerifier(load_aligner(self.model_dir), WordVectors(load_embedder("fast")))
        return self._verifier

    def run(self, data: Compared, ctx: RunContext) -> list[Flag]:
        settings = ctx.settings.verify
        kept = [f for f in data.flags if f.kind not in settings.replaced_rule_kinds]
        if not settings.enabled or not data.claims:
            return kept
        from claims.verify.flags import candidate_flag, name_subjects
        from claims.verify.verifier import published_date

        started = time.perf_counter()
        verifier = self.verifier()
        verifier.neighbours, verifier.block_k = settings.neighbours, settings.block_k
        dates = {d.id: published_date(d.date) for d in data.documents}
        per_doc: dict[str, list[int]] = {}
        for i, c in enumerate(data.claims):
            per_doc.setdefault(c.doc, []).append(i)
        position = {}
        for rows in per_doc.values():
            for rank, i in enumerate(rows):
                position[i] = rank / max(len(rows) - 1, 1)
        texts = [ClaimText(c.id, c.doc, c.text, c.start, position[i], dates.get(c.doc))
                 for i, c in enumerate(data.claims)]
        from claims.compare import ScoringContext
        from claims.score import collapse_repeats

        scoring = ScoringContext.of(data, ctx.settings)
        flagged = {tuple(sorted((f.a, f.b))) for f in kept}
        added = []
        verified = verifier.verify(texts, data.vectors, settings.min_probability or None)
        subjects = name_subjects(verified)
        for candidate in verified:
            key = tuple(sorted((candidate.a.claim, candidate.b.claim)))
            if key in flagged:
                continue
            flagged.add(key)
            where = scoring.where(scoring.claims[candidate.a.claim], scoring.claims[candidate.b.claim])
            added.append(candidate_flag(candidate, where, settings.score_weight,
                                        subjects.get(candidate.a.mention.key, "")))
        # one misspelt name meets every correct spelling of it: a few flags per disagreement, the rest counted
        added = collapse_repeats(added, scoring)
        if ctx.log:
            ctx.log(f"verify: {len(added)} flags added in {time.perf_counter() - started:.2f}s")
        return kept + added
