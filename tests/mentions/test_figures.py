"""claims.mentions.figures: figures, ages and times of day read off the parse, and whether two values conflict.

Every sentence is invented (other people, other numbers). A missed figure hides a discrepancy;
a number that counts nothing (a rank, a phone number, a name) read as a figure invents one; and
a pair of values that do not conflict (a hedged rounding, two upper bounds, a part and its whole,
a percentage and a count) must never be reported as differing.
"""
from __future__ import annotations

import math

import pytest

from claims.mentions.base import Interval, Mention, parse
from claims.mentions.figures import FigureReader, differ


@pytest.fixture(scope="module")
def read():
    """Mentions of one kind (or all) in a sentence, read through the real parser."""
    reader = FigureReader()
    cache: dict[str, list[Mention]] = {}

    def _read(text: str, kind: str | None = None) -> list[Mention]:
        if text not in cache:
            cache[text] = reader.read(parse([text])[0], 0, None)
        return [m for m in cache[text] if kind is None or m.kind == kind]

    return _read


def one(read, text: str, kind: str = "figure", containing: str = "") -> Mention:
    found = [m for m in read(text, kind) if containing in m.text]
    assert len(found) == 1, [(m.kind, m.text) for m in read(text)]
    return found[0]


def bounds(m: Mention) -> tuple[float, float]:
    return m.value.low, m.value.high


# --- figures: value and precision as written -------------------------------------------------


def test_a_scaled_decimal_allows_its_last_digit(read):
    m = one(read, "The flood left 3.6 million acres of farmland under water.")
    assert m.text == "3.6 million"
    assert m.value.value == pytest.approx(3.6e6)
    assert bounds(m) == pytest.approx((3.55e6, 3.65e6))
    assert m.unit == "acre" and m.features["kind"] == "count"


def test_an_exact_integer_allows_half_a_unit(read):
    m = one(read, "Inspectors counted 614 damaged buildings in the valley.")
    assert bounds(m) == (613.5, 614.5)
    assert m.unit == "building" and m.qualifiers == ("damage",)  # lemmas
    assert m.verb == "count" and m.key == "614"


def test_one_significant_digit_is_a_rounding_but_not_a_wide_one(read):
    m = one(read, "Organisers expect 1 million visitors this summer.")
    assert bounds(m) == pytest.approx((0.75e6, 1.25e6))


@pytest.mark.parametrize(
    "text, low, high, hedge, bound",
    [
        # about: 10% or the rounding of the last nonzero digit, whichever is wider
        ("Crews evacuated about 640 residents overnight.", 576, 704, "about", "about"),
        ("Roughly 300 ferries were cancelled.", 250, 350, "roughly", "about"),
        # nearly: close below it
        ("Nearly 90 lecturers signed the letter.", 81, 90, "nearly", "nearly"),
        ("Just over 500 runners finished.", 500, 550, "just over", "over"),
        # open bounds: the figure itself, one side open
        ("More than 900 flights were grounded.", 900, math.inf, "more than", "lower"),
        ("At least 45 vendors lost their stalls.", 45, math.inf, "at least", "lower"),
        ("As many as 1.8 million commuters were affected.", 0, 1.8e6, "as many as", "upper"),
        ("Fewer than 70 delegates attended.", 0, 70, "fewer than", "upper"),
    ],
)
def test_hedges_widen_or_open_the_interval(read, text, low, high, hedge, bound):
    m = one(read, text)
    assert bounds(m) == pytest.approx((low, high))
    assert m.hedge == hedge and m.features["bound"] == bound
    assert m.text.lower().startswith(hedge)


@pytest.mark.parametrize(
    "text, written, low, high, bound",
    [
        ("Police seized 25 or more vans.", "25 or more", 25, math.inf, "lower"),
        ("The club has 300-plus members.", "300-plus", 300, math.inf, "lower"),
        ("The club has 40+ members.", "40+", 40, math.inf, "lower"),
        ("Police seized 20 or so vans.", "20 or so", 15, 25, "about"),
    ],
)
def test_hedges_after_the_figure(read, text, written, low, high, bound):
    m = one(read, text)
    assert m.text == written and bounds(m) == (low, high) and m.features["bound"] == bound


@pytest.mark.parametrize("text", ["The ministers argued over two clauses in the bill.",
                                  "The clerk handed over three boxes of files."])
def test_a_preposition_or_particle_is_not_a_hedge(read, text):
    m = one(read, text)
    assert m.hedge == "" and m.text in ("two", "three") and m.features["bound"] == ""


