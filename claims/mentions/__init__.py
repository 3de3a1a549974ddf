"""Typed mentions of checkable values (see :mod:`claims.mentions.base`)."""
from claims.mentions.base import KINDS, DateSpan, Interval, Mention, MentionReader, load_parser, parse

__all__ = ["KINDS", "DateSpan", "Interval", "Mention", "MentionReader", "load_parser", "parse"]
