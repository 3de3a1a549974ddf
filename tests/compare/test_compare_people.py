"""Titles and spellings of people's names."""
from conftest import flags_between


def test_one_person_with_two_offices_is_flagged(run_articles):
    report = run_articles({
        "a.txt": "Ruritanian President Anna Kovac arrived in the capital on Tuesday for the summit.\n",
        "b.txt": "Prime Minister Anna Kovac told reporters that the summit had been a success.\n",
    })
    flags = flags_between(report, "President Anna Kovac", "Prime Minister Anna Kovac")
    assert [f.kind for f in flags] == ["role"]
    assert "president" in flags[0].explanation and "prime minister" in flags[0].explanation


def test_same_title_or_a_former_title_is_not_flagged(run_articles):
    report = run_articles({
        "a.txt": "Ruritanian President Anna Kovac arrived in the capital on Tuesday for the summit.\n",
        "b.txt": "President Anna Kovac told reporters that the summit had been a success.\n",
        "c.txt": "Former Prime Minister Anna Kovac once led the opposition party for a decade.\n",
    })
    assert [f for f in report.flags if f.kind == "role"] == []


def test_one_name_spelled_two_ways_is_flagged(run_articles):
    report = run_articles({
        "a.txt": "Marcus Feldheimer, a spokesman for the port authority, said the docks would reopen.\n"
                 "The terminal has been closed for repairs since the storm hit the harbour.\n"
                 "Feldhiemer said the repairs were ahead of schedule.\n",
    })
    flags = flags_between(report, "Marcus Feldheimer", "Feldhiemer said")
    assert [f.kind for f in flags] == ["entity_name"]


def test_different_first_names_are_different_people(run_articles):
    report = run_articles({
        "a.txt": "John Harlan, a senior economist at the bank, expects rates to fall.\n"
                 "Jane Harlen, an analyst at a rival bank, expects rates to rise next year.\n",
    })
    assert [f for f in report.flags if f.kind == "entity_name"] == []


def test_two_portfolios_for_one_minister_are_flagged_but_a_bare_minister_is_not(run_articles):
    report = run_articles({
        "a.txt": "Health Minister Oskar Lindqvist visited the flooded clinics on Monday.\n",
        "b.txt": "Finance Minister Oskar Lindqvist promised emergency funds for the clinics.\n",
        "c.txt": "Minister Oskar Lindqvist thanked the volunteers at the clinics.\n",
    })
    roles = [f for f in report.flags if f.kind == "role"]
    assert len(roles) == 1
    assert "health minister" in roles[0].explanation and "finance minister" in roles[0].explanation


def test_names_with_diacritics_are_read_whole(run_articles):
    report = run_articles({
        "a.txt": "President Željka Marić opened the new bridge over the river on Friday.\n",
        "b.txt": "Prime Minister Željka Marić said the bridge had cost less than planned.\n",
    })
    flags = [f for f in report.flags if f.kind == "role"]
    assert len(flags) == 1 and "Željka Marić" in flags[0].explanation


def test_a_misspelling_is_paired_with_the_same_person_not_a_namesake(run_articles):
    report = run_articles({
        "a.txt": "Prime Minister Viktor Halvorssen said the aid would arrive by Friday.\n"
                 "“We lost everything,” said Maja Halvorsen, a teacher from the coast.\n",
        "b.txt": "Prime Minister Viktor Halvorsen thanked the rescue teams on Thursday.\n",
    })
    flags = [f for f in report.flags if f.kind == "entity_name"]
    assert flags and all("Maja" not in f.explanation for f in flags)


def test_a_namesake_without_an_office_does_not_hide_a_title_conflict(run_articles):
    report = run_articles({
        "a.txt": "Interior Minister Karl Brandt visited the shelters on Monday.\n"
                 "“We lost our house,” said Emma Brandt, a nurse from the valley.\n",
        "b.txt": "Defence Minister Karl Brandt promised army engineers to rebuild the bridges.\n",
    })
    roles = [f for f in report.flags if f.kind == "role"]
    assert len(roles) == 1 and "Karl Brandt" in roles[0].explanation


# ------------------------------------------------------------------ rules on fixed claims (no pipeline run)
from claims.compare import EntityNameComparator, RoleComparator  # noqa: E402


def _names(corpus, *texts):
    claims, ctx = corpus({f"{i}.md": (t, None) for i, t in enumerate(texts)})
    return EntityNameComparator().find(claims, ctx)


def test_a_first_name_misspelt_is_flagged(corpus):
    flags = _names(corpus, "Harbour commissioner Rodrigo Almarza said the quay would reopen.\n",
                   "Harbour commissioner Rodirgo Almarza told the board the quay was safe.\n")
    assert len(flags) == 1 and "Rodirgo" in flags[0].explanation


def test_first_names_differing_at_the_end_are_two_people(corpus):
    assert _names(corpus, "Economist Maria Lindqvist, a senior fellow, expects growth.\n",
                  "Economist Mario Lindqvist, a professor, expects a recession.\n") == []


def test_a_nickname_is_not_a_misspelling(corpus):
    assert _names(corpus, "Senator William Hartigan said the bill would pass.\n",
                  "Sen. Bill Hartigan told reporters the bill would pass.\n") == []


def test_a_surname_capitalised_two_ways_is_flagged(corpus):
    flags = _names(corpus, "Port spokesman Theo DeMarco opened the new ferry terminal.\n"
                           "The terminal cost less than planned, Demarco said.\n")
    assert len(flags) == 1 and flags[0].kind == "entity_name"


def test_a_surname_shouted_in_capitals_is_not_a_variant(corpus):
    assert _names(corpus, "Port spokesman Theo DeMarco opened the new ferry terminal.\n",
                  "DEMARCO SAID NOTHING MORE, the station reported.\n") == []


def test_a_dropped_apostrophe_prefix_is_flagged(corpus):
    flags = _names(corpus, "Harbour engineer Aidan O’Callaghan inspected the pier on Saturday.\n"
                           "Callaghan found two cracked pylons under the deck.\n")
    assert len(flags) == 1 and "O’Callaghan" in flags[0].explanation


def _roles(corpus, *texts):
    claims, ctx = corpus({f"{i}.md": (t, None) for i, t in enumerate(texts)})
    return RoleComparator().find(claims, ctx)


def test_chief_executive_and_president_of_one_company_disagree(corpus):
    flags = _roles(corpus, "Bakery chain CEO Hanna Voss said the stores would stay open.\n",
                   "Bakery chain president Hanna Voss said the stores would stay open.\n")
    assert len(flags) == 1 and "chief executive" in flags[0].explanation


def test_president_and_chief_executive_held_together_is_no_conflict(corpus):
    assert _roles(corpus, "Bakery chain CEO Hanna Voss said the stores would stay open.\n",
                  "Bakery chain president Hanna Voss said the stores would stay open.\n",
                  "Hanna Voss, the president and chief executive of the chain, declined to comment.\n") == []


def test_a_plural_of_a_name_like_word_is_not_a_second_spelling(corpus):
    assert _names(corpus, "The league's top Ranger said the pitch would reopen.\n",
                  "Some leading Rangers said the pitch would stay shut.\n") == []


def test_accents_and_apostrophe_shapes_are_accepted_spellings(corpus):
    assert _names(corpus, "Harbour master Andrés Quiñonez said the quay would reopen.\n"
                          "Mr. O'Dowd told reporters the plan was sound.\n",
                  "Harbour master Andres Quinonez told the board the quay would reopen.\n"
                  "Ciaran O’Dowd, the party's treasurer, said the plan was sound.\n") == []
