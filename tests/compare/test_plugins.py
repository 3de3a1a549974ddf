"""Comparators are an extension point: a plug-in with a new flag kind works without touching the core."""
from __future__ import annotations

import re

import pytest

from claims.compare import KINDS, PairComparator, default_comparators, kind_info
from claims.compare.base import make_flag
from claims.settings import Settings, knob, section


@section
class UnitSettings:
    min_similarity: float = knob(0.5, "the two claims must be about one thing")


class UnitComparator(PairComparator):
    """Flags one distance given in kilometres in one claim and in miles in the other."""

    kind = "unit_mix"
    label = "Units differ"
    description = "The same distance is given in two units."
    settings_class = UnitSettings

    def compare(self, a, b, ctx):
        if ctx.similarity(a, b) < self.settings(ctx).min_similarity:
            return None
        if re.search(r"\bkilometres?\b", a.text) and re.search(r"\bmiles?\b", b.text):
            return make_flag(a, b, self.kind, 0.9, "Kilometres in one claim, miles in the other.")
        return None


ARTICLES = {
    "a.txt": "The new pipeline runs 40 kilometres from the harbour to the refinery.\n",
    "b.txt": "The new pipeline runs 40 miles from the harbour to the refinery.\n",
}


def test_a_plugin_kind_is_registered_with_its_label():
    assert KINDS["unit_mix"].label == "Units differ"
    assert kind_info("unit_mix").description == "The same distance is given in two units."


def test_a_plugin_flags_its_new_kind_through_the_pipeline(run_articles):
    from claims.reporting.render import render_html

    report = run_articles(ARTICLES, comparators=[*default_comparators(), UnitComparator()])
    assert [f.kind for f in report.flags] == ["unit_mix"]
    data = report.data
    assert data["kinds"]["unit_mix"]["label"] == "Units differ"
    assert data["settings"]["compare"]["unit_mix"]["min_similarity"]["value"] == 0.5
    assert "Units differ" in render_html(data)


def test_an_unknown_kind_ranks_without_crashing(embedder):
    """A flag of a kind nobody registered (an old plug-in's) still ranks beside the built-in ones."""
    from claims.compare import ScoringContext
    from claims.score import score
    from claims.types import Claim, Document

    a = Claim("c0", "d0", 0, 10, "Forty km.", 0, 10)
    b = Claim("c1", "d0", 11, 21, "Forty mi.", 11, 21)

    class Anonymous:
        kind = "never_registered"

        def compare(self, x, y, ctx):
            return make_flag(x, y, self.kind, 0.8, "two units")

    ctx = ScoringContext({"d0": Document("d0", "a.txt", "Forty km. Forty mi.")}, {"c0": a, "c1": b},
                         {"c0": 0, "c1": 1}, embedder.encode([a.text, b.text]))
    flags = score([a, b], [(0, 1)], ctx, comparators=[Anonymous(), *default_comparators()])
    assert [f.kind for f in flags] == ["never_registered"]


def test_a_comparator_without_a_label_is_refused_at_definition():
    with pytest.raises(TypeError, match="label"):
        class Broken(PairComparator):  # noqa: F841
            kind = "broken"
            description = "no label"

            def compare(self, a, b, ctx):
                return None


def test_defining_a_comparator_adds_no_section_to_the_next_settings():
    """A plug-in's section exists only in runs given the plug-in (nothing registered globally,
    so a Ray worker never meets a section whose class only this module can import)."""
    assert "unit_mix" not in Settings().compare
    assert "unit_mix" not in Settings().explain()["compare"]
    assert "unit_mix" in Settings().with_comparators([UnitComparator()]).compare


def test_every_setting_has_a_reason_and_is_written_into_the_report():
    from claims.compare import default_settings

    tree = default_settings().explain()
    assert {"cluster", "candidates", "score", "limits", "events", "compare"} <= set(tree)
    assert {"numeric", "date", "negation", "role", "entity_name"} <= set(tree["compare"])
    leaves = [leaf for section in tree.values() for leaf in _leaves(section)]
    assert leaves and all(leaf["why"].strip() for leaf in leaves)


def _leaves(section):
    if "value" in section and "why" in section:
        return [section]
    return [leaf for child in section.values() for leaf in _leaves(child)]


def test_the_seed_report_carries_the_settings_it_ran_with(seed_report):
    report, _ = seed_report
    data = report.data
    assert data["settings"]["cluster"]["distance_threshold"]["value"] == report.settings.cluster.distance_threshold
    assert data["settings"]["compare"]["negation"]["denial_rule"]["value"] is False
