"""The canonical JSONL from worker processes is byte for byte what one process
writes, with every option; workers read one state of the project even when it
changes as they start; a worker's failure is an error naming the file."""

from __future__ import annotations

import multiprocessing

import pytest

from annotator.exchange import ExportError, ExportOptions, export, parallel
from annotator.store import open_project
from annotator.store.project import CommitWatch
from tests.exchange.conftest import add_glossed


@pytest.fixture
def many_pages(filled, corpus_dir, monkeypatch):
    """The awkward documents and the glossed pages, in pages of two documents,
    exported by workers however few the documents."""
    add_glossed(filled, corpus_dir)
    monkeypatch.setattr(parallel, "PAGE_SIZE", 2)
    monkeypatch.setattr(parallel, "MIN_DOCUMENTS", 1)
    return filled


def spy_on_workers(monkeypatch) -> list[int]:
    """How many workers each attempt started."""
    started: list[int] = []
    original = parallel._Workers._start

    def start(self, project, names, options, workers):
        original(self, project, names, options, workers)
        started.append(len(self._processes))

    monkeypatch.setattr(parallel._Workers, "_start", start)
    return started


@pytest.mark.parametrize("options", [
    ExportOptions(),
    ExportOptions(labels=frozenset({"PER", "PROGRAM"})),
    ExportOptions(statuses=("new",)),
    ExportOptions(drop_excluded=True),
], ids=["all", "labels", "status", "drop-excluded"])
@pytest.mark.parametrize("workers", [2, 3])
def test_workers_write_what_one_process_writes(many_pages, tmp_path, monkeypatch, options, workers):
    started = spy_on_workers(monkeypatch)
    one = export(many_pages, "jsonl", tmp_path / "one.jsonl", options=options, workers=1)
    assert started == []
    report = export(many_pages, "jsonl", tmp_path / "many.jsonl", options=options, workers=workers)
    assert started == [workers]
    assert (tmp_path / "many.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert (report.documents, report.spans) == (one.documents, one.spans) and report.spans > 0


def test_a_split_from_workers_is_the_split_from_one_process(many_pages, tmp_path, monkeypatch):
    started = spy_on_workers(monkeypatch)
    split = {"train": 0.5, "dev": 0.25, "test": 0.25}
    export(many_pages, "jsonl", tmp_path / "one", split=split, seed=7, workers=1)
    export(many_pages, "jsonl", tmp_path / "many", split=split, seed=7, workers=2)
    assert started == [2]
    for part in split:
        assert (tmp_path / "many" / f"{part}.jsonl").read_bytes() == (tmp_path / "one" / f"{part}.jsonl").read_bytes()


def test_a_commit_while_workers_start_is_seen_and_the_export_begins_again(many_pages, tmp_path, monkeypatch):
    """Another process adds a span after the pages are counted: the first workers
    may have read either state, so they are stopped and new ones started."""
    started = spy_on_workers(monkeypatch)
    doc_id = many_pages.iter_export().__next__().id
    commits = []

    class Meddling(CommitWatch):
        def changed(self):
            if not commits:
                commits.append(_commit_elsewhere(many_pages.path, doc_id))
            return super().changed()

    monkeypatch.setattr(parallel, "CommitWatch", Meddling)
    export(many_pages, "jsonl", tmp_path / "many.jsonl", workers=2)
    assert started == [2, 2] and commits == [0]
    export(many_pages, "jsonl", tmp_path / "one.jsonl", workers=1)
    assert (tmp_path / "many.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert '"label":"DATE"'.encode() in (tmp_path / "one.jsonl").read_bytes()


def test_a_project_that_keeps_changing_is_exported_by_one_process(many_pages, tmp_path, monkeypatch):
    started = spy_on_workers(monkeypatch)

    class AlwaysChanged(CommitWatch):
        def changed(self):
            return True

    monkeypatch.setattr(parallel, "CommitWatch", AlwaysChanged)
    export(many_pages, "jsonl", tmp_path / "many.jsonl", workers=2)
    assert started == [2] * parallel.ATTEMPTS
    export(many_pages, "jsonl", tmp_path / "one.jsonl", workers=1)
    assert (tmp_path / "many.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_the_commit_watch_sees_commits_of_other_connections_only(project, tmp_path):
    doc_id = project.add_documents([_doc("张三在北京")])[0]
    watch = CommitWatch(project.path)
    try:
        project.document(doc_id)
        assert not watch.changed()
        project.add_span(doc_id, 0, 2, "PER")
        assert watch.changed()
    finally:
        watch.close()


def test_a_failing_worker_is_an_export_error_naming_the_file(tmp_path):
    ours, theirs = multiprocessing.Pipe(duplex=False)
    missing = tmp_path / "gone.annotator"
    parallel._work(str(missing), [], ExportOptions(), [(0, 10)], theirs)
    with pytest.raises(ExportError) as failed:
        parallel._Workers._receive(None, ours, "began")  # type: ignore[arg-type]
    assert str(missing) in str(failed.value) and "unable to open" in str(failed.value)


def test_a_worker_that_fails_mid_export_leaves_no_file(many_pages, tmp_path, monkeypatch):
    def broken(self, *args):
        raise parallel.WorkerFailed(f"{many_pages.path}: a worker failed")

    monkeypatch.setattr(parallel._Workers, "pages", broken)
    out = tmp_path / "out" / "out.jsonl"
    with pytest.raises(ExportError, match="a worker failed"):
        export(many_pages, "jsonl", out, workers=2)
    assert list(out.parent.iterdir()) == []


def _doc(text):
    from tests.store.conftest import make_document
    return make_document(text, source="watch.txt")


def _commit_elsewhere(path, doc_id) -> int:
    """A span added by another process; its exit code."""
    process = multiprocessing.get_context("spawn").Process(target=_add_date, args=(str(path), doc_id))
    process.start()
    process.join()
    return process.exitcode


def _add_date(path, doc_id):
    import sqlite3
    conn = sqlite3.connect(path)
    text = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    with conn:
        conn.execute("INSERT INTO spans(document_id, start, end, label, text, attributes, annotator, origin, "
                     "created_at, updated_at) VALUES (?, 0, 1, 'DATE', ?, '{}', 'other', 'manual', 'x', 'x')",
                     (doc_id, text[0]))
    conn.close()
