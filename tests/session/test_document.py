"""The open document rereads what a command touched and tells its observers,
against a real project file, no QApplication."""

import pytest

from annotator.session import AddLink, AddSpan, DeleteSpan, RejectSpan, SetRegion, TagOccurrences
from annotator.session.document import OpenDocument
from annotator.store import open_project
from tests.store.conftest import make_document

TEXT = "江门市妇联举办“侨都巾帼大宣讲”活动"


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        excluded = [{"start": 0, "end": 3, "reason": "chrome", "rule": "site-name"}]
        p.add_documents([make_document(TEXT, excluded=excluded), make_document(TEXT + "。", source="two.txt")])
        yield p


def run(project, document, command, told):
    command.do(project)
    told.clear()
    document.command_ran(command)
    return [event for event, _ in told]


def test_a_tag_inserts_one_row_and_its_undo_removes_it(project):
    document, told = OpenDocument(project), []
    document.subscribe(lambda event, row: told.append((event, row)))
    document.open(1)
    assert document.text == TEXT and len(document) == 0 and document.complete
    assert [(r.start, r.end, r.excluded) for r in document.regions] == [(0, 3, True)]
    tag = AddSpan(1, 3, 5, "ORG")
    assert run(project, document, tag, told) == ["links", "rejections", "inserting", "inserted"]
    assert [(s.start, s.end, s.label) for s in document.spans()] == [(3, 5, "ORG")]
    assert document.spans_between(4, 6) == document.spans() and document.spans_between(5, 9) == []
    tag.undo(project)
    told.clear()
    document.command_ran(tag)
    assert [e for e, _ in told] == ["links", "rejections", "removing", "removed"] and len(document) == 0


def test_links_rejections_and_regions_follow_the_commands_that_touch_them(project):
    document = OpenDocument(project)
    document.open(1)
    head, tail = AddSpan(1, 7, 15, "PROGRAM"), AddSpan(1, 3, 5, "ORG")
    for c in (head, tail):
        c.do(project)
        document.command_ran(c)
    link, told = AddLink(1, head.span_id, tail.span_id, "organizer"), []
    document.subscribe(lambda event, row: told.append((event, row)))
    assert run(project, document, link, told) == ["links", "rejections", "changed", "changed"]
    assert [r.type for r in document.links_of(tail.span_id)] == ["organizer"] and document.has_links()
    delete = DeleteSpan(1, tail.span_id)
    run(project, document, delete, told)
    assert not document.has_links() and document.find(tail.span_id) is None
    accepted = AddSpan(1, 3, 5, "ORG", origin="suggested", suggester="lexicon")
    run(project, document, accepted, told)
    assert document.rejections == frozenset()
    run(project, document, RejectSpan(1, accepted.span_id), told)
    assert document.rejections == {(3, 5, "ORG")}
    assert run(project, document, SetRegion(1, 0, 3, False), told) == ["links", "rejections", "regions"]
    assert [(r.start, r.end, r.excluded) for r in document.regions] == [(0, 3, False)]


def test_a_batch_from_another_document_rereads_the_spans_here_and_a_closed_one_reads_nothing(project):
    document, told = OpenDocument(project), []
    document.subscribe(lambda event, row: told.append((event, row)))
    document.open(1)
    batch = TagOccurrences("LOC", [(2, 0, 3), (1, 0, 3)], document_id=2)
    assert run(project, document, batch, told) == ["links", "rejections", "resetting", "reset"]
    assert [(s.document_id, s.label) for s in document.spans()] == [(1, "LOC")]
    elsewhere = AddSpan(2, 3, 5, "ORG")
    assert run(project, document, elsewhere, told) == []
    document.close()
    assert run(project, document, AddSpan(1, 5, 7, "ORG"), told) == [] and len(document) == 1


def test_a_long_document_opens_with_its_first_screen_then_the_rest(project):
    far = OpenDocument.FIRST_SCREEN + 10
    project.add_documents([make_document("江门" * far, source="long.txt")])
    near_span = project.add_span(3, 0, 2, "LOC")
    far_span = project.add_span(3, far, far + 2, "LOC")
    document = OpenDocument(project)
    document.open(3, first_screen=True)
    assert [s.id for s in document.spans()] == [near_span.id] and not document.complete
    document.load_rest()
    assert [s.id for s in document.spans()] == [near_span.id, far_span.id] and document.complete


def test_the_next_span_from_a_span_or_a_position_and_the_region_at_a_position(project):
    first, second = project.add_span(1, 3, 5, "ORG"), project.add_span(1, 8, 15, "PROGRAM")
    document = OpenDocument(project)
    document.open(1)
    assert document.next_span(first.id, 0, forward=True) == second
    assert document.next_span(second.id, 0, forward=True) is None
    assert document.next_span(second.id, 0, forward=False) == first
    assert document.next_span(None, 6, forward=True) == second and document.next_span(None, 6, forward=False) == first
    assert document.next_span(None, 0, forward=False) is None
    assert (document.region_at(1).start, document.region_at(3).end) == (0, 3) and document.region_at(4) is None


def test_a_span_on_the_raw_page_it_came_from(project):
    from annotator.session.document import on_raw_page

    raw = "江门市<b>妇联</b>举办"
    text = "江门市妇联举办"
    project.add_documents([make_document(text, source="raw.html", raw=raw)])
    doc = project.document(3)
    span = project.add_span(3, 3, 5, "ORG")
    moved = on_raw_page(doc, span)
    assert moved.text == raw[moved.start:moved.end] and (moved.id, moved.label) == (span.id, "ORG")
