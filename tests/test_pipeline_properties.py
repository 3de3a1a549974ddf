"""Property tests: for any text, cleaning, splitting and extraction keep claims inside the document."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.clean import clean
from claims.extract import extract
from claims.split import claim_spans, sentences
from claims.types import Document

# Text that looks like news more often than uniform noise does: words, numbers,
# punctuation, quotes, newlines, plus arbitrary unicode now and then.
_TOKENS = st.sampled_from([
    "The", "minister", "said", "Mr.", "U.S.", "Sept.", "12", "1,200", "3.5", "million", "dozens", "of",
    "people", "were", "killed", "not", "never", "President", "Jane", "Roe", "in", "2019", "October", "9",
    ".", ",", ";", "?", "!", "“", "”", "\"", "'", "\n", "\n\n", "[ad_1]", "-", "Date: 01/02/20 10:00",
    "according", "to", "while", "but", "if", "indeed", "é", "—", " ", "\t", "\r\n",
])
_TEXT = st.one_of(
    st.lists(_TOKENS, max_size=120).map(" ".join),
    st.text(max_size=400),
)


def _claims(text: str):
    doc = Document("d0", "x.txt", text)
    cleaned = clean(doc)
    spans = claim_spans(sentences(cleaned), text)
    return cleaned, spans, [extract(s, f"c{i}") for i, s in enumerate(spans)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_claims_lie_inside_the_document_in_order_without_overlap(text):
    cleaned, spans, claims = _claims(text)
    for span in cleaned.spans:
        assert 0 <= span.start < span.end <= len(text)
    previous_end = 0
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.start >= previous_end
        previous_end = c.end
        assert c.sentence_start <= c.start and c.end <= c.sentence_end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_extracted_facts_point_inside_their_claim(text):
    _, _, claims = _claims(text)
    for c in claims:
        for fact in [*c.quantities, *c.dates, *c.people]:
            assert c.start <= fact.start < fact.end <= c.end
            assert fact.text.strip() in text[fact.start : fact.end] or text[fact.start : fact.end].strip() in fact.text
        for q in c.quantities:
            assert 0 <= q.low <= q.high
