"""Plain records the store hands out.  No Qt, no SQL: the window and the exporters
read these, and only :mod:`annotator.store.project` writes them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("new", "in_progress", "done", "skipped")
ORIGINS = ("manual", "suggested", "imported")
KINDS = ("entity", "program")


@dataclass(frozen=True)
class Label:
    name: str
    kind: str
    zh: str
    en: str
    color: str
    hotkey: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Span:
    id: int
    document_id: int
    start: int  # code points of the normalized text
    end: int
    label: str
    text: str
    attributes: dict[str, Any]
    annotator: str
    origin: str
    suggester: str | None
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Relation:
    id: int
    document_id: int
    head: int
    tail: int
    type: str
    annotator: str
    created_at: str


@dataclass(frozen=True)
class Region:
    """An excluded region as the annotator sees it: the normalizer's mark, or an override."""

    start: int
    end: int
    excluded: bool
    reason: str
    rule: str
    overridden: bool = False


@dataclass(frozen=True)
class DocumentInfo:
    """What the document list shows: no texts, so a long list stays cheap."""

    id: int
    title: str | None
    source: str | None
    date: str | None
    status: str
    source_file: str
    span_count: int
    updated_at: str


@dataclass(frozen=True)
class Document:
    id: int
    raw_sha256: str
    source_file: str
    encoding: str
    raw_text: str
    text: str
    map: dict[str, Any]
    excluded: list[dict[str, Any]]
    meta: dict[str, Any]
    flags: dict[str, Any]
    steps: list[str]
    normalizer: str
    status: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class NewDocument:
    """A document ready to be stored: what import hands the store."""

    raw_sha256: str
    source_file: str
    encoding: str
    raw_text: str
    text: str
    map: dict[str, Any]
    excluded: list[dict[str, Any]]
    meta: dict[str, Any]
    flags: dict[str, Any]
    steps: list[str]
    normalizer: str
