"""Import annotated data, and check a file without importing it.

The file is read twice: once for every problem (so the user sees all of them
at once), and, only if there is none, again into one store transaction, so a
file goes in whole or not at all without being held in memory.

The text is kept exactly as given unless ``normalize`` is asked for.  An
annotated file has no raw page, so a document's raw text is its text and its
map the identity: ``raw_start``/``raw_end`` then equal ``start``/``end``.
With ``normalize``, the given text becomes the raw text, the normalizer makes
the text and its map, and each span moves to the normalized characters that
came from exactly its characters; a span with no such counterpart (an end
inside a converted word or a removed gloss) is a problem of its line.  The raw
sha256 is the one the canonical JSONL names (the page the document came from,
so the page itself is recognised as already there), else the hash of the
text's UTF-8.  A second document with the same hash is skipped and reported.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..normalize import normalize as normalize_bytes
from ..normalize.pipeline import MAP_FORMAT, NormalizedDocument
from ..store import Project
from ..store.models import AnnotatedDocument, ImportedSpan, NewDocument, new_document
from .annotated import Parsed, Problem, json_lines
from .formats import READABLE, module

Progress = Callable[[int, int], None]
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ChangedWhileReading(Exception):
    """The file changed between the check and the import; nothing was imported."""


@dataclass
class Checked:
    documents: int = 0
    spans: int = 0
    relations: int = 0
    problems: list[Problem] = field(default_factory=list)
    skipped_annotations: int = 0  # Label Studio: further annotations of a task not taken
    tasks_with_skipped: int = 0


@dataclass
class AnnotatedImportReport:
    checked: Checked
    added: list[tuple[str, int]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    spans: int = 0

    @property
    def problems(self) -> list[Problem]:
        return self.checked.problems

    def summary(self) -> str:
        text = (f"{len(self.added)} annotated documents imported with {self.spans} spans, "
                f"{len(self.duplicates)} duplicates skipped")
        if self.checked.skipped_annotations:
            text += (f"; {self.checked.skipped_annotations} further annotations of "
                     f"{self.checked.tasks_with_skipped} tasks not imported (--annotations latest or all)")
        return text


def detect_format(path: Path) -> str:
    """The format of a file from its name, and for JSONL from its first object."""
    if path.is_dir() or path.suffix == ".ann":
        return "brat"
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "label-studio"
    if suffix in (".conll", ".bio", ".bioes", ".tsv", ".txt"):
        return "conll"
    for item in json_lines(path):
        if isinstance(item, Problem):
            break
        record = item[1]
        if isinstance(record, dict):
            if "tokens" in record:
                return "prodigy"
            if "entities" in record or isinstance(record.get("label"), list):
                return "doccano"
            if isinstance(record.get("label"), dict):
                return "cluener"
        break
    return "jsonl"


def check(path: Path, fmt: str, labels: Iterable[str] | None = None, normalize: bool = False,
          program_labels: Iterable[str] | None = None, *, annotations: str = "first") -> Checked:
    """Every problem of the file; with ``labels``, spans must carry one of them,
    and with ``program_labels`` only spans of those may name a catalog entry.
    ``annotations`` (Label Studio): ``first``, ``latest`` or ``all`` of a task's."""
    known = None if labels is None else set(labels)
    programs = None if program_labels is None else set(program_labels)
    out = Checked()
    for item in _read(path, fmt, annotations):
        if isinstance(item, Problem):
            out.problems.append(item)
            continue
        out.skipped_annotations += item.skipped_annotations
        out.tasks_with_skipped += bool(item.skipped_annotations)
        if normalize:
            out.problems += _normalized(item)[1]
        out.documents += 1
        out.spans += len(item.spans)
        out.relations += len(item.relations)
        if known is not None:
            for label in dict.fromkeys(s.label for s in item.spans if s.label not in known):
                out.problems.append(Problem(item.where, f"unknown label {label!r} (this project has "
                                                        f"{', '.join(sorted(known))})"))
        if programs is not None:
            for s in item.spans:
                if s.program is not None and s.label not in programs:
                    out.problems.append(Problem(item.where, f"span {s.start}:{s.end} names the catalog entry "
                                                            f"{s.program[0]!r} but is a {s.label} span, not a program"))
    return out


