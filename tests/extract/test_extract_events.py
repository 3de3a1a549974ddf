"""The words next to a date or figure stand for what it is the date or figure of."""
from claims.extract.events import event_words


def _around(text: str, snippet: str, **kw) -> frozenset[str]:
    at = text.index(snippet)
    return event_words(text, at, at + len(snippet), **kw)


def test_the_act_next_to_a_date_is_stemmed_so_tenses_meet():
    a = _around("The ferry line on Monday cancelled the night crossing.", "Monday")
    b = _around("The ferry line had to cancel Tuesday its night crossing.", "Tuesday")
    assert "cancel" in a & b


def test_speech_verbs_and_function_words_are_not_events():
    words = _around("The minister said on Monday that it was over.", "Monday")
    assert "said" not in words and "say" not in words and "that" not in words


def test_the_clause_ends_at_punctuation():
    words = _around("The voting ended on Sunday, and the harbour reopened.", "Sunday")
    assert "harbour" not in words and "vote" in words


def test_after_only_reads_what_a_unit_counts():
    text = "The archive received 12,000 pages of scanned letters from the estate."
    at = text.index("12,000 pages") + len("12,000 pages")
    words = event_words(text, at, at, before=False)
    assert "letter" in words and "archiv" not in words


def test_a_plural_subject_and_an_infinitive_after_the_date_are_not_acts():
    from claims.extract.events import act_words

    text = "The fishing licences are due May 9."
    at = text.index("May 9")
    assert "licenc" not in act_words(text, at, at + 5, reach=2)
    text = "The coach ignored demands late Monday to quit the club."
    at = text.index("Monday")
    assert "quit" not in act_words(text, at, at + 6, reach=2)


def test_a_date_that_modifies_a_noun_is_not_the_time_of_the_verb_before_it():
    from claims.extract.events import act_words

    text = "The guild would scrap a 2016 levy on the boats."
    at = text.index("2016")
    assert act_words(text, at, at + 4, reach=2) == frozenset()
