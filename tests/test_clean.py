"""claims.clean: which lines are article prose, and why the others were dropped.

Cleaning never rewrites text: kept paragraphs are offsets into Document.text,
so a highlighted claim in the report points at the right characters. A reader
comment or a syndicated repeat left in would be flagged against the article.
"""
from __future__ import annotations

from claims.clean import clean
from claims.types import Document

ARTICLE = """Storm floods coastal town of Vellmar
[ad_1]
![Flooded street in Vellmar](https://example.com/vellmar.jpg)
HomeNewsWeather
The river rose three metres overnight, officials said on Tuesday.
Photo: Getty Images
Mayor Ines Calder said 140 homes were flooded and 12 people were rescued.
THE RIVER ROSE THREE METRES OVERNIGHT — officials said on Tuesday!
Read more
***
Engineers will inspect the levee on Thursday, the council said.
LEAVE A REPLY
Date: 15/10/20 21:52 (UTC)
I live there and the river rose much more than three metres, believe me.
Another reader says the mayor is lying about the homes.
"""


def doc(text: str, title: str | None = None) -> Document:
    return Document(id="d0", path="a.txt", text=text, title=title)


def reasons(cleaned) -> dict[str, str]:
    text = cleaned.doc.text
    return {text[s.start : s.end]: why for s, why in cleaned.dropped}


def kept(cleaned) -> list[str]:
    text = cleaned.doc.text
    return [text[s.start : s.end] for s in cleaned.spans]


def test_only_article_prose_is_kept():
    c = clean(doc(ARTICLE))
    assert kept(c) == [
        "The river rose three metres overnight, officials said on Tuesday.",
        "Mayor Ines Calder said 140 homes were flooded and 12 people were rescued.",
        "Engineers will inspect the levee on Thursday, the council said.",
    ]


def test_each_dropped_line_has_its_reason():
    r = reasons(clean(doc(ARTICLE)))
    assert r["[ad_1]"] == "ad marker"
    assert r["![Flooded street in Vellmar](https://example.com/vellmar.jpg)"] == "image"
    assert r["HomeNewsWeather"] == "breadcrumb"
    assert r["Photo: Getty Images"] == "photo credit"
    assert r["Read more"] == "page furniture"
    assert r["LEAVE A REPLY"] == "page furniture"
    assert r["***"] == "no words"


def test_title_line_is_taken_as_title_not_as_a_claim():
    c = clean(doc(ARTICLE))
    assert c.title == "Storm floods coastal town of Vellmar"
    assert reasons(c)["Storm floods coastal town of Vellmar"] == "title"


def test_title_from_the_source_is_kept():
    c = clean(doc(ARTICLE, title="Vellmar under water"))
    assert c.title == "Vellmar under water"
    assert "Storm floods coastal town of Vellmar" not in kept(c)


def test_headline_like_line_after_the_body_starts_is_not_a_title():
    text = "The river rose three metres overnight, officials said.\nRescue crews working through the night\n"
    c = clean(doc(text))
    assert c.title is None
    assert "title" not in reasons(c).values()


def test_comment_section_is_dropped_from_its_date_header_to_the_end():
    c = clean(doc(ARTICLE))
    r = reasons(c)
    for line in (
        "Date: 15/10/20 21:52 (UTC)",
        "I live there and the river rose much more than three metres, believe me.",
        "Another reader says the mayor is lying about the homes.",
    ):
        assert r[line] == "comment section"
    assert not any("reader" in k or "believe me" in k for k in kept(c))


def test_the_word_date_inside_prose_does_not_start_a_comment_section():
    text = (
        "The court set a trial date: 12/05/2021 was chosen by the judge.\n"
        "Lawyers for the company said they would appeal the ruling.\n"
    )
    c = clean(doc(text))
    assert len(c.spans) == 2
    assert "comment section" not in reasons(c).values()


def test_repeated_paragraph_is_kept_once_even_with_other_case_and_punctuation():
    c = clean(doc(ARTICLE))
    body = kept(c)
    assert sum("river rose three metres" in line.lower() for line in body) == 1
    assert reasons(c)["THE RIVER ROSE THREE METRES OVERNIGHT — officials said on Tuesday!"] == "repeated paragraph"
    # the first occurrence is the one kept
    assert body[0].startswith("The river rose")


def test_similar_but_different_paragraphs_are_both_kept():
    text = (
        "The river rose three metres overnight, officials said.\n"
        "The river rose four metres overnight, officials said.\n"
    )
    assert len(clean(doc(text)).spans) == 2


def test_spans_index_the_original_text_trimmed():
    text = "  \r\n   The levee held through the night, engineers said.  \r\n\n\t Crews stayed on site until dawn.\t\r\n"
    c = clean(doc(text))
    assert kept(c) == ["The levee held through the night, engineers said.", "Crews stayed on site until dawn."]
    for s in c.spans:
        assert s.doc == "d0"
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()


def test_every_non_blank_line_is_either_kept_or_dropped_once():
    c = clean(doc(ARTICLE))
    lines = [line.strip() for line in ARTICLE.splitlines() if line.strip()]
    accounted = sorted([(s.start, s.end) for s in c.spans] + [(s.start, s.end) for s, _ in c.dropped])
    assert [ARTICLE[s:e] for s, e in accounted] == lines
    starts = [s.start for s in c.spans]
    assert starts == sorted(starts)


def test_inline_ad_text_is_not_rewritten():
    text = "The council approved the budget [ad_1] on Monday, the mayor said.\n"
    c = clean(doc(text))
    assert kept(c) == [text.strip()]


def test_no_text_gives_no_spans():
    c = clean(doc(""))
    assert c.spans == [] and c.dropped == []
