"""A claim repeated across articles (wire copy) is read once; its facts still point into each article."""
from __future__ import annotations

from claims.clean import clean
from claims.extract import extract, extract_all
from claims.split import claim_spans, sentences
from claims.types import Document

WIRE = "Interior Minister Dana Okafor said 312 people were evacuated from Lowmoor on Tuesday."


def _spans():
    docs = [Document("d0", "a.txt", WIRE + "\n"),
            Document("d1", "b.txt", "The river rose overnight near the old mill.\n\n" + WIRE + "\n")]
    return docs, [s for d in docs for s in claim_spans(sentences(clean(d)), d.text)]


def test_repeated_text_gives_each_article_its_own_offsets():
    docs, spans = _spans()
    text = {d.id: d.text for d in docs}
    claims = extract_all(spans)
    repeated = [c for c in claims if c.text == WIRE]
    assert len(repeated) == 2 and repeated[0].start != repeated[1].start
    for c in repeated:
        body = text[c.doc]
        assert [body[q.start:q.end] for q in c.quantities] == [q.text for q in c.quantities] != []
        assert [body[d.start:d.end] for d in c.dates] == [d.text for d in c.dates] != []
        person = c.people[0]
        assert body[person.start:person.end] == person.text
        assert body[person.role_start:person.role_end] == person.role_text


def test_reading_once_changes_nothing():
    _, spans = _spans()
    assert extract_all(spans) == [extract(s, f"c{i}") for i, s in enumerate(spans)]
