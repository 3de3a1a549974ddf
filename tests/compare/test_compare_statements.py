"""Dates and negations in near-identical statements."""
from conftest import flags_between


def test_same_event_on_different_dates_is_flagged(run_articles):
    report = run_articles({
        "a.txt": "The new bridge over the Tamber river was opened to traffic on March 3, 2015.\n",
        "b.txt": "The new bridge over the Tamber river was opened to traffic on March 3, 2017.\n",
    })
    flags = flags_between(report, "2015", "2017")
    assert [f.kind for f in flags] == ["date"]


def test_compatible_dates_are_not_flagged(run_articles):
    report = run_articles({
        "a.txt": "The bridge over the Tamber river was opened to traffic in early March 2015.\n",
        "b.txt": "The bridge over the Tamber river was opened to traffic on March 3, 2015.\n",
    })
    assert report.flags == []


def test_asserted_and_denied_statement_is_flagged(run_articles):
    report = run_articles({
        "a.txt": "The mining company confirmed that the copper smelter will close next year.\n",
        "b.txt": "The mining company confirmed that the copper smelter will not close next year.\n",
    })
    flags = flags_between(report, "will close", "will not close")
    assert [f.kind for f in flags] == ["negation"]


def test_paraphrases_that_agree_are_not_flagged(run_articles):
    report = run_articles({
        "a.txt": "The navy operates a large base on the island and supplies fuel to the garrison.\n",
        "b.txt": "The navy maintains several bases on the island.\n",
    })
    assert report.flags == []


DENIAL = {
    "a.txt": "Governor Lena Ortiz declared a state of emergency in the northern districts on Monday "
             "and ordered schools closed.\n",
    "b.txt": "Despite the damage, the provincial government has not declared a state of emergency, "
             "a decision criticised by local mayors.\n",
}


def test_a_denial_worded_differently_is_flagged_when_the_rule_is_asked_for(run_articles):
    from claims.compare import default_settings

    settings = default_settings()
    settings.section("negation").denial_rule = True
    report = run_articles(DENIAL, settings=settings)
    flags = [f for f in report.flags if f.kind == "negation"]
    assert len(flags) == 1


def test_the_denial_rule_is_off_by_default(run_articles):
    # on real news it paired unrelated statements that share a few words (0 of 62 right)
    assert [f for f in run_articles(DENIAL).flags if f.kind == "negation"] == []


def test_a_quote_beside_its_paraphrase_is_not_a_negation(run_articles):
    report = run_articles({
        "a.txt": "“The pier was never closed to the ferries,” the harbour master told the inquiry.\n",
        "b.txt": "The harbour master told the inquiry that the pier had never been closed to the ferries.\n",
        "c.txt": "The pier was closed to the ferries for a week in May, the inquiry found.\n",
    })
    assert [f for f in report.flags if f.kind == "negation"] == []


def test_a_negation_about_something_else_is_not_flagged(run_articles):
    report = run_articles({
        "a.txt": "Governor Lena Ortiz declared a state of emergency in the northern districts on Monday.\n",
        "b.txt": "The provincial government has not released the names of the victims, police said.\n",
    })
    assert [f for f in report.flags if f.kind == "negation"] == []
