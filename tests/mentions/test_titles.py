"""Titles tied to their holders on invented sentences, and which two offices cannot both be right."""
import pytest

from claims.mentions import offices
from claims.mentions.titles import TitleReader, differ


def read(parser, text, offset=0):
    mentions = TitleReader().read(parser(text), offset, None)
    for m in mentions:
        assert text[m.start - offset:m.end - offset] == m.text
    return mentions


def only(parser, text):
    found = read(parser, text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


# --- reading -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, office, holder", [
    ("President Amara Osei opened the summit.", "president", "osei"),
    ("Osei, the prime minister, opened the summit.", "prime minister", "osei"),
    ("The Foreign Minister, Amara Osei, opened the summit.", "foreign minister", "osei"),
    ("Osei was named defense secretary in March.", "secretary of defense", "osei"),
    ("Osei served as mayor for a decade.", "mayor", "osei"),
    ("Rep. Dana Whitcomb voted against it.", "representative", "whitcomb"),
    ("Congresswoman Dana Whitcomb voted against it.", "representative", "whitcomb"),
    ("Atty. Gen. Dana Whitcomb filed the suit.", "attorney general", "whitcomb"),
    ("Lt. Gen. Ravi Menon inspected the base.", "lieutenant general", "menon"),
])
def test_office_normalised_and_tied_to_its_holder(parser, text, office, holder):
    m = only(parser, text)
    assert (m.value, m.holder) == (office, holder)


def test_senator_with_party_and_state(parser):
    m = only(parser, "Sen. Omar Feld (R-N.M.) blocked the bill.")
    assert (m.value, m.holder, m.org, m.features["party"]) == ("senator", "feld", "nm", "R")


def test_organisation_of_the_office(parser):
    assert only(parser, "Ines Berglund, the chairwoman of the Harbor Commission, resigned.").org == "harbor commission"
    m = only(parser, "Senate Majority Leader Ines Berglund scheduled the vote.")
    assert (m.value, m.org, m.holder) == ("majority leader", "senate", "berglund")


def test_who_chairs_names_an_office(parser):
    m = only(parser, "Feld, who chairs the Senate Agriculture Committee, objected.")
    assert (m.value, m.holder, m.org) == ("chair", "feld", "senate agriculture committee")


def test_standing_words_are_features_not_offices(parser):
    former = only(parser, "Lena Mattsson, a former governor, endorsed him.")
    assert (former.value, former.features["former"], former.holder) == ("governor", True, "mattsson")
    acting = only(parser, "Mattsson is now the acting Labor Secretary.")
    assert (acting.value, acting.features["acting"]) == ("secretary of labor", True)
    elect = only(parser, "Governor-elect Lena Mattsson named her cabinet.")
    assert (elect.value, elect.features["elect"]) == ("governor", True)
    deputy = only(parser, "Deputy Mayor Lena Mattsson cut the ribbon.")
    assert (deputy.value, deputy.features["office"], deputy.features["deputy"]) == ("deputy mayor", "mayor", True)


@pytest.mark.parametrize("text", [
    "The general public was not consulted.",
    "Fans hope to head home before the storm.",
])
def test_office_words_used_otherwise_are_no_titles(parser, text):
    assert read(parser, text) == []


def test_a_possessive_name_is_not_the_holder(parser):
    m = only(parser, "Mattsson's chief of staff, Piotr Zielinski, resigned.")
    assert (m.value, m.holder) == ("chief of staff", "zielinski")


# --- differ ------------------------------------------------------------------------------------------

def title(parser, text):
    return only(parser, text)


@pytest.mark.parametrize("a, b, reason", [
    ("Sen. Omar Feld spoke.", "Rep. Omar Feld spoke.", "“Sen.” vs “Rep.” (senator vs representative)"),
    ("Majority Leader Omar Feld spoke.", "Majority Whip Omar Feld spoke.",
     "“Majority Leader” vs “Majority Whip” (majority leader vs majority whip)"),
    ("Mayor Omar Feld spoke.", "Deputy Mayor Omar Feld spoke.", "“Mayor” vs “Deputy Mayor” (mayor vs deputy mayor)"),
    ("Gov. Omar Feld spoke.", "Lt. Gov. Omar Feld spoke.", "“Gov.” vs “Lt. Gov.” (governor vs lieutenant governor)"),
    ("CEO Omar Feld spoke.", "Chief Financial Officer Omar Feld spoke.",
     "“CEO” vs “Chief Financial Officer” (chief executive vs chief financial officer)"),
])
def test_different_offices_conflict(parser, a, b, reason):
    ma, mb = title(parser, a), title(parser, b)
    assert differ(ma, mb) == reason
    assert differ(mb, ma) is not None


@pytest.mark.parametrize("a, b", [
    ("Former Gov. Omar Feld spoke.", "Gov. Omar Feld spoke."),  # two times
    ("Senator-elect Omar Feld spoke.", "Sen. Omar Feld spoke."),
    ("Chief Executive Omar Feld spoke.", "CEO Omar Feld spoke."),
    ("Secretary of State Omar Feld spoke.", "Secretary Omar Feld spoke."),
    ("Leader Omar Feld spoke.", "Majority Leader Omar Feld spoke."),  # the more specific form
    ("Sen. Omar Feld spoke.", "Feld, who chairs the Senate Agriculture Committee, spoke."),  # two groups
    ("Gen. Omar Feld spoke.", "Omar Feld, the commander of the fleet, spoke."),
    ("Acting Director Omar Feld spoke.", "Director Omar Feld spoke."),
    ("Feld, a former senator, spoke.", "Feld, a former governor, spoke."),  # a career
])
def test_compatible_offices_do_not_differ(parser, a, b):
    ma, mb = title(parser, a), title(parser, b)
    assert differ(ma, mb) is None and differ(mb, ma) is None


def test_same_office_of_two_different_states(parser):
    a = title(parser, "Omar Feld, the governor of Rhode Island, spoke.")
    b = title(parser, "Omar Feld, the governor of Manitoba, spoke.")
    assert differ(a, b) == "“governor” vs “governor”: governor of rhode island vs of manitoba"
    c = title(parser, "Omar Feld, the governor of Rhode Island state, spoke.")
    assert differ(a, c) is None


def test_vocabulary_is_data_with_every_office_in_a_group():
    assert offices.normalise("Sen.") == "senator"
    assert offices.normalise("congresswoman") == "representative"
    assert offices.normalise("Defense Secretary", "Defense") == "secretary of defense"
    assert offices.normalise("minister of health", "health") == "health minister"
    assert all(offices.group(o) in ("post", "chamber", "company", "rank", "generic") for o in offices.OFFICES)


def test_then_before_the_organisation_marks_a_past_office(parser):
    m = only(parser, "Then-NASA Administrator Dana Whitcomb approved the launch.")
    assert (m.value, m.org, m.holder, m.features["former"]) == ("administrator", "nasa", "whitcomb", True)


def test_a_title_the_tagger_put_inside_an_organisation_still_has_its_holder(parser):
    m = only(parser, "An endorsement from Sheriff Okonjo will help him.")
    assert (m.value, m.holder) == ("sheriff", "okonjo")