def import_annotated(project: Project, path: str | os.PathLike[str], fmt: str,
                     progress: Progress | None = None, normalize: bool = False, *,
                     annotations: str = "first") -> AnnotatedImportReport:
    """Import the file whole or not at all.  ``annotations`` (Label Studio):
    which of a task's annotations, ``first``, ``latest`` or ``all`` (each span
    keeps its annotator)."""
    path = Path(path)
    labels = project.labels()
    checked = check(path, fmt, [label.name for label in labels], normalize,
                    [label.name for label in labels if label.kind == "program"], annotations=annotations)
    report = AnnotatedImportReport(checked)
    if checked.problems:
        return report
    wheres: list[tuple[str, int]] = []

    def documents() -> Iterator[AnnotatedDocument]:
        for item in _read(path, fmt, annotations):
            if isinstance(item, Problem):
                raise ChangedWhileReading(f"{path}: changed while it was imported ({item}); nothing was imported")
            wheres.append((item.where, len(item.spans)))
            if progress:
                progress(len(wheres), checked.documents)
            yield annotated_document(item, fmt, normalize)

    ids = project.add_annotated(documents())
    while not project.read_only and project.index_text():  # searchable at once, as after a plain import
        pass
    for (where, spans), doc_id in zip(wheres, ids, strict=True):
        if doc_id is None:
            report.duplicates.append(where)
        else:
            report.added.append((where, doc_id))
            report.spans += spans
    return report


def annotated_document(item: Parsed, fmt: str, normalize: bool = False) -> AnnotatedDocument:
    text, n = item.text, len(item.text)
    digest = item.meta.get("raw_sha256", "")
    if not _SHA256.match(digest):
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if normalize:
        (doc, spans), problems = _normalized(item)
        if problems:
            raise ChangedWhileReading(f"{item.where}: changed while it was imported ({problems[0]})")
        new = new_document(doc, digest, item.meta.get("source_file") or item.where, encoding="utf-8",
                           meta={key: item.meta.get(key) or doc.meta.get(key) for key in ("title", "date", "source")},
                           flags={**doc.flags, "imported_from": item.where, "format": fmt})
        return AnnotatedDocument(new, spans, item.relations, item.status)
    doc = NewDocument(
        raw_sha256=digest,
        source_file=item.meta.get("source_file") or item.where,
        encoding="utf-8",
        raw_text=text,
        text=text,
        map={"format": MAP_FORMAT, "segments": [[0, n, 0, n]] if n else []},
        excluded=item.excluded,
        meta={key: item.meta.get(key) for key in ("title", "date", "source")},
        flags={"imported_from": item.where, "format": fmt},
        steps=[],
        normalizer=item.normalizer or "none",
    )
    return AnnotatedDocument(doc, item.spans, item.relations, item.status)


def _normalized(item: Parsed) -> tuple[tuple[NormalizedDocument, list[ImportedSpan]], list[Problem]]:
    """The item's text normalized, and its spans moved onto the normalized text."""
    doc = normalize_bytes(item.text.encode("utf-8"), item.where)
    spans, problems = [], []
    for span in item.spans:
        moved = doc.alignment.target_range(span.start, span.end)
        if moved is None:
            problems.append(Problem(item.where, f"span {span.start}:{span.end} {item.text[span.start:span.end]!r} "
                                                "has no exact counterpart in the normalized text; import it "
                                                "without --normalize"))
        else:
            spans.append(replace(span, start=moved[0], end=moved[1]))
    return (doc, spans), problems


def _read(path: Path, fmt: str, annotations: str = "first") -> Iterator[Parsed | Problem]:
    if fmt not in READABLE:
        raise ValueError(f"cannot read {fmt}; readable formats: {', '.join(READABLE)}")
    if not path.exists():
        yield Problem(str(path), "no such file or folder")
        return
    if path.is_file() and path.stat().st_size == 0:
        yield Problem(str(path), "the file is empty")
        return
    if fmt == "label-studio":
        yield from module(fmt).read(path, annotations)
    else:
        yield from module(fmt).read(path)
