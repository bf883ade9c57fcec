import hashlib

import pytest

from annotator.store import NewDocument, open_project


def make_document(text: str, source: str = "page.txt", raw: str | None = None, **meta) -> NewDocument:
    """A stored document whose raw text is its text (an identity map)."""
    raw = text if raw is None else raw
    return NewDocument(
        raw_sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        source_file=source,
        encoding="utf-8",
        raw_text=raw,
        text=text,
        map={"format": "segments-v1", "segments": [[0, len(text), 0, len(raw)]] if text else []},
        excluded=meta.pop("excluded", []),
        meta={"title": None, "date": None, "source": None, **meta},
        flags={},
        steps=[],
        normalizer="test",
    )


@pytest.fixture
def project_path(tmp_path):
    return tmp_path / "p.annotator"


@pytest.fixture
def project(project_path):
    with open_project(project_path, annotator="tester") as p:
        yield p
