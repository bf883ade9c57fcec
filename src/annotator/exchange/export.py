"""Export a project: documents streamed from the store a page at a time, each
made into its canonical record once and handed to the format's writer (or, with
a split, to the writer of its part).

A file is written beside its final name and moved there only when complete, so
a failed export (an error, a kill, a full disk) never leaves a truncated
dataset that looks whole.  A folder (brat, or any ``--split``) is built as a
whole beside its name and renamed into place; a folder already there that is
not empty is replaced only when asked.  Nothing is ever written over the
project itself, its ``-wal``, ``-shm``, ``-journal`` or lock file, through a
symbolic link, or into a FIFO, socket or device.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..normalize.alignment import collector_paused
from ..store import Project
from . import parallel
from .base import ExportError, Writer, WriterContext
from .formats import FORMATS, module
from .records import ExportOptions, build_record
from .split import assign

Progress = Callable[[int, int], None]


@dataclass
class ExportReport:
    documents: dict[str, int] = field(default_factory=dict)  # by part; "" when not split
    spans: int = 0
    dropped: int = 0  # spans the format cannot hold (overlaps in CoNLL)
    paths: list[Path] = field(default_factory=list)
    lost: dict[str, int] = field(default_factory=dict)  # what the format could not carry, by what

    def summary(self) -> str:
        docs = sum(self.documents.values())
        parts = ", ".join(f"{name} {n}" for name, n in self.documents.items() if name)
        text = f"{docs} documents ({parts}), {self.spans} spans" if parts else f"{docs} documents, {self.spans} spans"
        lost = [f"{n} {what}" for what, n in self.lost.items() if n]
        if lost:
            text += f"; not carried by this format: {', '.join(lost)}"
        return text


def export(project: Project, fmt: str, out: str | os.PathLike[str], *, options: ExportOptions = ExportOptions(),
           split: dict[str, float] | None = None, seed: int = 0, bioes: bool = False,
           progress: Progress | None = None, workers: int | None = None, replace: bool = False,
           docstart: bool = True) -> ExportReport:
    """Write the project's documents to ``out`` in format ``fmt``.  With ``split``
    (part name → share), ``out`` is a folder holding one file (or folder) a part.
    A large canonical JSONL export is written by ``workers`` processes (``None``:
    one a core, up to four; see ``exchange/parallel.py``).  A folder ``out``
    that exists and is not empty is refused unless ``replace``.  CoNLL: each
    document opens with ``-DOCSTART- -X- O O`` unless ``docstart`` is false."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    out = Path(out)
    mod = module(fmt)
    is_folder = bool(split) or not mod.SUFFIX
    check_destination(project.path, out, folder=is_folder, replace=replace)
    known = {label.name for label in project.labels()}
    unknown = sorted((options.labels or set()) - known)
    if unknown:
        raise ExportError(f"{project.path}: no label {', '.join(unknown)} in this project")
    context = WriterContext(labels=project.labels(), attribute_names=project.attribute_names(),
                            relations=fmt == "doccano" and project.has_relations(options.statuses), bioes=bioes,
                            docstart=docstart)
    parts = assign(project.document_sources(options.statuses), split, seed) if split else {}
    total = project.document_count() if options.statuses is None else \
        sum(project.document_count(s) for s in set(options.statuses))
    staging = _staging(Path(os.path.abspath(out)), is_folder)
    base = staging if is_folder else out
    targets = {name: base / f"{name}{mod.SUFFIX}" for name in split} if split else {"": base}
    report = ExportReport(documents=dict.fromkeys(targets, 0),
                          paths=[out / path.name for path in targets.values()] if split else [out])
    writers: dict[str, tuple[Writer, Path, Path]] = {}
    ok = False
    try:
        writers = _open(mod.Writer, targets, not is_folder, context)
        if progress:
            progress(0, total)
        with collector_paused():  # a million short-lived dicts, no cycles
            if fmt == "jsonl":
                _write_jsonl(project, context, options, parts, writers, report, progress, total, workers)
            else:
                for done, doc in enumerate(project.iter_export(options.statuses), 1):
                    record = build_record(doc, context.attribute_names, options)
                    part = parts.get(doc.id, "")
                    writer = writers[part][0]
                    writer.account(record)
                    writer.write(record)
                    report.documents[part] += 1
                    report.spans += len(record["spans"])
                    if progress:
                        progress(done, total)
        _close(writers, True)
        if staging is not None:
            _move_into_place(staging, Path(os.path.abspath(out)))
        ok = True
    except OSError as exc:
        raise ExportError(f"{out}: {_reason(exc)}; nothing was written") from None
    finally:
        if not ok:
            _close(writers, False)
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
    report.dropped = sum(w.dropped for w, _, _ in writers.values())
    report.spans -= report.dropped
    lost: Counter[str] = Counter()
    for writer, _, _ in writers.values():
        lost.update(writer.lost)
    report.lost = {what: n for what, n in lost.items() if n}
    return report


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "the file grew larger than this file system (or a limit) allows"
    return exc.strerror or str(exc)


