"""The place links per canonical program that migration 6's triggers keep (the
"programs per region" chart reads them): after every kind of edit the summary
equals the join over every place link it replaces."""

import sqlite3

import pytest

from annotator.session import AddLink, DeleteLink, DeleteSpan, LinkProgram, Relabel
from annotator.store import open_project
from annotator.store.project import _connect, migrate, Project
from tests.store.conftest import make_document

TEXT = "陕西省妇联开展“三秦巾帼大宣讲”,四川省妇联在成都市开展“天府巾帼大宣讲”,江门市开展“侨都巾帼大宣讲”。"


def at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def joined(project) -> set[tuple]:
    """What the summary must hold: the join of every place link with its two spans."""
    return set(project.conn.execute(
        "SELECT coalesce(s.program_id, 0), t.text, count(*) FROM relations r JOIN spans s ON s.id = r.head "
        "JOIN spans t ON t.id = r.tail WHERE r.type = 'place' GROUP BY 1, 2"))


def summary(project) -> set[tuple]:
    rows = project.conn.execute("SELECT program_id, place, spans FROM program_places").fetchall()
    assert all(n >= 0 for *_, n in rows), rows  # a count below 0: a link taken off twice
    return {row for row in rows if row[2] > 0}


def check(project) -> set[tuple]:
    expected = joined(project)
    assert summary(project) == expected
    return expected


@pytest.fixture
def corpus(project):
    [doc] = project.add_documents([make_document(TEXT)])
    spans = {name: project.add_span(doc, *at(name), "PROGRAM") for name in ("三秦巾帼大宣讲", "天府巾帼大宣讲", "侨都巾帼大宣讲")}
    places = {name: project.add_span(doc, *at(name), "LOC") for name in ("陕西省", "四川省", "成都市", "江门市")}
    org = project.add_span(doc, *at("四川省妇联"), "ORG")
    parent = project.create_program("巾帼大宣讲")
    programs = {name: project.create_program(name, parent_id=parent.id) for name in spans}
    return doc, spans, places, org, parent, programs


def test_links_added_and_deleted_are_counted_by_program_and_place(project, corpus):
    doc, spans, places, org, parent, programs = corpus
    sanqin, tianfu = spans["三秦巾帼大宣讲"], spans["天府巾帼大宣讲"]
    project.link_span(sanqin.id, programs["三秦巾帼大宣讲"].id)
    first = project.add_link(sanqin.id, places["陕西省"].id, "place")
    project.add_link(tianfu.id, places["四川省"].id, "place")  # not in the catalog yet: program 0
    project.add_link(tianfu.id, places["成都市"].id, "place")
    project.add_link(tianfu.id, org.id, "organizer")  # not a place: not counted
    assert check(project) == {(programs["三秦巾帼大宣讲"].id, "陕西省", 1), (0, "四川省", 1), (0, "成都市", 1)}
    assert sorted(project.program_place_counts(), key=str) == sorted(
        [(programs["三秦巾帼大宣讲"].id, "陕西省", 1), (None, "四川省", 1), (None, "成都市", 1)], key=str)

    project.delete_relation(first.id)
    assert check(project) == {(0, "四川省", 1), (0, "成都市", 1)}
    assert (programs["三秦巾帼大宣讲"].id, "陕西省", 0) in set(
        project.conn.execute("SELECT * FROM program_places"))  # kept with 0, read past


def test_linking_unlinking_merging_and_deleting_programs_move_the_counts(project, corpus):
    doc, spans, places, org, parent, programs = corpus
    tianfu, qiaodu = spans["天府巾帼大宣讲"], spans["侨都巾帼大宣讲"]
    project.add_link(tianfu.id, places["四川省"].id, "place")
    project.add_link(tianfu.id, places["成都市"].id, "place")
    project.add_link(qiaodu.id, places["江门市"].id, "place")
    check(project)
    project.link_span(tianfu.id, programs["天府巾帼大宣讲"].id)
    project.link_span(qiaodu.id, programs["侨都巾帼大宣讲"].id)
    assert check(project) == {(programs["天府巾帼大宣讲"].id, "四川省", 1), (programs["天府巾帼大宣讲"].id, "成都市", 1),
                              (programs["侨都巾帼大宣讲"].id, "江门市", 1)}
    project.merge_programs(programs["侨都巾帼大宣讲"].id, programs["天府巾帼大宣讲"].id)
    assert check(project) == {(programs["天府巾帼大宣讲"].id, place, 1) for place in ("四川省", "成都市", "江门市")}
    project.delete_program(programs["天府巾帼大宣讲"].id, unlink_spans=True)  # the spans' link is set to NULL
    assert check(project) == {(0, place, 1) for place in ("四川省", "成都市", "江门市")}
    project.link_span(tianfu.id, parent.id)
    assert check(project) == {(parent.id, "四川省", 1), (parent.id, "成都市", 1), (0, "江门市", 1)}
    project.link_span(tianfu.id, None)
    assert check(project) == {(0, place, 1) for place in ("四川省", "成都市", "江门市")}


