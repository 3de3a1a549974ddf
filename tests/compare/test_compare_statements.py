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


def test_a_denial_of_the_same_act_is_flagged_even_when_worded_differently(run_articles):
    report = run_articles({
        "a.txt": "Governor Lena Ortiz declared a state of emergency in the northern districts on Monday "
                 "and ordered schools closed.\n",
        "b.txt": "Despite the damage, the provincial government has not declared a state of emergency, "
                 "a decision criticised by local mayors.\n",
    })
    flags = [f for f in report.flags if f.kind == "negation"]
    assert len(flags) == 1


def test_a_negation_about_something_else_is_not_flagged(run_articles):
    report = run_articles({
        "a.txt": "Governor Lena Ortiz declared a state of emergency in the northern districts on Monday.\n",
        "b.txt": "The provincial government has not released the names of the victims, police said.\n",
    })
    assert [f for f in report.flags if f.kind == "negation"] == []