@pytest.mark.parametrize(
    "text, written, value, unit, hedge",
    [
        ("The agency requested nearly $4 billion for repairs.", "nearly $4 billion", 4e9, "dollar", "nearly"),
        ("The club paid about €15 million for the striker.", "about €15 million", 15e6, "euro", "about"),
        ('The ministry approved "$3.1" billion in loans.', '"$3.1" billion', 3.1e9, "dollar", ""),
        ("The fine came to 45,000 euros.", "45,000 euros", 45_000, "euro", ""),
        ("The consortium raised $2.7bn from investors.", "$2.7bn", 2.7e9, "dollar", ""),
    ],
)
def test_money_with_currency_before_or_after_and_a_hedge_before_the_sign(read, text, written, value, unit, hedge):
    m = one(read, text)
    assert m.text == written
    assert m.value.value == pytest.approx(value)
    assert m.unit == unit and m.features["kind"] == "money" and m.hedge == hedge


def test_money_anchor_is_what_it_pays_for(read):
    m = one(read, "Lawmakers passed a $2.3 trillion spending bill on Friday.")
    assert m.anchor == "bill" and m.unit == "dollar"
    m = one(read, "The council set aside $40 million in flood relief.")
    assert m.anchor == "relief"


def test_a_rate_is_marked_as_a_rate(read):
    m = one(read, "Tenants will pay $1,250 a month under the deal.")
    assert m.features["per"] == "month" and m.text == "$1,250 a month"


@pytest.mark.parametrize(
    "text, written, value",
    [
        ("Turnout fell to 38 percent in the district.", "38 percent", 38),
        ("About 7.5% of the loans defaulted.", "About 7.5%", 7.5),
        ("Prices rose 9 per cent last year.", "9 per cent", 9),
    ],
)
def test_percentages(read, text, written, value):
    m = one(read, text)
    assert m.text == written and m.value.value == pytest.approx(value)
    assert m.unit == "percent" and m.features["kind"] == "percent"


def test_a_percentage_written_without_the_word_when_the_parse_says_so(read):
    # the number set against a percentage in the same clause is one too
    found = read("Ostrova led Brandt 52 percent to 38 in the final poll.", "figure")
    assert [(m.text, m.unit) for m in found] == [("52 percent", "percent"), ("38", "percent")]
    found = read("Inflation rose from 3.2 to 4.1 percent over the year.", "figure")
    assert [(m.text, m.features["kind"]) for m in found] == [("3.2", "percent"), ("4.1 percent", "percent")]


def test_a_percentage_is_of_its_noun(read):
    assert one(read, "Nearly 40% of nurses said they would strike.").anchor == "nurse"
    assert one(read, "The mayor won 61 percent support in the suburbs.").anchor == "support"


@pytest.mark.parametrize(
    "text, written, value",
    [
        ("Half of the tenants refused to leave.", "Half", 50),
        ("Two-thirds of the delegates voted yes.", "Two-thirds", 200 / 3),
        ("A quarter of the budget went to roads.", "A quarter", 25),
        ("Three out of four riders paid cash.", "Three out of four", 75),
    ],
)
def test_fractions_are_shares(read, text, written, value):
    m = one(read, text)
    assert m.text == written and m.features["kind"] == "percent" and m.value.value == pytest.approx(value)


def test_a_decimal_without_a_unit_is_a_measure(read):
    m = one(read, "Seismologists rated the tremor at 5.3 on Tuesday.")
    assert m.features["kind"] == "measure"
    a = one(read, "She averaged 21.4 points a game.")
    assert a.features["kind"] == "measure" and a.unit == "point"


def test_a_hyphenated_scale_is_one_number(read):
    m = one(read, "Thieves took a three-million-dollar painting.")
    assert m.text == "three-million" and m.value.value == 3e6 and m.unit == "dollar"
    m = one(read, "The county won a $4-million grant.")
    assert m.text == "$4-million" and m.value.value == 4e6 and m.anchor == "grant"


