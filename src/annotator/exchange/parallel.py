"""The canonical JSONL written by worker processes, a page each in turn.

SQLite writing each line (``jsonl.lines``) keeps one core busy; a large export
shares its pages out to worker processes, each with its own read-only connection
(``store.open_reader``): worker ``k`` of ``n`` writes pages ``k``, ``k + n``, …
and the parent takes them back in page order, so the file is byte for byte what
one process writes.  A pipe per worker holds at most a page or so: memory does
not grow with the corpus.

All of them must read the same state of the project.  A :class:`CommitWatch`
begins before the pages are counted; once every worker has begun its read
transaction, nothing committed since means they all read what was counted.  If
something did, the workers are stopped and the export begins again (a few
times; then one process does it, in one transaction).

Workers are spawned, not forked (the parent may be a Qt program with threads),
so a worker costs its interpreter's start-up: below :data:`MIN_DOCUMENTS` one
process is quicker.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from itertools import chain
from multiprocessing.connection import Connection
from pathlib import Path

from ..store import Project, open_reader
from ..store.project import CommitWatch
from . import jsonl
from .base import ExportError
from .records import ExportOptions

MIN_DOCUMENTS = 10_000
PAGE_SIZE = 500
ATTEMPTS = 3

Page = tuple[list[int], bytes, int]  # document ids, their lines, spans written


class WorkerFailed(ExportError):
    """A worker process could not write its pages; the message says why."""


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def lines(project: Project, attribute_names: Sequence[str], options: ExportOptions, documents: int,
          workers: int | None = None) -> Iterator[Page]:
    """``jsonl.lines``, from ``workers`` processes when the export's ``documents``
    are enough to be worth their start-up."""
    workers = default_workers() if workers is None else workers
    if workers > 1 and documents >= MIN_DOCUMENTS:
        for _ in range(ATTEMPTS):
            with _Workers(project, attribute_names, options, workers) as pool:
                if pool.consistent:
                    yield from pool.pages()
                    return
    yield from jsonl.lines(project, attribute_names, options)


class _Workers:
    """Worker processes started on one state of the project."""

    def __init__(self, project: Project, attribute_names: Sequence[str], options: ExportOptions, workers: int):
        self._stack = ExitStack()
        try:
            self._start(project, attribute_names, options, workers)
        except BaseException:
            self._stack.close()
            raise

    def _start(self, project: Project, attribute_names: Sequence[str], options: ExportOptions,
               workers: int) -> None:
        watch = CommitWatch(project.path)
        self._stack.callback(watch.close)
        self.ranges = project.export_ranges(options.statuses, PAGE_SIZE)
        workers = max(1, min(workers, len(self.ranges)))
        context = multiprocessing.get_context("spawn")
        self._pipes: list[Connection] = []
        self._processes: list[multiprocessing.process.BaseProcess] = []
        self._stack.callback(self._stop)
        for k in range(workers):
            ours, theirs = context.Pipe(duplex=False)
            process = context.Process(target=_work, daemon=True, name=f"export worker {k + 1}", args=(
                str(project.path), list(attribute_names), options, self.ranges[k::workers], theirs))
            process.start()
            theirs.close()
            self._pipes.append(ours)
            self._processes.append(process)
        for pipe in self._pipes:
            self._receive(pipe, "began")
        self.consistent = not watch.changed()

    def pages(self) -> Iterator[Page]:
        n = len(self._pipes)
        for i in range(len(self.ranges)):
            pipe = self._pipes[i % n]
            ids, spans = self._receive(pipe, "page")
            yield ids, pipe.recv_bytes(), spans
        for pipe in self._pipes:
            self._receive(pipe, "done")

    def _receive(self, pipe: Connection, expected: str) -> tuple:
        try:
            kind, *rest = pipe.recv()
        except EOFError:
            raise WorkerFailed("an export worker ended without a word") from None
        if kind == "error":
            raise WorkerFailed(rest[0])
        if kind != expected:
            raise WorkerFailed(f"an export worker said {kind!r}, not {expected!r}")
        return tuple(rest)

    def _stop(self) -> None:
        for pipe in self._pipes:
            pipe.close()
        for process in self._processes:
            process.join(timeout=5)
            if process.is_alive():  # stopped early: its pipe is closed, it may wait to write
                process.terminate()
                process.join()

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()


def _work(path: str, attribute_names: list[str], options: ExportOptions, ranges: list[tuple[int, int]],
          pipe: Connection) -> None:
    """A worker: its pages, in one read transaction begun before it says so."""
    try:
        with open_reader(Path(path)) as project:
            pages = jsonl.lines(project, attribute_names, options, ranges=ranges)
            first = next(pages, None)  # the transaction has begun: the state is fixed
            pipe.send(("began",))
            if first is not None:
                for ids, page, spans in chain([first], pages):
                    pipe.send(("page", ids, spans))
                    pipe.send_bytes(page)
        pipe.send(("done",))
    except (BrokenPipeError, KeyboardInterrupt):
        pass  # the parent stopped listening
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent, which raises
        try:
            pipe.send(("error", f"{path}: {type(exc).__name__}: {exc}"))
        except OSError:
            pass
    finally:
        pipe.close()
