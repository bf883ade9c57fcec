"""Export throughput and memory: 100,000 documents with 1,000,000 spans to the
canonical JSONL, against bare ``json.dumps`` of the same records in the same run.

    python bench/bench_export.py [--docs 100000] [--spans 10] [--keep FILE] [--workers N]

The project is a real project file.  Its documents are pieces of the bundled
pages, normalized for real (so the glossed Traditional ones carry maps of
hundreds of segments), about 350 characters each, each stored many times
under its own hash; spans are placed at random, some with attributes, with a
relation every ten documents, half the program spans linked to a catalog of 60
programs.  Rows go in with ``executemany`` (the bench's
own SQL: building the file is not what is measured).

Each export runs in a fresh process, which reports its time, the bytes written,
the time ``json.dumps`` alone takes on the same records (made again from the
store after the export), and the peak of memory allocated during a second
export under ``tracemalloc`` (with the process's ``ru_maxrss`` after the timed
export beside it: imports included).  The first fifth of the documents is marked
done, so ``--status done`` exports a corpus a fifth the size from the same
file: peak memory must not grow with the corpus.

Each is exported twice: as ``annotator export`` does it, by worker processes
(one a core, up to four), and by one process; the floor applies to the first,
and the second is printed beside it.  ``json.dumps`` is one process.

Floors: export throughput on the whole corpus at least 0.5x bare
``json.dumps`` (the fifth's ratio is printed, not judged); the peak on the
whole corpus at most 1.5x the peak on a fifth of it, or 16 MB more (the
parent's allocations under tracemalloc; the largest worker's peak resident
memory is printed beside it, and the one-process export shows the same
pages' own peak).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from annotator.exchange import ExportOptions, build_record, export
from annotator.exchange.parallel import MIN_DOCUMENTS, default_workers
from annotator.normalize import normalize
from annotator.normalize.pipeline import MAP_FORMAT
from annotator.store import open_project
from annotator.store.models import list_title

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
LABELS = ["PER", "ORG", "LOC", "TITLE", "DATE", "EVENT", "DOC", "PROGRAM"]
SOURCES = ["中国妇女报", "新华社", "江门市妇联", "淮南市妇联", "海东市妇联", None]
RATIO_FLOOR = 0.5
MEMORY_GROWTH_CEILING = 1.5


def pieces(size: int = 350) -> list:
    """Pages cut into pieces of about ``size`` characters, each normalized for real."""
    out = []
    for page in sorted(CORPUS.iterdir()):
        lines = page.read_bytes().splitlines(keepends=True)
        chunk: list[bytes] = []
        for line in lines:
            chunk.append(line)
            if sum(map(len, chunk)) >= size * 3:
                doc = normalize(b"".join(chunk))
                if doc.text:
                    out.append(doc)
                chunk = []
    return out


def build(path: Path, docs: int, spans_per_doc: int) -> None:
    rng = random.Random(11)
    pool = pieces()
    stamp = "2026-01-01T00:00:00.000+00:00"
    with open_project(path, annotator="bench") as project:
        c = project.conn
        c.execute("BEGIN")
        rows = []
        for i in range(docs):
            d = pool[i % len(pool)]
            meta = dict(d.meta, source=SOURCES[i % len(SOURCES)])
            excluded = [r.to_json() for r in d.excluded]
            rows.append((hashlib.sha256(str(i).encode()).hexdigest(), f"bench/{i:06d}.txt", "utf-8", d.raw_text,
                         d.text, json.dumps({"format": MAP_FORMAT, "segments": d.alignment.to_json()}),
                         json.dumps(excluded, ensure_ascii=False), json.dumps(meta, ensure_ascii=False),
                         json.dumps(d.flags, ensure_ascii=False), json.dumps(d.steps), d.version,
                         list_title(d.text, meta, excluded), meta.get("date"), meta.get("source"),
                         "done" if i < docs // 5 else "new", stamp, stamp))
            if len(rows) == 5000 or i == docs - 1:
                c.executemany("INSERT INTO documents(raw_sha256, source_file, encoding, raw_text, text, map, "
                              "excluded, meta, flags, steps, normalizer, title, date, source, status, created_at, "
                              "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                rows = []
        texts = [pool[i % len(pool)].text for i in range(len(pool))]
        spans = []
        for i in range(docs):
            text = texts[i % len(pool)]
            for _ in range(spans_per_doc):
                start = rng.randrange(len(text))
                end = min(len(text), start + rng.randint(1, 8))
                label = rng.choice(LABELS)
                attrs = '{"category":"公益项目","level":"city"}' if label == "PROGRAM" else "{}"
                spans.append((i + 1, start, end, label, text[start:end], attrs, "bench", "manual", stamp, stamp))
            if len(spans) >= 100_000 or i == docs - 1:
                c.executemany("INSERT INTO spans(document_id, start, end, label, text, attributes, annotator, "
                              "origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", spans)
                spans = []
        c.execute("INSERT INTO relations(document_id, head, tail, type, annotator, created_at) "
                  "SELECT document_id, min(id), max(id), 'related', 'bench', ? FROM spans "
                  "WHERE document_id % 10 = 0 GROUP BY document_id", (stamp,))
        link_catalog(c, stamp)
        c.execute("COMMIT")


def link_catalog(c, stamp: str) -> None:
    """A catalog of 60 programs, every third a regional variant of another, and
    half the program spans linked to one of them."""
    c.executemany("INSERT INTO programs(id, name, parent_id, annotator, created_at, updated_at) "
                  "VALUES (?, ?, ?, 'bench', ?, ?)",
                  [(n, f"项目{n}号", n - 1 if n % 3 == 0 else None, stamp, stamp) for n in range(1, 61)])
    c.execute("UPDATE spans SET program_id = 1 + id % 60 WHERE label = 'PROGRAM' AND id % 2 = 0")


def _measure(path: str, out: str, statuses: tuple[str, ...] | None, workers: int | None, queue) -> None:
    """In a fresh process: time the export, then json.dumps alone on the same
    records, then the export again under tracemalloc for its peak memory."""
    with open_project(path, annotator="bench") as project:
        options = ExportOptions(statuses=statuses)
        t = time.perf_counter()
        report = export(project, "jsonl", out, options=options, workers=workers)
        seconds = time.perf_counter() - t
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # the process's peak so far
        names = project.attribute_names()
        dumps = 0.0
        for doc in project.iter_export(statuses):
            record = build_record(doc, names, options)
            t = time.perf_counter()
            json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            dumps += time.perf_counter() - t
        tracemalloc.start()  # (the parent's: each worker's memory is bounded the same way, by its pages)
        export(project, "jsonl", out, options=options, workers=workers)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        workers_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # the largest worker's peak
    queue.put((sum(report.documents.values()), report.spans, Path(out).stat().st_size, seconds, dumps, peak, rss,
               workers_rss))


def measure(path: Path, out: Path, statuses: tuple[str, ...] | None, workers: int | None) -> tuple:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_measure, args=(str(path), str(out), statuses, workers, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=10, help="spans per document")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the project file here")
    parser.add_argument("--workers", type=int, help="export worker processes (default: the export's own choice)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.annotator"
        if not path.exists():
            t = time.perf_counter()
            build(path, args.docs, args.spans)
            print(f"built {path.name}: {args.docs} documents, {args.docs * args.spans} spans, "
                  f"{path.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - t:.0f} s")
        results, ratios = {}, []
        workers = args.workers or default_workers()
        print(f"{os.cpu_count()} cores; the export uses {workers} worker processes (parallel.MIN_DOCUMENTS = "
              f"{MIN_DOCUMENTS}), json.dumps one")
        for name, statuses in (("a fifth (status done)", ("done",)), ("all", None)):
            for how, count in (("workers", workers), ("one process", 1)):
                docs, spans, size, seconds, dumps, peak, rss, workers_rss = measure(
                    path, Path(tmp) / "out.jsonl", statuses, count)
                mb = size / 1e6
                ratio = dumps / seconds
                verdict = ""
                if how == "workers":
                    results[name] = peak
                if how == "workers" and statuses is None:  # the corpus: 100,000 documents
                    ratios.append(ratio)
                    verdict = f"(floor {RATIO_FLOOR}x) {'PASS' if ratio >= RATIO_FLOOR else 'FAIL'}"
                workers_note = f", largest worker {workers_rss / 1e6:.0f} MB" if workers_rss else ""
                print(f"{name:22s} {how:11s} {docs:7d} docs {spans:8d} spans {mb:7.1f} MB  "
                      f"export {mb / seconds:6.1f} MB/s  json.dumps alone {mb / dumps:6.1f} MB/s  "
                      f"ratio {ratio:.2f}x {verdict}  peak memory {peak / 1e6:.1f} MB "
                      f"(process {rss / 1e6:.0f} MB{workers_note})")
        small, large = results.values()
        grows = large > max(small * MEMORY_GROWTH_CEILING, small + 16e6)
        ok_ratio = all(r >= RATIO_FLOOR for r in ratios)
        print(f"peak memory: {small / 1e6:.1f} MB for a fifth, {large / 1e6:.1f} MB for all "
              f"(ceiling {MEMORY_GROWTH_CEILING}x) {'FAIL' if grows else 'PASS'}")
        return 1 if grows or not ok_ratio else 0


if __name__ == "__main__":
    sys.exit(main())
