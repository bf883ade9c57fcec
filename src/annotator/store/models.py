"""Plain records the store hands out.  No Qt, no SQL: the window and the exporters
read these, and only :mod:`annotator.store.project` writes them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from ..normalize.alignment import Alignment

if TYPE_CHECKING:
    from ..normalize.pipeline import NormalizedDocument

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
    program_id: int | None = None  # the canonical program of a program span (the catalog)


@dataclass(frozen=True)
class Rejection:
    """A suggestion the annotator turned down in one document: it is not suggested there again."""

    document_id: int
    start: int
    end: int
    label: str
    text: str
    suggester: str | None
    annotator: str
    created_at: str


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
class LinkType:
    """A typed link may go from a span labelled ``head`` to one labelled ``tail``."""

    type: str
    head: str
    tail: str


@dataclass(frozen=True)
class Program:
    """A canonical program of the catalog; regional variants have a parent."""

    id: int
    name: str
    parent_id: int | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CatalogRow:
    """A line of the catalog view: a program, how often it is annotated, and what
    its links say (``(text, count)`` pairs, most frequent first, at most five,
    over its latest ``sampled`` occurrences)."""

    id: int
    name: str
    parent_id: int | None
    parent_name: str | None
    aliases: tuple[str, ...]
    children: int
    occurrences: int  # its own spans
    total: int  # its own and its variants' (descendants'), for the tree
    documents: int
    organizers: tuple[tuple[str, int], ...]
    places: tuple[tuple[str, int], ...]
    dates: tuple[tuple[str, int], ...]
    first_date: str | None  # of the documents it occurs in, as the pages give them
    last_date: str | None
    sampled: int = 0  # how many of its latest occurrences the links and dates were read from
    regions: tuple[str, ...] = ()  # filled by annotator.catalog (place links and the name's region)


@dataclass(frozen=True)
class Occurrence:
    """A span linked to a program, with a little of the text around it."""

    document_id: int
    span_id: int
    start: int
    end: int
    text: str
    before: str
    after: str
    title: str | None


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
    uncertainty: float | None = None  # the tagger's, when it has scored the document


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

    def alignment(self) -> Alignment:
        """The map from the normalized text back to the raw text.  Build it once
        per document when mapping many spans: it is parsed from the stored JSON."""
        return Alignment.from_json(self.map["segments"], len(self.raw_text), len(self.text))

    def raw_range(self, start: int, end: int) -> tuple[int, int]:
        """The range of ``raw_text`` that the normalized ``text[start:end]`` came from."""
        return self.alignment().source_range(start, end)


class ExportSpan(NamedTuple):
    start: int  # fields in sort order: spans sort as plain tuples
    end: int
    label: str
    id: int
    text: str
    attributes: dict[str, Any]
    annotator: str
    origin: str
    program: list[str | None] | None = None  # its catalog entry: [name, parent's name]; None if not linked


# The canonical JSONL record's layout (docs/export.md): its fields, in the order
# every line writes them.  exchange/records.py builds the record from these and
# store/export.py has SQLite write the same bytes from templates made of them.
RECORD_FIELDS = ("id", "text", "spans", "relations", "excluded", "meta", "normalizer", "schema_version")
SPAN_FIELDS = ("id", "start", "end", "label", "text", "raw_start", "raw_end", "origin", "annotator", "attributes",
               "program")
PROGRAM_FIELDS = ("name", "parent")
RELATION_FIELDS = ("id", "head", "tail", "type")
EXCLUDED_FIELDS = ("start", "end", "reason", "rule")
META_FIELDS = ("title", "date", "source", "source_file", "raw_sha256", "status", "annotators")


@dataclass(frozen=True)
class ExportDocument:
    """A document as an export reads it, with its spans (by start, end, label,
    id), relations (head and tail span ids, type) and excluded regions.  Lighter than :class:`Document`
    on purpose: an export reads a million spans, so spans are tuples and the raw
    text stays in the file (its length is all the map needs)."""

    id: int
    raw_sha256: str
    source_file: str
    raw_length: int
    text: str
    map: dict[str, Any]
    meta: dict[str, Any]
    normalizer: str
    status: str
    spans: list[ExportSpan]
    relations: list[tuple[int, int, str]]
    regions: list[Region]

    def alignment(self) -> Alignment:
        return Alignment.from_json(self.map["segments"], self.raw_length, len(self.text))


@dataclass(frozen=True)
class ImportedSpan:
    start: int
    end: int
    label: str
    attributes: dict[str, Any] = field(default_factory=dict)
    annotator: str | None = None  # None: the one importing
    program: tuple[str, str | None] | None = None  # the catalog entry (name, parent's name) a program span links to


@dataclass(frozen=True)
class AnnotatedDocument:
    """An already annotated document for :meth:`Project.add_annotated`: relations
    name their spans by position in ``spans``."""

    document: NewDocument
    spans: list[ImportedSpan]
    relations: list[tuple[int, int, str]] = field(default_factory=list)
    status: str = "new"


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

    def encode(self) -> "EncodedDocument":
        """The row as the store writes it.  Import workers call this, so the main
        process only passes strings to SQLite (and unpickles strings, not maps)."""
        return EncodedDocument(
            self.raw_sha256, self.source_file, self.encoding, self.raw_text, self.text, _dumps(self.map),
            _dumps(self.excluded), _dumps(self.meta), _dumps(self.flags), _dumps(self.steps), self.normalizer,
            list_title(self.text, self.meta, self.excluded), self.meta.get("date"), self.meta.get("source"),
        )


def new_document(doc: NormalizedDocument, raw_sha256: str, source_file: str, *, encoding: str | None = None,
                 meta: dict[str, Any] | None = None, flags: dict[str, Any] | None = None) -> NewDocument:
    """A normalized document as the store takes it, the one mapping for import and
    annotated import; ``encoding``, ``meta`` and ``flags`` replace the document's own."""
    from ..normalize.pipeline import MAP_FORMAT  # loaded already by whoever normalized ``doc``; not at start-up

    return NewDocument(
        raw_sha256=raw_sha256,
        source_file=source_file,
        encoding=doc.encoding if encoding is None else encoding,
        raw_text=doc.raw_text,
        text=doc.text,
        map={"format": MAP_FORMAT, "segments": doc.alignment.to_json()},
        excluded=[r.to_json() for r in doc.excluded],
        meta=doc.meta if meta is None else meta,
        flags=doc.flags if flags is None else flags,
        steps=doc.steps,
        normalizer=doc.version,
    )


@dataclass(frozen=True)
class EncodedDocument:
    raw_sha256: str
    source_file: str
    encoding: str
    raw_text: str
    text: str
    map: str
    excluded: str
    meta: str
    flags: str
    steps: str
    normalizer: str
    title: str | None
    date: str | None
    source: str | None


def list_title(text: str, meta: dict[str, Any], excluded: list[dict[str, Any]]) -> str | None:
    """The document list's title: the page's own, else its first line that is not boilerplate."""
    if meta.get("title"):
        return meta["title"]
    pos = 0
    for line in text.split("\n"):
        if line.strip() and not any(r["start"] <= pos < r["end"] for r in excluded):
            return line.strip()[:60]
        pos += len(line) + 1
    return None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
