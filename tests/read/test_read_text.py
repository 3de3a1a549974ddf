"""claims.read.text: YAML front matter at the top of .md/.txt files, and look-alikes that are not."""
from __future__ import annotations

from read_helpers import Warnings, write

from claims.clean import clean
from claims.read import read_documents
from claims.read.text import front_matter, text_meta
from claims.split import claim_spans, sentences

FRONT = (
    "---\n"
    'title: "Ferry strike halts crossings to Lunholm"\n'
    "source: Lunholm Tribune\n"
    "published: 2023-05-17T06:30:00+02:00\n"
    "url: https://tribune.example/2023/05/ferry-strike\n"
    "tags: [transport, strike]\n"
    "---\n"
)
BODY = (
    "# Ferry strike halts crossings to Lunholm\n"
    "\n"
    "Crews of the Lunholm ferry line stopped work on Wednesday, cancelling 14 crossings.\n"
    "Union spokesperson Teodor Vasko said the strike would last at least two days.\n"
)


def test_front_matter_fills_metadata_and_body_start(tmp_path):
    f = write(tmp_path / "clip.md", FRONT + BODY)
    [doc] = read_documents([f])
    assert doc.text == f.read_text(encoding="utf-8")  # the whole file: offsets index the file
    assert doc.body_start == len(FRONT)
    assert doc.text[doc.body_start:] == BODY
    assert doc.title == "Ferry strike halts crossings to Lunholm"
    assert doc.outlet == "Lunholm Tribune"
    assert doc.date == "2023-05-17"
    assert doc.url == "https://tribune.example/2023/05/ferry-strike"


def test_no_claim_comes_from_front_matter(tmp_path):
    # a front matter value that reads like a sentence must still not become a claim
    front = FRONT.replace("tags: [transport, strike]", "description: The strike cancelled 40 crossings on Monday.")
    f = write(tmp_path / "clip.txt", front + BODY)
    [doc] = read_documents([f])
    cleaned = clean(doc)
    assert all(span.start >= doc.body_start for span in cleaned.spans)
    assert all(span.start >= doc.body_start for span, _ in cleaned.dropped)
    claims = claim_spans(sentences(cleaned), doc.text)
    assert claims, "the body has claims"
    for claim in claims:
        assert claim.start >= doc.body_start
        assert doc.text[claim.start:claim.end] == claim.text
    assert not any("40 crossings" in c.text for c in claims)


def test_clipper_keys_and_spellings(tmp_path):
    text = (
        "\ufeff---\n"
        "Title: Dam inspection finds cracks\n"
        "source: https://valleypost.example/dam\n"  # a clipper's "source" is the address
        "publisher:\n  name: Valley Post\n"
        "created: 12 March 2022\n"
        "---\n"
        "Inspectors found three cracks in the Orsk dam wall, the water board said.\n"
    )
    f = write(tmp_path / "a.md", text)
    [doc] = read_documents([f])
    assert (doc.title, doc.outlet, doc.date, doc.url) == (
        "Dam inspection finds cracks", "Valley Post", "2022-03-12", "https://valleypost.example/dam")
    assert doc.text.startswith("\ufeff---")  # the BOM is kept, like read_text
    assert doc.text[doc.body_start:].startswith("Inspectors")


def test_front_matter_body_title_fills_the_gaps():
    meta, matter = text_meta("---\noutlet: Harbour Daily\n---\n# Tram line reopens\n\nBody text here.", markdown=True)
    assert matter is not None
    assert meta.outlet == "Harbour Daily" and meta.title == "Tram line reopens"


def test_unparseable_date_is_none_without_error(tmp_path):
    f = write(tmp_path / "a.md", "---\ntitle: Bad date\ndate: 2021-02-30\n---\nThe council met on Tuesday evening.\n")
    [doc] = read_documents([f])
    assert doc.date is None and doc.title == "Bad date"


def test_horizontal_rule_in_the_middle_is_not_front_matter(tmp_path):
    text = (
        "Market hall to close for repairs\n\n"
        "The market hall in Brenmoor will close for six weeks, the town said.\n"
        "---\n"
        "title: Not metadata\n"
        "---\n"
        "Traders will move to the car park during the works.\n"
    )
    f = write(tmp_path / "a.md", text)
    [doc] = read_documents([f])
    assert doc.body_start == 0
    assert doc.title == "Market hall to close for repairs"
    assert front_matter(text) is None


def test_front_matter_not_at_the_top_is_not_metadata(tmp_path):
    text = "\n---\ntitle: Too late\nsource: Nobody\n---\nThe bridge opened on Friday after two years of work.\n"
    f = write(tmp_path / "a.md", text)
    [doc] = read_documents([f])
    assert doc.body_start == 0 and doc.outlet is None and doc.title != "Too late"


def test_rules_around_a_paragraph_are_not_front_matter():
    assert front_matter("---\nA paragraph between two rules.\n---\nMore text.\n") is None
    assert front_matter("---\n- a list\n- not a mapping\n---\nText.\n") is None
    assert front_matter("---\n---\nText.\n") is None
    assert front_matter("--- \ntitle: no closing line\nText.\n") is None
    assert front_matter("----\ntitle: four dashes\n----\nText.\n") is None


def test_broken_yaml_front_matter_is_still_cut_off_with_a_warning(tmp_path):
    text = "---\ntitle: Storm: the aftermath: part two\nsource: Coast Herald\n---\nWinds reached 140 km/h on the coast.\n"
    f = write(tmp_path / "a.md", text)
    warnings = Warnings()
    [doc] = read_documents([f], warn=warnings)
    assert doc.text[doc.body_start:] == "Winds reached 140 km/h on the coast.\n"
    assert doc.title is None and doc.outlet is None
    assert len(warnings) == 1 and "front matter" in warnings[0] and "a.md" in warnings[0]


def test_hostile_yaml_is_safe(tmp_path):
    # python tags are refused by safe loading; aliases are fine; deep nesting does not crash
    for block in ("title: !!python/object/apply:os.system ['echo hi']",
                  "a: &a [x, x, x]\nb: &b [*a, *a, *a]\ntitle: Aliases",
                  "title: " + "[" * 5000 + "]" * 5000):
        f = write(tmp_path / "a.md", f"---\n{block}\n---\nThe museum reopened on Sunday.\n")
        [doc] = read_documents([f], warn=Warnings())
        assert doc.text[doc.body_start:] == "The museum reopened on Sunday.\n"
        assert doc.title in (None, "Aliases")


def test_front_matter_only_file_is_skipped(tmp_path):
    write(tmp_path / "a.txt", "Buses run late after snowfall\n\nBuses ran up to an hour late on Monday.\n")
    write(tmp_path / "b.md", "---\ntitle: Empty clip\n---\n\n")
    warnings = Warnings()
    docs = read_documents([tmp_path], warn=warnings)
    assert [d.name for d in docs] == ["a.txt"]
    assert "b.md" in warnings[0] and "front matter" in warnings[0]


def test_same_article_with_different_front_matter_is_read_once(tmp_path):
    write(tmp_path / "a.md", "---\ncreated: 2023-05-17\n---\n" + BODY)
    write(tmp_path / "b.md", "---\ncreated: 2023-05-18\n---\n" + BODY)
    warnings = Warnings()
    assert len(read_documents([tmp_path], warn=warnings)) == 1
    assert "same text" in warnings[0]
