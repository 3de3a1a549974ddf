"""The settings tree: no global state, what the caller set is kept, a model's calibration fills the rest."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from claims.compare import NegationComparator, QuantityComparator, default_settings
from claims.compare.statements import NegationSettings
from claims.errors import ModelError
from claims.settings import ClusterSettings, ModelCalibration, Settings, is_set, knob

ROOT = Path(__file__).resolve().parent.parent
FAST = ModelCalibration("other", {
    "cluster": {"distance_threshold": {"value": 0.3, "why": "measured with other"}},
    "compare": {"negation": {"min_similarity_same_statement": {"value": 0.9, "why": "measured"}}},
    "events": {"distance_threshold": {"value": 0.6, "why": "grouping measured"}},
})


def test_settings_py_imports_no_comparator_and_no_feed_module():
    tree = ast.parse((ROOT / "claims" / "settings.py").read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m for m in imported if m and m.startswith(("claims.compare", "claims.feed"))}
    # nor does building and explaining a tree pull them in
    code = ("import sys; from claims.settings import Settings; Settings().explain(); "
            "print(sorted(m for m in sys.modules if m.startswith(('claims.compare', 'claims.feed'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_a_plain_tree_has_the_core_sections_and_the_feed_at_the_top_and_no_comparator():
    tree = Settings().explain()
    assert {"cluster", "candidates", "score", "limits", "events", "calibration"} <= set(tree)
    assert tree["compare"] == {}
    assert "lead_chars" in tree["events"]


def test_comparator_sections_come_from_the_comparators_given():
    mine = Settings()
    out = mine.with_comparators([QuantityComparator(), NegationComparator()])
    assert sorted(out.compare) == ["negation", "numeric"]
    assert mine.compare == {}, "a copy: the caller's tree is untouched"
    assert isinstance(out.section("negation"), NegationSettings)
    with pytest.raises(KeyError, match="no settings section 'date'"):
        out.section("date")


def test_a_section_the_caller_made_is_kept_when_its_comparator_joins():
    mine = Settings()
    mine.section("negation", NegationSettings).denial_rule = True
    assert mine.with_comparators([NegationComparator()]).section("negation").denial_rule is True


def test_a_value_set_to_its_default_is_kept_against_the_model():
    mine = default_settings()
    mine.cluster.distance_threshold = 0.45  # the code default, set on purpose
    mine.section("negation").min_similarity_same_statement = 0.8  # likewise
    out = mine.for_model(FAST)
    assert out.cluster.distance_threshold == 0.45
    assert out.section("negation").min_similarity_same_statement == 0.8
    assert out.events.distance_threshold == 0.6, "what the caller left takes the model's value"
    assert out.explain()["cluster"]["distance_threshold"]["model"] == "set for this run"


def test_a_value_given_to_a_section_constructor_counts_as_set():
    mine = Settings(cluster=ClusterSettings(distance_threshold=0.45))
    assert is_set(mine.cluster, "distance_threshold") and not is_set(mine.cluster, "neighbours")
    assert mine.for_model(FAST).cluster.distance_threshold == 0.45


def test_the_model_fills_what_the_caller_left_and_says_so():
    out = default_settings().for_model(FAST)
    assert out.cluster.distance_threshold == 0.3
    assert out.section("negation").min_similarity_same_statement == 0.9
    explained = out.explain()
    assert explained["cluster"]["distance_threshold"] == {
        "value": 0.3, "why": "measured with other", "model": "other"}
    assert explained["calibration"]["model"]["value"] == "other"
    assert not is_set(out.cluster, "distance_threshold"), "a calibrated value is not the caller's choice"


def test_calibrating_again_calibrates_a_section_added_since_and_changes_nothing_else():
    first = Settings().for_model(FAST)  # no negation section yet: skipped, not an error
    assert "negation" not in first.compare
    again = first.with_comparators([NegationComparator()]).for_model(FAST)
    assert again.section("negation").min_similarity_same_statement == 0.9
    assert again.cluster.distance_threshold == 0.3
    assert again.explain() == again.for_model(FAST).explain()


def test_a_calibration_file_with_the_feed_under_compare_still_loads():
    old = ModelCalibration("old", {"compare": {"events": {"distance_threshold": {"value": 0.65}}}})
    assert Settings().for_model(old).events.distance_threshold == 0.65


def test_the_shipped_fast_calibration_loads_into_every_section_it_names():
    from claims.embed import calibration_for

    calibration = calibration_for("fast")
    data = json.loads((ROOT / "models" / "fast" / "claims-settings.json").read_text(encoding="utf-8"))
    out = default_settings().for_model(calibration)
    assert out.events.distance_threshold == data["settings"]["events"]["distance_threshold"]["value"]
    assert out.events.center_vectors is True
    assert out.section("date").min_similarity_event == \
        data["settings"]["compare"]["date"]["min_similarity_event"]["value"]
    assert len(out.calibrated) == sum(len(k) for k in data["settings"]["compare"].values()) + sum(
        len(k) for name, k in data["settings"].items() if name != "compare")


@pytest.mark.parametrize("values", [
    {"score": {"min_score": {"value": 0.1}}},  # not an embedding threshold
    {"cluster": {"no_such_knob": {"value": 0.1}}},
    {"nowhere": {"x": {"value": 0.1}}},
])
def test_a_calibration_naming_a_wrong_setting_is_a_model_error(values):
    with pytest.raises(ModelError):
        default_settings().for_model(ModelCalibration("m", values, "m/claims-settings.json"))


def test_a_plain_dataclass_section_counts_a_changed_value_as_set():
    """An older plug-in's section without @section: only a value off its default is the caller's."""

    @dataclass
    class Plain:
        gate: float = knob(0.5, "a cosine gate", embedding=True)

    mine = Settings()
    section = mine.section("plain", Plain)
    assert not is_set(section, "gate")
    section.gate = 0.7
    assert is_set(section, "gate")