def test_half_a_million_is_a_count(read):
    m = one(read, "Half a million fans lined the route.")
    assert m.value.value == 500_000 and m.unit == "fan" and m.features["kind"] == "count"


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("Dozens of volunteers cleared the beach.", 24, 99, "volunteer"),
        ("Hundreds of thousands of commuters were stranded.", 100_000, 999_900, "commuter"),
        ("Several hundred miners joined the strike.", 300, 900, "miner"),
    ],
)
def test_vague_amounts(read, text, low, high, unit):
    m = one(read, text)
    assert bounds(m) == pytest.approx((low, high)) and m.unit == unit and m.features["written"] == "vague"


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Twenty-six cadets graduated.", 26, "cadet"),
        ("Clerks found three hundred and forty spoiled ballots.", 340, "ballot"),
        ("A dozen trawlers returned to port.", 12, "trawler"),
    ],
)
def test_numbers_in_words(read, text, value, unit):
    m = one(read, text)
    assert m.value.value == value and m.unit == unit


def test_the_unit_is_the_head_noun_not_the_next_word(read):
    m = one(read, "The storm sank 14 small fishing boats off the coast.")
    assert m.unit == "boat" and set(m.qualifiers) == {"small", "fishing"}
    m = one(read, "Officials registered 2.1 million new voters.")
    assert m.unit == "voter" and m.qualifiers == ("new",)


def test_a_part_of_a_whole_is_marked_with_its_whole(read):
    part, whole = read("Four of the nine hostages were released on Sunday.", "figure")
    assert part.text == "Four" and part.features["part"] is True and part.features["whole"] == 9
    assert part.anchor == "hostage" and whole.features["part"] is False and whole.unit == "hostage"
    listed = one(read, "The crash injured 30 people, including seven children.", containing="seven")
    assert listed.features["part"] is True


def test_repeated_actions_are_frequencies(read):
    m = one(read, "The victim was stabbed eleven times.")
    assert m.text == "eleven times" and m.unit == "time" and m.features["kind"] == "frequency"
    assert m.anchor == "stab"
    assert one(read, "Thieves struck the depot twice in May.").features["kind"] == "frequency"


def test_durations_keep_their_unit(read):
    m = one(read, "Dockworkers began a 36-hour strike.")
    assert m.text == "36-hour" and m.unit == "hour" and m.features["kind"] == "duration" and m.anchor == "strike"
    m = one(read, "The bridge stayed closed for 18 months.")
    assert m.text == "18 months" and m.unit == "month"


@pytest.mark.parametrize(
    "text, written, low, high",
    [
        ("Between 150 and 200 families lost power.", "Between 150 and 200", 149.5, 200.5),
        ("Between 2 and 3 million people watched the final.", "Between 2 and 3 million", 1.5e6, 3.5e6),
        ("Some 40-60 trucks waited at the border.", "Some 40-60", 39.5, 60.5),
    ],
)
def test_ranges_are_one_figure(read, text, written, low, high):
    m = one(read, text)
    assert m.text == written and bounds(m) == pytest.approx((low, high))
    assert m.features["bound"] == "range"


def test_from_one_figure_to_another_is_two_figures_of_one_kind(read):
    start, end = read("Revenue rose from $5 to $7 million last year.", "figure")
    assert (start.text, start.value.value, start.unit) == ("$5", 5e6, "dollar")  # the scale of the second
    assert (end.text, end.value.value) == ("$7 million", 7e6)
    start, end = read("Membership grew from 900 to 1.2 million.", "figure")
    assert start.value.value == 900 and end.value.value == 1.2e6


def test_and_a_half(read):
    m = one(read, "The talks dragged on for three and a half weeks.")
    assert m.text == "three and a half weeks" and bounds(m) == (3.25, 3.75) and m.unit == "week"


def test_ordinals_that_count_along_a_series_and_stated_ranks(read):
    m = one(read, "Workers marched for the 12th straight day.")
    assert m.value.value == 12 and m.unit == "day" and m.features["kind"] == "ordinal"
    m = one(read, "The cyclist finished fourth in the sprint.")
    assert m.value.value == 4 and m.features["kind"] == "rank"


def test_offsets_are_absolute(read):
    text = "Police said 27 cars were towed."
    document = "Headline here. " + text
    [m] = FigureReader().read(parse([text])[0], len("Headline here. "), None)
    assert document[m.start:m.end] == m.text == "27"


def test_context_for_the_verifier(read):
    m = one(read, 'The chief said: "We arrested 19 people."')
    assert m.features["is_quote"] is True and m.verb == "arrest" and m.features["subject"] == "we"
    m = one(read, "The agency did not approve 40 permits.")
    assert m.features["negated"] is True
    assert one(read, "The toll rose to 41 by evening.").anchor == "toll"