def project_files(project_path: str | os.PathLike[str]) -> list[Path]:
    """The project file and the files SQLite and the writer lock keep beside it."""
    path = Path(project_path)
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal", ".lock"))]


def _same(a: Path, b: Path) -> bool:
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def check_destination(project_path: str | os.PathLike[str], out: Path, *, folder: bool = False,
                      replace: bool = False) -> None:
    """Refuse an ``out`` that would overwrite the project or its companions, that
    is a symbolic link or not a regular file, or (a folder) that holds files
    and ``replace`` was not asked for."""
    protected = project_files(project_path)
    for path in protected:
        if _same(out, path):
            raise ExportError(f"{out}: is the project's own file {path.name}; an export never writes over it "
                              "(give another name)")
    if out.is_symlink():
        raise ExportError(f"{out}: is a symbolic link (to {os.readlink(out)}); an export does not replace it "
                          "(name the file itself, or another name)")
    if out.exists() and not (out.is_file() or out.is_dir()):
        raise ExportError(f"{out}: is not a regular file (a FIFO, socket or device); give a file name")
    if not folder:
        if out.is_dir():
            raise ExportError(f"{out}: is a folder; give a file name")
        return
    if out.is_file():
        raise ExportError(f"{out}: is a file; this export is a folder (give a folder name)")
    absolute = Path(os.path.abspath(out))
    if absolute == absolute.parent:
        raise ExportError(f"{out}: is the root of the file system; give a folder name")
    if out.is_dir():
        inside = [p for p in protected if p.exists() and _within(p, out)]
        if inside:
            raise ExportError(f"{out}: holds the project file {inside[0]}; an export never replaces it "
                              "(give another folder)")
        if any(out.iterdir()) and not replace:
            raise ExportError(f"{out}: is a folder that is not empty; give another name, or ask to replace it (--replace)")


def _within(path: Path, folder: Path) -> bool:
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, base]) == base


def _staging(out: Path, is_folder: bool) -> Path | None:
    """A new folder beside ``out`` to build a folder export in, or None for a file."""
    if not is_folder:
        return None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    except OSError as exc:
        raise ExportError(f"{out}: cannot write beside it ({_reason(exc)})") from None


def _move_into_place(staging: Path, out: Path) -> None:
    """Rename the finished folder to ``out``; a folder there is moved aside first
    and removed once the new one is in place."""
    old = None
    if out.is_dir():
        if any(out.iterdir()):
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
            os.replace(out, old)
        else:
            out.rmdir()
    try:
        os.replace(staging, out)
    except OSError:
        if old is not None:
            os.replace(old, out)  # the folder that was there comes back
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_jsonl(project: Project, context: WriterContext, options: ExportOptions, parts: dict[int, str],
                 writers: dict[str, tuple[Writer, Path, Path]], report: ExportReport, progress: Progress | None,
                 total: int, workers: int | None) -> None:
    """The canonical JSONL without building records: lines SQLite writes
    (``jsonl.lines``), in worker processes when there are many."""
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
    """A writer per target; a lone file is written beside its name (a folder
    export is already being built beside its name)."""
    writers: dict[str, tuple[Writer, Path, Path]] = {}
    for name, path in targets.items():
        partial = path.with_name(f".{path.name}.partial") if is_file else path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            writers[name] = (kind(partial, context), partial, path)
        except OSError as exc:
            _close(writers, False)
            raise ExportError(f"{path}: cannot write it ({_reason(exc)})") from None
    return writers


def _close(writers: dict[str, tuple[Writer, Path, Path]], ok: bool) -> None:
    """Finish every file and move it to its name; or (not ``ok``) close what
    can be closed and remove every partial file."""
    for writer, partial, path in writers.values():
        if not ok:
            try:
                writer.close()
            except (OSError, ValueError):
                pass
            if partial != path:
                partial.unlink(missing_ok=True)
            continue
        writer.close()
    if ok:
        for _, partial, path in writers.values():
            if partial != path:
                os.replace(partial, path)
