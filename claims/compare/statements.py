"""Date and negation comparators: near-identical statements that differ in when, or in yes/no.

Both only look at near paraphrases (high embedding similarity), since a date or
a "not" only contradicts a statement about the same thing.
"""
from __future__ import annotations

import re

from claims.compare.base import PairComparator, ScoringContext, make_flag
from claims.settings import knob, section
from claims.extract.dates import compatible, publication_date, resolve
from claims.extract.events import act_words, clause_names
from claims.extract.people import HAS_SPEECH as _SPEECH
from claims.extract.polarity import negated_predicates, negation_cues, stem
from claims.types import Claim, DateMention, Fact, Flag, Highlight

_WORD = re.compile(r"[a-z]{3,}")
_STOP = {"the", "and", "that", "this", "with", "for", "from", "has", "have", "had", "was", "were", "not",
         "are", "its", "his", "her", "their", "been", "said", "says", "would", "will", "than", "but", "never"}


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _other_figures_differ(a: Claim, b: Claim) -> bool:
    """Both claims count the same measured thing, with different values."""
    return any(qa.measure and qa.measure == qb.measure and qa.kind == qb.kind and qa.value != qb.value
               for qa in a.quantities for qb in b.quantities)


@section
class DateSettings:
    min_similarity_paraphrase: float = knob(
        0.75, "near-identical statements (cosine >= this) with two calendar days (June 5, June 7) disagree whatever "
              "words the dates sit by", embedding=True)
    min_similarity_event: float = knob(
        0.5, "below this two claims are about different things even when a date sits by the same verb", embedding=True)
    min_shared_event_words: int = knob(
        1, "content words (stemmed) next to both dates: the same act (closed, opened) makes them one event")
    min_similarity_participant: float = knob(
        0.1, "one act with the same named participant in both dates' clauses (opened ... Harbour Gazette) "
              "is one event even when the sentences embed far apart", embedding=True)
    event_reach: int = knob(
        2, "content words read on each side of a date; at 3, shared nouns of the topic paired 379 unrelated "
           "dates on the real-news dev set")
    score_paraphrase: float = knob(0.45, "score of a paraphrase with two dates, plus its similarity above the cut")
    score_event: float = knob(0.5, "score of one act given two days, plus similarity_weight x its similarity above the cut")
    similarity_weight: float = knob(0.5, "closer claims about one act rank first")


def _calendar_day(d: DateMention) -> bool:
    return d.month is not None and d.day_low is not None and d.day_low == d.day_high


def _placed(d: DateMention, claim: Claim, ctx: ScoringContext):
    published = publication_date(ctx.documents[claim.doc].date)
    return resolve(d, published, claim.text[: d.start - claim.start])


