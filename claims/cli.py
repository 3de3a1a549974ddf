"""The `claims` command: a thin typer layer over :func:`claims.pipeline.run`.

Heavy libraries (torch, sentence-transformers, scikit-learn) are imported only
inside the command, so `claims --help` answers at once.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import List, Optional

import typer

from claims.errors import ClaimsError

# no_args_is_help is not used: click exits 2 after that help, and a bare `claims` is a question, not an error
app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Find where news articles about one event disagree.")


def _print_version(value: bool) -> None:
    if value:
        from claims import __version__

        typer.echo(f"claims {__version__}")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """claims: claim comparison and contradiction finder for fact-checkers."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


def _cache_dir_help() -> str:
    """The --cache-dir help, naming the folder this run would use: the user deleting it needs the path."""
    from claims.cache import default_cache_dir, home_folder

    try:
        here = default_cache_dir()
        home = home_folder()
        shown = f"~/{here.relative_to(home).as_posix()}" if here.is_relative_to(home) else str(here)
    except (RuntimeError, KeyError, ClaimsError):  # no home folder: the help must still show
        shown = "$CLAIMS_CACHE_DIR or ~/.cache/claims"
    return (f"Embedding cache folder (default: $CLAIMS_CACHE_DIR if set, else ~/.cache/claims; now: {shown}). "
            "It grows by about 5 MB per 1,000 distinct claims; delete the folder to clear it.")


def _printers(quiet: bool, verbose: bool):
    """``warn`` (unless quiet) and ``log`` (when verbose), both to stderr."""

    def warn(message: str) -> None:
        if not quiet:
            typer.echo(f"warning: {message}", err=True)

    def log(message: str) -> None:
        if verbose:
            typer.echo(message, err=True)

    return warn, log


def _unexpected(e: Exception, verbose: bool) -> None:
    """A bug, not bad input: one line unless --verbose asks for the traceback."""
    if verbose:
        raise e
    typer.echo(f"error: unexpected {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''} "
               "(run with --verbose for the traceback)", err=True)
    raise typer.Exit(1)


@app.command("report")
def report_command(
    paths: List[Path] = typer.Argument(..., help="Article files or folders (.txt .md .html .json .jsonl)."),
    out: Path = typer.Option(Path("reports/report.html"), "--out", "-o", help="HTML report to write."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="JSON report (default: next to --out)."),
    model: Optional[str] = typer.Option(None, "--model", help="'fast' (static, distilled from the default; ~50x faster embedding), a name under models/, or a local sentence-transformers model folder (default: all-MiniLM-L6-v2)."),
    device: str = typer.Option("cpu", "--device", help="Where a transformer model runs: cpu, cuda or auto (cuda when torch sees a GPU). A static model always runs on the CPU (numpy)."),
    reviews: Optional[Path] = typer.Option(None, "--reviews", help="Earlier review decisions (exported JSON) to carry over."),
    min_score: Optional[float] = typer.Option(None, "--min-score", min=0.0, max=1.0, help="Hide flags scored below this (default: settings.score.min_score)."),
    cluster_distance: Optional[float] = typer.Option(None, "--cluster-distance", min=0.05, max=1.0, help="Cosine distance that cuts clusters (default: settings.cluster.distance_threshold)."),
    max_flags: Optional[int] = typer.Option(None, "--max-flags", min=1, help="Show at most this many flags, best first (default: settings.limits.flags)."),
    verify: bool = typer.Option(False, "--verify/--no-verify", help="Also run the trained pair verifier (models/verifier): it aligns every figure, date, name and title across claims and flags aligned values that differ; off by default, see README, How detection is measured."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help=_cache_dir_help()),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for the embedding stage (helps only with more than 2 cores; see README, Speed)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log the time of each stage."),
) -> None:
    """Compare the claims in PATHS and write an HTML discrepancy report plus the same data as JSON."""
    from claims.pipeline import RunOptions, run

    json_out = json_out or out.with_suffix(".json")
    warn, log = _printers(quiet, verbose)

    try:
        from claims.outputs import check_outputs

        # fail before minutes of work, not after; never overwrite an article or the decisions file
        check_outputs([*paths, *([reviews] if reviews is not None else [])], [out, json_out])
        for target in (out, json_out):
            _check_writable(target)
        decisions = None
        if reviews is not None:
            from claims.reviews import load_reviews

            decisions = load_reviews(reviews)
        result = run(paths, RunOptions(
            model=model, settings=_settings(cluster_distance, min_score, max_flags, verify),
            use_cache=not no_cache, cache_dir=cache_dir, workers=workers, device=device, progress=not quiet,
            reviews=decisions, warn=warn, log=log,
        ))
        data = result.write(out, json_out)
    except ClaimsError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(e.exit_code)
    except KeyboardInterrupt as e:
        from claims.atomic import InterruptedAfterWrite

        if isinstance(e, InterruptedAfterWrite):  # Ctrl-C during the final renames, held back until done
            typer.echo(f"interrupted: wrote {out} and {json_out}", err=True)
        else:
            typer.echo("interrupted: no report written (any earlier report is unchanged)", err=True)
        raise typer.Exit(130)
    except Exception as e:
        _unexpected(e, verbose)
    if not quiet:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(Counter(f.kind for f in result.flags).items()))
        typer.echo(f"{len(result.documents)} documents, {result.n_claims} claims, {len(result.findings)} findings "
                   f"from {len(result.flags)} flags" + (f" ({kinds})" if kinds else " (no disagreements found)"))
        carried = data.get("reviews_carried")
        if carried:
            typer.echo(f"reviews: carried {carried['carried']} of {carried['decisions']} decisions"
                       + (f"; {carried['unplaced']} could not be placed (their finding is not in this report)"
                          if carried["unplaced"] else ""))
        typer.echo(f"wrote {out} and {json_out}")


