"""What each adapter writes, as its consumers expect it."""

import json
import subprocess
import sys

import pytest

from annotator.exchange import check, export, import_annotated
from annotator.store import open_project
from tests.exchange.conftest import plain


def one_document(project, text, *spans, relation=None, **attributes):
    [doc] = project.add_documents([plain(text, "x.txt", source="新华社", title="标题")])
    ids = [project.add_span(doc, s, e, label, attributes=attributes if label == "PROGRAM" else None).id
           for s, e, label in spans]
    if relation:
        project.add_relation(ids[relation[0]], ids[relation[1]], relation[2])
    return doc


def test_cluener_ends_are_inclusive_and_surfaces_are_the_text(project, tmp_path):
    one_document(project, "𠮷野家在北京,北京", (0, 3, "ORG"), (4, 6, "LOC"), (7, 9, "LOC"))
    export(project, "cluener", tmp_path / "c.jsonl")
    line = json.loads((tmp_path / "c.jsonl").read_text("utf-8"))
    assert line == {"text": "𠮷野家在北京,北京", "label": {"ORG": {"𠮷野家": [[0, 2]]}, "LOC": {"北京": [[4, 5], [7, 8]]}}}


def test_doccano_plain_without_relations(project, tmp_path):
    one_document(project, "张三在北京", (0, 2, "PER"), (3, 5, "LOC"))
    export(project, "doccano", tmp_path / "d.jsonl")
    assert json.loads((tmp_path / "d.jsonl").read_text("utf-8")) == \
        {"id": 1, "text": "张三在北京", "label": [[0, 2, "PER"], [3, 5, "LOC"]]}


def test_label_studio_tasks_carry_attributes_and_relations(project, tmp_path):
    one_document(project, "妇联的巾帼行动", (0, 2, "ORG"), (3, 7, "PROGRAM"), relation=(1, 0, "run_by"),
                 category="公益项目")
    export(project, "label-studio", tmp_path / "ls.json")
    [task] = json.loads((tmp_path / "ls.json").read_text("utf-8"))
    result = task["annotations"][0]["result"]
    assert task["data"] == {"text": "妇联的巾帼行动"}
    assert [r["type"] for r in result] == ["labels", "labels", "choices", "relation"]
    assert result[2] == {"value": {"start": 3, "end": 7, "text": "巾帼行动", "choices": ["公益项目"]}, "id": "s2",
                         "from_name": "category", "to_name": "text", "type": "choices"}
    assert result[3]["from_id"] == "s2" and result[3]["to_id"] == "s1" and result[3]["labels"] == ["run_by"]


def test_brat_files_and_annotation_conf(project, tmp_path):
    one_document(project, "妇联的\n巾帼行动", (0, 2, "ORG"), (0, 8, "PROGRAM"), relation=(1, 0, "run_by"),
                 category="公益项目")
    export(project, "brat", tmp_path / "brat")
    assert (tmp_path / "brat" / "000001.txt").read_bytes() == "妇联的\n巾帼行动".encode()
    assert (tmp_path / "brat" / "000001.ann").read_text("utf-8") == (
        "T1\tORG 0 2\t妇联\nT2\tPROGRAM 0 3;4 8\t妇联的 巾帼行动\nA1\tcategory T2 公益项目\n"
        "R1\trun_by Arg1:T2 Arg2:T1\n")
    conf = (tmp_path / "brat" / "annotation.conf").read_text("utf-8")
    assert "[entities]\nORG\nPROGRAM\n" in conf and "run_by\tArg1:<ENTITY>, Arg2:<ENTITY>" in conf
    assert "category\tArg:<ENTITY>, Value:公益项目" in conf


def test_brat_reader_joins_fragments_split_at_line_breaks(tmp_path):
    (tmp_path / "a.txt").write_text("妇联的\n巾帼行动", "utf-8")
    (tmp_path / "a.ann").write_text("T1\tPROGRAM 0 3;4 8\t妇联的 巾帼行动\nA1\tNegated T1\n#1\tAnnotatorNotes T1\tok\n"
                                    "T2\tORG 0 3;6 8\t妇联的 行动\nE1\tEvent:T1\n", "utf-8")
    checked = check(tmp_path, "brat")
    assert [str(p) for p in checked.problems] == [
        f"{tmp_path / 'a.ann'}:4: T2: a span in pieces with text between them (0 3;6 8) is not supported",
        f"{tmp_path / 'a.ann'}:5: E1: only text spans (T), attributes (A) and relations (R) are read",
    ]


def test_prodigy_tokens_are_jieba_words_cut_at_span_edges(project, tmp_path):
    one_document(project, "淮南市妇联党组书记张璐", (0, 5, "ORG"), (9, 11, "PER"), (3, 4, "ORG"))
    export(project, "prodigy", tmp_path / "p.jsonl")
    line = json.loads((tmp_path / "p.jsonl").read_text("utf-8"))
    words = [t["text"] for t in line["tokens"]]
    assert "".join(words) == line["text"] and "党组书记" in words
    for span in line["spans"]:
        first, last = line["tokens"][span["token_start"]], line["tokens"][span["token_end"]]
        assert (first["start"], last["end"]) == (span["start"], span["end"])
    assert line["meta"] == {"id": 1, "source": "新华社", "title": "标题"}
    assert not check(tmp_path / "p.jsonl", "prodigy").problems