# --- numbers that are no quantity of the event ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Residents should call 311 to report downed lines.",  # a number to call
        "Witnesses can dial 999 or text the tip line.",
        "Anyone with information can reach the hotline at 555-0142.",  # a phone number
        "Photo: 3 / 8 Firefighters at the scene.",  # a photo counter
        "The Sweet 16 matchup sold out in an hour.",  # names with numbers
        "Route 66 reopened after the storm.",
        "Juvenile #2 was released to his parents.",
        "Flight 217 landed safely in the fog.",
        "The Apollo 13 exhibit drew school groups.",
        "The No. 4 official at the ministry resigned.",  # ranks used as labels
        "It was the third time the dam had failed.",
        "The second suspect was never charged.",
        "The fire started at 1180 Birch Avenue.",  # street numbers
        "Officers closed the 300 block of Pine Street.",
        "A 911 call came in shortly before dawn.",
        "The rule is in section 8 of the code.",  # section and page numbers
        "The footnote on page 14 was removed.",
        "A Boeing 737 jet skidded off the runway.",  # model numbers
        "The clinic treated COVID-19 patients.",
        "The plant opened in 2014.",  # years and days: the date reader's
        "The 2016 campaign was bitter.",
        "The vote is set for March 14.",
        "One of the guards was suspended.",  # "one of", "one" as a pronoun
        "No one was hurt in the blast.",
        "One should never trust a forecast.",
        "At one point the crowd fell silent.",
        "There were four times as many complaints this year.",  # a multiplier
        "The visitors won 7-3 on Saturday.",  # a score
        "The Senate voted 61-39 to pass it.",
        "The shop closes at 6 p.m. on weekdays.",  # a time of day is a time
        "Kofi Mensah, 44, was charged.",  # an age is an age
        "Two years ago the mill closed.",  # a point in time
        "The patch covers browser versions 4, 5, 6 and 7.",  # a list of labels
        "The agent's code name was 007.",  # leading zeros: a code
        "The forward scored with 3:12 to go.",  # a game clock
        "The hosts scored early in the second half of the match.",  # a period, not a share
        "The Hornets are now 9-0 this season.",  # a record, not an age
        "The region has known war since the Nineteen Nineties.",  # a decade in words
        "published: 2021-04-17",  # a numeric date
        "The notice was posted on 3/9/21.",
    ],
)
def test_numbers_that_count_nothing_give_no_figure(read, text):
    assert read(text, "figure") == []


# --- ages ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, written, value, holder",
    [
        ("Tomas Reyes, 38, of Millbrook was arrested.", "38", 38, "reyes"),
        ("Police named the driver as Dana Okafor (52).", "52", 52, "okafor"),
        ("Lena Brandt is 29.", "29", 29, "brandt"),
        ("Irene Solis, who is 63 years old, testified.", "63 years old", 63, "solis"),
        ("The 47-year-old Pavel Dorn denied it.", "47-year-old", 47, "dorn"),
        ("Pavel Dorn, a 47-year-old welder, denied it.", "47-year-old", 47, "dorn"),
    ],
)
def test_ages_of_named_people(read, text, written, value, holder):
    m = one(read, text, "age")
    assert m.text == written and m.value.value == value and m.holder == holder
    assert bounds(m) == pytest.approx((value, value + 1))
    assert read(text, "figure") == []


def test_ages_set_off_after_a_noun(read):
    ages = read("Police found the two brothers, 9 and 14, unharmed.", "age")
    assert [(m.text, m.anchor) for m in ages] == [("9", "brother"), ("14", "brother")]
    assert [m.text for m in read("Police found the two brothers, 9 and 14, unharmed.", "figure")] == ["two"]
    m = one(read, "The cyclist, 57, was taken to hospital.", "age")
    assert m.value.value == 57 and m.features["noun"] == "cyclist"


def test_ages_of_unnamed_people(read):
    m = one(read, "A 61-year-old retired teacher was hurt.", "age")
    assert m.value.value == 61 and m.anchor == "teacher" and m.holder == ""
    m = one(read, "The driver, aged 72, was treated at the scene.", "age")
    assert m.text == "aged 72" and m.features["noun"] == "driver"
    m = one(read, "A six-month-old girl was rescued.", "age")
    assert m.value.value == pytest.approx(0.5)


def test_two_ages_and_an_age_range(read):
    ages = read("She leaves two daughters, ages 17 and 8.", "age")
    assert [(m.text, m.value.value) for m in ages] == [("ages 17", 17), ("8", 8)]
    m = one(read, "The study followed volunteers aged 18 to 24.", "age")
    assert m.text == "aged 18 to 24" and bounds(m) == pytest.approx((18, 25))