class DateComparator(PairComparator):
    """One event given two times that cannot both be right.

    Each date is placed on the calendar against its article's publication date ("on Friday"
    in an article of Sunday 30 November is 28 November; "earlier this week" is Monday up to
    the day before). Two claims disagree when they date the *same act* (a shared verb or
    participant next to both dates, and related claims) to days that do not overlap, or
    when near-identical statements give two dates. A year against a day of that year, or
    "this year" against a month, overlap and agree.
    """

    kind = "date"
    label = "Dates differ"
    description = "The same event is given two dates or days that cannot both be right."
    specificity = 30
    settings_class = DateSettings

    def compare(self, a: Claim, b: Claim, ctx: ScoringContext) -> Flag | None:
        if not a.dates or not b.dates:
            return None
        cfg = self.settings(ctx)
        sim = ctx.similarity(a, b)
        if sim < min(cfg.min_similarity_event, cfg.min_similarity_participant):
            return None
        paraphrase = sim >= cfg.min_similarity_paraphrase
        conflict = None
        agreeing_events: set[str] = set()
        acts_b = [act_words(b.text, db.start - b.start, db.end - b.start, cfg.event_reach) for db in b.dates]
        for da in a.dates:
            wa = act_words(a.text, da.start - a.start, da.end - a.start, cfg.event_reach)
            for db, wb in zip(b.dates, acts_b):
                shared = wa & wb
                same_event = len(shared) >= cfg.min_shared_event_words and (
                    sim >= cfg.min_similarity_event
                    or (sim >= cfg.min_similarity_participant
                        and clause_names(a.text, da.start - a.start, da.end - a.start)
                        & clause_names(b.text, db.start - b.start, db.end - b.start)))
                # a near paraphrase with no act beside its dates: only two calendar days are compared;
                # weekdays there are more often two steps of one story, and years or months two
                # rounds of a repeated act (stood in 2010, stands in 2022; budget 2021, budget 2023)
                if not (same_event or (paraphrase and _calendar_day(da) and _calendar_day(db))):
                    continue
                if self._agree(da, a, db, b, ctx):
                    agreeing_events |= shared or {"*"}
                elif conflict is None or len(shared) > len(conflict[2]):
                    conflict = (da, db, shared)
        if conflict is None:
            return None
        da, db, shared = conflict
        if (shared & agreeing_events) or (not shared and agreeing_events):
            return None  # the claims also date that act alike: the other date is another event
        if _other_figures_differ(a, b):
            return None  # other figures differ too: two events (floods in two years), not one misdated
        if shared:
            score = cfg.score_event + cfg.similarity_weight * (sim - cfg.min_similarity_event)
            what = "date the same event"
        else:
            score = cfg.score_paraphrase + (sim - cfg.min_similarity_paraphrase)
            what = "are near-identical statements"
        placed = [self._day_text(d, c, ctx) for d, c in ((da, a), (db, b))]
        fact = self._fact(da, a, db, b, shared, ctx)
        return make_flag(a, b, self.kind, score,
                         f"Two claims {ctx.where(a, b)} {what} but give different times: "
                         f"“{da.text}”{placed[0]} vs “{db.text}”{placed[1]}.",
                         [Highlight(da.start, da.end, da.text)], [Highlight(db.start, db.end, db.text)],
                         group="date|" + "|".join(sorted((da.text.lower(), db.text.lower()))), fact=fact)

    @staticmethod
    def _fact(da: DateMention, a: Claim, db: DateMention, b: Claim, shared: set[str], ctx: ScoringContext) -> Fact:
        """The act dated (its stems: the same act in another run or folder is the same fact); a
        paraphrase with no act is named by the words both claims share. Values are calendar
        days where the dates could be placed."""
        if shared:
            word = next((m.group(0) for s in sorted(shared)
                         for m in [re.search(rf"\b{re.escape(s)}\w*", a.text, re.I)] if m), sorted(shared)[0])
            subject, label = "date|" + "+".join(sorted(shared)), f"When “{word.lower()}” happened"
        else:
            words = sorted(_content_words(a.text) & _content_words(b.text))[:6]
            subject, label = "date|" + "+".join(words), "When it happened"

        def value(d: DateMention, c: Claim) -> str:
            placed = _placed(d, c, ctx)
            if placed is not None:
                lo, hi = placed
                return lo.isoformat() if lo == hi else f"{lo.isoformat()}/{hi.isoformat()}"
            return " ".join(d.text.lower().split())

        return Fact(subject, label, value(da, a), value(db, b), da.text, db.text)

    @staticmethod
    def _agree(da: DateMention, a: Claim, db: DateMention, b: Claim, ctx: ScoringContext) -> bool:
        ra, rb = _placed(da, a, ctx), _placed(db, b, ctx)
        if ra is not None and rb is not None:
            return ra[0] <= rb[1] and rb[0] <= ra[1]
        if da.relative or db.relative:
            return True  # "last week" without a publication date: unknown, so no conflict
        if (da.weekday is not None or db.weekday is not None) and a.doc != b.doc:
            # weekdays of articles with unknown publication dates cannot be placed
            pub_a, pub_b = ctx.documents[a.doc].date, ctx.documents[b.doc].date
            if not pub_a or pub_a != pub_b:
                return True
        return compatible(da, db)

    @staticmethod
    def _day_text(d: DateMention, claim: Claim, ctx: ScoringContext) -> str:
        """ " (28 Nov 2014)" when a relative time was placed on the calendar, else ""."""
        if d.weekday is None and not d.relative:
            return ""
        placed = _placed(d, claim, ctx)
        if placed is None:
            return ""
        lo, hi = placed
        return f" ({lo:%a %d %b %Y})" if lo == hi else f" ({lo:%d %b}–{hi:%d %b %Y})"


def _denies(negated: str, positive: str, min_shared: int, min_share: float) -> bool:
    """The positive claim states the governed verb and most of the governed words."""
    other = {stem(w) for w in re.findall(r"[A-Za-z]{3,}", positive)}
    for stems in negated_predicates(negated):
        shared = [s for s in stems if s in other]
        if stems[0] in other and len(shared) >= min_shared and len(shared) / len(stems) >= min_share:
            return True
    return False


def _reported(claim: Claim) -> bool:
    """Someone's statement rather than the article's own: a speaker or a speech verb."""
    return claim.attribution is not None or bool(_SPEECH.search(claim.text))


