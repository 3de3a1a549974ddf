"""The report data's schema: real reports validate against claims.reporting.schema.JSON_SCHEMA."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from sample_data import empty_data, large_data, sample_data

from claims.compare import KINDS, PairComparator
from claims.findings import build_findings
from claims.pipeline import RunResult
from claims.reporting.build import CONFIDENCE, build_report_data, builtin_kinds
from claims.reporting.render import render_html
from claims.reporting.schema import HISTORY, JSON_SCHEMA, READABLE, SCHEMA, version
from claims.settings import Settings
from claims.types import Claim, Cluster, Document, Flag, Highlight


def validate(data: dict) -> None:
    # through JSON, as report.json is read back: tuples are lists, inf is refused
    jsonschema.validate(json.loads(json.dumps(data, allow_nan=False)), JSON_SCHEMA,
                        cls=jsonschema.Draft202012Validator)


def test_the_json_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(JSON_SCHEMA)
    assert JSON_SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert JSON_SCHEMA["properties"]["schema"]["const"] == SCHEMA


def test_every_version_has_its_history():
    current = int(SCHEMA.rsplit("/", 1)[1])
    assert sorted(HISTORY) == list(range(1, current + 1))
    assert all(HISTORY[v].strip() for v in HISTORY)
    assert SCHEMA in READABLE and "claims-report/1" in READABLE
    for word in ("settings", "kinds", "outlet", "url", "date", "title"):
        assert word in HISTORY[2]
    assert "findings" in HISTORY[3]
    assert version({"schema": "claims-report/1"}) == 1 and version({"schema": SCHEMA}) == current
    assert version({"documents": []}) == 1, "data from before the schema key is version 1"


def test_the_shipped_schema_file_and_the_readme_table_are_generated_from_the_module():
    from pathlib import Path

    from claims.reporting.schema import SCHEMA_FILE, readme_fields, schema_file_text

    stale = "stale: run python -m claims.reporting.schema"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_file_text(), stale
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert readme_fields() in readme, stale
    assert f"`{SCHEMA}`" in readme


def test_the_seed_report_has_findings_that_name_their_flags(seed_report):
    _, out = seed_report
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    flag_ids = [f["id"] for f in data["flags"]]
    in_findings = [fid for x in data["findings"] for fid in x["flags"]]
    assert sorted(in_findings) == sorted(flag_ids), "every flag is the evidence of exactly one finding"
    assert [x["rank"] for x in data["findings"]] == list(range(1, len(data["findings"]) + 1))
    assert data["summary"]["n_findings"] == len(data["findings"])


def test_seed_report_validates(seed_report):
    _, out = seed_report
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    validate(data)
    assert data["schema"] == SCHEMA
    # the keys the external scorer (shared/eval/score.py) reads
    assert all({"id", "path"} <= d.keys() for d in data["documents"])
    assert all({"id", "doc", "start", "end", "text"} <= c.keys() for c in data["claims"])
    assert all({"a", "b", "kind", "score"} <= f.keys() for f in data["flags"])
    # every kind a flag has is named, and every built-in one
    assert {f["kind"] for f in data["flags"]} | set(builtin_kinds()) <= set(data["kinds"])
    assert data["confidence"] == CONFIDENCE
    assert data["settings"]["score"]["min_score"]["why"]


@pytest.mark.parametrize("make", [sample_data, empty_data, lambda: large_data(n_docs=5, n_flags=40)])
def test_sample_data_validates(make):
    validate(make())


@pytest.mark.parametrize("path", [
    ("kinds",), ("confidence",), ("settings",), ("documents",), ("flags",), ("findings",), ("decisions",),
    ("findings", 0, "values"), ("findings", 0, "flags"),
    ("documents", 0, "id"), ("documents", 0, "path"), ("documents", 0, "outlet"),
    ("claims", 0, "start"), ("claims", 0, "text"), ("flags", 0, "a"), ("flags", 0, "score"), ("flags", 0, "kind"),
    ("confidence", "high"), ("kinds", "numeric", "label"),
])
def test_missing_required_key_fails(path):
    data = sample_data()
    node = data
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


@pytest.mark.parametrize("change", [
    lambda d: d.update(schema="claims-report/1"),
    lambda d: d["flags"][0].update(score=1.5),
    lambda d: d["claims"][0].update(start=-1),
    lambda d: d["documents"][0].update(url=7),
    lambda d: d["settings"]["score"].update(min_score=0.3),  # a bare value, not {value, why}
])
def test_wrong_values_fail(change):
    data = sample_data()
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


# --- build_report_data on hand-made documents (the readers may leave metadata None) ------------


@pytest.fixture
def plug_in():
    """A plug-in comparator with its own kind, registered for one test only."""

    class UnitComparator(PairComparator):
        kind = "test_unit"
        label = "Units differ (test plug-in)"
        description = "The same figure given in two units."

        def compare(self, a, b, ctx):
            return None

    yield UnitComparator
    KINDS.pop(UnitComparator.kind, None)


def _report(flag_kinds=("numeric", "test_unit", "never_registered")) -> RunResult:
    text_a = "Officials said 41 people died on Monday. The ferry carried 180 passengers."
    text_b = "At least 58 people were killed on Tuesday."
    docs = [
        Document("d0", "in/fox.md", text_a, title="Ferry <b>sinks</b>", date="2012-08-02", outlet="Fox News",
                 url="https://www.foxnews.com/world/ferry"),
        Document("d1", "in/odd.md", text_b, title=None, date=None, outlet=None, url="javascript:alert(1)"),
        Document("d2", "in/bare.txt", "Nothing to say.\n"),
    ]
    a = Claim("c0", "d0", 0, 39, text_a[:39], 0, 40, cluster=0)
    b = Claim("c1", "d1", 0, 41, text_b[:41], 0, 42, cluster=0)
    flags = [Flag("c0", "c1", kind, 0.9 - 0.1 * i, f"{kind} differs", [Highlight(15, 24, "41 people")], [],
                  id=f"f{i}", cluster=0) for i, kind in enumerate(flag_kinds)]
    return RunResult(documents=docs, claims=[a, b], clusters=[Cluster(0, ["c0", "c1"], "death toll")], flags=flags,
                  findings=build_findings(flags, {"c0": a, "c1": b}, {d.id: d for d in docs}),
                  timings=[], settings=Settings(), model_name="test")


def test_build_writes_document_metadata_kinds_and_confidence(plug_in):
    assert plug_in.kind in KINDS
    data = build_report_data(_report())
    validate(data)
    fox, odd, bare = data["documents"]
    assert (fox["outlet"], fox["date"], fox["url"], fox["title"]) == (
        "Fox News", "2012-08-02", "https://www.foxnews.com/world/ferry", "Ferry <b>sinks</b>")
    assert odd["url"] == "javascript:alert(1)"  # written as given; the renderer decides what is a link
    assert (bare["outlet"], bare["date"], bare["url"], bare["title"]) == (None, None, None, None)
    kinds = data["kinds"]
    assert list(kinds)[:len(builtin_kinds())] == builtin_kinds()
    assert kinds["numeric"]["label"] == KINDS["numeric"].label and kinds["numeric"]["description"]
    assert kinds["test_unit"] == {"label": "Units differ (test plug-in)",
                                  "description": "The same figure given in two units."}
    assert kinds["never_registered"]["label"] == "Never registered"  # kind_info's fallback
    assert data["confidence"] == CONFIDENCE


def test_built_report_renders_metadata_and_plug_in_kinds(plug_in):
    html = render_html(build_report_data(_report()))
    assert '<span class="doc-meta">Fox News, 2012-08-02</span>' in html
    assert ('<a class="external" href="https://www.foxnews.com/world/ferry" rel="noopener noreferrer" '
            'target="_blank">') in html
    assert 'href="javascript:' not in html and '<span class="url-text">javascript:alert(1)</span>' in html
    assert "Ferry &lt;b&gt;sinks&lt;/b&gt;" in html
    assert '<span class="kind kind-test_unit">Units differ (test plug-in)</span>' in html
    assert '<span class="kind kind-never_registered">Never registered</span>' in html


def test_render_does_not_change_built_data():
    data = build_report_data(_report())
    before = copy.deepcopy(data)
    render_html(data)
    assert data == before
