"""Negation and hedging: is the claim denied, or only supposed?"""
from __future__ import annotations

import re

# "not"/"never"/"no longer" and denial verbs; "not only" is emphasis, not negation.
_NEGATION = re.compile(
    r"n[’']t\b|\b(?:cannot|not(?!\s+only\b)|never|no longer|none|nobody|neither|nor|"
    r"den(?:y|ies|ied)|reject(?:s|ed)?|refut(?:e|es|ed)|refus(?:e|es|ed)|declin(?:e|es|ed) to|"
    r"failed to)\b|\bno\s+(?!doubt\b)\w+",
    re.I,
)
_HEDGE = re.compile(
    r"\b(?:if|if indeed|whether|may|might|could|would|reportedly|allegedly|apparently|possibly|"
    r"probably|perhaps|likely|unconfirmed|suspected|rumou?red|seems?|appears? to)\b",
    re.I,
)


def is_negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def is_hedged(text: str) -> bool:
    return bool(_HEDGE.search(text))


def negation_cues(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NEGATION.finditer(text)]


# Words a negation's scope skips over when reading what is denied.
_FUNCTION_WORDS = {"the", "and", "that", "this", "with", "for", "from", "has", "have", "had", "was", "were",
                   "are", "its", "his", "her", "their", "been", "would", "will", "than", "but", "not", "yet",
                   "any", "all", "one", "who", "which", "there", "being", "into", "onto", "said", "says", "never"}


def stem(word: str) -> str:
    """Crude stem: the first five letters, so "suspend" meets "suspension" and "declared" "declare"."""
    return word[:5].lower()


def negated_predicates(text: str) -> list[list[str]]:
    """For each negation cue, the stems of the content words it governs, verb first:
    "has not declared a state of emergency" -> [decla, state, emerg]. Up to six words,
    to the next punctuation."""
    out = []
    for _, end in negation_cues(text):
        clause = re.split(r"[,.;:!?()“”\"]", text[end:], maxsplit=1)[0]
        words = [w for w in re.findall(r"[A-Za-z]{3,}", clause) if w.lower() not in _FUNCTION_WORDS][:6]
        if len(words) >= 2:
            out.append([stem(w) for w in words])
    return out
