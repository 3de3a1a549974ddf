"""The speech verbs: one list, two subsets. The splitter's attributions and the people extractor's
speakers each use their own, and a verb of one subset does not act in the other."""
from __future__ import annotations

from claims.extract.people import HAS_SPEECH, extract_people
from claims.extract.speech import ATTRIBUTION_VERBS, SPEAKER_VERBS, SPEECH_VERBS
from claims.split import attribution_of


def test_both_subsets_come_from_the_one_list_and_share_the_common_verbs():
    assert set(ATTRIBUTION_VERBS) | set(SPEAKER_VERBS) == set(SPEECH_VERBS)
    assert {"said", "says", "told", "wrote", "added"} <= set(ATTRIBUTION_VERBS) & set(SPEAKER_VERBS)


def test_a_verb_of_reporting_a_fact_is_an_attribution_but_not_a_speaker():
    assert attribution_of("The aid agency reported that 300 people had been killed.") == "The aid agency reported"
    assert attribution_of("Putin acknowledged the losses on Monday.") == "Putin acknowledged"
    assert extract_people("Putin acknowledged the losses on Monday.") == []
    assert not HAS_SPEECH.search("The claims were false.")


def test_a_verb_of_tone_is_a_speaker_but_not_an_attribution():
    assert attribution_of("The aid agency warned that 300 people had been killed.") is None
    assert attribution_of("The bridge would reopen, the minister explained.") is None
    assert [p.name for p in extract_people("Putin warned the losses would grow.")] == ["Putin"]
    assert HAS_SPEECH.search("The minister stressed the point.")


def test_a_common_verb_is_both():
    assert attribution_of("Novak said the bridge would reopen.") == "Novak said"
    assert [p.name for p in extract_people("Novak said the bridge would reopen.")] == ["Novak"]
