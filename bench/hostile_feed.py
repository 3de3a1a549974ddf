"""The hostile-input battery of issue 20: `claims feed` and the edges of `claims report`.

    python bench/hostile_feed.py                                  # this checkout
    python bench/hostile_feed.py --code /work/main --code .       # one column per checkout
    python bench/hostile_feed.py --only feed-id                   # cases whose name contains it

Each case builds its inputs in a fresh temporary folder, runs one command under a 60 s limit
and is held to three bars, then to its own check:

* outside: no file outside the case's outputs changed (every file of the case folder except the
  outputs and the embedding cache is hashed before and after; a device node or FIFO that is no
  longer one counts as changed);
* internal: no internal error ("error: unexpected ..." or a traceback) on stderr;
* hang: the command ended within 60 s.

A case passes ("ok") when it clears every bar and its own check; otherwise the table says which
failed. All runs use ``--model fast`` (no torch) and their own cache folder. As root, the FIFO and
device cases make their nodes inside the case folder, never under /dev.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "feed"))
from feed_corpus import ARTICLES, write_article, write_feed  # noqa: E402  (the feed tests' invented news)

LIMIT_S = 60
PYTHON = sys.executable


@dataclass
class Run:
    """One command of a case: CLI arguments (or ``code`` for ``python -c``) and what it may write."""

    args: list[str] = field(default_factory=list)
    code: str | None = None
    outputs: list[Path] = field(default_factory=list)  # files or folders the command may change
    env: dict[str, str] = field(default_factory=dict)
    check: Callable[["Result"], str | None] = lambda r: None  # None: fine; else what broke
    signal_after: float | None = None  # send SIGTERM this many seconds after the start


@dataclass
class Result:
    rc: int | None
    stdout: str
    stderr: str
    seconds: float
    folder: Path


class Case:
    def __init__(self, name: str, item: int, setup: Callable[["Context"], Run]):
        self.name, self.item, self.setup = name, item, setup


class Context:
    """The case folder and the checkout under test, with helpers to prepare inputs."""

    def __init__(self, folder: Path, code: Path):
        self.folder, self.code = folder, code

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CLAIMS_CACHE_DIR")}
        env.update(PYTHONPATH=str(self.code), CLAIMS_CACHE_DIR=str(self.folder / "cache"), HF_HUB_OFFLINE="1")
        env.update(extra)
        return env

    def claims(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        """Run the CLI of the checkout under test (setup steps: an earlier feed run)."""
        return subprocess.run([PYTHON, "-m", "claims.cli", *args], cwd=self.folder, env=self.env(**env),
                              capture_output=True, text=True, timeout=LIMIT_S)

    def feed_inbox(self, names: set[str] | None = None) -> Path:
        inbox = self.folder / "inbox"
        write_feed(inbox, names)
        return inbox

    def earlier_feed(self, names: set[str] | None = None) -> tuple[Path, Path]:
        """An inbox and an --out holding a complete earlier feed run over it."""
        inbox, out = self.feed_inbox(names), self.folder / "out"
        done = self.claims("feed", str(inbox), "--out", str(out), "--model", "fast", "-q")
        if done.returncode != 0:
            raise RuntimeError(f"setup feed run failed: {done.stderr.strip()}")
        return inbox, out

    def edit_index(self, out: Path, edit: Callable[[dict], None]) -> None:
        data = json.loads((out / "index.json").read_text(encoding="utf-8"))
        edit(data)
        (out / "index.json").write_text(json.dumps(data), encoding="utf-8")


# ----------------------------------------------------------------------------- checks


def feed_consistent(out: Path) -> str | None:
    """Every compared event of index.json has its own report of exactly its own articles."""
    try:
        index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "no readable index.json"
    ids = [e["id"] for e in index["events"]]
    if len(ids) != len(set(ids)):
        return "two events share an id"
    for e in index["events"]:
        if e["singleton"]:
            continue
        try:
            report = json.loads((out / e["json"]).read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError):
            return f"event {str(e['id'])[:30]!r}: no report"
        if {d["path"] for d in report["documents"]} != {a["path"] for a in e["articles"]}:
            return f"event {e['id']}: its report holds other articles"
    return None


def refused(result: Result, *words: str) -> str | None:
    """The command ended with a one-line ``error:`` mentioning ``words``."""
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    if result.rc in (0, None) or not lines:
        return f"not refused (exit {result.rc})"
    if not all(w.lower() in lines[-1].lower() for w in words):
        return f"refused, but: {lines[-1][:80]}"
    return None


def ran(result: Result) -> str | None:
    return None if result.rc == 0 else f"exit {result.rc}: {result.stderr.strip().splitlines()[-1][:80] if result.stderr.strip() else ''}"


def all_of(*checks: Callable[[Result], str | None]) -> Callable[[Result], str | None]:
    def check(result: Result) -> str | None:
        for c in checks:
            problem = c(result)
            if problem:
                return problem
        return None

    return check


# ----------------------------------------------------------------------------- cases


def feed_with_index_ids(bad_id) -> Callable[[Context], Run]:
    """An earlier feed whose index.json names every event ``bad_id`` (a function of the case folder)."""

    def setup(ctx: Context) -> Run:
        inbox, out = ctx.earlier_feed()
        victim = ctx.folder / "victim"
        victim.mkdir()
        (victim / "report.html").write_text("someone's own page", encoding="utf-8")
        value = bad_id(ctx.folder) if callable(bad_id) else bad_id

        def edit(data):
            for e in data["events"]:
                e["id"] = value

        ctx.edit_index(out, edit)
        return Run(["feed", str(inbox), "--out", str(out), "--model", "fast", "-q"], outputs=[out],
                   check=lambda r: ran(r) or feed_consistent(out) or no_script_link(out))

    return setup


def no_script_link(out: Path) -> str | None:
    html = (out / "index.html").read_text(encoding="utf-8") if (out / "index.html").exists() else ""
    return "a javascript: link in index.html" if 'href="javascript:' in html.lower() else None


def duplicate_ids(taken: str) -> Callable[[Context], Run]:
    """The earlier index gives the ferry and the budget articles one id, the fresh id of the ``taken``
    event: whichever of the two is grouped first takes it, and the other's fresh id is that id
    when ``taken`` names the one grouped second (run both to meet either order)."""

    def setup(ctx: Context) -> Run:
        inbox, out = ctx.earlier_feed()
        data = json.loads((out / "index.json").read_text(encoding="utf-8"))
        ferry, budget = (next(e for e in data["events"] if any(word in a["path"] for a in e["articles"]))
                         for word in ("ferry", "budget"))
        ferry["id"] = budget["id"] = (ferry if taken == "ferry" else budget)["id"]
        (out / "index.json").write_text(json.dumps(data), encoding="utf-8")
        return Run(["feed", str(inbox), "--out", str(out), "--model", "fast", "-q"], outputs=[out],
                   check=lambda r: ran(r) or feed_consistent(out))

    return setup


def foreign_out(name: str) -> Callable[[Context], Run]:
    def setup(ctx: Context) -> Run:
        inbox, out = ctx.feed_inbox(), ctx.folder / "out"
        (out / Path(name).parent).mkdir(parents=True, exist_ok=True)
        (out / name).write_text("<p>my own page</p>", encoding="utf-8")
        own = out / name
        return Run(["feed", str(inbox), "--out", str(out), "--model", "fast", "-q"], outputs=[out],
                   check=lambda r: ("overwrote " + name) if own.read_text(encoding="utf-8") != "<p>my own page</p>"
                   else refused(r, "claims feed"))

    return setup


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith((".tmp", ".old"))}


def disk_full_midway(ctx: Context) -> Run:
    """A second run (one article more) whose third temporary file fails with ENOSPC."""
    inbox, out = ctx.earlier_feed({n for n, *_ in ARTICLES} - {"fire-weekly.md"})
    write_feed(inbox, {"fire-weekly.md"})
    old = tree_hashes(out)
    code = (
        "import errno, sys, claims.atomic as a\n"
        "real, calls = a._write_temp, [0]\n"
        "def failing(path, data):\n"
        "    calls[0] += 1\n"
        "    if calls[0] == 3: raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "    return real(path, data)\n"
        "a._write_temp = failing\n"
        "from claims.cli import main\n"
        f"sys.argv = ['claims', 'feed', {str(inbox)!r}, '--out', {str(out)!r}, '--model', 'fast', '-q']\n"
        "main()\n"
    )

    def check(r: Result) -> str | None:
        now = tree_hashes(out)
        if now == old:
            return refused(r, "no space")
        if now.get("index.json") == old.get("index.json"):
            changed = sorted(k for k in now if old.get(k) != now[k])
            return f"old index beside new files: {', '.join(changed)[:70]}"
        return feed_consistent(out)

    return Run(code=code, outputs=[out], check=check)


def make_node(path: Path, kind: str) -> Path:
    if kind == "fifo":
        os.mkfifo(path)
    else:  # a character device like /dev/null (1, 3), made here, never under /dev
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return path


def still_node(path: Path, kind: str) -> Callable[[Result], str | None]:
    test = stat.S_ISFIFO if kind == "fifo" else stat.S_ISCHR

    def check(r: Result) -> str | None:
        return None if test(os.lstat(path).st_mode) else f"the {kind} became a regular file"

    return check


def seeds() -> Path:
    return ROOT / "seeds"


def node_as(option: str, kind: str, command: str = "report") -> Callable[[Context], Run]:
    def setup(ctx: Context) -> Run:
        node = make_node(ctx.folder / ("node.html" if option == "--out" else "node.json"), kind)
        out = ctx.folder / "out"
        args = [command, str(seeds()), "--model", "fast", "-q"]
        if option == "--reviews":
            args += ["--reviews", str(node), "--out", str(out / "r.html") if command == "report" else str(out)]
        elif option == "--json":
            args += ["--out", str(out / "r.html"), "--json", str(node)]
        else:
            args += ["--out", str(node)]
        return Run(args, outputs=[out], check=all_of(still_node(node, kind), lambda r: refused(r, "regular file")))

    return setup


BIG_NUMBER = "9" * 401


def bad_date_json(ctx: Context) -> Run:
    folder = ctx.folder / "articles"
    folder.mkdir()
    for p in sorted(seeds().iterdir())[:2]:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "wire.json").write_text(f'{{"title": "Wire", "date": {BIG_NUMBER}, "text": '
                                      f'{json.dumps(sorted(seeds().iterdir())[2].read_text(encoding="utf-8"))}}}')
    out = ctx.folder / "out"
    return Run(["report", str(folder), "--out", str(out / "r.html"), "--model", "fast"], outputs=[out],
               check=lambda r: ran(r) or docs_in(out / "r.json", 3) or warned(r, "wire.json", "date"))


def bad_date_yaml(ctx: Context) -> Run:
    folder = ctx.folder / "articles"
    folder.mkdir()
    for p in sorted(seeds().iterdir())[:2]:
        (folder / p.name).write_bytes(p.read_bytes())
    body = sorted(seeds().iterdir())[2].read_text(encoding="utf-8")
    (folder / "clip.md").write_text(f"---\ntitle: Clip\ndate: {BIG_NUMBER}\n---\n\n{body}", encoding="utf-8")
    out = ctx.folder / "out"
    return Run(["report", str(folder), "--out", str(out / "r.html"), "--model", "fast"], outputs=[out],
               check=lambda r: ran(r) or docs_in(out / "r.json", 3) or warned(r, "clip.md", "date"))


def docs_in(report_json: Path, n: int) -> str | None:
    try:
        found = len(json.loads(report_json.read_text(encoding="utf-8"))["documents"])
    except (OSError, ValueError, KeyError):
        return "no report"
    return None if found == n else f"{found} of {n} documents in the report"


def warned(r: Result, *words: str) -> str | None:
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("warning:")]
    if any(all(w in ln for w in words) for ln in lines):
        return None
    return f"no warning naming {' / '.join(words)}"


def undecodable_name(lc_all: str | None) -> Callable[[Context], Run]:
    def setup(ctx: Context) -> Run:
        inbox = ctx.feed_inbox()
        bad = os.path.join(os.fsencode(inbox), b"caf\xe9-ferry.md")
        src = inbox / "ferry-wire.md"
        with open(bad, "wb") as f:  # the same article under a name that is not UTF-8
            f.write(src.read_bytes().replace(b"Rescuers searched", b"Rescue teams searched"))
        out = ctx.folder / "out"
        env = {"LC_ALL": lc_all} if lc_all else {}
        return Run(["feed", str(inbox), "--out", str(out), "--model", "fast", "-q"], outputs=[out], env=env,
                   check=lambda r: ran(r) or feed_consistent(out))

    return setup


def index_id_of_type(value) -> Callable[[Context], Run]:
    return feed_with_index_ids(value)


def jsonl_bad_line(ctx: Context) -> Run:
    lines = [json.dumps({"title": p.name, "text": p.read_text(encoding="utf-8")}) for p in sorted(seeds().iterdir())]
    lines.insert(2, '{"title": "broken", "text": "unterminated')
    feed = ctx.folder / "wire.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = ctx.folder / "out"
    return Run(["report", str(feed), "--out", str(out / "r.html"), "--model", "fast"], outputs=[out],
               check=lambda r: ran(r) or docs_in(out / "r.json", 4) or warned(r, "line 3"))


def fast_small_feed(ctx: Context) -> Run:
    out = ctx.folder / "out"

    def check(r: Result) -> str | None:
        problem = ran(r)
        if problem:
            return problem
        n = json.loads((out / "index.json").read_text(encoding="utf-8"))["summary"]["n_events"]
        return None if n == 1 else f"{n} events (the default model finds 1)"

    return Run(["feed", str(seeds()), "--out", str(out), "--model", "fast", "-q"], outputs=[out], check=check)


API_CASES = {
    "api-report-none": "claims.report(None)",
    "api-report-int": "claims.report(5)",
    "api-report-bytes": "claims.report(SEEDS.encode(), model='fast')",  # a path as bytes is a path
    "api-model-int": "claims.report(SEEDS, model=123)",
    "api-cache-dir-int": "claims.report(SEEDS, model='fast', cache_dir=5)",
    "api-settings-str": "claims.report(SEEDS, model='fast', settings='x')",
    "api-reviews-path": "claims.report(SEEDS, model='fast', reviews='decisions.json')",
    "api-feed-out-none": "run_feed(SEEDS, None, model='fast')",
}


def api_case(call: str) -> Callable[[Context], Run]:
    def setup(ctx: Context) -> Run:
        code = (
            "import sys, claims\nfrom claims.errors import ClaimsError\nfrom claims.feed import run_feed\n"
            f"SEEDS = {str(seeds())!r}\n"
            f"try:\n    {call}\nexcept ClaimsError as e:\n    print('error:', e, file=sys.stderr); sys.exit(2)\n"
            "print('accepted'); sys.exit(0)\n"
        )
        if "encode()" in call:
            return Run(code=code, check=ran)
        return Run(code=code, check=lambda r: refused(r) or (
            "took the whole run first" if r.seconds > 15 else None))

    return setup


def big_feed(ctx: Context) -> Run:
    feed = ctx.folder / "big.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for i in range(5_001):
            f.write(json.dumps({"title": f"Item {i}", "text": f"Report number {i} says {i} people came to town {i}."})
                    + "\n")
    out = ctx.folder / "out"
    return Run(["feed", str(feed), "--out", str(out), "--model", "fast", "-q"], outputs=[out],
               check=lambda r: refused(r, "feed_articles"))


def no_sentence_ends(ctx: Context) -> Run:
    folder = ctx.folder / "articles"
    folder.mkdir()
    words = ("the council said that about five thousand people were moved and the bridge was shut "
             "while crews worked through the night and the mayor spoke ").split()
    for n, name in enumerate(("a.txt", "b.txt")):
        text = " ".join(words[(i + n) % len(words)] for i in range(170_000))  # ~1 MB, no full stop
        (folder / name).write_text(text, encoding="utf-8")
    out = ctx.folder / "out"
    return Run(["report", str(folder), "--out", str(out / "r.html"), "--model", "fast", "-q"], outputs=[out],
               check=lambda r: ran(r) or ("slow: %.0f s" % r.seconds if r.seconds > 30 else None))


def sigterm_midrun(ctx: Context) -> Run:
    out = ctx.folder / "out"
    out.mkdir()

    def check(r: Result) -> str | None:
        left = [p.name for p in out.rglob("*") if p.name.endswith(".tmp")]
        if left:
            return f"left {left[0]}"
        if "interrupted" not in r.stderr:
            return f"no message (exit {r.rc})"
        return None

    return Run(["report", str(seeds()), "--out", str(out / "r.html"), "--model", "fast", "-q"], outputs=[out],
               check=check, signal_after=2.5)


def stale_temporary(ctx: Context) -> Run:
    """A run killed (SIGKILL) while writing its JSON, then a normal run into the same folder."""
    out = ctx.folder / "out"
    code = (
        "import os, signal, sys, claims.atomic as a\n"
        "real = a._write_temp\n"
        "def dying(path, data):\n"
        "    if str(path).endswith('.json'):\n"
        "        import tempfile\n"
        "        real_mk = tempfile.mkstemp\n"
        "        def mk(*args, **kw):\n"
        "            fd, name = real_mk(*args, **kw); os.write(fd, b'{half'); os.kill(os.getpid(), signal.SIGKILL)\n"
        "        tempfile.mkstemp = mk\n"
        "    return real(path, data)\n"
        "a._write_temp = dying\n"
        "from claims.cli import main\n"
        f"sys.argv = ['claims', 'report', {str(seeds())!r}, '--out', {str(out / 'r.html')!r}, '--model', 'fast', '-q']\n"
        "main()\n"
    )
    subprocess.run([PYTHON, "-c", code], cwd=ctx.folder, env=ctx.env(), capture_output=True, timeout=LIMIT_S)
    if not any(p.name.endswith(".tmp") for p in out.iterdir()):
        raise RuntimeError("setup: the killed run left no temporary file")

    def check(r: Result) -> str | None:
        left = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
        return ran(r) or (f"stale {left[0]} kept" if left else None)

    return Run(["report", str(seeds()), "--out", str(out / "r.html"), "--model", "fast", "-q"], outputs=[out],
               check=check)


def rtl_in_index(ctx: Context) -> Run:
    inbox = ctx.folder / "inbox"
    inbox.mkdir()
    for name, event, title, outlet, date, body in ARTICLES[:5]:
        write_article(inbox, name.replace(".md", "\u202etxt.md"), "\u202e" + title, outlet + "\u202e", date, body)
    out = ctx.folder / "out"

    def check(r: Result) -> str | None:
        problem = ran(r)
        if problem:
            return problem
        html = (out / "index.html").read_text(encoding="utf-8")
        return "U+202E raw in index.html" if "\u202e" in html else None

    return Run(["feed", str(inbox), "--out", str(out), "--model", "fast", "-q"], outputs=[out], check=check)


def lying_charset(declared: str) -> Callable[[Context], Run]:
    def setup(ctx: Context) -> Run:
        folder = ctx.folder / "pages"
        folder.mkdir()
        for i, p in enumerate(sorted(seeds().iterdir())[:3]):
            body = p.read_text(encoding="utf-8").replace("'", "\u2019")
            paras = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
            page = f'<html><head><meta charset="{declared}"><title>Page {i}</title></head><body><article>' \
                   f"<p>Officials don\u2019t agree.</p>{paras}</article></body></html>"
            (folder / f"page{i}.html").write_bytes(page.encode("cp1252", "replace"))
        out = ctx.folder / "out"

        def check(r: Result) -> str | None:
            problem = ran(r)
            if problem:
                return problem
            docs = json.loads((out / "r.json").read_text(encoding="utf-8"))["documents"]
            text = "".join(d.get("text", "") for d in docs)
            if "don\u2019t" not in text:
                return "“don’t” misread"
            return warned(r, "charset")

        return Run(["report", str(folder), "--out", str(out / "r.html"), "--model", "fast"], outputs=[out],
                   check=check)

    return setup


def long_out_name(ctx: Context) -> Run:
    out = ctx.folder / "out" / ("r" * 240 + ".html")
    (ctx.folder / "out").mkdir()
    return Run(["report", str(seeds()), "--out", str(out), "--json", str(ctx.folder / "out" / "r.json"),
                "--model", "fast", "-v"], outputs=[ctx.folder / "out"],
               check=lambda r: refused(r, "too long") or ("refused only after the run" if "read:" in r.stderr else None))


def empty_home(ctx: Context) -> Run:
    import pwd

    home = pwd.getpwuid(os.getuid()).pw_dir
    code = "from claims.cache import default_cache_dir; print(default_cache_dir())"
    want = os.path.join(home, ".cache", "claims")
    return Run(code=code, env={"HOME": "", "CLAIMS_CACHE_DIR": ""},
               check=lambda r: None if r.stdout.strip() == want else f"cache in {r.stdout.strip()}")


CASES = [
    Case("feed-id-absolute-path", 1, feed_with_index_ids(lambda folder: str(folder / "victim"))),
    Case("feed-id-dotdot", 1, feed_with_index_ids("../victim")),
    Case("feed-id-javascript", 2, feed_with_index_ids("javascript:alert(1)")),
    Case("feed-duplicate-ids-budget", 3, duplicate_ids("budget")),
    Case("feed-duplicate-ids-ferry", 3, duplicate_ids("ferry")),
    Case("feed-out-own-index.html", 4, foreign_out("index.html")),
    Case("feed-out-own-event-report", 4, foreign_out("e_0123456789/report.html")),
    Case("feed-disk-full-midway", 5, disk_full_midway),
    Case("report-json-chardev", 6, node_as("--json", "chardev")),
    Case("report-out-chardev", 6, node_as("--out", "chardev")),
    Case("report-json-fifo", 6, node_as("--json", "fifo")),
    Case("report-reviews-fifo", 6, node_as("--reviews", "fifo")),
    Case("feed-reviews-fifo", 6, node_as("--reviews", "fifo", "feed")),
    Case("json-date-401-digits", 7, bad_date_json),
    Case("yaml-date-401-digits", 7, bad_date_yaml),
    Case("feed-non-utf8-file-name", 8, undecodable_name(None)),
    Case("feed-non-utf8-file-name-LC_ALL=C", 8, undecodable_name("C")),
    Case("feed-index-id-int", 9, index_id_of_type(7)),
    Case("feed-index-id-dict", 9, index_id_of_type({"a": 1})),
    Case("feed-index-id-NUL", 9, index_id_of_type("e_\x00abc")),
    Case("feed-index-id-300-chars", 9, index_id_of_type("e" * 300)),
    Case("jsonl-one-bad-line", 10, jsonl_bad_line),
    Case("feed-fast-four-seeds", 11, fast_small_feed),
    *[Case(name, 12, api_case(call)) for name, call in API_CASES.items()],
    Case("feed-5001-articles", 13, big_feed),
    Case("two-1MB-articles-no-full-stop", 14, no_sentence_ends),
    Case("report-sigterm", 15, sigterm_midrun),
    Case("report-after-kill-9", 15, stale_temporary),
    Case("feed-rtl-in-index", 16, rtl_in_index),
    Case("html-charset-latin-1-lie", 17, lying_charset("latin-1")),
    Case("html-charset-cp037-lie", 17, lying_charset("cp037")),
    Case("report-out-245-chars", 18, long_out_name),
    Case("empty-HOME-cache", 18, empty_home),
]


# ----------------------------------------------------------------------------- running


def snapshot(folder: Path, outputs: list[Path]) -> dict[str, tuple]:
    """Every entry of ``folder`` outside ``outputs`` and the cache: kind and content hash."""
    skip = [p.resolve() for p in outputs] + [(folder / "cache").resolve()]
    seen = {}
    for root, dirs, files in os.walk(folder):
        for name in files + dirs:
            p = Path(root, name)
            if any(p.resolve() == s or s in p.resolve().parents for s in skip):
                continue
            st = os.lstat(p)
            content = hashlib.sha1(p.read_bytes()).hexdigest() if stat.S_ISREG(st.st_mode) else None
            seen[str(p.relative_to(folder))] = (stat.S_IFMT(st.st_mode), content)
    return seen


def run_case(case: Case, code: Path) -> tuple[str, float]:
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        ctx = Context(Path(tmp), code)
        try:
            run = case.setup(ctx)
        except Exception as e:  # noqa: BLE001 - a setup that fails is reported, not raised
            return f"setup failed: {e}"[:90], 0.0
        before = snapshot(ctx.folder, run.outputs)
        argv = [PYTHON, "-c", run.code] if run.code else [PYTHON, "-m", "claims.cli", *run.args]
        started = time.monotonic()
        proc = subprocess.Popen(argv, cwd=ctx.folder, env=ctx.env(**run.env), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, errors="replace", start_new_session=True)
        try:
            if run.signal_after is not None:
                try:
                    proc.wait(run.signal_after)
                except subprocess.TimeoutExpired:
                    proc.send_signal(signal.SIGTERM)
            out, err = proc.communicate(timeout=LIMIT_S)
            rc = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            rc = None
        seconds = time.monotonic() - started
        result = Result(rc, out, err, seconds, ctx.folder)
        problems = []
        if rc is None:
            problems.append(f"hang (> {LIMIT_S} s)")
        after = snapshot(ctx.folder, run.outputs)
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        if changed:
            problems.append(f"changed outside --out: {changed[0]}")
        internal = [ln for ln in err.splitlines() if ln.startswith("error: unexpected") or ln.startswith("Traceback")]
        if internal:
            problems.append(internal[0][:80])
        if not problems:
            try:
                own = run.check(result)
            except Exception as e:  # noqa: BLE001
                own = f"check failed: {type(e).__name__}: {e}"
            if own:
                problems.append(own)
        return ("ok" if not problems else "; ".join(problems)[:110]), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", action="append", type=Path, help="a checkout to test (repeatable; default: this one)")
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    codes = [c.resolve() for c in (args.code or [ROOT])]
    cases = [c for c in CASES if args.only in c.name]
    rows = []
    for case in cases:
        results = [run_case(case, code) for code in codes]
        rows.append((case, results))
        print(f"{case.item:>2} {case.name:<36} " + " | ".join(f"{r} ({s:.0f} s)" for r, s in results), flush=True)
    print()
    print("| # | case | " + " | ".join(str(c) for c in codes) + " |")
    print("|---|---|" + "---|" * len(codes))
    for case, results in rows:
        print(f"| {case.item} | {case.name} | " + " | ".join(f"{r} ({s:.0f} s)" for r, s in results) + " |")
    passed = [sum(r[i][0] == "ok" for _, r in rows) for i in range(len(codes))]
    print("\npassed: " + ", ".join(f"{p}/{len(rows)} ({c})" for p, c in zip(passed, codes)))
    if args.json:
        args.json.write_text(json.dumps([{"case": c.name, "item": c.item, "results": [
            {"code": str(code), "result": r, "seconds": round(s, 1)} for code, (r, s) in zip(codes, res)]}
            for c, res in rows], indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