def test_deleting_a_span_takes_its_links_off_and_undo_puts_them_back(project, corpus):
    doc, spans, places, org, parent, programs = corpus
    sanqin, tianfu = spans["三秦巾帼大宣讲"], spans["天府巾帼大宣讲"]
    project.link_span(tianfu.id, programs["天府巾帼大宣讲"].id)
    project.add_link(tianfu.id, places["四川省"].id, "place")
    project.add_link(tianfu.id, places["成都市"].id, "place")
    project.add_link(sanqin.id, places["成都市"].id, "place")  # the same place span under two programs
    check(project)

    head = DeleteSpan(doc, tianfu.id)  # the program: both of its links go
    head.do(project)
    assert check(project) == {(0, "成都市", 1)}
    head.undo(project)
    assert check(project) == {(programs["天府巾帼大宣讲"].id, "四川省", 1),
                              (programs["天府巾帼大宣讲"].id, "成都市", 1), (0, "成都市", 1)}

    tail = DeleteSpan(doc, places["成都市"].id)  # the place: the links of both programs go
    tail.do(project)
    assert check(project) == {(programs["天府巾帼大宣讲"].id, "四川省", 1)}
    tail.undo(project)
    assert len(check(project)) == 3

    project.delete_spans([tianfu.id, places["四川省"].id, places["成都市"].id])  # head and tail in one statement
    assert check(project) == set()


def test_relabelling_a_program_unlinks_it_and_undo_links_it_again(project, corpus):
    doc, spans, places, org, parent, programs = corpus
    tianfu = spans["天府巾帼大宣讲"]
    project.add_link(tianfu.id, places["四川省"].id, "place")
    LinkProgram(doc, tianfu.id, programs["天府巾帼大宣讲"].id).do(project)
    assert check(project) == {(programs["天府巾帼大宣讲"].id, "四川省", 1)}
    project.add_link_type("place", "EVENT", "LOC")  # so that the place link fits the new label
    relabel = Relabel(doc, tianfu.id, "EVENT")
    relabel.do(project)
    assert check(project) == {(0, "四川省", 1)}  # the link stays; the span left the catalog
    relabel.undo(project)
    assert check(project) == {(programs["天府巾帼大宣讲"].id, "四川省", 1)}
    relabel = Relabel(doc, tianfu.id, "PER")  # no place link from a person: it goes, and comes back
    relabel.do(project)
    assert check(project) == set()
    relabel.undo(project)
    assert check(project) == {(programs["天府巾帼大宣讲"].id, "四川省", 1)}


def test_link_commands_and_their_undo(project, corpus):
    doc, spans, places, org, parent, programs = corpus
    sanqin = spans["三秦巾帼大宣讲"]
    project.link_span(sanqin.id, programs["三秦巾帼大宣讲"].id)
    add = AddLink(doc, sanqin.id, places["陕西省"].id, "place")
    add.do(project)
    assert check(project) == {(programs["三秦巾帼大宣讲"].id, "陕西省", 1)}
    add.undo(project)
    assert check(project) == set()
    add.do(project)
    relation = project.relations_of(sanqin.id)[0]
    delete = DeleteLink(doc, relation.id)
    delete.do(project)
    assert check(project) == set()
    delete.undo(project)
    assert check(project) == {(programs["三秦巾帼大宣讲"].id, "陕西省", 1)}


def test_a_relation_changed_in_place_moves_its_count(project, corpus):
    doc, spans, places, org, parent, programs = corpus
    tianfu = spans["天府巾帼大宣讲"]
    relation = project.add_link(tianfu.id, places["四川省"].id, "place")
    with project._transaction() as c:  # nothing in the app updates a relation; the trigger is there if one does
        c.execute("UPDATE relations SET tail = ? WHERE id = ?", (places["成都市"].id, relation.id))
    assert check(project) == {(0, "成都市", 1)}
    with project._transaction() as c:
        c.execute("UPDATE relations SET type = 'organizer' WHERE id = ?", (relation.id,))
    assert check(project) == set()


def test_migration_6_fills_the_summary_from_links_already_there(project_path):
    conn = _connect(project_path)
    conn.execute("PRAGMA journal_mode = WAL")
    old = Project(project_path, conn, "tester", None, None)
    for number in range(1, 6):
        migrate(old, number, seed=number == 1)
    [doc] = old.add_documents([make_document(TEXT)])
    tianfu = old.add_span(doc, *at("天府巾帼大宣讲"), "PROGRAM")
    program = old.create_program("天府巾帼大宣讲")
    old.link_span(tianfu.id, program.id)
    for place in ("四川省", "成都市"):
        old.add_link(tianfu.id, old.add_span(doc, *at(place), "LOC").id, "place")
    conn.close()
    with open_project(project_path) as p:
        assert p.schema_version() == 8
        assert check(p) == {(program.id, "四川省", 1), (program.id, "成都市", 1)}


def test_a_reader_sees_committed_edits_and_cannot_write(project, corpus):
    from annotator.store import open_reader

    doc, spans, places, org, parent, programs = corpus
    reader = open_reader(project.path)
    try:
        assert reader.spans_by_label()["PROGRAM"] == 3
        project.add_span(doc, *at("陕西省妇联"), "ORG")
        assert reader.spans_by_label()["ORG"] == 2
        with pytest.raises(sqlite3.OperationalError):
            reader.conn.execute("DELETE FROM spans")
    finally:
        reader.close()
