"""Claims built from small invented articles, embedded with the real model, for comparator unit tests."""
from __future__ import annotations

import pytest

from claims.clean import clean
from claims.compare import ScoringContext
from claims.extract import extract
from claims.split import claim_spans, sentences
from claims.types import Document


@pytest.fixture
def corpus(embedder):
    """``corpus({"a.txt": (text, "2014-11-30"), ...})`` -> (claims, ScoringContext).

    Each article is (text, publication date or None); claims come from the real
    split and extract stages, vectors from the real model.
    """

    def _build(articles: dict[str, tuple[str, str | None]]):
        docs, claims = {}, []
        for i, (name, (text, published)) in enumerate(articles.items()):
            doc = Document(f"d{i}", name, text, date=published)
            docs[doc.id] = doc
            for span in claim_spans(sentences(clean(doc)), text):
                claims.append(extract(span, f"c{len(claims)}"))
        vectors = embedder.encode([c.text for c in claims])
        ctx = ScoringContext(documents=docs, claims={c.id: c for c in claims},
                             index={c.id: i for i, c in enumerate(claims)}, vectors=vectors)
        return claims, ctx

    return _build


def claim_with(claims, snippet: str):
    """The one claim containing ``snippet``."""
    found = [c for c in claims if snippet in c.text]
    assert len(found) == 1, f"{len(found)} claims contain {snippet!r}"
    return found[0]
