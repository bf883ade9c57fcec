"""BIO and BIOES, one character a line, read by the tools people train with:
seqeval, spaCy's ``convert`` and doccano's CoNLL import rule."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.exchange import check, export, import_annotated
from annotator.exchange.conll import untoken
from annotator.exchange.records import non_overlapping
from annotator.store import open_project
from tests.exchange.conftest import LINES, add_glossed, add_lines, plain

seqeval_metrics = pytest.importorskip("seqeval.metrics")
seqeval_scheme = pytest.importorskip("seqeval.scheme")


def documents(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Each document's sentences of (token, tag), as a CoNLL 2003 reader takes
    them: ``-DOCSTART-`` lines open documents, empty lines end sentences."""
    docs: list[list[list[tuple[str, str]]]] = []
    current: list[tuple[str, str]] = []
    for row in path.read_text("utf-8").split("\n"):
        if row.startswith("-DOCSTART-"):
            docs.append([])
        elif not row:
            if current:
                docs[-1].append(current)
            current = []
        else:
            token, tag = row.rsplit("\t", 1)
            current.append((token, tag))
    return docs


def records(project, tmp_path) -> list[dict]:
    export(project, "jsonl", tmp_path / "all.jsonl")
    return [json.loads(line) for line in (tmp_path / "all.jsonl").read_bytes().splitlines()]


def as_document(sentences: list[list[tuple[str, str]]], entities_of) -> tuple[str, list[tuple[int, int, str]]]:
    """The text the sentences spell (placeholders mapped back, a line break
    between sentences) and the entities a reader finds, as text offsets."""
    text, found = "", []
    for n, sentence in enumerate(sentences):
        if n:
            text += "\n"
        offsets = []
        for token, _ in sentence:
            offsets.append(len(text))
            text += untoken(token)
        for label, first, last in entities_of([tag for _, tag in sentence]):
            found.append((offsets[first], offsets[last] + len(untoken(sentence[last][0])), label))
    return text, sorted(found)


@pytest.mark.parametrize("bioes", [False, True])
def test_seqeval_reads_every_kept_span_as_one_entity(filled, corpus_dir, tmp_path, bioes):
    """A span across a line break (CRLF, a lone CR, U+2028) is one entity, not
    two pieces in two sentences; every document's text comes back exactly."""
    add_glossed(filled, corpus_dir)
    add_lines(filled)
    export(filled, "conll", tmp_path / "train.conll", bioes=bioes)
    expected = records(filled, tmp_path)
    docs = documents(tmp_path / "train.conll")
    assert len(docs) == len(expected)
    scheme = seqeval_scheme.IOBES if bioes else seqeval_scheme.IOB2

    def strict(tags):  # seqeval's strict mode: an entity must follow the scheme
        return [(e.tag, e.start, e.end - 1) for e in seqeval_scheme.Entities([tags], scheme).entities[0]]

    crossing = 0
    for sentences, record in zip(docs, expected, strict=True):
        for entities_of in (seqeval_metrics.sequence_labeling.get_entities, strict):
            text, found = as_document(sentences, entities_of)
            assert text == record["text"]
            kept = non_overlapping(record["spans"])
            assert found == sorted((s["start"], s["end"], s["label"]) for s in kept)
        crossing += sum(any(ch in s["text"] for ch in "\n\r\u2028\x85\f") for s in kept)
    assert crossing >= 4
    tags = [[tag for _, tag in sentence] for sentences in docs for sentence in sentences]
    assert seqeval_metrics.f1_score(tags, tags, mode="strict", scheme=scheme) == 1.0