@app.command("feed")
def feed_command(
    paths: List[Path] = typer.Argument(..., help="A feed: JSONL exports, saved pages, folders, in any mix."),
    out: Path = typer.Option(Path("reports/feed"), "--out", "-o", help="Folder for one report per event and index.html/index.json."),
    model: Optional[str] = typer.Option(None, "--model", help="Local sentence-transformers model folder, or a name under models/."),
    reviews: Optional[Path] = typer.Option(None, "--reviews", help="Earlier review decisions (exported JSON) to carry into every event."),
    ray: Optional[str] = typer.Option(None, "--ray", help="Run on Ray: 'auto' joins $RAY_ADDRESS or starts a local Ray; or a cluster address (ray://head:10001). Needs pip install -e '.[ray]'."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help=_cache_dir_help()),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each step."),
) -> None:
    """Group a mixed feed into events, compare each event, write a report per event and an index."""
    warn, log = _printers(quiet, verbose)

    try:
        from claims.feed import run_feed
        from claims.pipeline import RunOptions

        decisions = None
        if reviews is not None:
            from claims.reviews import load_reviews

            decisions = load_reviews(reviews)
        result = run_feed(paths, out, RunOptions(model=model, use_cache=not no_cache, cache_dir=cache_dir,
                                                 reviews=decisions, progress=not quiet, warn=warn, log=log), ray=ray)
        index = result.write()
    except ClaimsError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(e.exit_code)
    except KeyboardInterrupt as e:
        from claims.atomic import InterruptedAfterWrite

        if isinstance(e, InterruptedAfterWrite):  # during the final renames, held back until all were done
            typer.echo(f"interrupted: the new feed was written in full to {out}", err=True)
        else:
            typer.echo(f"interrupted: nothing written; {out} holds the earlier feed (if any), unchanged", err=True)
        raise typer.Exit(130)
    except Exception as e:
        _unexpected(e, verbose)
    if not quiet:
        data = result.index_data()["summary"]
        typer.echo(f"{data['n_articles']} articles: {data['n_events']} events compared, {data['n_singletons']} "
                   f"single articles; {sum(len(e.report.findings) for e in result.compared)} findings "
                   f"({result.executor}, {result.seconds:.1f} s)")
        typer.echo(f"wrote {index[0]} and {len(result.compared)} event reports in {out}")


def _settings(cluster_distance: float | None, min_score: float | None, max_flags: int | None = None,
              verify: bool = False):
    """The default settings with the options the user gave (the run adds the model's own thresholds
    for the rest)."""
    from claims.settings import Settings

    settings = Settings()
    if verify:
        settings.verify.enabled = True
    if cluster_distance is not None:
        settings.cluster.distance_threshold = cluster_distance
    if min_score is not None:
        settings.score.min_score = min_score
    if max_flags is not None:
        settings.limits.flags = max_flags
    return settings


def _check_writable(path: Path) -> None:
    import os

    from claims.errors import OutputError

    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"cannot write {path}: folder {folder} is not writable")


def main() -> None:
    import signal

    # `kill`, a container stop, a job scheduler's timeout: handled as Ctrl-C, so temporary files are
    # removed and the earlier report kept (the default would end the process on the spot)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        app()
    except ClaimsError as e:  # raised outside a command (should not happen, but never a traceback)
        typer.echo(f"error: {e}", err=True)
        sys.exit(e.exit_code)


if __name__ == "__main__":
    main()
