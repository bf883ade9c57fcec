"""BIO and BIOES, one character a line, read by seqeval."""

import json
from pathlib import Path

import pytest

from annotator.exchange import check, export
from annotator.exchange.records import non_overlapping
from tests.exchange.conftest import add_glossed

seqeval_metrics = pytest.importorskip("seqeval.metrics")
seqeval_scheme = pytest.importorskip("seqeval.scheme")


def sentences(path: Path) -> list[list[str]]:
    """The tags as a seqeval user reads them: sentences between empty lines, -DOCSTART- skipped."""
    out, current = [], []
    for row in path.read_text("utf-8").split("\n"):
        if not row:
            if current:
                out.append(current)
            current = []
        elif not row.startswith("-DOCSTART-"):
            current.append(row.rsplit("\t", 1)[1])
    return out


def expected_entities(records: list[dict]) -> list[list[tuple[str, int, int]]]:
    """Each kept span cut at line breaks, as (label, first, last) within its line's sentence."""
    out = []
    for record in records:
        text = record["text"]
        kept = [s for s in non_overlapping(record["spans"]) if "\n" not in (text[s["start"]], text[s["end"] - 1])]
        line_start = 0
        for line in text.split("\n"):
            line_end = line_start + len(line)
            if line:
                out.append(sorted(
                    (s["label"], max(s["start"], line_start) - line_start, min(s["end"], line_end) - line_start - 1)
                    for s in kept if s["start"] < line_end and s["end"] > line_start))
            line_start = line_end + 1
    return out


@pytest.mark.parametrize("bioes", [False, True])
def test_seqeval_reads_exactly_the_exported_spans(filled, corpus_dir, tmp_path, bioes):
    add_glossed(filled, corpus_dir)
    export(filled, "conll", tmp_path / "train.conll", bioes=bioes)
    export(filled, "jsonl", tmp_path / "train.jsonl")
    records = [json.loads(line) for line in (tmp_path / "train.jsonl").read_text("utf-8").splitlines()]
    tags = sentences(tmp_path / "train.conll")
    expected = expected_entities(records)
    assert len(tags) == len(expected)
    got = [sorted(seqeval_metrics.sequence_labeling.get_entities(sentence)) for sentence in tags]
    assert got == expected
    assert sum(map(len, got)) > 10
    scheme = seqeval_scheme.IOBES if bioes else seqeval_scheme.IOB2
    assert seqeval_metrics.f1_score(tags, tags, mode="strict", scheme=scheme) == 1.0


def test_tokens_are_characters_and_spaces_survive(project, tmp_path):
    from tests.exchange.conftest import plain

    [doc] = project.add_documents([plain("A 张\t三\n\n𠮷", "x.txt")])
    project.add_span(doc, 2, 5, "PER")
    project.add_span(doc, 7, 8, "LOC")
    out = tmp_path / "x.conll"
    export(project, "conll", out, bioes=True)
    assert out.read_text("utf-8") == "-DOCSTART-\tO\n\nA\tO\n \tO\n张\tB-PER\n\t\tI-PER\n三\tE-PER\n\n\n𠮷\tS-LOC\n\n"


def test_reader_reports_tags_that_break_the_scheme(tmp_path):
    bad = tmp_path / "bad.conll"
    bad.write_text("-DOCSTART-\tO\n\n张\tI-PER\n三\tX-PER\n李\tB-\n\n", "utf-8")
    assert [str(p) for p in check(bad, "conll").problems] == [
        f"{bad}:3: I-PER does not continue a PER span",
        f"{bad}:4: 'X-PER' is not a BIO or BIOES tag",
        f"{bad}:5: 'B-' is not a BIO or BIOES tag",
    ]


def test_reader_takes_plain_sentence_files(tmp_path):
    plain_file = tmp_path / "msra.txt"
    plain_file.write_text("张 B-PER\n三 I-PER\n去 O\n\n北 B-LOC\n京 I-LOC\n", "utf-8")
    checked = check(plain_file, "conll")
    assert not checked.problems and checked.documents == 2 and checked.spans == 2
