"""Numbers: different tolls are flagged; agreeing, bounded or differently scoped figures are not.

Each rule is tested on the comparator itself: two claims extracted from fixed sentences and a
fixed similarity between them, so a "not flagged" test fails when the rule stops holding, not
only when an earlier stage drops the pair. Each such test also asserts the figures it is about
were read, so that a change in extraction cannot make it pass. A few end-to-end tests with the
real model show that a toll flagged here reaches the report.
"""
from __future__ import annotations

import math

import numpy as np

from conftest import flags_between

from claims.compare import QuantityComparator, ScoringContext
from claims.extract import extract
from claims.settings import Settings
from claims.types import Claim, ClaimSpan, Document, Sentence

# Cosine similarities of the two claims. A near paraphrase passes every similarity threshold of
# QuantitySettings, so only the rule under test can keep the pair apart; claims about the same event
# that are not paraphrases pass the thresholds for a shared measure or referent (0.25) and not the
# one for unmeasured counts (0.72).
PARAPHRASE = 0.9
SAME_EVENT = 0.5


def _pair(text_a: str, text_b: str, similarity: float = PARAPHRASE,
          published: str | None = None) -> tuple[Claim, Claim, ScoringContext]:
    """Two claims, each one whole sentence of its own article, and a context whose vectors have
    ``similarity`` as their cosine. ``published`` is both articles' publication date."""
    docs, claims = {}, []
    for i, text in enumerate((text_a, text_b)):
        doc = Document(f"d{i}", f"{'ab'[i]}.txt", text, date=published)
        docs[doc.id] = doc
        claims.append(extract(ClaimSpan(doc.id, 0, len(text), text, Sentence(doc.id, 0, len(text), text), None),
                              f"c{i}"))
    vectors = np.array([[1.0, 0.0], [similarity, math.sqrt(1 - similarity ** 2)]], dtype=np.float32)
    ctx = ScoringContext(docs, {c.id: c for c in claims}, {c.id: i for i, c in enumerate(claims)}, vectors,
                         Settings())
    return claims[0], claims[1], ctx


def _figures(claim: Claim) -> list[float]:
    return [q.value for q in claim.quantities]


def _compare(a: Claim, b: Claim, ctx: ScoringContext):
    return QuantityComparator().compare(a, b, ctx)


# ------------------------------------------------------------------ end to end, real model


def test_different_death_tolls_for_the_same_event_are_flagged(run_articles):
    report = run_articles({
        "a.txt": "The earthquake struck the coastal city of Port Elm on Monday.\n"
                 "Officials said 1,200 people were killed in the earthquake.\n",
        "b.txt": "A strong earthquake hit Port Elm this week.\n"
                 "The regional governor reported about 300 people killed in the earthquake.\n",
    })
    flags = flags_between(report, "1,200 people", "about 300 people")
    assert len(flags) == 1
    assert flags[0].kind == "numeric"
    assert "1,200" in flags[0].explanation and "300" in flags[0].explanation
    assert flags[0].score >= 0.6


def test_figures_for_different_groups_score_lower_and_say_so(run_articles):
    report = run_articles({
        "a.txt": "The health ministry said 2,000 people were killed in the fighting.\n",
        "b.txt": "The army said 450 soldiers were killed in the fighting.\n",
        "c.txt": "Hospital staff said 450 people were killed in the fighting.\n",
    })
    scoped = flags_between(report, "2,000 people", "450 soldiers")
    same = flags_between(report, "2,000 people", "450 people")
    assert scoped and same
    assert scoped[0].score < same[0].score
    assert "different scopes" in scoped[0].explanation and "counts soldiers" in scoped[0].explanation


def test_power_of_ten_error_is_a_garbled_number(run_articles):
    report = run_articles({
        "a.txt": "Rescuers said 2,300 people were killed by the flood in the valley.\n"
                 "The aid agency warned that 2,300,000 people had been killed by the flood in the valley.\n",
    })
    flags = flags_between(report, "2,300 people", "2,300,000 people")
    assert [f.kind for f in flags] == ["garbled_number"]
    assert "1,000" in flags[0].explanation


def test_repeated_paragraph_is_one_claim_and_not_flagged_against_itself(run_articles):
    para = "Police said 75 people were arrested during the protest in the capital."
    report = run_articles({"a.txt": f"{para}\nThe march ended peacefully in the evening.\n{para}\n"})
    assert sum(para in c.text for c in report.claims) == 1
    assert report.flags == []


def test_a_running_toll_is_flagged_lower_and_says_it_may_be_an_update(run_articles):
    report = run_articles({
        "a.txt": "By Friday evening the death toll from the blast had risen to 64, the fire service said.\n",
        "b.txt": "The fire service said 20 people were killed in the blast.\n",
        "c.txt": "The fire service said 64 people were killed in the blast.\n",
    })
    running = flags_between(report, "had risen to 64", "20 people")
    plain = flags_between(report, "64 people", "20 people")
    assert running and plain
    assert running[0].score < plain[0].score
    assert "updated" in running[0].explanation


def test_an_added_zero_in_an_unmeasured_figure_is_garbled(run_articles):
    report = run_articles({
        "a.txt": "The new stadium in Harlow Vale seats 4,500 spectators and opened in spring.\n",
        "b.txt": "Built by a regional consortium, the arena has room for 45,000 spectators.\n",
    })
    flags = flags_between(report, "4,500 spectators", "45,000 spectators")
    assert [f.kind for f in flags] == ["garbled_number"]


# ------------------------------------------------------------------ the comparator, hand-built pairs