def test_an_age_as_a_decade_of_life(read):
    m = one(read, "Witnesses described a man in his mid-40s.", "age")
    assert m.text == "in his mid-40s" and bounds(m) == pytest.approx((43, 47))
    m = one(read, "Marta Quist was in her late twenties.", "age")
    assert m.holder == "quist" and bounds(m) == pytest.approx((27, 30))
    assert read("Sales peaked in the 1990s.", "age") == []


# --- times of day ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, written, low, high",
    [
        ("The blaze broke out at 9 p.m. on Friday.", "9 p.m.", 1231, 1289),  # a rounded hour
        ("The blaze broke out at 2:15 a.m. on Friday.", "2:15 a.m.", 135, 135),
        ("The blaze broke out shortly after 11 p.m.", "shortly after 11 p.m.", 1380, 1410),
        ("The blaze broke out around 4:40 p.m.", "around 4:40 p.m.", 970, 1030),
        ("The blaze broke out between 8 and 9 p.m.", "between 8 and 9 p.m.", 1171, 1289),
        ("The blaze broke out at noon.", "noon", 720, 720),
        ("The blaze broke out at 3 in the morning.", "3 in the morning", 151, 209),
        ("The blaze broke out by midnight.", "by midnight", 0, 1440),
        ("The blaze broke out between 11 and 1 p.m.", "between 11 and 1 p.m.", 631, 809),
    ],
)
def test_clock_times(read, text, written, low, high):
    m = one(read, text, "time")
    assert m.text == written and bounds(m) == (low, high)
    assert m.anchor == "break"
    assert read(text, "figure") == []


def test_time_zone_and_twelve_hour_clock(read):
    m = one(read, "Polls closed at 10:45 a.m. ET in the east.", "time")
    assert m.text == "10:45 a.m. ET" and m.features["zone"] == "et" and m.key == "10:45"
    m = one(read, "The vigil began at seven o'clock.", "time")
    assert m.features["twelve_hour"] is True


def test_a_count_in_the_evening_is_not_a_time(read):
    assert read("The attack killed five in the evening rush.", "time") == []


# --- differ ----------------------------------------------------------------------------------


def figure(read, text: str, containing: str = "") -> Mention:
    return one(read, text, "figure", containing)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Crews evacuated about 900 residents.", "Crews evacuated 870 residents."),  # rounding with a hedge
        ("As many as 2.6 million homes lost power.", "Up to 2.8 million homes lost power."),  # two upper bounds
        ("More than 300 shops closed.", "At least 450 shops closed."),  # two lower bounds
        ("More than 300 shops closed.", "Up to 500 shops closed."),  # bounds that meet
        ("2.4 million people voted.", "2,437,000 people voted."),  # within the precision as written
        ("Three of the victims were children.", "The blast killed five victims."),  # a part and its whole
        ("Turnout was 30 percent.", "Turnout was 30 people."),  # a percentage and a count
        ("The city spent $40 million.", "The city hired 40 million workers."),  # money and a count
        ("The city spent $40 million.", "The city spent €90 million."),  # two currencies
        ("Rent is $1,250 a month.", "Rent is $15,000."),  # a rate and a total
        ("The strike lasted 48 hours.", "The strike lasted two days."),  # one duration in two units
        ("The strike lasted 36 hours.", "The strike lasted two days."),  # "two days" as written allows 1.5
        ("Half of the tenants left.", "51 percent of the tenants left."),
        ("He was shot seven times.", "Seven people were shot."),  # a frequency and a count
    ],
)
def test_values_that_do_not_conflict(read, a, b):
    ma, mb = figure(read, a), figure(read, b)
    assert differ(ma, mb) is None and differ(mb, ma) is None


def test_requested_and_granted_amounts_still_differ_in_value(read):
    # the verifier decides whether they state the same fact; their values do differ
    asked = figure(read, "The county asked for $7.2 billion.")
    granted = figure(read, "The state granted nearly $3 billion.")
    assert differ(asked, granted) == "“$7.2 billion” is more than “nearly $3 billion” allows (at most 3,000,000,000)"


