"""Property tests: whatever the articles, file names or JSON records, a run ends in a report
or in the project's own one-line error (a ClaimsError), never in another exception."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.errors import ClaimsError

_EXTENSIONS = st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".pdf", ""])
# any character a file name may hold on POSIX, and now and then bytes that are not UTF-8
_NAME_CHARS = st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",))
_NAMES = st.one_of(
    st.text(_NAME_CHARS, min_size=1, max_size=20),
    st.binary(min_size=1, max_size=12).map(lambda b: os.fsdecode(b.replace(b"/", b"_").replace(b"\0", b"_"))),
)
_WORDS = st.sampled_from(["The", "ministry", "said", "41", "people", "were", "killed", "in", "the", "flood",
                          "on", "Monday", ".", "14", "not", "President", "Novak", "\n", "***", "9" * 310, "\u202e"])
_TEXT = st.one_of(st.lists(_WORDS, max_size=60).map(" ".join), st.text(max_size=300))
# JSON strings may hold lone surrogates ("\ud800"): json.dumps writes them as escapes
_ANY_CHAR_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=200)
_JSON_TEXT = st.one_of(_TEXT, _ANY_CHAR_TEXT, st.lists(_WORDS, max_size=40).map(lambda w: " ".join(w) + "\ud800"))
_RECORD = st.fixed_dictionaries({}, optional={"title": _JSON_TEXT, "text": _JSON_TEXT, "body": _JSON_TEXT,
                                              "date": st.one_of(_JSON_TEXT, st.integers()), "url": _JSON_TEXT})
_JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | _JSON_TEXT,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_JSON_TEXT, inner, max_size=3),
                           max_leaves=10)
_JSON_DOC = st.one_of(_RECORD, st.lists(_RECORD, max_size=3), _JSON_VALUE)


@st.composite
def _files(draw) -> list[tuple[str, bytes]]:
    """(file name, bytes) pairs: prose, random bytes, JSON records, under arbitrary names."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        name = draw(_NAMES) + draw(_EXTENSIONS)
        kind = draw(st.sampled_from(["text", "bytes", "json"]))
        if kind == "text":
            data = draw(_TEXT).encode("utf-8", "surrogatepass")
        elif kind == "bytes":
            data = draw(st.binary(max_size=200))
        else:
            data = json.dumps(draw(_JSON_DOC)).encode("utf-8")
        out.append((name, data))
    return out


def _write(folder: Path, files: list[tuple[str, bytes]]) -> list[Path]:
    paths = []
    for name, data in files:
        if name in (".", ".."):
            continue
        path = folder / name
        try:
            path.write_bytes(data)
        except OSError:  # a name the file system refuses (too long in bytes): not the tool's problem
            continue
        paths.append(path)
    return paths


_LIMITED = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_LIMITED
@given(_files(), st.booleans())
def test_the_python_api_gives_a_report_or_a_claims_error(embedder, files, as_folder):
    from claims.pipeline import run

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = _write(folder, files)
        try:
            report = run([folder] if as_folder else paths or [folder], embedder=embedder, use_cache=False,
                         warn=lambda message: None)
            report.write(Path(tmp) / "out" / "r.html", Path(tmp) / "out" / "r.json")
        except ClaimsError as e:
            assert "\n" not in str(e)
            return
        json.loads((Path(tmp) / "out" / "r.json").read_text(encoding="utf-8"))


@_LIMITED
@given(_files(), st.sampled_from(["apart", "out is input", "json is input", "same file"]))
def test_the_command_line_gives_a_report_or_one_error_line(embedder, files, outputs):
    from typer.testing import CliRunner

    from claims.cli import app

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = _write(folder, files)
        from claims.read import SUPPORTED_EXTENSIONS

        # the articles reading takes; writing over another file in the folder is what the user asked for
        articles = [p for p in paths if p.suffix.lower() in SUPPORTED_EXTENSIONS and not p.name.startswith(".")]
        before = {p: p.read_bytes() for p in articles}
        out, js = Path(tmp) / "r.html", Path(tmp) / "r.json"
        if paths and outputs == "out is input":
            out = paths[0]
        elif paths and outputs == "json is input":
            js = paths[-1]
        elif outputs == "same file":
            js = out
        # the loaded model itself (no stand-in), so 50 runs do not load it 50 times
        with mock.patch("claims.embed.SentenceTransformerEmbedder", lambda *a, **k: embedder):
            result = CliRunner().invoke(app, ["report", str(folder), "--out", str(out), "--json", str(js),
                                              "--no-cache", "--quiet"])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "unexpected" not in result.output and "Traceback" not in result.output
        if result.exit_code != 0:
            assert sum(line.startswith("error:") for line in result.output.splitlines()) == 1, result.output
        assert {p: p.read_bytes() for p in articles} == before  # no article is ever overwritten
