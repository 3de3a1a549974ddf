"""Numbers: different tolls are flagged; agreeing, bounded or differently scoped figures are not."""
from conftest import flags_between


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


def test_same_figure_in_words_and_digits_is_not_flagged(run_articles):
    report = run_articles({
        "a.txt": "Officials said 1,200 people were killed in the earthquake.\n",
        "b.txt": "The governor said one thousand two hundred people were killed in the quake.\n",
    })
    assert report.flags == []


def test_a_lower_bound_agrees_with_a_close_figure_but_not_a_far_one(run_articles):
    close = run_articles({
        "a.txt": "Rescuers said more than 300 people were killed in the floods.\n",
        "b.txt": "The ministry said 320 people were killed in the floods.\n",
    })
    assert close.flags == []
    far = run_articles({
        "c.txt": "Rescuers said more than 300 people were killed in the floods.\n",
        "d.txt": "The ministry said 2,400 people were killed in the floods.\n",
    })
    assert [f.kind for f in far.flags] == ["numeric"]


def test_different_measures_are_not_compared(run_articles):
    report = run_articles({
        "a.txt": "At least 40 people were killed in the riots in Norhaven.\n",
        "b.txt": "Some 900 people were injured in the riots in Norhaven.\n",
    })
    assert report.flags == []


def test_figures_for_different_years_are_not_flagged(run_articles):
    report = run_articles({
        "a.txt": "In 2019, 40 people were killed in the floods along the river.\n",
        "b.txt": "In 2021, 350 people were killed in the floods along the river.\n",
    })
    assert report.flags == []


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


def test_repeated_paragraph_is_not_flagged_against_itself(run_articles):
    para = "Police said 75 people were arrested during the protest in the capital."
    report = run_articles({"a.txt": f"{para}\nThe march ended peacefully in the evening.\n{para}\n"})
    assert report.flags == []
    assert sum(para in c.text for c in report.claims) == 1


def test_breakdowns_by_place_and_parts_of_a_total_are_not_flagged(run_articles):
    report = run_articles({
        "a.txt": "The regional office said 48 people were killed in the landslides.\n",
        "b.txt": "Officials said 30 people were killed in Kestrel Bay and 18 in Orinda.\n"
                 "Among the dead are also seven children, the hospital said.\n",
    })
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


def test_tolls_on_different_days_are_not_flagged(run_articles):
    report = run_articles({
        "a.txt": "The coast guard said nine people were killed in the storm on Saturday.\n",
        "b.txt": "The coast guard said 14 people were killed in the storm on Sunday.\n",
    })
    assert [f for f in report.flags if f.kind == "numeric"] == []


def test_an_added_zero_in_an_unmeasured_figure_is_garbled(run_articles):
    report = run_articles({
        "a.txt": "The new stadium in Harlow Vale seats 4,500 spectators and opened in spring.\n",
        "b.txt": "Built by a regional consortium, the arena has room for 45,000 spectators.\n",
    })
    flags = flags_between(report, "4,500 spectators", "45,000 spectators")
    assert [f.kind for f in flags] == ["garbled_number"]


def test_a_past_disasters_toll_is_not_compared_with_todays(run_articles):
    report = run_articles({
        "a.txt": "Published: March 3, 2024\nThe death toll from the floods rose to 212 on Friday, officials said.\n",
        "b.txt": "Published: March 3, 2024\nIn 1987, floods in the same valley killed 40 people, officials said.\n",
    })
    assert report.flags == []


def test_a_measurement_is_not_a_head_count(run_articles):
    report = run_articles({
        "a.txt": "A magnitude 6.4 earthquake killed villagers in the hills, the agency said.\n",
        "b.txt": "The agency said 85 people were killed by the earthquake in the hills.\n",
    })
    assert report.flags == []


# ------------------------------------------------------------------ counts of one unit of one thing
from conftest import claim_with  # noqa: E402

from claims.compare import QuantityComparator  # noqa: E402


def test_pages_of_the_same_documents_disagree(corpus):
    claims, ctx = corpus({
        "a.md": ("The archive catalogued 42,000 pages of the composer's sketches from the estate.\n", None),
        "b.md": ("Crates holding 38,000 pages of handwritten sketches reached the archive in May.\n", None),
    })
    flag = QuantityComparator().compare(claim_with(claims, "42,000"), claim_with(claims, "38,000"), ctx)
    assert flag is not None and flag.kind == "numeric"


def test_a_hyphenated_count_is_compared(corpus):
    claims, ctx = corpus({
        "a.md": ("The mayor read the 52-word pledge on the steps of the old library.\n", None),
        "b.md": ("Standing on the library steps, the mayor recited a 56-word pledge.\n", None),
    })
    flag = QuantityComparator().compare(claim_with(claims, "52-word"), claim_with(claims, "56-word"), ctx)
    assert flag is not None


def test_pages_of_different_things_are_not_compared(corpus):
    claims, ctx = corpus({
        "a.md": ("The archive catalogued 42,000 pages of the composer's sketches from the estate.\n", None),
        "b.md": ("The inquiry published 300 pages of witness testimony on Friday.\n", None),
    })
    assert QuantityComparator().compare(claim_with(claims, "42,000"), claim_with(claims, "300 pages"), ctx) is None


def test_what_counted_things_did_is_not_what_they_are(corpus):
    # the states that legalized one thing and those that legalized another are two counts
    claims, ctx = corpus({
        "a.md": ("To date, 31 provinces and the capital district have banned night fishing for sport.\n", None),
        "b.md": ("Six provinces have banned commercial trawling by licensed crews, though the capital's "
                 "rules face a challenge in the high court.\n", None),
    })
    assert QuantityComparator().compare(claim_with(claims, "31 provinces"), claim_with(claims, "Six"), ctx) is None


def test_small_counts_a_power_of_ten_apart_are_not_garbled(corpus):
    claims, ctx = corpus({
        "a.md": ("Investigators questioned 30 people who had worked at the depot.\n", None),
        "b.md": ("Investigators questioned three people who had worked at the depot on the night shift.\n", None),
    })
    flag = QuantityComparator().compare(claim_with(claims, "30 people"), claim_with(claims, "three people"), ctx)
    assert flag is None or flag.kind != "garbled_number"
