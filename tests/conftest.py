"""Session-wide fixtures: the real model is loaded once, the seed report built once."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time: a red build is reproducible, not a dice roll.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL = ROOT.parent / "shared" / "eval"


# Ctrl-C and SIGTERM as an interactive Python has them. A test run started in the background by a
# non-interactive shell inherits SIGINT ignored (and a child process inherits that too), and a
# fixture may replace either; tests that send themselves Ctrl-C must see the real handlers.
_SESSION_SIGNALS = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}


@pytest.fixture(autouse=True)
def _session_signal_handlers():
    for sig, handler in _SESSION_SIGNALS.items():
        if signal.getsignal(sig) is not handler:
            signal.signal(sig, handler)
    yield


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """No test writes to the user's ~/.cache/claims, and nothing reaches for a model hub."""
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "embedding-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def embedder():
    """The default model, really loaded (no stand-in): every similarity in the tests is real."""
    from claims.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def seed_report(embedder, tmp_path_factory):
    """The seed corpus run end to end, written to JSON and HTML in a temp folder."""
    from claims.pipeline import run

    out = tmp_path_factory.mktemp("seed-report")
    report = run([SEEDS], embedder=embedder, use_cache=False)
    report.write(out / "report.html", out / "report.json")
    return report, out


@pytest.fixture
def run_articles(embedder, tmp_path):
    """Run the whole pipeline on articles given as {file name: text}."""
    from claims.pipeline import run

    def _run(articles: dict[str, str], **options):
        folder = tmp_path / f"articles{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        for name, text in articles.items():
            (folder / name).write_text(text, encoding="utf-8")
        return run([folder], embedder=embedder, use_cache=False, **options)

    return _run


def flags_between(report, needle_a: str, needle_b: str):
    """Flags whose two claims contain the two snippets (either order)."""
    by_id = {c.id: c for c in report.claims}
    out = []
    for f in report.flags:
        ta, tb = by_id[f.a].text, by_id[f.b].text
        if (needle_a in ta and needle_b in tb) or (needle_a in tb and needle_b in ta):
            out.append(f)
    return out


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


# ------------------------------------------------------------------ comparator unit tests


@pytest.fixture
def corpus(embedder):
    """``corpus({"a.txt": (text, "2014-11-30"), ...})`` -> (claims, ScoringContext).

    Each article is (text, publication date or None); claims come from the real
    split and extract stages, vectors from the real model.
    """

    from claims.clean import clean
    from claims.compare import ScoringContext
    from claims.extract import extract
    from claims.split import claim_spans, sentences
    from claims.types import Document

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


@pytest.fixture(scope="session")
def fast_embedder():
    """The static model committed under models/fast, really loaded (numpy inference)."""
    from claims.embed import load_embedder

    return load_embedder("fast")


@pytest.fixture(scope="session")
def fast_seed_report(fast_embedder, tmp_path_factory):
    """The seed corpus run end to end with the fast model, written to JSON and HTML."""
    from claims.pipeline import run

    out = tmp_path_factory.mktemp("seed-report-fast")
    report = run([SEEDS], embedder=fast_embedder, use_cache=False)
    report.write(out / "report.html", out / "report.json")
    return report, out
