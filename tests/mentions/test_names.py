"""People, places and organisations on invented sentences, and when two names are one name misspelt."""
import pytest

from claims.mentions.base import Mention
from claims.mentions.names import NameReader, differ, fold, person_key, place_key, resolve_people, split_name


def read(parser, text, offset=0):
    mentions = NameReader().read(parser(text), offset, None)
    for m in mentions:
        assert text[m.start - offset:m.end - offset] == m.text
    return mentions


def people(parser, text):
    return [m for m in read(parser, text) if m.kind == "person"]


def person(text, first=""):
    """A person mention as the reader makes one (for differ)."""
    return Mention(kind="person", start=0, end=len(text), text=text, value=text, key=person_key(text),
                   features={"first": fold(split_name(text)[0]).rstrip(".") if " " in text else first,
                             "honorific": ""})


def place(text, kind="place"):
    return Mention(kind=kind, start=0, end=len(text), text=text, value=text, key=place_key(text))


# --- reading -----------------------------------------------------------------------------------------

def test_a_title_and_a_possessive_are_not_part_of_the_name(parser):
    [m] = people(parser, "Former Gov. Marta Lindqvist's office declined to comment.")
    assert (m.text, m.value, m.key, m.features["first"]) == ("Marta Lindqvist", "Marta Lindqvist", "lindqvist", "marta")


def test_surname_key_folds_accents(parser):
    [m] = people(parser, "The ruling was welcomed by Tomás Ibáñez on Monday.")
    assert m.key == "ibanez"


def test_honorific_and_bare_surname(parser):
    [m] = people(parser, "Mrs. Okonkwo was seen leaving the building.")
    assert m.key == "okonkwo" and m.features["honorific"] == "mrs" and m.text == "Okonkwo"


def test_a_who_clause_makes_a_person_whatever_the_tagger_said(parser):
    found = people(parser, "Halvorsen, who chairs the zoning board, opposed the plan.")
    assert [m.key for m in found] == ["halvorsen"]


def test_a_name_in_apposition_to_an_office_is_a_person(parser):
    found = people(parser, "Its treasurer, Ines Berglund, resigned.")
    assert [m.key for m in found] == ["berglund"]


def test_surname_particles_and_suffixes(parser):
    assert split_name("Pieter van der Heide Jr.") == ("Pieter", "van der Heide")
    assert person_key("Pieter van der Heide Jr.") == "van der heide"


def test_places_and_organisations_keyed_without_the(parser):
    found = {(m.kind, m.key) for m in read(parser, "Flooding in Uruguay forced the World Bank to delay the loan.")}
    assert found == {("place", "uruguay"), ("org", "world bank")}


def test_an_organisation_word_at_the_end_is_no_person(parser):
    found = read(parser, "Analysts at Brightwater Labs expect a rebound.")
    assert [m.kind for m in found if m.key == "brightwater labs"] == ["org"]


def test_offsets_are_absolute(parser):
    [m] = people(parser, "Dr. Annika Solberg spoke first.")
    [n] = [x for x in NameReader().read(parser("Dr. Annika Solberg spoke first."), 100, None) if x.kind == "person"]
    assert (n.start, n.end) == (m.start + 100, m.end + 100)


# --- differ ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("Lindqvist", "Lindquist"),  # one letter
    ("Wojciechowski", "Wojciehowsky"),  # two in a long name
    ("Greta Halvorsen", "Halvorson"),
])
def test_one_name_spelt_two_ways(a, b):
    reason = differ(person(a), person(b))
    assert reason == f"“{a}” vs “{b}”"
    assert differ(person(b), person(a)) == f"“{b}” vs “{a}”"


