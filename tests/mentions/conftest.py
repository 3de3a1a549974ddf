"""The real spaCy pipeline, loaded once for every mention test."""
import pytest


@pytest.fixture(scope="session")
def parser():
    from claims.mentions import load_parser

    return load_parser()