def test_jieba_and_spacy_load_only_for_their_formats(tmp_path):
    code = ("import sys; from annotator.store import open_project; from annotator.exchange import export; "
            f"p = open_project({str(tmp_path / 'p.annotator')!r}); export(p, 'jsonl', {str(tmp_path / 'o')!r}); "
            "print(sorted(m for m in ('jieba', 'spacy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_failed_export_leaves_no_file_that_looks_whole(project, tmp_path):
    one_document(project, "张三", (0, 2, "PER"))
    out = tmp_path / "d.jsonl"
    out.write_text("the previous export\n", "utf-8")

    class Stop(Exception):
        pass

    def progress(done, total):
        if done:
            raise Stop

    try:
        export(project, "doccano", out, progress=progress)
    except Stop:
        pass
    assert out.read_text("utf-8") == "the previous export\n"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_brat_accepts_every_file_by_its_own_rules(filled, corpus_dir, tmp_path):
    """A CRLF text (brat counts a CRLF as one character), spans across line
    breaks, CR, U+2028 and U+0085 (fragments), a tab inside a span, an
    attribute value with a space (annotation.conf has no white space in values)."""
    from tests.exchange.brat_check import check_collection
    from tests.exchange.conftest import add_glossed, add_lines

    add_glossed(filled, corpus_dir)
    add_lines(filled)
    report = export(filled, "brat", tmp_path / "brat")
    errors, textbounds = check_collection(tmp_path / "brat")
    assert errors == []
    assert textbounds == report.spans > 20
    ann = (tmp_path / "brat" / f"{7:06d}.ann").read_text("utf-8")
    # after the first CRLF the offsets count it as one character
    assert "\tEVENT 15 17;18 21\t李四 在北京\n" in ann
    assert "A1\tcategory T7 公益%20项目\n" in ann
    assert "category\tArg:<ENTITY>, Value:" in (tmp_path / "brat" / "annotation.conf").read_text("utf-8")


def test_brat_reader_maps_brat_offsets_onto_a_crlf_text(tmp_path):
    """What brat writes for a CRLF text: offsets of the text read with universal newlines."""
    (tmp_path / "a.txt").write_bytes("主办\r\n联合\r\n会议".encode())
    (tmp_path / "a.ann").write_text("T1\tEVENT 0 2;3 5\t主办 联合\nT2\tEVENT 6 8\t会议\n"
                                    "A1\tkind T1 公益%20项目\n", "utf-8")
    with open_project(tmp_path / "p.annotator") as project:
        report = import_annotated(project, tmp_path, "brat")
        assert not report.problems, [str(p) for p in report.problems]
        [(_, doc)] = report.added
        text = project.document(doc).text
        assert text == "主办\r\n联合\r\n会议"
        assert [(text[s.start:s.end], s.attributes) for s in project.spans(doc)] == \
            [("主办\r\n联合", {"kind": "公益 项目"}), ("会议", {})]


def test_brat_summary_names_what_it_cannot_carry(project, tmp_path):
    one_document(project, "甲\n\n乙", (0, 2, "ORG"), (1, 2, "LOC"), (0, 4, "PROGRAM"), relation=(1, 2, "run_by"),
                 category="x")
    report = export(project, "brat", tmp_path / "b")
    assert report.lost == {"spans with line breaks at their edges (left out of the span)": 1,
                           "spans of line breaks only (brat cannot mark them)": 1, "relations": 1}
    assert report.dropped == 1 and report.spans == 2


def cluener_baseline_examples(path):
    """The CLUENER2020 baseline's loader (``_create_examples``/``_read_json``; the
    same code as dedeguo/demo ``clue-demo/data_preprocess.py``): a text-mode
    file read line by line, characters as words, and for every entity
    ``assert ''.join(words[start_index:end_index + 1]) == sub_name``."""
    examples = []
    with open(path, "r", encoding="utf-8") as f:
        for line in f:
            line = json.loads(line.strip())
            words = list(line["text"])
            labels = ["O"] * len(words)
            for key, value in (line.get("label") or {}).items():
                for sub_name, sub_index in value.items():
                    for start_index, end_index in sub_index:
                        assert "".join(words[start_index:end_index + 1]) == sub_name
                        labels[start_index] = ("S-" if start_index == end_index else "B-") + key
                        labels[start_index + 1:end_index + 1] = ["I-" + key] * (len(sub_name) - 1)
            examples.append((words, labels))
    return examples


def test_cluener_baseline_loader_accepts_every_entity(filled, corpus_dir, tmp_path):
    from tests.exchange.conftest import add_glossed, add_lines

    add_glossed(filled, corpus_dir)
    add_lines(filled)
    report = export(filled, "cluener", tmp_path / "train.json")
    examples = cluener_baseline_examples(tmp_path / "train.json")
    assert len(examples) == sum(report.documents.values()) == 7
    assert sum(label[:2] in ("B-", "S-") for _, labels in examples for label in labels) > 20


# what of the fixture each format cannot carry (attribute values, relations, catalog links; CoNLL: overlaps)
LOST = {
    "jsonl": {},
    "doccano": {"attribute values": 5, "catalog links": 2},
    "label-studio": {"catalog links": 2},
    "spacy": {"attribute values": 5, "relations": 3, "catalog links": 2},
    "cluener": {"attribute values": 5, "relations": 3, "catalog links": 2},
    "brat": {"catalog links": 2},
    "conll": {"attribute values": 5, "relations": 3, "catalog links": 2, "overlapping spans (the longest kept)": 6},
    "prodigy": {"attribute values": 5, "relations": 3, "catalog links": 2},
}


@pytest.mark.parametrize("fmt", sorted(LOST))
def test_the_summary_lists_what_the_format_cannot_carry(filled, tmp_path, fmt):
    from tests.exchange.conftest import add_lines

    add_lines(filled)
    report = export(filled, fmt, tmp_path / ("out" if fmt == "brat" else f"out.{fmt}"))
    assert report.lost == LOST[fmt]
    for what, n in LOST[fmt].items():
        assert f"{n} {what}" in report.summary()