def test_a_garbled_thousands_figure_is_named_a_slip(read):
    a = figure(read, "Officials said 6,200 people were displaced.")
    b = figure(read, "Officials said 6,200,000 people were displaced.")
    assert differ(a, b) == "6,200,000 is 1,000 times 6,200: a slip of the thousands?"
    c = figure(read, "Officials said 6.2 million people were displaced.")
    assert differ(a, c) == "6.2 million is 1,000 times 6,200: a slip of the thousands?"


@pytest.mark.parametrize(
    "a, b, reason",
    [
        ("The quake killed 4,800 people.", "The quake killed 620 people.", "4,800 is about 7.7 times 620"),
        ("The quake killed 312 people.", "The quake killed 321 people.", "312 vs 321 (9 apart; digits swapped?)"),
        ("The quake killed 140 people.", "The quake killed 175 people.", "140 vs 175 (35 apart)"),
        ("More than 300 shops closed.", "Some 120 shops closed.", "“Some 120” is less than “More than 300” allows "
                                                                  "(at least 300)"),
        ("Up to 50 shops closed.", "80 shops closed.", "“80” is more than “Up to 50” allows (at most 50)"),
        ("The strike lasted 30 hours.", "The strike lasted two days.", "30 hours vs two days (18 hours apart)"),
        ("The strike lasted 5 months.", "The strike lasted 9 months.", "5 months vs 9 months (4 months apart)"),
    ],
)
def test_conflicting_values_and_their_reasons(read, a, b, reason):
    ma, mb = figure(read, a), figure(read, b)
    assert differ(ma, mb) == reason
    assert differ(mb, ma) == reason


def test_a_part_larger_than_the_whole_conflicts(read):
    part = figure(read, "Nine of the passengers were rescued.")
    whole = figure(read, "The boat carried six passengers.")
    assert differ(part, whole) == "“Nine” is a part of a whole, yet more than “six”"


def test_ages_differ(read):
    a = one(read, "Tomas Reyes, 38, was arrested.", "age")
    b = one(read, "Tomas Reyes, 83, was arrested.", "age")
    same = one(read, "The 38-year-old Tomas Reyes was arrested.", "age")
    decade = one(read, "Reyes, a man in his late 30s, was arrested.", "age")
    assert differ(a, b) == "age 38 vs 83 (45 years apart; digits swapped?)"
    assert differ(a, same) is None and differ(a, decade) is None
    assert differ(b, decade) == "age in his late 30s vs 83 (45 years apart)"


@pytest.mark.parametrize(
    "a, b, reason",
    [
        ("It began at 9 p.m.", "It began at 9:10 p.m.", None),  # "9 p.m." is a rounded hour
        ("It began at 9 p.m.", "It began at 11 p.m.", "9 p.m. vs 11 p.m. (2 h apart)"),
        ("It began at 9 p.m. ET.", "It began at 6 p.m. PT.", None),  # one instant in two zones
        ("It began at six o'clock.", "It began at 6 p.m.", None),  # either half of the day
        ("It began at 11:55 p.m.", "It began at 12:05 a.m.", "11:55 p.m. vs 12:05 a.m. (10 min apart)"),
        ("It began at 7:30 a.m.", "It began at 7:30 p.m.", "7:30 a.m. vs 7:30 p.m. (12 h apart)"),
    ],
)
def test_times_differ(read, a, b, reason):
    ma, mb = one(read, a, "time"), one(read, b, "time")
    assert differ(ma, mb) == reason
    assert differ(mb, ma) == reason


def test_mentions_of_different_kinds_never_differ(read):
    age = one(read, "Tomas Reyes, 38, was arrested.", "age")
    count = figure(read, "Police arrested 38 people.")
    assert differ(age, count) is None


def test_differ_is_symmetric_over_a_mixed_set(read):
    texts = ["Crews evacuated about 900 residents.", "More than 300 shops closed.", "Up to 50 shops closed.",
             "The quake killed 4,800 people.", "Turnout was 30 percent.", "The city spent $40 million.",
             "Officials said 6.2 million people were displaced.", "The strike lasted 36 hours."]
    found = [m for t in texts for m in read(t, "figure")]
    for a in found:
        for b in found:
            assert differ(a, b) == differ(b, a)


def test_hand_built_mentions_compare_by_value():
    # the verifier may build mentions itself: only kind, value, text, hedge and features matter
    a = Mention("figure", 0, 3, "870", Interval(869.5, 870.5, 870), features={"kind": "count"})
    b = Mention("figure", 10, 15, "5,000", Interval(4999.5, 5000.5, 5000), features={"kind": "count"})
    assert differ(a, b) == "5,000 is about 5.7 times 870"
