"""claims: find where news articles about one event disagree.

Notebook use::

    import claims
    result = claims.report(["seeds/"])          # runs the whole pipeline
    result.flags[:5]                             # ranked Flag objects
    result.write("reports/report.html", "reports/report.json")
"""
from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # heavy imports stay lazy so `claims --help` is instant
    from claims.pipeline import RunOptions, RunResult


def report(paths, options: "RunOptions | None" = None, **changes) -> "RunResult":
    """Run the pipeline on files or folders (:func:`claims.pipeline.run`): the
    :class:`~claims.pipeline.RunResult`, ready to ``write`` as a report."""
    from claims.pipeline import run

    return run(paths, options, **changes)


__all__ = ["report", "__version__"]
