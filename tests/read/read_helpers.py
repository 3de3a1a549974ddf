"""Shared helpers of the read tests (invented articles only)."""
from __future__ import annotations

from pathlib import Path

import pytest

from claims.errors import InputError
from claims.read import read_documents

ARTICLE = (
    "Quake kills hundreds in mountain towns\n"
    "\n"
    "At least 300 people were killed when a magnitude 6.8 earthquake struck on Monday.\n"
    "Interior Minister Lena Ortiz said rescue teams had reached the worst-hit villages.\n"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def read_error(paths, **kw) -> str:
    with pytest.raises(InputError) as info:
        read_documents(paths, **kw)
    msg = str(info.value)
    assert msg and "\n" not in msg and msg.strip() == msg, msg
    return msg


class Warnings(list):
    """A warn callback that keeps the messages and checks each is one line."""

    def __call__(self, msg: str) -> None:
        assert msg and "\n" not in msg, msg
        self.append(msg)
