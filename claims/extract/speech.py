"""Verbs that report speech ("said", "told"): one list, and the two subsets its users were tuned on.

- :data:`ATTRIBUTION_VERBS` (:mod:`claims.split`): "X said" at the start or end of a clause is
  an attribution, kept apart from the claim. It includes verbs that report a fact ("reported",
  "confirmed", "estimated") and the bare "say", "claims", "reports".
- :data:`SPEAKER_VERBS` (:mod:`claims.extract.people`): a name next to one of these is a person
  who speaks ("Novak said", "said Novak"), and a claim with one reports speech. It leaves out
  "claims" and "reports", which are nouns as often as verbs, and includes verbs of tone
  ("warned", "stressed").

They are not merged, because the union changes both users: with it, "The aid agency warned that
2,300,000 people ..." loses "The aid agency warned" to its attribution, and "Putin acknowledged"
in the seeds becomes a person mention. Each user keeps the subset it was tuned on.
"""
from __future__ import annotations

SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "noted", "argued", "believes",
    "insisted", "reported", "reports", "claimed", "claims", "announced", "stated", "confirmed", "denied",
    "acknowledged", "admitted", "estimated", "explained", "stressed", "warned",
)

_ONLY_SPEAKERS = {"adds", "writes", "explained", "stressed", "warned"}
_ONLY_ATTRIBUTIONS = {"say", "reported", "reports", "claimed", "claims", "announced", "stated", "confirmed",
                      "denied", "acknowledged", "admitted", "estimated"}

ATTRIBUTION_VERBS = tuple(v for v in SPEECH_VERBS if v not in _ONLY_SPEAKERS)
SPEAKER_VERBS = tuple(v for v in SPEECH_VERBS if v not in _ONLY_ATTRIBUTIONS)


def alternation(verbs: tuple[str, ...]) -> str:
    """The verbs as a regular-expression alternation ("said|says|..."), to be wrapped in ``(?:...)``."""
    return "|".join(verbs)
