"""Import files into a project: normalization in worker processes, the store
writing in batches, one report at the end.

A rejected file is reported with its reason and the rest go in; a document
whose raw bytes are already in the project is skipped and reported.  Each
batch is one transaction, so a document is stored whole or not at all.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from ..normalize.decode import MAX_BYTES
from ..store import Project
from ..store.models import EncodedDocument
from .sources import Duplicate, Rejected, Task, expand, run_task

BATCH = 200
INLINE_BELOW = 16  # fewer documents than this: starting worker processes costs more than it saves
AHEAD = 4  # chunks of documents handed to each worker ahead of the store

Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    added: list[tuple[str, int]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        return (f"{len(self.added)} imported, {len(self.duplicates)} duplicates skipped, "
                f"{len(self.rejected)} rejected")


def import_paths(project: Project, paths: Iterable[str | os.PathLike[str]], *, text_field: str = "text",
                 workers: int | None = None, progress: Progress | None = None,
                 max_bytes: int = MAX_BYTES, current: Callable[[str], None] | None = None) -> ImportReport:
    """Import every document under ``paths``.  ``progress(done, total)`` is called
    as documents are processed, after ``current(source)`` names the one just
    processed; ``workers=0`` normalizes in this process.  An exception raised by a
    callback stops the import between batches: the batches committed stay."""
    report = ImportReport()
    tasks: list[Task] = []
    for item in expand(paths, text_field):
        if isinstance(item, Rejected):
            report.rejected.append(item)
        else:
            tasks.append(item)
    total = len(tasks)
    if progress:
        progress(0, total)
    known = frozenset(project.known_hashes())
    seen: set[str] = set()
    batch: list[EncodedDocument] = []

    def flush() -> None:
        ids = project.add_documents(batch)
        for doc, doc_id in zip(batch, ids, strict=True):
            if doc_id is None:
                report.duplicates.append(doc.source_file)
            else:
                report.added.append((doc.source_file, doc_id))
        batch.clear()
        index_for_search(project)  # while the workers go on: searchable the moment the import ends

    for done, result in enumerate(_results(tasks, known, workers, max_bytes), 1):
        if current:
            current(result.source if isinstance(result, (Rejected, Duplicate)) else result.source_file)
        if isinstance(result, Rejected):
            report.rejected.append(result)
        elif isinstance(result, Duplicate) or result.raw_sha256 in seen:
            report.duplicates.append(result.source if isinstance(result, Duplicate) else result.source_file)
        else:
            seen.add(result.raw_sha256)
            batch.append(result)
            if len(batch) >= BATCH:
                flush()
        if progress:
            progress(done, total)
    if batch:
        flush()
    return report


def _results(tasks: list[Task], known: frozenset[str], workers: int | None,
             max_bytes: int) -> Iterator[EncodedDocument | Rejected | Duplicate]:
    cores = os.cpu_count() or 1
    # more processes than cores only compete for them, each holding its own tables
    workers = cores if workers is None else min(workers, cores)
    if workers <= 0 or len(tasks) < INLINE_BELOW:
        yield from map(partial(run_task, known=known, max_bytes=max_bytes), tasks)
        return
    # spawn, not fork: the same on every platform, and safe with the threads Qt and sqlite keep
    context = multiprocessing.get_context("spawn")
    workers = min(workers, len(tasks))
    chunk = max(1, min(32, len(tasks) // (workers * 8)))
    chunks = (tasks[i:i + chunk] for i in range(0, len(tasks), chunk))
    with context.Pool(workers, initializer=_init_worker, initargs=(known, max_bytes)) as pool:
        # a few chunks a worker ahead, not all: results wait for the store in a queue of
        # bounded length, so memory stays flat however many documents come
        pending = deque(pool.apply_async(_work_many, (c,)) for c in islice(chunks, workers * AHEAD))
        while pending:
            results = pending.popleft().get()
            pending.extend(pool.apply_async(_work_many, (c,)) for c in islice(chunks, 1))
            yield from results


_worker_state: dict[str, object] = {}


def _init_worker(known: frozenset[str], max_bytes: int) -> None:
    _worker_state.update(known=known, max_bytes=max_bytes)


def _work(task: Task) -> EncodedDocument | Rejected | Duplicate:
    return run_task(task, _worker_state["known"], _worker_state["max_bytes"])  # type: ignore[arg-type]


def _work_many(tasks: list[Task]) -> list[EncodedDocument | Rejected | Duplicate]:
    return [_work(task) for task in tasks]


def index_for_search(project: Project, progress: Callable[[int, int], None] | None = None,
                     chunk_chars: int = 1_000_000) -> int:
    """Index the texts not yet in the search index, in short transactions, so a
    search finds them without scanning.  The import calls it after each batch;
    returns the number of documents indexed."""
    if project.read_only:
        return 0
    total = project.unindexed_count()
    remaining = total
    while remaining:
        remaining = project.index_text(chunk_chars)
        if progress:
            progress(total - remaining, total)
    return total
