"""Property tests for claims.read: text round-trips exactly; no bytes raise anything but InputError."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.errors import InputError
from claims.read import read_documents

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# printable text plus the whitespace and line ends that real files have (\r too: it must be
# translated exactly as Path.read_text does)
TEXTISH = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from(["\n", "\r", "\t", " ", "\ufeff", "\u00a0", "\u2028"]),
    ),
    min_size=1,
    max_size=400,
)


def _quiet(msg: str) -> None:
    assert "\n" not in msg


def _blank(text: str) -> bool:
    return not text.replace("\ufeff", "").strip()


def _write_and_read(name: str, data: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            docs = read_documents([path], warn=_quiet)
        except InputError as e:
            msg = str(e)
            assert msg and "\n" not in msg, msg
            assert name in msg, msg
            return None, path.read_bytes()
        return docs, path


@SETTINGS
@given(TEXTISH)
def test_any_text_round_trips_through_a_txt_file(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_bytes(text.encode("utf-8"))
        expected = path.read_text(encoding="utf-8")
        if _blank(text):
            try:
                read_documents([path], warn=_quiet)
            except InputError as e:
                assert "empty" in str(e)
            else:
                raise AssertionError("a blank file must not be read as an article")
            return
        [doc] = read_documents([path], warn=_quiet)
        assert doc.text == expected
        assert doc.encoding == "utf-8"
        assert doc.id == "d0" and doc.path == str(path)
        assert doc.title is None or "\n" not in doc.title


@SETTINGS
@given(st.text(min_size=1, max_size=300))
def test_any_unicode_text_is_read_exactly_or_refused(text):
    # control characters included: reading gives read_text's string or a clean InputError
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.md"
        path.write_bytes(text.encode("utf-8"))
        try:
            [doc] = read_documents([path], warn=_quiet)
        except InputError as e:
            assert "\n" not in str(e) and "a.md" in str(e)
            assert _blank(text) or "\x00" in text or "binary" in str(e)
        else:
            assert doc.text == path.read_text(encoding="utf-8")


@SETTINGS
@given(
    st.sampled_from(["a.txt", "a.md", "a.html", "a.htm", "a.json", "a.jsonl"]),
    st.one_of(
        st.binary(max_size=600),
        # near-text: text in some encoding with random bytes spliced in
        st.tuples(
            st.text(max_size=200),
            st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "cp1251", "utf-32"]),
            st.binary(max_size=8),
            st.integers(min_value=0, max_value=400),
        ).map(lambda t: _splice(t[0].encode(t[1], "replace"), t[2], t[3])),
        # JSON-ish bytes
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=30),
            lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
                st.sampled_from(["text", "body", "title", "date", "x"]), kids, max_size=4),
            max_leaves=12,
        ).map(lambda v: json.dumps(v).encode("utf-8")),
        # HTML-ish bytes
        st.lists(st.sampled_from(["<p>", "</p>", "<article>", "<script>", "</script>", "<br>", "<div hidden>",
                                  "Text.", "&amp;", "&#0;", "<meta charset='bogus'>", "<time datetime='2020-99-99'>",
                                  "<!--", "-->", "<![CDATA[", "\x00", "\r\n"]),
                 max_size=30).map(lambda parts: "".join(parts).encode("utf-8")),
    ),
)
def test_any_bytes_raise_only_input_error(name, data):
    docs, _ = _write_and_read(name, data)
    if docs is not None:
        assert docs and all(d.text.strip() for d in docs)
        assert [d.id for d in docs] == [f"d{i}" for i in range(len(docs))]
        assert all("\x00" not in d.text and "\r" not in d.text for d in docs)


def _splice(data: bytes, junk: bytes, at: int) -> bytes:
    at = min(at, len(data))
    return data[:at] + junk + data[at:]