def test_same_figure_in_words_and_digits_is_not_flagged():
    a, b, ctx = _pair("Officials said 1,200 people were killed in the earthquake.",
                      "The governor said one thousand two hundred people were killed in the quake.")
    assert _figures(a) == _figures(b) == [1200]
    assert _compare(a, b, ctx) is None


def test_a_lower_bound_agrees_with_a_close_figure_but_not_a_far_one():
    lower_bound = "Rescuers said more than 300 people were killed in the floods."
    a, close, ctx = _pair(lower_bound, "The ministry said 320 people were killed in the floods.")
    assert _figures(close) == [320]
    assert _compare(a, close, ctx) is None
    a, far, ctx = _pair(lower_bound, "The ministry said 2,400 people were killed in the floods.")
    flag = _compare(a, far, ctx)
    assert flag is not None and flag.kind == "numeric"


def test_different_measures_are_not_compared():
    a, b, ctx = _pair("At least 40 people were killed in the riots in Norhaven.",
                      "Some 900 people were injured in the riots in Norhaven.")
    assert [q.measure for q in a.quantities] == ["killed"] and [q.measure for q in b.quantities] == ["wounded"]
    assert _compare(a, b, ctx) is None


def test_figures_for_different_years_are_not_flagged():
    a, b, ctx = _pair("In 2019, 40 people were killed in the floods along the river.",
                      "In 2021, 350 people were killed in the floods along the river.")
    assert _figures(a) == [40] and _figures(b) == [350]
    assert _compare(a, b, ctx) is None
    # the same two tolls with no year are flagged: the years are what keeps them apart
    a, b, ctx = _pair("40 people were killed in the floods along the river.",
                      "350 people were killed in the floods along the river.")
    assert _compare(a, b, ctx).kind == "numeric"


def test_breakdowns_by_place_and_parts_of_a_total_are_not_flagged():
    total = "The regional office said 48 people were killed in the landslides."
    a, by_place, ctx = _pair(total, "Officials said 30 people were killed in Kestrel Bay and 18 in Orinda.")
    assert _figures(by_place) == [30, 18]
    assert _compare(a, by_place, ctx) is None
    a, part, ctx = _pair(total, "Among the dead are also seven children, the hospital said.")
    assert _figures(part) == [7]
    assert _compare(a, part, ctx) is None


def test_tolls_on_different_days_are_not_flagged():
    a, b, ctx = _pair("The coast guard said nine people were killed in the storm on Saturday.",
                      "The coast guard said 14 people were killed in the storm on Sunday.")
    assert _figures(a) == [9] and _figures(b) == [14]
    assert _compare(a, b, ctx) is None


def test_a_past_disasters_toll_is_not_compared_with_todays():
    a, b, ctx = _pair("The death toll from the floods rose to 212 on Friday, officials said.",
                      "In 1987, floods in the same valley killed 40 people, officials said.",
                      published="2024-03-03")
    assert _figures(a) == [212] and _figures(b) == [40]
    assert _compare(a, b, ctx) is None


def test_a_measurement_is_not_a_head_count():
    a, b, ctx = _pair("A magnitude 6.4 earthquake killed villagers in the hills, the agency said.",
                      "The agency said 85 people were killed by the earthquake in the hills.")
    assert _figures(a) == [6.4] and _figures(b) == [85]
    assert _compare(a, b, ctx) is None


# ------------------------------------------------------------------ counts of one unit of one thing


def test_pages_of_the_same_documents_disagree():
    a, b, ctx = _pair("The archive catalogued 42,000 pages of the composer's sketches from the estate.",
                      "Crates holding 38,000 pages of handwritten sketches reached the archive in May.", SAME_EVENT)
    flag = _compare(a, b, ctx)
    assert flag is not None and flag.kind == "numeric"


def test_a_hyphenated_count_is_compared():
    a, b, ctx = _pair("The mayor read the 52-word pledge on the steps of the old library.",
                      "Standing on the library steps, the mayor recited a 56-word pledge.", SAME_EVENT)
    flag = _compare(a, b, ctx)
    assert flag is not None and flag.kind == "numeric"


def test_pages_of_different_things_are_not_compared():
    a, b, ctx = _pair("The archive catalogued 42,000 pages of the composer's sketches from the estate.",
                      "The inquiry published 300 pages of witness testimony on Friday.", SAME_EVENT)
    assert _figures(a) == [42000] and _figures(b) == [300]
    assert _compare(a, b, ctx) is None


def test_what_counted_things_did_is_not_what_they_are():
    # the provinces that banned one thing and those that banned another are two counts
    a, b, ctx = _pair("To date, 31 provinces and the capital district have banned night fishing for sport.",
                      "Six provinces have banned commercial trawling by licensed crews, though the capital's "
                      "rules face a challenge in the high court.", SAME_EVENT)
    assert _figures(a) == [31] and _figures(b) == [6]
    assert _compare(a, b, ctx) is None


def test_small_counts_a_power_of_ten_apart_are_two_figures_not_a_garbled_one():
    a, b, ctx = _pair("Investigators questioned 30 people who had worked at the depot.",
                      "Investigators questioned three people who had worked at the depot on the night shift.")
    assert _compare(a, b, ctx).kind == "numeric"
    # from min_garbled_value up, the same power of ten is a garbled figure
    a, b, ctx = _pair("Investigators questioned 300 people who had worked at the depot.",
                      "Investigators questioned 30 people who had worked at the depot on the night shift.")
    assert _compare(a, b, ctx).kind == "garbled_number"
