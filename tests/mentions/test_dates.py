"""Dates placed on the calendar and tied to their event, on invented sentences.

Every sentence is read as if published on Thursday 10 June 2021 unless it says otherwise.
"""
import datetime as dt

import pytest

from claims.mentions.base import DateSpan, Mention
from claims.mentions.dates import DateReader, differ

PUBLISHED = dt.date(2021, 6, 10)  # a Thursday


def read(parser, text, published=PUBLISHED, offset=0):
    mentions = DateReader().read(parser(text), offset, published)
    for m in mentions:
        assert text[m.start - offset:m.end - offset] == m.text
    return mentions


def only(parser, text, published=PUBLISHED):
    mentions = read(parser, text, published)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def day(y, m, d):
    return DateSpan(dt.date(y, m, d), dt.date(y, m, d), "day")


# --- placing on the calendar -------------------------------------------------------------------------

def test_fronted_weekday_dates_the_main_verb_across_the_comma(parser):
    m = only(parser, "On Tuesday, the harbour board approved the new ferry timetable.")
    assert m.anchor == "approve"
    assert m.value == day(2021, 6, 8)  # the Tuesday before publication
    assert m.features["tense"] == "past"


def test_weekday_with_will_is_the_next_one(parser):
    m = only(parser, "The harbour board will vote on Tuesday.")
    assert m.value == day(2021, 6, 15)
    assert m.features["tense"] == "future"


def test_weekday_of_publication_day_itself_is_that_day_for_a_past_event(parser):
    assert only(parser, "The museum reopened Thursday.").value == day(2021, 6, 10)


def test_yesterday_and_last_week(parser):
    assert only(parser, "The pipeline burst yesterday.").value == day(2021, 6, 9)
    m = only(parser, "Inspectors visited the mill last week.")
    assert (m.value.first, m.value.last, m.value.granularity) == (dt.date(2021, 5, 31), dt.date(2021, 6, 6), "week")


def test_earlier_this_month_ends_at_publication(parser):
    m = only(parser, "Two clinics closed earlier this month.")
    assert (m.value.first, m.value.last) == (dt.date(2021, 6, 1), dt.date(2021, 6, 10))


def test_month_and_day_without_a_year_is_the_latest_one_before_publication(parser):
    assert only(parser, "The levee failed on August 14.").value == day(2020, 8, 14)
    assert only(parser, "The levee failed on May 14.").value == day(2021, 5, 14)
    assert only(parser, "The levee failed on Aug. 14, 2017.").value == day(2017, 8, 14)


def test_month_without_a_year_follows_the_tense(parser):
    past = only(parser, "The library was flooded in September.")
    assert (past.value.first, past.value.last, past.value.granularity) == (dt.date(2020, 9, 1), dt.date(2020, 9, 30), "month")
    future = only(parser, "The library will reopen in September.")
    assert future.value.first == dt.date(2021, 9, 1)


def test_scheduled_for_a_month_is_ahead_even_in_the_present_tense(parser):
    assert only(parser, "The regatta is scheduled for February.").value.first == dt.date(2022, 2, 1)


@pytest.mark.parametrize("text", ["The strike began in mid-May.", "The strike began in mid May."])
def test_mid_may_is_a_part_of_the_month_not_the_verb_may(parser, text):
    m = only(parser, text)
    assert m.value.granularity == "part"
    assert m.value.first.month == 5 and 8 <= m.value.first.day and m.value.last.day <= 22


def test_the_modal_may_is_no_date(parser):
    assert read(parser, "The ferries may stop running if the strike goes on.") == []


def test_years_and_decades(parser):
    assert only(parser, "The tunnel was dug in 1887.").value == DateSpan(dt.date(1887, 1, 1), dt.date(1887, 12, 31), "year")
    m = only(parser, "The tunnel was widened in the 1960s.")
    assert (m.value.first, m.value.last, m.key) == (dt.date(1960, 1, 1), dt.date(1969, 12, 31), "1960s")
    assert only(parser, "The tunnel was closed in the '70s.").key == "1970s"


def test_a_weekday_fixes_the_year_of_a_month_and_day(parser):
    # 7 June 2021 is a Monday; the future tense alone would have chosen 2022
    assert only(parser, "The council will hear the appeal Monday, June 7.").value == day(2021, 6, 7)


def test_two_weeks_ago_is_a_week_wide_window(parser):
    m = only(parser, "The bridge was closed two weeks ago.")
    assert m.value.first <= dt.date(2021, 5, 27) <= m.value.last
    assert m.value.last < PUBLISHED


def test_without_a_publication_date_relative_dates_are_not_placed(parser):
    m = only(parser, "The bridge was closed on Friday.", published=None)
    assert m.value is None and m.key == "friday" and m.features["weekday"] == 4


# --- not dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Okafor, 61, was treated at the scene.",  # an age
    "The driver, who is 47 years old, was not hurt.",
    "She served for three years on the board.",  # a duration
    "He received a 12-year sentence.",
    "The fair is an annual event.",  # a frequency
    "The bakery delivers daily.",
    "Rents have doubled over the past five years.",
])
def test_ages_durations_and_frequencies_are_no_dates(parser, text):
    assert read(parser, text) == []