@pytest.mark.parametrize("a, b", [
    ("Greta Halvorsen", "Nils Halvorsen"),  # two people who share a surname
    ("Nils Halvorsen", "Greta Halvorson"),  # and two people whose surnames are near
    ("Bill Ferreira", "William Ferreira"),  # a nickname
    ("Halvorsen", "Greta Halvorsen"),  # a bare surname and the full name
    ("G. Halvorsen", "Greta Halvorsen"),  # an initial
    ("Lutz", "Lotze"),  # a short name two letters away: another name
    ("Ortega", "Okafor"),  # plainly different names
])
def test_different_people_or_the_same_name_do_not_differ(a, b):
    assert differ(person(a), person(b)) is None
    assert differ(person(b), person(a)) is None


def test_mr_and_mrs_are_two_people():
    mr = Mention(kind="person", start=0, end=5, text="Brand", value="Brand", key="brand",
                 features={"first": "", "honorific": "mr"})
    mrs = Mention(kind="person", start=0, end=5, text="Brandt", value="Brandt", key="brandt",
                  features={"first": "", "honorific": "mrs"})
    assert differ(mr, mrs) is None


def test_a_first_name_spelt_two_ways():
    assert differ(person("Katharina Moser"), person("Catharina Moser")) == "“Katharina Moser” vs “Catharina Moser”"


@pytest.mark.parametrize("a, b", [("Iran", "Iraq"), ("Austria", "Australia"), ("Dakar", "Dhaka")])
def test_real_places_a_few_letters_apart_do_not_differ(a, b):
    assert differ(place(a), place(b)) is None


def test_a_misspelt_place_or_organisation_differs():
    assert differ(place("Montevideo"), place("Montevidio")) == "“Montevideo” vs “Montevidio”"
    assert differ(place("the Hadley Foundation", "org"), place("Hadly Foundation", "org")) == \
        "“the Hadley Foundation” vs “Hadly Foundation”"
    assert differ(place("the Hadley Foundation", "org"), place("Hadley Foundation", "org")) is None


def test_different_kinds_never_differ():
    assert differ(person("Jordan"), place("Jordan")) is None


def test_a_plural_proper_noun_is_a_group_not_a_person(parser):
    assert all(m.key != "republicans" or m.kind != "person"
               for m in read(parser, "Republicans in the state senate blocked the measure."))


def test_leading_words_before_a_title_are_not_part_of_the_name(parser):
    [m] = people(parser, "RI Gov Dana Whitcomb signed the bill.")
    assert (m.text, m.key) == ("Dana Whitcomb", "whitcomb")


def test_an_article_resolves_a_surname_tagged_as_an_organisation():
    named = person("Ines Berglund")
    as_org = place("Berglund", "org")
    other_org = place("Hadley Foundation", "org")
    resolved = resolve_people([named, as_org, other_org])
    assert [m.kind for m in resolved] == ["person", "person", "org"]
    assert resolved[1].features["relabelled"] == "org"


def test_a_surname_with_its_capitals_moved_is_one_name_spelt_two_ways(parser):
    from claims.mentions.names import NameReader, differ

    reader = NameReader()
    a = [m for m in reader.read(parser("Spokesman Tomas DeWitt declined to comment."), 0, None) if m.kind == "person"]
    b = [m for m in reader.read(parser("Tomas Dewitt said the plan was final."), 0, None) if m.kind == "person"]
    caps = [m for m in reader.read(parser("TOMAS DEWITT RESIGNS"), 0, None) if m.kind == "person"]
    assert a and b
    assert differ(a[0], b[0])
    assert differ(a[0], a[0]) is None
    if caps:  # a headline set in capitals is a style, not a spelling
        assert differ(a[0], caps[0]) is None


def test_inflections_and_demonyms_are_other_words_not_other_spellings():
    from claims.mentions.names import _spelling_variants, inflected

    assert inflected("okafor", "okafors") and inflected("kenya", "kenyan")
    assert not _spelling_variants("okafor", "okafors", 2)
    assert not inflected("lindqvist", "lindqvust")
    assert _spelling_variants("lindqvist", "lindqvust", 2)


def test_short_surnames_a_letter_apart_are_two_people():
    from claims.mentions.names import edit_budget

    assert edit_budget("carr") == 0 and edit_budget("dalby") == 0
    assert edit_budget("lindqvist") >= 1
