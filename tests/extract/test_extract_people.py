"""claims.extract.people: who is named, and the office the text gives them now.

A role disagreement ("Prime Minister Roe" vs "President Roe") is only real if
the name is clean (no title glued to it) and a former office is not read as a
current one.
"""
from __future__ import annotations

import pytest

from claims.extract.people import extract_people


def only(text: str, **kw):
    found = extract_people(text, **kw)
    assert len(found) == 1, found
    return found[0]


def test_title_before_name_with_a_country_adjective():
    text = "Acme Prime Minister Jane Roe opened the new bridge."
    p = only(text)
    assert p.name == "Jane Roe" and p.surname == "Roe"
    assert p.role == "prime minister"
    assert "Prime Minister" in p.role_text
    assert text[p.role_start : p.role_end] == p.role_text


def test_title_of_a_country_then_name_in_commas():
    text = "The president of Ruritania, John Smith, said talks had failed."
    p = only(text)
    assert p.name == "John Smith"
    assert p.role == "president"
    assert text[p.role_start : p.role_end].lower() == "president"


def test_name_then_appositive_title():
    text = "Mary Major, a Boston-based analyst, expects prices to rise."
    p = only(text)
    assert p.name == "Mary Major"
    assert p.role == "analyst"


@pytest.mark.parametrize("text", ["Smith said the port was closed.", "Smith told reporters the port was closed."])
def test_surname_speaker_without_role(text):
    p = only(text)
    assert p.name == "Smith" and p.surname == "Smith"
    assert p.role is None


def test_according_to_names_the_source():
    p = only("According to Carla Duarte, the port was closed.")
    assert p.name == "Carla Duarte" and p.role is None


def test_title_is_not_part_of_the_name():
    p = only("President Helena Marsh visited the flooded towns.")
    assert p.name == "Helena Marsh"
    assert p.role == "president"


def test_speaker_with_title_keeps_role_and_clean_name():
    p = only("President Helena Marsh said the towns would be rebuilt.")
    assert p.name == "Helena Marsh"
    assert p.role == "president"


@pytest.mark.parametrize(
    "text",
    [
        "Former President Lena Ortiz said the bridge was safe.",
        "former President Lena Ortiz opened the bridge.",
        "Ex-President Lena Ortiz said the bridge was safe.",
        "The late King Lena Ortiz opened the bridge.",
    ],
)
def test_former_office_is_not_a_current_role(text):
    p = only(text)
    assert p.name == "Lena Ortiz"
    assert p.role is None and p.role_text is None


def test_several_people_each_with_their_own_role():
    text = "Interior Minister Lena Ortiz and Senator Paul Brandt met Governor Ana Lutz."
    found = extract_people(text)
    assert [(p.name, p.role) for p in found] == [
        ("Lena Ortiz", "interior minister"),
        ("Paul Brandt", "senator"),
        ("Ana Lutz", "governor"),
    ]


def test_vice_president_is_not_president():
    p = only("Vice President Omar Castell toured the port.")
    assert p.role == "vice president"


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was closed for repairs.",
        "On Monday the council met again.",
        "The president said nothing.",
    ],
)
def test_no_person_without_a_name(text):
    assert extract_people(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Acme Prime Minister Jane Roe opened the new bridge.",
        "The president of Ruritania, John Smith, said talks had failed.",
        "Mary Major, a Boston-based analyst, said Smith was wrong.",
        "Former President Lena Ortiz met Governor Ana Lutz.",
    ],
)
def test_offsets_index_the_text_and_shift_with_offset(text):
    prefix = "Some earlier paragraph text. "
    doc = prefix + text
    plain = extract_people(text)
    shifted = extract_people(text, len(prefix))
    assert plain and len(plain) == len(shifted)
    for p, s in zip(plain, shifted):
        assert text[p.start : p.end] == p.text
        assert doc[s.start : s.end] == s.text == p.text
        assert p.name.split()[-1] in p.text
        if s.role is not None:
            assert doc[s.role_start : s.role_end] == s.role_text
            assert s.start <= s.role_start < s.role_end <= s.end
