"""Benchmark the pipeline on generated corpora: ``python -m claims.bench --help``.

- :mod:`claims.bench.corpus`: seeded generator of news articles with known discrepancies.
- :mod:`claims.bench.harness`: runs the pipeline in subprocesses (cold, then warm) and
  formats the timings as Markdown.
- :mod:`claims.bench.__main__`: the command line.
"""
from claims.bench.corpus import Article, Event, generate_articles, write_corpus
from claims.bench.harness import bench_paths, to_markdown

__all__ = ["Article", "Event", "bench_paths", "generate_articles", "to_markdown", "write_corpus"]
