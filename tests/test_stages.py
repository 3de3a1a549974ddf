"""The pipeline as replaceable stages: a stage swapped for another, a verifier that adds and drops
flags, the cache closed when embedding fails. Fixed vectors: no model is loaded here."""
from __future__ import annotations

import numpy as np
import pytest

from claims.compare.base import make_flag
from claims.pipeline import Pipeline, RunOptions, Stages, default_stages
from claims.stages import EmbedStage, RunContext, Stage, StageProtocol, VerifyStage
from claims.settings import Settings
from claims.types import Claims, Compared, Document, Embedded, Flag, extend

DOCUMENTS = [
    Document("d0", "courier.txt", "Officials said 12 people were killed in the flood on Monday.\n"),
    Document("d1", "gazette.txt", "Medics said 40 people were killed in the flood on Monday.\n"
                                  "The river rose two metres overnight near the old mill.\n"),
]


class TopicVectors:
    """An embed stage without a model: claims about the flood share one vector, the rest another.

    Not a :class:`Stage` subclass: anything with ``name`` and ``run`` is a stage."""

    name = "embed"

    def run(self, data: Claims, ctx: RunContext) -> Embedded:
        ctx.model_name = "topic vectors"
        rows = [[1.0, 0.0] if "killed" in c.text else [0.0, 1.0] for c in data.claims]
        return extend(data, Embedded, vectors=np.array(rows, dtype=np.float32))


def _pipeline(**replaced) -> Pipeline:
    return Pipeline(RunOptions(use_cache=False), embed=TopicVectors(), **replaced)


def test_a_pipeline_with_its_embed_stage_replaced_runs_every_other_stage():
    assert isinstance(TopicVectors(), StageProtocol)
    result = _pipeline().compare(DOCUMENTS)
    assert result.model_name == "topic vectors"
    assert [(f.kind, result.claims[int(f.a[1:])].doc) for f in result.flags] == [("numeric", "d0")]
    assert [t.stage for t in result.timings] == ["clean", "split", "extract", "embed", "cluster", "candidates",
                                                 "compare", "verify", "findings"]
    assert len(result.findings) == 1 and result.findings[0].flags == [result.flags[0].id]
    assert result.data["flags"][0]["kind"] == "numeric", "the report is built from the replaced stage's output"


class AddAndDrop(VerifyStage):
    """Drops every rule flag and adds one of its own between the two claims that mention no toll."""

    def run(self, data: Compared, ctx: RunContext) -> list[Flag]:
        self.seen = data
        river = next(c for c in data.claims if "river" in c.text)
        toll = next(c for c in data.claims if c.doc == "d0")
        return [make_flag(toll, river, "statement", 0.9, "a verifier's own flag.")]


def test_a_verifier_sees_everything_and_may_drop_and_add_flags():
    verifier = AddAndDrop()
    result = _pipeline(verify=verifier).compare(DOCUMENTS)
    seen = verifier.seen
    assert [d.id for d in seen.documents] == ["d0", "d1"] and seen.vectors.shape == (len(seen.claims), 2)
    assert seen.pairs and [f.kind for f in seen.flags] == ["numeric"], "the rule flags and every candidate pair"
    assert [(f.kind, f.score) for f in result.flags] == [("statement", 0.9)]
    assert result.flags[0].id.startswith("f_"), "the pipeline ranks what the verifier returns"
    assert [x.flags for x in result.findings] == [[result.flags[0].id]]


def test_the_default_verifier_keeps_the_rule_flags_unchanged():
    plain = _pipeline().compare(DOCUMENTS)
    assert isinstance(default_stages(RunOptions()).verify, VerifyStage)
    kept = _pipeline(verify=VerifyStage()).compare(DOCUMENTS)
    assert [(f.id, f.kind, f.score) for f in kept.flags] == [(f.id, f.kind, f.score) for f in plain.flags]


def test_the_flag_limit_cuts_after_the_verifier_and_says_so():
    settings = Settings()
    settings.limits.flags = 1

    class Two(VerifyStage):
        def run(self, data, ctx):
            a, b, c = data.claims[:3]
            return [make_flag(a, b, "statement", 0.5, "x."), make_flag(a, c, "statement", 0.8, "y.")]

    result = Pipeline(RunOptions(use_cache=False, settings=settings), embed=TopicVectors(), verify=Two()).compare(
        DOCUMENTS)
    assert [f.score for f in result.flags] == [0.8]
    assert result.limits["flags"] == {"limit": 1, "shown": 1, "found": 2}


def test_a_stage_is_named_and_a_pipeline_refuses_an_unknown_stage():
    with pytest.raises(TypeError, match="name"):
        class Nameless(Stage):  # noqa: F841
            def run(self, data, ctx):
                return data
    with pytest.raises(TypeError, match="no stage named verifier"):
        Pipeline(verifier=VerifyStage())
    assert [f for f in Stages.__dataclass_fields__] == ["clean", "split", "extract", "embed", "cluster",
                                                        "candidates", "compare", "verify", "findings"]


def test_the_embedding_cache_is_closed_when_encoding_fails(tmp_path, monkeypatch):
    import claims.cache

    opened = []

    class Recorded(claims.cache.EmbeddingCache):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            opened.append(self)

    monkeypatch.setattr(claims.cache, "EmbeddingCache", Recorded)

    class Failing:
        model_id = "failing@1"

        def encode(self, texts, progress=None):
            raise RuntimeError("out of memory")

    stage = EmbedStage(Failing(), cache_dir=tmp_path)
    claims = _pipeline().compare(DOCUMENTS).claims
    with pytest.raises(RuntimeError, match="out of memory"):
        stage.run(Claims(DOCUMENTS, claims), RunContext(Settings()))
    assert len(opened) == 1 and opened[0]._conn is None, "closed, not left to the garbage collector"


def test_the_report_data_is_built_when_asked_so_later_changes_reach_it(tmp_path):
    result = _pipeline().compare(DOCUMENTS)
    assert "report" not in [t["stage"] for t in result.data["generator"]["timings"]]
    result.notes.append("a note added after the run")
    assert result.data["notes"][-1] == "a note added after the run"
    result.write(tmp_path / "r.html", tmp_path / "r.json")
    assert "report" in [t["stage"] for t in result.data["generator"]["timings"]], "write()'s own timing"


def test_run_takes_options_or_their_names_and_refuses_a_misspelt_one(tmp_path):
    from claims.pipeline import make_options

    options = make_options(RunOptions(model="fast"), use_cache=False)
    assert (options.model, options.use_cache) == ("fast", False)
    with pytest.raises(TypeError, match="the options are: model, embedder"):
        make_options(use_cahce=False)