# --- what the date is of -----------------------------------------------------------------------------

def test_the_date_of_said_is_the_date_of_saying(parser):
    m = only(parser, "The coroner said Wednesday that the climber had fallen.")
    assert m.anchor == "say" and m.features["reporting"] is True
    assert m.features["reported"] == "fall"
    assert m.value == day(2021, 6, 9)


def test_irregular_and_ing_verbs_anchor_by_lemma(parser):
    assert only(parser, "The trawler sank on Sunday.").anchor == "sink"
    assert only(parser, "Farmers were blocking the road on Saturday.").anchor == "block"


def test_a_date_before_an_event_noun_dates_the_noun(parser):
    m = only(parser, "Crowds gathered before the November 2 referendum.")
    assert m.anchor == "referendum" and m.features["anchor_pos"] == "noun"


def test_offsets_are_absolute(parser):
    text = "The mill closed in 1994."
    m = read(parser, text, offset=500)[0]
    assert (m.start, m.end) == (500 + text.index("1994"), 500 + text.index("1994") + 4)


# --- changed plans -----------------------------------------------------------------------------------

def test_a_postponement_marks_the_old_and_the_new_date(parser):
    old, new = read(parser, "The referendum, originally set for July 4, was postponed to Sept. 19.")
    assert old.features["superseded"] is True and not old.features["revised"]
    assert new.features["revised"] is True
    assert {"postpone", "originally"} <= set(new.features["update"])
    assert new.value == day(2021, 9, 19)  # moved ahead, not the September before publication


# --- differ ------------------------------------------------------------------------------------------

def pair(parser, a, b, published_b=PUBLISHED):
    return only(parser, a), only(parser, b, published_b)


def test_a_month_and_a_day_inside_it_agree(parser):
    assert differ(*pair(parser, "The dam burst in May.", "The dam burst on May 20.")) is None


def test_two_different_days_conflict_with_the_distance(parser):
    reason = differ(*pair(parser, "The dam burst on May 20.", "The dam burst on May 22."))
    assert reason == "“May 20” vs “May 22” (2 days apart)"


def test_a_weekday_and_a_date_on_that_weekday_agree(parser):
    # Friday 4 June 2021, read in an article published a week later: the weekday still matches
    a, b = pair(parser, "The dam burst on Friday.", "The dam burst on June 4.", published_b=dt.date(2021, 6, 17))
    assert differ(a, b) is None and differ(b, a) is None


def test_a_weekday_and_a_date_on_another_weekday_conflict(parser):
    reason = differ(*pair(parser, "The dam burst on Friday.", "The dam burst on June 3."))
    assert reason == "“Friday” vs “June 3” (June 3 is a Thursday)"


def test_two_weekdays_a_day_apart(parser):
    assert differ(*pair(parser, "The dam burst on Tuesday.", "The dam burst on Wednesday.")) == \
        "“Tuesday” vs “Wednesday” (a day apart)"


def test_a_year_and_a_date_in_it_agree_but_not_the_next_year(parser):
    a, b = pair(parser, "The mine opened in 1952.", "The mine opened on March 3, 1952.")
    assert differ(a, b) is None
    c = only(parser, "The mine opened in 1953.")
    assert differ(a, c) == "“1952” vs “1953” (a year apart)"


def test_a_bound_keeps_an_earlier_date(parser):
    assert differ(*pair(parser, "The report is due by June 30.", "The report was filed on June 2.")) is None


def test_an_update_is_not_a_contradiction(parser):
    early = only(parser, "The hearing will be held on Tuesday.", dt.date(2021, 6, 3))
    later = only(parser, "The hearing was postponed to Friday.")
    assert differ(early, later) is None and differ(later, early) is None


def test_two_reports_of_the_new_date_are_still_compared(parser):
    a, b = pair(parser, "The hearing was postponed to June 18.", "The hearing was postponed to June 25.")
    assert differ(a, b) == "“June 18” vs “June 25” (7 days apart)"


def test_differ_is_symmetric_in_its_verdict(parser):
    a, b = pair(parser, "The plant closed in 2008.", "The plant closed in 2011.")
    assert (differ(a, b) is None) == (differ(b, a) is None) is False


def test_unplaced_dates_compare_their_written_parts():
    a = Mention(kind="date", start=0, end=5, text="May 3", value=None,
                features={"month": 5, "day": 3, "year": None, "weekday": None})
    b = Mention(kind="date", start=0, end=5, text="May 4", value=None,
                features={"month": 5, "day": 4, "year": None, "weekday": None})
    c = Mention(kind="date", start=0, end=3, text="May", value=None,
                features={"month": 5, "day": None, "year": None, "weekday": None})
    assert differ(a, b) == "“May 3” vs “May 4” (day differs)"
    assert differ(a, c) is None
