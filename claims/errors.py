"""Errors a user can act on. The CLI prints them as one line and exits non-zero."""


class ClaimsError(Exception):
    """Base class: the message is shown to the user as is, without a traceback."""

    exit_code = 1


class InputError(ClaimsError):
    """A path the user gave cannot be read as articles."""

    exit_code = 2


class ModelError(ClaimsError):
    """The embedding model is missing or cannot be loaded."""

    exit_code = 3


class OutputError(ClaimsError):
    """A report or cache file cannot be written."""

    exit_code = 4


class ArgumentError(ClaimsError, TypeError):
    """A Python API call was given an argument of the wrong kind (``claims.report(None)``).

    Also a TypeError, so code that already catches one keeps working."""

    exit_code = 2
