import pytest

from annotator.suggest import Lexicon


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return Lexicon()


def spans_of(found, text):
    """``(text, label)`` of each suggestion, in order: what the annotator would see."""
    return [(text[s.start:s.end], s.label) for s in found]
