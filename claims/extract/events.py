"""What a time or figure is the time or figure *of*: the content words next to it.

"The harbour board on Friday closed the pier" and "had to close the pier Saturday" give one
act (close ... pier) two days. Without a parser, the words of the clause nearest to
the date stand in for its event: its verb, its subject or object. Words are stemmed with the
Snowball stemmer so "closed" meets "close" and "opened" "opens" (irregular forms such as
"withdrew" / "withdraw" stay apart).
"""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_CLAUSE_END = re.compile(r"[,;:!?()“”\"—–]|\.\s")
# Words that say nothing about which event is meant: function words, speech and reporting
# verbs (every article "said" things on different days), times themselves.
_STOP = set("""
a an the and or but of in on at to for from by with as into onto about over after before since until during
than then that this these those there here it its it's he she they we you i his her their our your my me him
them us who whom whose which what when where while is are was were be been being am has have had do does did
will would shall should can could may might must not no nor so also just only even still yet already very
more most less least much many some any all each every both either neither other another such own same
said say says saying told tell tells telling added adds wrote writes according asked asks reported reports
announced announces stated states noted notes claimed claims insisted explained argued
monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow week weeks month
months year years day days night morning afternoon evening earlier later last next past early late mid
january february march april may june july august september october november december
mr mrs ms dr new one two three first second time
""".split())


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause before and after ``text[start:end]`` (to the nearest punctuation)."""
    return _CLAUSE_END.split(text[:start])[-1], _CLAUSE_END.split(text[end:], maxsplit=1)[0]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word.lower().strip("’'-"))


_DETERMINER = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
               "whose", "every", "each", "any", "some", "no"}
_AUXILIARY = {"to", "will", "would", "could", "should", "may", "might", "must", "did", "does", "do", "has", "have",
              "had", "is", "was", "were", "are", "been", "be", "being", "not", "also", "officially", "formally"}


# Plural nouns that look like verbs in -s ("warnings", "members", "officials"): not acts.
_NOUN_PLURAL = ("ings", "ions", "ments", "ers", "ors", "ists", "ants", "ents", "als", "ties", "ans", "ees")


def act_words(text: str, start: int, end: int, reach: int = 1) -> frozenset[str]:
    """Like :func:`event_words`, but only words that read as verbs: what was *done* at that time
    ("closed on Friday", "had to close Saturday", "the lease expires in 2031"), not the
    nouns of the topic ("Sunday's flood", "the Wednesday session", "budget 2024").

    The nearest ``reach`` words on each side count, names included (a name next to the date
    gives no act). A date that modifies a noun ("a 2019 levy", "Monday's vote") is the time
    of that noun, so the verb before it is not its act.
    """
    left, right = _clause(text, start, end)
    tokens_left, tokens_right = _WORD.findall(left), _WORD.findall(right)
    modifies_noun = (bool(tokens_left) and tokens_left[-1].lower() in _DETERMINER) or bool(re.match(r"[’']s\b", right))
    found = []
    for tokens, side in ((tokens_left, "left"), (tokens_right, "right")):
        if side == "left" and modifies_noun:
            continue
        near = [(i, w) for i, w in enumerate(tokens) if len(w) > 2 and w.lower() not in _STOP]
        # the act is before its time more often than after it ("opened a new wing earlier this
        # week"); after the date the next clause's verb ("... Monday to call a vote") is another act
        near = near[-reach:] if side == "left" else near[: max(1, reach - 1)]
        for i, w in near:
            previous = tokens[i - 1].lower() if i > 0 else ""
            following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
            if not w.islower() or previous in _DETERMINER or previous.endswith(("’s", "'s")):
                continue
            if side == "right" and previous == "to":
                continue  # "late Monday to call a vote": the purpose, not the act dated Monday
            # "expires" in "the lease expires in 2031" is a verb; "permits" in "permits are due" a subject
            verb_s = (w.endswith("s") and not w.endswith(("ss", "us", "is") + _NOUN_PLURAL)
                      and following not in _AUXILIARY)
            if previous in _AUXILIARY or w.endswith("ed") or verb_s:
                found.append(stem(w))
    return frozenset(found)


def event_words(text: str, start: int, end: int, reach: int = 3, before: bool = True) -> frozenset[str]:
    """Stems of up to ``reach`` lowercase content words on each side of ``text[start:end]`` (only
    after it when not ``before``), within its clause: what the time or figure there is of.

    Names are left out on purpose: every claim of an event names its people, so a shared name
    says nothing about which of their acts a date belongs to.
    """
    left, right = _clause(text, start, end)
    left = left if before else ""
    words_before = [w for w in _WORD.findall(left) if _content(w)][-reach:] if reach else []
    words_after = [w for w in _WORD.findall(right) if _content(w)][:reach] if reach else []
    return frozenset(stem(w) for w in words_before + words_after)


def _content(word: str) -> bool:
    return len(word) > 2 and word.islower() and word not in _STOP


def clause_names(text: str, start: int, end: int) -> frozenset[str]:
    """Capitalised words (not sentence-initial) in the clause around ``text[start:end]``: who or
    what took part in the act dated there ("a letter to the Harbour Gazette published Saturday")."""
    left, right = _clause(text, start, end)
    words = _WORD.findall(left)[1:] + _WORD.findall(right)
    return frozenset(w.strip("’'").lower() for w in words
                     if w[:1].isupper() and not w.isupper() and w.lower() not in _STOP and len(w) > 2)
