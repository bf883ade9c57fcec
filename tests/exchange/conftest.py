"""Projects on disk with the documents exports get wrong elsewhere: characters
outside the BMP and emoji, text from a CRLF page (raw and normalized offsets
differ), overlapping spans, spans on the first and last character, an empty
document, relations and attributes, and the two glossed Traditional pages; and
a document whose text keeps every kind of line end and white space (CRLF, a
lone CR, U+2028, U+0085, a form feed, runs of empty lines) with spans across
them and an attribute value with a space."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from annotator.ingest import Task, run_task
from annotator.store import Project, open_project
from tests.store.conftest import make_document

CRLF_PAGE = "淮南市妇联主席张璐来了。𠮷野家和𬀩字\r\n第二行:👩‍👩‍👧 一家人\r\n\r\n最后一行 emoji 😀 结尾\r\n"
# text kept as given (as an annotated import keeps it): every line end a reader may split on
LINES = ("\n第一行 有空格\u3000和全角空格\r\n李四\r\n在北京\r\n\r\n\r\n孤立的\r回车\u2028行分隔\u0085下一行"
         "\f换页\t制表\x0b竖\xa0排\n\n")
GLOSSED = ("000_aaf9baf376961570.txt", "004_ad273fc778490be1.txt")


def normalized(source: str, data: bytes):
    return run_task(Task(source, source, data))


def plain(text: str, file: str, source: str | None = None, title: str | None = None):
    """A document whose raw text is its text, with the page's own source and title."""
    doc = make_document(text, source=file)
    return replace(doc, meta={**doc.meta, "source": source, "title": title})


def tag(project: Project, doc_id: int, word: str, label: str, nth: int = 0, **attributes) -> int:
    text = project.document(doc_id).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return project.add_span(doc_id, start, start + len(word), label, attributes=attributes or None).id


def fill(project: Project) -> dict[str, int]:
    """The awkward documents, annotated; returns their ids by name."""
    ids = project.add_documents([
        normalized("crlf.txt", CRLF_PAGE.encode("utf-8")),
        plain("𠮷野家在𬀩城开店👩‍👩‍👧", "astral.txt", source="新华社", title="开店"),
        plain("", "empty.txt"),
        plain("张三和李四\n在北京开会", "edges.txt"),
    ])
    crlf, astral, empty, edges = ids
    # CRLF page: spans after the first line break and around astral characters
    tag(project, crlf, "妇联主席", "TITLE")
    per = tag(project, crlf, "张璐", "PER")
    org = tag(project, crlf, "淮南市妇联", "ORG")  # overlaps 妇联主席
    project.add_relation(per, org, "member_of")
    tag(project, crlf, "𠮷野家", "ORG")
    family = tag(project, crlf, "👩‍👩‍👧", "PROGRAM", category="公益项目", level="city")
    project.add_link(family, org, "organizer")
    tag(project, crlf, "结尾", "EVENT")  # the last characters
    # astral: spans made of astral characters and emoji only
    tag(project, astral, "𠮷野家", "ORG")
    place = tag(project, astral, "𬀩城", "LOC")
    other = tag(project, astral, "👩‍👩‍👧", "PROGRAM", category="其他")
    project.add_link(other, place, "place")
    # the catalog: a regional variant under its parent, and a name JSON must escape
    parent = project.create_program("巾帼大宣讲")
    project.link_span(family, project.create_program("三秦巾帼大宣讲", parent_id=parent.id).id)
    project.link_span(other, project.create_program('"家"\\𠮷中').id)
    # edges: first and last character, nested and crossing spans, a span over a line break
    tag(project, edges, "张", "PER")
    tag(project, edges, "张三", "PER")
    tag(project, edges, "三和李", "ORG")
    tag(project, edges, "李四\n在北京", "EVENT")
    tag(project, edges, "京", "LOC")
    project.set_status(edges, "done")
    return {"crlf": crlf, "astral": astral, "empty": empty, "edges": edges}


def add_lines(project: Project) -> int:
    """The document of every line end (``LINES``), annotated."""
    [lines] = project.add_documents([plain(LINES, "lines.txt")])
    # spans across CRLF, a lone CR, U+2028 + U+0085, a form feed and a tab; nested spans
    tag(project, lines, "有空格\u3000和", "EVENT")
    tag(project, lines, "李四\r\n在北京", "EVENT")
    tag(project, lines, "李四", "PER")
    tag(project, lines, "北京", "LOC")
    tag(project, lines, "孤立的\r回车", "ORG")
    tag(project, lines, "行分隔\u0085下一行", "TITLE")
    tag(project, lines, "换页\t制表\x0b竖", "PROGRAM", category="公益 项目", level="city")
    return lines


def add_glossed(project: Project, corpus_dir: Path) -> list[int]:
    ids = project.add_documents([normalized(name, (corpus_dir / name).read_bytes()) for name in GLOSSED])
    for doc_id in ids:
        text = project.document(doc_id).text
        for word, label in (("妇联", "ORG"), ("党组书记", "TITLE"), ("妇女儿童", "EVENT")):
            start = text.find(word)
            if start >= 0:
                project.add_span(doc_id, start, start + len(word), label)
    return ids


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "source.annotator", annotator="tester") as p:
        yield p


@pytest.fixture
def filled(project):
    fill(project)
    return project
