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
