"""Export a project: documents streamed from the store a page at a time, each
made into its canonical record once and handed to the format's writer (or, with
a split, to the writer of its part).

A file is written beside its final name and moved there only when complete, so
a failed export never leaves a truncated dataset that looks whole.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..normalize.alignment import collector_paused
from ..store import Project
from .base import Writer, WriterContext
from .formats import FORMATS, module
from .records import ExportOptions, build_record
from .split import assign

Progress = Callable[[int, int], None]


class ExportError(Exception):
    """The export cannot be made as asked; the message names the file or option and why."""


@dataclass
class ExportReport:
    documents: dict[str, int] = field(default_factory=dict)  # by part; "" when not split
    spans: int = 0
    dropped: int = 0  # spans the format cannot hold (overlaps in CoNLL)
    paths: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        docs = sum(self.documents.values())
        parts = ", ".join(f"{name} {n}" for name, n in self.documents.items() if name)
        text = f"{docs} documents ({parts}), {self.spans} spans" if parts else f"{docs} documents, {self.spans} spans"
        if self.dropped:
            text += f"; {self.dropped} spans left out (overlapping, or starting or ending at a line break)"
        return text


def export(project: Project, fmt: str, out: str | os.PathLike[str], *, options: ExportOptions = ExportOptions(),
           split: dict[str, float] | None = None, seed: int = 0, bioes: bool = False,
           progress: Progress | None = None, workers: int | None = None) -> ExportReport:
    """Write the project's documents to ``out`` in format ``fmt``.  With ``split``
    (part name → share), ``out`` is a folder holding one file (or folder) a part.
    A large canonical JSONL export is written by ``workers`` processes (``None``:
    one a core, up to four; see ``exchange/parallel.py``)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    out = Path(out)
    known = {label.name for label in project.labels()}
    unknown = sorted((options.labels or set()) - known)
    if unknown:
        raise ExportError(f"{project.path}: no label {', '.join(unknown)} in this project")
    mod = module(fmt)
    context = WriterContext(labels=project.labels(), attribute_names=project.attribute_names(),
                            relations=fmt == "doccano" and project.has_relations(options.statuses), bioes=bioes)
    targets = {name: out / f"{name}{mod.SUFFIX}" for name in split} if split else {"": out}
    parts = assign(project.document_sources(options.statuses), split, seed) if split else {}
    total = project.document_count() if options.statuses is None else \
        sum(project.document_count(s) for s in set(options.statuses))
    report = ExportReport(documents=dict.fromkeys(targets, 0), paths=list(targets.values()))
    writers = _open(mod.Writer, targets, bool(mod.SUFFIX), context)
    ok = False
    try:
        if progress:
            progress(0, total)
        with collector_paused():  # a million short-lived dicts, no cycles
            if fmt == "jsonl":
                _write_jsonl(project, context, options, parts, writers, report, progress, total, workers)
            else:
                for done, doc in enumerate(project.iter_export(options.statuses), 1):
                    record = build_record(doc, context.attribute_names, options)
                    part = parts.get(doc.id, "")
                    writers[part][0].write(record)
                    report.documents[part] += 1
                    report.spans += len(record["spans"])
                    if progress:
                        progress(done, total)
        ok = True
    finally:
        _close(writers, ok)
    report.dropped = sum(w.dropped for w, _, _ in writers.values())
    report.spans -= report.dropped
    return report


def _write_jsonl(project: Project, context: WriterContext, options: ExportOptions, parts: dict[int, str],
                 writers: dict[str, tuple[Writer, Path, Path]], report: ExportReport, progress: Progress | None,
                 total: int, workers: int | None) -> None:
    """The canonical JSONL without building records: lines SQLite writes
    (``jsonl.lines``), in worker processes when there are many."""
    from . import parallel

    done = 0
    for ids, page, spans in parallel.lines(project, context.attribute_names, options, total, workers):
        if parts:
            by_part: dict[str, list[bytes]] = {}
            for doc_id, line in zip(ids, page.split(b"\n")):
                by_part.setdefault(parts.get(doc_id, ""), []).append(line)
            chunks = {part: (b"\n".join(lines) + b"\n", len(lines)) for part, lines in by_part.items()}
        else:
            chunks = {"": (page, len(ids))}
        for part, (chunk, count) in chunks.items():
            writers[part][0].write_encoded(chunk)  # type: ignore[attr-defined]
            report.documents[part] += count
        report.spans += spans
        done += len(ids)
        if progress:
            progress(done, total)


def _open(kind: type[Writer], targets: dict[str, Path], is_file: bool,
          context: WriterContext) -> dict[str, tuple[Writer, Path, Path]]:
    writers: dict[str, tuple[Writer, Path, Path]] = {}
    for name, path in targets.items():
        if is_file and path.is_dir():
            raise ExportError(f"{path}: is a folder; give a file name")
        partial = path.with_name(f".{path.name}.partial") if is_file else path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            writers[name] = (kind(partial, context), partial, path)
        except OSError as exc:
            _close(writers, False)
            raise ExportError(f"{path}: cannot write it ({exc.strerror or exc})") from None
    return writers


def _close(writers: dict[str, tuple[Writer, Path, Path]], ok: bool) -> None:
    for writer, partial, path in writers.values():
        writer.close()
        if partial == path:
            continue
        if ok:
            os.replace(partial, path)
        else:
            partial.unlink(missing_ok=True)
