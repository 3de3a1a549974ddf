"""The words next to a date or figure stand for what it is the date or figure of."""
from claims.extract.events import event_words


def _around(text: str, snippet: str, **kw) -> frozenset[str]:
    at = text.index(snippet)
    return event_words(text, at, at + len(snippet), **kw)


def test_the_act_next_to_a_date_is_stemmed_so_tenses_meet():
    a = _around("A junior aide on Monday apologized for a rude tweet.", "Monday")
    b = _around("The aide had to apologize Tuesday for the tweet.", "Tuesday")
    assert "apolog" in a & b


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
