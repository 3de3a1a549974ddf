"""Small questions asked of a spaCy parse by the date, name and title readers.

What verb governs a phrase, whether it is negated or quoted, the clause's tense: each is a walk
over the dependency tree, written once here so every reader answers it the same way.
"""
from __future__ import annotations

from typing import Any

# Verbs that report speech or writing: the date of "said" is the date of saying, not of the event.
REPORTING_VERBS = frozenset({
    "say", "tell", "add", "note", "write", "state", "report", "claim", "explain", "insist", "argue",
    "warn", "acknowledge", "announce", "confirm", "deny", "testify", "recall", "tweet", "declare",
    "assert", "suggest", "contend", "maintain", "predict", "allege", "admit", "stress",
})


def governing_verb(token: Any) -> Any | None:
    """The nearest verb (or auxiliary standing as a main verb) above ``token``, or None at the root."""
    tok = token
    for _ in range(64):  # a parse is a tree, but never trust input to be one
        if tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") and tok is not token else None
        tok = tok.head
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
            return tok
    return None


def subject_of(verb: Any) -> Any | None:
    """The verb's subject (active or passive), or the subject of the verb it is coordinated with."""
    for tok in (verb, verb.head if verb.dep_ in ("conj", "xcomp") else None):
        if tok is None:
            continue
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return child
    return None


def is_negated(verb: Any) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def tense(verb: Any) -> str:
    """"future", "past" or "present" for the clause headed by ``verb`` (from its auxiliaries and morphology).

    "will"/"would"/"shall" and "going to" make a future; a present-tense verb with "to" after
    "scheduled/set/expected/due" does too; otherwise the first of the verb and its auxiliaries that
    carries a tense decides.
    """
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        # "is expected to vote", "was set to meet": the tense is the governing verb's, the time ahead of it
        head = verb.head
        if head.lemma_ in ("expect", "schedule", "set", "plan", "due", "go", "intend", "hope", "want", "aim"):
            return "future"
        auxiliaries += [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {a.lemma_.lower() for a in auxiliaries} | {a.lower_ for a in auxiliaries}
    if lemmas & {"will", "'ll", "shall", "would", "wo"}:
        return "future"
    for tok in [*auxiliaries, verb]:
        form = tok.morph.get("Tense")
        if tok.tag_ == "VBN" and not auxiliaries:
            return "past"  # a bare participle in a reduced clause: "the man arrested Tuesday"
        if "Past" in form:
            return "past"
        if "Pres" in form and tok.tag_ != "VBG":
            return "present"
    return "present" if verb.tag_ in ("VBZ", "VBP", "VB") else "past"


def text_of(doc: Any) -> str:
    """The claim's text, built once per Doc (spaCy joins its tokens on every ``doc.text``)."""
    text = doc.user_data.get("claims.text")
    if text is None:
        text = doc.user_data["claims.text"] = doc.text
    return text


def in_quotes(doc: Any, char_index: int) -> bool:
    """Whether a character of the claim lies inside double quotation marks (an odd count before it)."""
    text = text_of(doc)
    straight = text.count('"', 0, char_index)
    opened = text.count("“", 0, char_index) - text.count("”", 0, char_index)
    return straight % 2 == 1 or opened > 0


def lemma(token: Any | None) -> str:
    return token.lemma_.lower() if token is not None else ""