def test_spacy_convert_reads_the_export(filled, corpus_dir, tmp_path):
    """``spacy convert FILE OUT -c ner`` (spaCy's own command) reads every
    document, with each of its tokens and entities where the export put them."""
    from spacy.tokens import DocBin
    import spacy

    add_glossed(filled, corpus_dir)
    add_lines(filled)
    export(filled, "conll", tmp_path / "train.conll")
    expected = [r for r in records(filled, tmp_path) if r["text"]]  # spaCy skips an empty document
    out = tmp_path / "spacy"
    out.mkdir()
    run = subprocess.run([sys.executable, "-m", "spacy", "convert", str(tmp_path / "train.conll"), str(out),
                          "-c", "ner", "-n", "0"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    docs = list(DocBin().from_disk(out / "train.spacy").get_docs(spacy.blank("xx").vocab))
    assert len(docs) == len(expected)
    for doc, record in zip(docs, expected, strict=True):
        sentences = [[(t.text, "O") for t in sent] for sent in doc.sents]
        text, _ = as_document(sentences, lambda tags: [])
        assert text == record["text"]
        starts = {t.i: off for t, off in zip(doc, _token_offsets(sentences))}
        ents = sorted((starts[e.start], starts[e.end - 1] + len(untoken(doc[e.end - 1].text)), e.label_)
                      for e in doc.ents)
        assert ents == sorted((s["start"], s["end"], s["label"]) for s in non_overlapping(record["spans"]))


def _token_offsets(sentences):
    offsets, pos = [], 0
    for n, sentence in enumerate(sentences):
        pos += bool(n)
        for token, _ in sentence:
            offsets.append(pos)
            pos += len(untoken(token))
    return offsets


def doccano_conll_import(path: Path) -> tuple[list[str], int]:
    """doccano 1.8's CoNLL import rule (doccano/doccano,
    backend/data_import/pipeline/parsers.py, ``CoNLLParser.parse``): the file is
    read with universal newlines, each line ``rstrip()``-ed; a line must split
    on tabs into exactly two columns (else the import stops); every empty line
    ends an example, so an empty line after an empty line is an example with
    no text ("Invalid data").  Returns the examples' words and that count."""
    examples, invalid, words = [], 0, []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip()
            if line:
                columns = line.split("\t")
                assert len(columns) == 2, f"line {number}: {line!r}: doccano stops here"
                words.append(columns[0])
            else:
                if words:
                    examples.append("".join(words))
                else:
                    invalid += 1
                words = []
    return examples, invalid


def test_doccano_reads_every_line_and_no_empty_example(filled, tmp_path):
    """With ``docstart=False`` (documents separated by an empty line only, as
    doccano takes them) every sentence is one doccano example and none is empty."""
    add_lines(filled)
    export(filled, "conll", tmp_path / "d.conll", docstart=False)
    examples, invalid = doccano_conll_import(tmp_path / "d.conll")
    assert invalid == 0
    expected = [sentence for sentences in documents_without_docstart(tmp_path / "d.conll") for sentence in sentences]
    assert examples == ["".join(token for token, _ in sentence) for sentence in expected]
    text = (tmp_path / "d.conll").read_text("utf-8")
    assert "\n\n\n" not in text and not text.startswith("\n")


def documents_without_docstart(path: Path):
    sentences, current = [], []
    for row in path.read_text("utf-8").split("\n"):
        if row:
            current.append(tuple(row.rsplit("\t", 1)))
        elif current:
            sentences.append(current)
            current = []
    return [sentences]


def test_no_two_empty_lines_follow_each_other(filled, corpus_dir, tmp_path):
    """An empty line is a sentence (or document) break; a run of line breaks
    writes the rest as tokens, so no reader sees an empty sentence."""
    add_glossed(filled, corpus_dir)
    add_lines(filled)
    export(filled, "conll", tmp_path / "x.conll")
    text = (tmp_path / "x.conll").read_text("utf-8")
    assert "\n\n\n" not in text
    assert text.startswith("-DOCSTART- -X- O O\n\n") and text.count("-DOCSTART- -X- O O\n") == 7


def test_every_line_end_in_the_text_comes_back(project, tmp_path):
    """Raw CR, CRLF, U+2028, U+0085, form feed, vertical tab: the file has no
    character Python's universal newlines or ``str.splitlines()`` would split
    on except its own LFs, and the text reads back exactly, also from a copy
    saved with CRLF line ends."""
    [doc] = project.add_documents([plain(LINES, "lines.txt")])
    project.add_span(doc, LINES.index("李四"), LINES.index("北京") + 2, "EVENT")
    project.add_span(doc, LINES.index("孤立"), LINES.index("回车") + 2, "ORG")
    out = tmp_path / "x.conll"
    export(project, "conll", out)
    data = out.read_text("utf-8")
    assert data.splitlines() == data.split("\n")[:-1]
    with out.open(encoding="utf-8") as f:  # universal newlines
        assert [line.rstrip("\n") for line in f] == data.split("\n")[:-1]
    saved_on_windows = tmp_path / "crlf.conll"
    saved_on_windows.write_bytes(data.replace("\n", "\r\n").encode("utf-8"))
    for path in (out, saved_on_windows):
        with open_project(tmp_path / f"{path.stem}.annotator") as again:
            report = import_annotated(again, path, "conll")
            assert not report.problems, [str(p) for p in report.problems]
            [(_, new_id)] = report.added
            assert again.document(new_id).text == LINES
            assert [(s.start, s.end, s.label) for s in again.spans(new_id)] == \
                [(s.start, s.end, s.label) for s in project.spans(doc)]


def test_tokens_are_characters_and_white_space_is_a_placeholder(project, tmp_path):
    [doc] = project.add_documents([plain("A 张\t三\n\n𠮷\u3000", "x.txt")])
    project.add_span(doc, 2, 5, "PER")
    project.add_span(doc, 7, 8, "LOC")
    out = tmp_path / "x.conll"
    export(project, "conll", out, bioes=True)
    assert out.read_text("utf-8") == ("-DOCSTART- -X- O O\n\nA\tO\n[U+0020]\tO\n张\tB-PER\n[U+0009]\tI-PER\n"
                                      "三\tE-PER\n"
                                      "\n[U+000A]\tO\n𠮷\tS-LOC\n[U+3000]\tO\n\n")


def test_a_line_break_inside_a_span_is_a_token_with_the_span(project, tmp_path):
    [doc] = project.add_documents([plain("主办\n联合\n\n", "x.txt")])
    project.add_span(doc, 0, 5, "EVENT")
    out = tmp_path / "x.conll"
    report = export(project, "conll", out)
    assert out.read_text("utf-8") == ("-DOCSTART- -X- O O\n\n主\tB-EVENT\n办\tI-EVENT\n[U+000A]\tI-EVENT\n"
                                      "联\tI-EVENT\n合\tI-EVENT\n[U+000A]\tO\n[U+000A]\tO\n\n")
    assert report.dropped == 0 and report.spans == 1


def test_the_summary_names_what_conll_cannot_carry(filled, tmp_path):
    add_lines(filled)
    report = export(filled, "conll", tmp_path / "x.conll")
    assert report.lost["overlapping spans (the longest kept)"] == report.dropped > 0
    assert report.lost["attribute values"] == 5 and report.lost["relations"] == 3
    assert report.lost["catalog links"] == 2
    assert "not carried by this format: " in report.summary()


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
