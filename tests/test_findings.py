"""Findings from hand-made flags: one finding per disputed fact, the majority value, garbled
figures attached to their count, keys that do not depend on the run."""
from __future__ import annotations

from claims.findings import build_findings, fact_of, finding_key
from claims.types import Claim, Document, Fact, Flag, Highlight

DOCS = {f"d{i}": Document(f"d{i}", f"{i}.txt", "text", outlet=outlet)
        for i, outlet in enumerate(["Courier", "Gazette", "Herald", None])}


def _claim(i: int, doc: str) -> Claim:
    return Claim(f"c{i}", doc, 0, 4, f"claim {i}", 0, 4)


CLAIMS = {c.id: c for c in [_claim(0, "d0"), _claim(1, "d1"), _claim(2, "d2"), _claim(3, "d3"), _claim(4, "d0"),
                            _claim(5, "d1")]}


def _title(fid: str, a: str, b: str, va: str, vb: str, score: float = 0.7) -> Flag:
    return Flag(a, b, "role", score, "two titles", id=fid,
                fact=Fact("role|jana novak", "Jana Novak's title", va, vb, va.title(), vb.title()))


def test_flags_about_one_fact_are_one_finding_with_the_majority_value():
    flags = [_title("f1", "c0", "c2", "president", "prime minister"),
             _title("f2", "c1", "c2", "president", "prime minister", 0.72)]
    [x] = build_findings(flags, CLAIMS, DOCS)
    assert x.kind == "role" and x.label == "Jana Novak's title" and x.flags == ["f2", "f1"] and x.score == 0.72
    by_value = {v.value: v for v in x.values}
    assert by_value["president"].standing == "majority" and by_value["president"].documents == ["d0", "d1"]
    assert by_value["prime minister"].standing == "outlier"
    assert x.summary == ("Jana Novak's title: “President” in 2 articles (Courier, Gazette); “Prime Minister” in "
                         "1 article (Herald). Most articles say “President”.")


def test_with_one_article_each_no_value_is_the_majority():
    [x] = build_findings([_title("f1", "c0", "c2", "president", "prime minister")], CLAIMS, DOCS)
    assert {v.standing for v in x.values} == {""} and "Most articles" not in x.summary


def test_an_article_without_an_outlet_is_named_by_its_file():
    [x] = build_findings([_title("f1", "c0", "c3", "president", "prime minister")], CLAIMS, DOCS)
    assert "(3.txt)" in x.summary


def test_one_subject_with_unrelated_values_and_claims_stays_two_findings():
    def toll(fid, a, b, va, vb):
        return Flag(a, b, "numeric", 0.8, "tolls", id=fid, fact=Fact("count|killed", "people killed", va, vb))

    flags = [toll("f1", "c0", "c1", "12 people", "40 people"), toll("f2", "c2", "c3", "300 people", "900 people")]
    assert len(build_findings(flags, CLAIMS, DOCS)) == 2
    joined = flags + [toll("f3", "c1", "c2", "40 people", "300 people")]  # shares a claim with each
    assert len(build_findings(joined, CLAIMS, DOCS)) == 1


def test_a_garbled_figure_is_its_own_finding_attached_to_the_count_it_garbles():
    count = Flag("c0", "c1", "numeric", 0.8, "", id="f1", fact=Fact("count|killed", "people killed",
                                                                      "5000 people", "870 soldiers"))
    garbled = [Flag(a, b, "garbled_number", 0.9, "", id=fid,
                    fact=Fact("count|killed", "people killed", "5000000 people", other, garbled=True))
               for fid, a, b, other in [("f2", "c4", "c0", "5000 people"), ("f3", "c4", "c1", "870 soldiers")]]
    findings = build_findings([count, *garbled], CLAIMS, DOCS)
    by_kind = {x.kind: x for x in findings}
    assert by_kind["garbled_number"].attached_to == by_kind["numeric"].id
    suspect = [v for v in by_kind["garbled_number"].values if v.standing == "outlier"]
    assert [v.value for v in suspect] == ["5000000 people"], "the figure in every one of its flags"
    assert [x.rank for x in findings] == [1, 2] and findings[0].kind == "garbled_number"


def test_a_finding_key_is_what_the_fact_is_and_its_values_in_any_order():
    assert finding_key("role", "role|x", ["a", "b"]) == finding_key("role", "role|x", ["b", "a", "a"])
    assert finding_key("role", "role|x", ["a", "b"]) != finding_key("role", "role|y", ["a", "b"])
    first = build_findings([_title("f1", "c0", "c2", "president", "prime minister")], CLAIMS, DOCS)[0]
    other_claims = build_findings([_title("f9", "c4", "c5", "prime minister", "president")], CLAIMS, DOCS)[0]
    assert first.id == other_claims.id, "the same conflict elsewhere is the same finding"


def test_a_plugin_flag_without_a_fact_is_valued_by_its_highlights():
    flag = Flag("c0", "c1", "unit_mix", 0.9, "units", id="f1",
                highlights_a=[Highlight(0, 2, "40 km")], highlights_b=[Highlight(0, 2, "40 miles")])
    fact = fact_of(flag, CLAIMS)
    assert (fact.subject, fact.label, fact.value_a, fact.value_b) == ("unit_mix|f1", "", "40 km", "40 miles")
    [x] = build_findings([flag], CLAIMS, DOCS)
    assert x.kind == "unit_mix" and x.summary.startswith("“40 km” in 1 article (Courier)")