@section
class NegationSettings:
    min_similarity_same_statement: float = knob(
        0.8, "opposite polarity counts only between near-identical statements (cosine >= this)", embedding=True)
    min_shared_words: float = knob(0.5, "and when they share at least this share of their content words (Jaccard)")
    denial_rule: bool = knob(
        False, "a denial whose verb and object reappear in another claim: 0 of 62 such flags were right on the "
               "real-news dev set (a claim's words recur in unrelated statements); still 0 of 17 with unreported "
               "claims and three shared words, so off unless asked")
    min_similarity_denial: float = knob(0.35, "a denial and an assertion must be at least this related", embedding=True)
    min_shared_denied_words: int = knob(
        3, "the denied verb and the words it governs that the assertion repeats (declared ... state ... emergency)")
    quoted_ok: bool = knob(
        False, "quotes against narration were 0 of 131 negation flags right on real news: a quote is a claim "
               "someone made, beside its paraphrase or its rebuttal, not a contradiction of fact")
    score_same_statement: float = knob(0.5, "score of a statement asserted and denied, plus its similarity above the cut")
    score_denial: float = knob(0.4, "score of a denial matched on its words, plus denial_similarity_weight x its "
                                    "similarity above the cut")
    denial_similarity_weight: float = knob(0.2, "the embedding barely tells a denial from its assertion: a small weight")
    min_denied_share: float = knob(0.6, "share of the denied words the assertion must repeat")


_QUOTED = re.compile(r"[“\"][^”\"]{3,}[”\"]|[“\"][^”\"]{3,}$|^[^“\"]{3,}[”\"]")


def _quotes(claim: Claim) -> bool:
    """The claim quotes someone (quotation marks, or the open end of a quote split across claims)."""
    return bool(_QUOTED.search(claim.text)) or claim.text.count("\"") % 2 == 1


class NegationComparator(PairComparator):
    """A statement asserted in one claim and denied in another.

    Two ways in: near-identical claims (cosine >= 0.8, most words shared) of
    opposite polarity; or a denial whose governed words ("not declared a state of
    emergency") mostly reappear in a positive claim about the same thing, scored
    lower since the embedding barely tells them apart. Quotes are left out by
    default: on real news nearly every quote beside a negation is a paraphrase of it,
    another speaker's opinion or an accusation and its denial, a dispute to show
    rather than a contradiction to flag.
    """

    kind = "negation"
    label = "One side negates the other"
    description = "The same subject asserts and denies the same thing."
    specificity = 20
    settings_class = NegationSettings

    def compare(self, a: Claim, b: Claim, ctx: ScoringContext) -> Flag | None:
        if a.negated == b.negated or a.hedged or b.hedged:
            return None
        cfg = self.settings(ctx)
        if not cfg.quoted_ok and (_quotes(a) or _quotes(b)):
            return None
        sim = ctx.similarity(a, b)
        if sim < min(cfg.min_similarity_denial, cfg.min_similarity_same_statement):
            return None
        neg, pos = (a, b) if a.negated else (b, a)
        wa, wb = _content_words(a.text), _content_words(b.text)
        if not wa or not wb:
            return None
        if sim >= cfg.min_similarity_same_statement and len(wa & wb) / len(wa | wb) >= cfg.min_shared_words:
            score = cfg.score_same_statement + (sim - cfg.min_similarity_same_statement)
            expl = "The same statement is asserted and denied"
        else:
            if not cfg.denial_rule or sim < cfg.min_similarity_denial or _reported(a) or _reported(b) \
                    or not _denies(neg.text, pos.text, cfg.min_shared_denied_words, cfg.min_denied_share):
                return None
            score = cfg.score_denial + cfg.denial_similarity_weight * (sim - cfg.min_similarity_denial)
            expl = "One claim denies what the other asserts"
        cues = [Highlight(neg.start + s, neg.start + e, "negation") for s, e in negation_cues(neg.text)]
        ha, hb = (cues, []) if neg is a else ([], cues)
        denied = negated_predicates(neg.text)
        group = "negation|" + " ".join(denied[0][:3]) if denied else ""
        # the statement is named by what is denied (or the words both share); its values are the two stances
        what = " ".join(denied[0][:3]) if denied else " ".join(sorted(wa & wb)[:6])
        stance = {a.id: "denied" if a is neg else "asserted", b.id: "denied" if b is neg else "asserted"}
        fact = Fact(f"negation|{what}", "Asserted and denied", stance[a.id], stance[b.id], stance[a.id], stance[b.id])
        return make_flag(a, b, self.kind, score, f"{expl} {ctx.where(a, b)}.", ha, hb, group=group, fact=fact)
