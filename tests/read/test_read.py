"""claims.read: every bad input gives a one-line InputError naming the file; good inputs read right."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claims.read import common as read_limits
from claims.errors import InputError
from claims.read import html_to_text, parse_date, read_documents, text_title_and_date

ARTICLE = (
    "Quake kills hundreds in mountain towns\n"
    "\n"
    "At least 300 people were killed when a magnitude 6.8 earthquake struck on Monday.\n"
    "Interior Minister Lena Ortiz said rescue teams had reached the worst-hit villages.\n"
)
OTHER = "Floods displace thousands.\n\nMore than 5,000 people left their homes after the river burst its banks.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def read_error(paths, **kw) -> str:
    with pytest.raises(InputError) as info:
        read_documents(paths, **kw)
    msg = str(info.value)
    assert "\n" not in msg and msg.strip() == msg and msg, msg
    assert "Traceback" not in msg
    return msg


class Warnings(list):
    def __call__(self, msg: str) -> None:
        assert "\n" not in msg
        self.append(msg)


# ------------------------------------------------------------------ bad input


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    msg = read_error([missing])
    assert str(missing) in msg and "no such file" in msg


def test_missing_path_among_good_ones_is_still_an_error(tmp_path):
    good = write(tmp_path / "a.txt", ARTICLE)
    msg = read_error([good, tmp_path / "typo.txt"])
    assert "typo.txt" in msg


def test_no_paths_at_all():
    read_error([])


def test_folder_with_no_supported_files(tmp_path):
    folder = tmp_path / "pics"
    write(folder / "a.png", b"\x89PNG\r\n")
    write(folder / ".hidden.txt", ARTICLE)  # hidden files do not count
    msg = read_error([folder])
    assert str(folder) in msg and "no supported files" in msg


def test_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    msg = read_error([tmp_path / "empty"])
    assert "empty" in msg


def test_empty_file_alone_is_an_error(tmp_path):
    empty = write(tmp_path / "empty.txt", "")
    msg = read_error([empty])
    assert str(empty) in msg and "empty" in msg


def test_whitespace_only_file_counts_as_empty(tmp_path):
    blank = write(tmp_path / "blank.txt", " \n\t\r\n  \n")
    msg = read_error([blank])
    assert "blank.txt" in msg and "empty" in msg


def test_empty_file_among_good_ones_is_skipped_with_a_warning(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", "")
    warnings = Warnings()
    docs = read_documents([tmp_path], warn=warnings)
    assert [Path(d.path).name for d in docs] == ["a.txt"]
    assert len(warnings) == 1 and "b.txt" in warnings[0] and "empty" in warnings[0]


def test_binary_file(tmp_path):
    binary = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    msg = read_error([binary])
    assert str(binary) in msg and "binary" in msg


def test_binary_file_without_nul_bytes(tmp_path):
    binary = write(tmp_path / "blob.md", bytes([1, 2, 3, 4, 5, 6, 7, 8, 200, 201]) * 50)
    msg = read_error([binary])
    assert "blob.md" in msg and "binary" in msg


def test_binary_file_in_a_folder_is_skipped_with_a_warning(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", b"\x00\x01\x02" * 100)
    warnings = Warnings()
    docs = read_documents([tmp_path], warn=warnings)
    assert [Path(d.path).name for d in docs] == ["a.txt"]
    assert len(warnings) == 1 and "b.txt" in warnings[0] and "binary" in warnings[0]


def test_folder_of_only_binary_files_is_an_error(tmp_path):
    write(tmp_path / "b.txt", b"\x00\x01\x02" * 100)
    msg = read_error([tmp_path])
    assert "b.txt" in msg and "binary" in msg


def test_undecodable_bytes_name_the_file_and_offset(tmp_path):
    bad = write(tmp_path / "bad.txt", b"Valid start. " + bytes(range(0x80, 0x100)) * 4)
    msg = read_error([bad])
    assert str(bad) in msg and "offset 13" in msg and "UTF-8" in msg


def test_legacy_encoding_is_detected(tmp_path):
    text = "\u201cWe have conflict in its worst form,\u201d he said \u2013 the army\u2019s losses were small. " * 3
    f = write(tmp_path / "cp1252.txt", text.encode("cp1252"))
    [doc] = read_documents([f])
    assert doc.encoding == "cp1252"
    assert doc.text == text
    assert doc.text == f.read_text(encoding=doc.encoding)


def test_cyrillic_legacy_encoding_is_detected(tmp_path):
    text = "Президент России Владимир Путин заявил, что погибли 5000 человек. " * 3
    f = write(tmp_path / "ru.txt", text.encode("cp1251"))
    [doc] = read_documents([f])
    assert doc.text == text


def test_utf16_with_bom(tmp_path):
    f = write(tmp_path / "u16.txt", ARTICLE.encode("utf-16"))
    [doc] = read_documents([f])
    assert doc.text == ARTICLE and doc.encoding == "utf-16"


def test_unsupported_extension_alone_is_an_error(tmp_path):
    pdf = write(tmp_path / "report.pdf", "%PDF-1.4 not really")
    msg = read_error([pdf])
    assert str(pdf) in msg and "unsupported" in msg and ".pdf" in msg


def test_unsupported_extension_among_good_ones_is_a_warning(tmp_path):
    good = write(tmp_path / "a.txt", ARTICLE)
    pdf = write(tmp_path / "report.pdf", "%PDF-1.4")
    warnings = Warnings()
    docs = read_documents([good, pdf], warn=warnings)
    assert len(docs) == 1
    assert len(warnings) == 1 and "report.pdf" in warnings[0]


def test_unsupported_files_in_a_folder_are_summarised(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "x.pdf", "x")
    write(tmp_path / "y.png", "y")
    warnings = Warnings()
    docs = read_documents([tmp_path], warn=warnings)
    assert len(docs) == 1
    assert len(warnings) == 1 and "2 unsupported files" in warnings[0] and ".pdf" in warnings[0]


def test_file_over_the_size_limit_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(read_limits, "MAX_FILE_BYTES", 1000)
    write(tmp_path / "a.txt", ARTICLE)
    big = write(tmp_path / "big.txt", "word " * 400)
    warnings = Warnings()
    docs = read_documents([tmp_path], warn=warnings)
    assert [Path(d.path).name for d in docs] == ["a.txt"]
    assert "big.txt" in warnings[0] and "too large" in warnings[0] and "50 MB" in warnings[0]
    msg = read_error([big])
    assert str(big) in msg and "too large" in msg


def test_file_with_no_sentence_punctuation_is_still_read(tmp_path):
    text = "breaking news\nhundreds dead in quake\nofficials say toll will rise\n"
    f = write(tmp_path / "nopunct.txt", text)
    [doc] = read_documents([f])
    assert doc.text == text


def test_html_full_of_scripts(tmp_path):
    scripts = "".join(f"<script>var a{i} = 'Ignore me {i}.';</script>" for i in range(200))
    page = f"<html><head>{scripts}</head><body>{scripts}<p>The only sentence.</p>{scripts}</body></html>"
    f = write(tmp_path / "page.html", page)
    [doc] = read_documents([f])
    assert doc.text == "The only sentence."


def test_html_with_only_scripts_is_empty(tmp_path):
    f = write(tmp_path / "page.html", "<html><script>document.write('x')</script></html>")
    msg = read_error([f])
    assert str(f) in msg and "no visible" in msg


def test_same_file_twice_is_read_once(tmp_path):
    f = write(tmp_path / "a.txt", ARTICLE)
    warnings = Warnings()
    docs = read_documents([f, tmp_path, str(f)], warn=warnings)
    assert len(docs) == 1 and docs[0].path == str(f)
    assert len(warnings) == 2 and all("twice" in w and "a.txt" in w for w in warnings)


def test_same_content_twice_is_counted_once(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE.replace("\n", "\r\n"))  # same text, other line ends
    write(tmp_path / "c.txt", OTHER)
    warnings = Warnings()
    docs = read_documents([tmp_path], warn=warnings)
    assert [Path(d.path).name for d in docs] == ["a.txt", "c.txt"]
    assert [d.id for d in docs] == ["d0", "d1"]
    assert len(warnings) == 1 and "b.txt" in warnings[0] and "a.txt" in warnings[0]


def test_invalid_json_names_file_and_line(tmp_path):
    f = write(tmp_path / "a.json", '[\n  {"text": "ok"},\n  {"text": "broken",,}\n]\n')
    msg = read_error([f])
    assert str(f) in msg and "line 3" in msg


def test_a_bad_jsonl_line_is_named_and_the_good_records_kept(tmp_path):
    f = write(tmp_path / "a.jsonl", '{"text": "One."}\n\n{"text": "Two."\n{"text": "Four."}\n{oops\n')
    warnings = []
    docs = read_documents([f], warn=warnings.append)
    assert [(d.path, d.text) for d in docs] == [(f"{f}#1", "One."), (f"{f}#4", "Four.")]
    [warning] = warnings
    assert warning.startswith(f"{f}: skipped invalid JSON on line 3: ")
    assert warning.endswith("(and 1 more lines); read the other 2 records")


def test_a_jsonl_file_without_one_good_line_names_file_and_line(tmp_path):
    f = write(tmp_path / "a.jsonl", '\n{"text": "Two."\n{oops\n')
    msg = read_error([f])
    assert str(f) in msg and "line 2" in msg


def test_json_of_the_wrong_shape(tmp_path):
    f = write(tmp_path / "a.json", '"just a string"')
    msg = read_error([f])
    assert str(f) in msg and "object" in msg


def test_json_records_without_text(tmp_path):
    f = write(tmp_path / "a.json", '[{"title": "no body"}, 3]')
    msg = read_error([f])
    assert "a.json" in msg and "text field" in msg


def test_error_messages_escape_control_characters_in_names(tmp_path):
    f = tmp_path / "evil\nname.txt"
    msg = read_error([f])
    assert "evil<U+000A>name.txt" in msg  # one line, the character named (claims.display.shown_name)


# ------------------------------------------------------------------ good input


def test_txt_text_is_exactly_read_text(tmp_path):
    raw = "Title line\r\n\r\nFirst sentence.\rSecond \u2013 with “quotes”.\r\nLast\u00a0line \U0001F600\n"
    f = write(tmp_path / "a.txt", raw)
    [doc] = read_documents([f])
    assert doc.text == f.read_text(encoding="utf-8")
    assert "\r" not in doc.text
    assert doc.id == "d0" and doc.path == str(f) and doc.encoding == "utf-8"


def test_utf8_bom_is_kept_like_read_text(tmp_path):
    f = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    [doc] = read_documents([f])
    assert doc.text == f.read_text(encoding="utf-8")
    assert doc.title == "Quake kills hundreds in mountain towns"


def test_relative_paths_stay_relative(tmp_path, monkeypatch):
    write(tmp_path / "in" / "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    [doc] = read_documents(["in"])
    assert doc.path == os.path.join("in", "a.txt")
    assert doc.name == "a.txt"


def test_recursive_folder_sorted_hidden_skipped(tmp_path):
    write(tmp_path / "b.txt", "B article.")
    write(tmp_path / "a" / "z.md", "# Z\n\nZ article.")
    write(tmp_path / "a" / "y" / "x.txt", "X article.")
    write(tmp_path / ".git" / "c.txt", "hidden folder.")
    write(tmp_path / "a" / ".d.txt", "hidden file.")
    docs = read_documents([tmp_path])
    rel = [os.path.relpath(d.path, tmp_path) for d in docs]
    assert rel == [os.path.join("a", "y", "x.txt"), os.path.join("a", "z.md"), "b.txt"]
    assert [d.id for d in docs] == ["d0", "d1", "d2"]


def test_ids_follow_input_order(tmp_path):
    a = write(tmp_path / "a.txt", ARTICLE)
    c = write(tmp_path / "c.txt", OTHER)
    docs = read_documents([c, a])
    assert [(d.id, Path(d.path).name) for d in docs] == [("d0", "c.txt"), ("d1", "a.txt")]


def test_a_single_path_string_is_accepted(tmp_path):
    f = write(tmp_path / "a.txt", ARTICLE)
    assert len(read_documents(str(f))) == 1


def test_html_visible_text_only(tmp_path):
    page = """<!doctype html><html><head><title>Quake | Daily Site</title>
    <meta property="og:title" content="Quake kills 300">
    <meta property="article:published_time" content="2020-10-12T08:30:00+02:00">
    <style>p { color: red }</style><script>var tracking = "Do not read me.";</script></head>
    <body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <div class="promo">Subscribe now!</div>
    <article><header><h1>Quake   kills 300</h1></header>
      <p>At least 300 people
         were killed, officials said.</p>
      <!-- a comment. -->
      <p>Rescue <b>teams</b> arrived on&nbsp;Monday.<br>More are coming.</p>
      <ul><li>Red Cross sent 40 trucks.</li><li>The army sent 3 planes.</li></ul>
      <div hidden>Hidden text.</div><span style="display: none">Also hidden.</span>
      <aside>Related: other story.</aside><form>Sign up</form><noscript>Enable JS.</noscript>
      <footer>Share this article</footer>
    </article><footer>Copyright 2020</footer></body></html>"""
    f = write(tmp_path / "quake.html", page)
    [doc] = read_documents([f])
    assert doc.text == (
        "Quake kills 300\n\n"
        "At least 300 people were killed, officials said.\n\n"
        "Rescue teams arrived on Monday.\nMore are coming.\n\n"
        "Red Cross sent 40 trucks.\n\n"
        "The army sent 3 planes."
    )
    assert doc.title == "Quake kills 300"
    assert doc.date == "2020-10-12"
    for junk in ("Home", "Subscribe", "Do not read", "Hidden", "Related", "Sign up", "Enable", "Share", "Copyright"):
        assert junk not in doc.text


def test_html_without_article_uses_main_then_body(tmp_path):
    f = write(tmp_path / "a.htm", "<html><body><div>Menu</div><main><h2>Sub</h2><p>Body text.</p></main></body></html>")
    g = write(tmp_path / "b.HTML", "<title>Plain page</title><p>One.</p><p>Two.</p><time datetime='2021-03-04'>x</time>")
    d1, d2 = read_documents([f, g])
    assert d1.text == "Sub\n\nBody text."
    assert d2.text == "One.\n\nTwo.\n\nx" and d2.title == "Plain page" and d2.date == "2021-03-04"


def test_html_declared_charset(tmp_path):
    page = '<html><head><meta charset="windows-1251"></head><body><p>Погибли 300 человек.</p></body></html>'
    f = write(tmp_path / "ru.html", page.encode("cp1251"))
    [doc] = read_documents([f])
    assert doc.text == "Погибли 300 человек."


def test_json_object_and_list(tmp_path):
    one = write(tmp_path / "one.json", json.dumps({"title": "T1", "date": "2020-10-12", "text": "First article."}))
    many = write(tmp_path / "many.json", json.dumps([
        {"body": "Second article.", "published": "October 13, 2020", "url": "http://x"},
        {"content": "Third article.\r\nLine two.", "headline": "T3"},
        {"article": ["Para one.", "Para two."]},
    ]))
    docs = read_documents([one, many])
    assert [d.path for d in docs] == [str(one), f"{many}#1", f"{many}#2", f"{many}#3"]
    assert [d.id for d in docs] == ["d0", "d1", "d2", "d3"]
    assert docs[0].title == "T1" and docs[0].date == "2020-10-12" and docs[0].text == "First article."
    assert docs[1].date == "2020-10-13"
    assert docs[2].text == "Third article.\nLine two." and docs[2].title == "T3"
    assert docs[3].text == "Para one.\n\nPara two."


def test_jsonl_records_use_line_numbers(tmp_path):
    f = write(tmp_path / "feed.jsonl", '{"text": "One."}\n\n{"text": "Two.", "date": 1602460800}\n{"note": "no text"}\n')
    warnings = Warnings()
    docs = read_documents([f], warn=warnings)
    assert [d.path for d in docs] == [f"{f}#1", f"{f}#3"]
    assert docs[1].date == "2020-10-12"
    assert len(warnings) == 1 and "feed.jsonl#4" in warnings[0]


def test_json_text_holding_html_is_reduced_to_visible_text(tmp_path):
    f = write(tmp_path / "a.json", json.dumps({"text": "<p>One.</p><script>x()</script><p>Two.</p>"}))
    [doc] = read_documents([f])
    assert doc.text == "One.\n\nTwo."


def test_json_wrapper_object(tmp_path):
    f = write(tmp_path / "a.json", json.dumps({"articles": [{"text": "One."}, {"text": "Two."}]}))
    assert [d.text for d in read_documents([f])] == ["One.", "Two."]


def test_duplicate_json_records_counted_once(tmp_path):
    f = write(tmp_path / "a.jsonl", '{"text": "Same."}\n{"text": "Same."}\n')
    warnings = Warnings()
    docs = read_documents([f], warn=warnings)
    assert len(docs) == 1 and "a.jsonl#2" in warnings[0]


def test_txt_title_and_date():
    assert text_title_and_date("Date: 12 October 2020\nQuake kills 300\n\nBody.") == ("Quake kills 300", "2020-10-12")
    assert text_title_and_date("Published: Oct. 12, 2020\n\nA full sentence opens this article.") == (None, "2020-10-12")
    assert text_title_and_date("# Quake kills 300\n\nBody.", markdown=True) == ("Quake kills 300", None)
    assert text_title_and_date("[ad_1]\nThe long first sentence ends with a period.") == (None, None)
    assert text_title_and_date("HomeNewsQuake Kills 300\n\nQuake Kills 300\n\nBody.")[0] == "Quake Kills 300"
    assert text_title_and_date("Date: sometime soon\nBody.")[1] is None


def test_parse_date():
    assert parse_date("2020-10-12T08:00:00Z") == "2020-10-12"
    assert parse_date("Monday, October 12th, 2020") == "2020-10-12"
    assert parse_date("12 Oct 2020") == "2020-10-12"
    assert parse_date("2020/10/12") == "2020-10-12"
    assert parse_date("2020-13-45") is None
    assert parse_date("yesterday") is None
    assert parse_date(True) is None


def test_html_to_text_survives_deep_nesting():
    text, _, _ = html_to_text("<div>" * 3000 + "Deep." + "</div>" * 3000)
    assert text == "Deep."


def test_bom_in_json_and_html(tmp_path):
    j = write(tmp_path / "a.json", b"\xef\xbb\xbf" + json.dumps({"text": "One."}).encode())
    jl = write(tmp_path / "b.jsonl", b"\xef\xbb\xbf" + b'{"text": "Two."}\n')
    h = write(tmp_path / "c.html", b"\xef\xbb\xbf<p>Three.</p>")
    assert [d.text for d in read_documents([j, jl, h])] == ["One.", "Two.", "Three."]


def test_skips_restated_by_the_nothing_to_read_error_are_not_also_warnings(tmp_path):
    write(tmp_path / "a.txt", b"")
    write(tmp_path / "b.txt", b"   \n")
    warnings = Warnings()
    with pytest.raises(InputError) as e:
        read_documents([tmp_path], warn=warnings)
    assert "a.txt" in str(e.value) and "b.txt" in str(e.value)
    assert warnings == []


def test_skip_warnings_still_come_when_another_input_is_the_error(tmp_path):
    write(tmp_path / "folder" / "a.txt", b"")
    write(tmp_path / "bad.txt", b"caf\xe9 \xff\xfe\x00\x81 ok")
    warnings = Warnings()
    with pytest.raises(InputError) as e:
        read_documents([tmp_path / "folder", tmp_path / "bad.txt"], warn=warnings)
    assert "bad.txt" in str(e.value)
    assert len(warnings) == 1 and "a.txt" in warnings[0]


def test_folder_of_only_unsupported_files_names_them_in_the_error(tmp_path):
    write(tmp_path / "x.pdf", "x")
    warnings = Warnings()
    with pytest.raises(InputError) as e:
        read_documents([tmp_path], warn=warnings)
    assert "no supported files" in str(e.value) and ".pdf" in str(e.value)
    assert warnings == []
