"""Attributes, links and catalog commands: undo puts back exactly what was there, redo the same ids."""

import pytest

from annotator.catalog import best_proposal
from annotator.session import (
    AddLink,
    CreateProgram,
    DeleteLink,
    DeleteSpan,
    LinkProgram,
    Relabel,
    SetAttributes,
    UnlinkProgram,
    confirm,
)
from annotator.store import InvalidEdit, open_project
from tests.store.conftest import make_document

TEXT = "江门市妇联举办“侨都巾帼大宣讲”活动"


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        p.add_documents([make_document(TEXT)])
        yield p


@pytest.fixture
def org(project):
    return project.add_span(1, 0, 5, "ORG")


@pytest.fixture
def program(project):
    return project.add_span(1, 8, 15, "PROGRAM")


def state(project):
    """What a command may touch, without timestamps."""
    return (
        [(s.id, s.start, s.end, s.label, s.attributes, s.program_id) for s in project.spans(1)],
        [(r.id, r.head, r.tail, r.type) for r in project.relations(1)],
        project.programs(),
    )


def roundtrip(project, command):
    """Do, undo, redo: returns the states before, after doing and after redoing."""
    before = state(project)
    command.do(project)
    done = state(project)
    assert done != before
    command.undo(project)
    assert state(project) == before
    command.do(project)
    assert state(project) == done
    return before, done


def test_set_attributes_undo_restores_the_old_values_exactly(project, program):
    project.set_span_attributes(program.id, {"level": "city"})
    cmd = SetAttributes(1, program.id, {"category": "维权关爱", "level": None})
    _, done = roundtrip(project, cmd)
    assert done[0][0][4] == {"category": "维权关爱"}
    assert cmd.span_ids == (program.id,) and "category" in cmd.text


def test_set_attributes_refuses_a_value_outside_the_choices_and_changes_nothing(project, program):
    before = state(project)
    with pytest.raises(InvalidEdit, match="not a category"):
        SetAttributes(1, program.id, {"category": "宣讲"}).do(project)
    assert state(project) == before


def test_add_link_undo_redo_keeps_the_relation_id(project, org, program):
    cmd = AddLink(1, program.id, org.id, "organizer")
    _, done = roundtrip(project, cmd)
    assert done[1] == [(cmd.relation_id, program.id, org.id, "organizer")]
    assert cmd.span_ids == (program.id, org.id)


def test_add_link_refuses_the_wrong_labels(project, org, program):
    with pytest.raises(InvalidEdit, match="organizer link goes PROGRAM → ORG"):
        AddLink(1, org.id, program.id, "organizer").do(project)


def test_delete_link_undo_restores_the_same_relation(project, org, program):
    link = project.add_link(program.id, org.id, "organizer")
    cmd = DeleteLink(1, link.id)
    before, _ = roundtrip(project, cmd)
    assert before[1] == [(link.id, program.id, org.id, "organizer")]
    assert cmd.span_ids == (program.id, org.id)


def test_link_and_unlink_a_program_with_its_alias(project, program):
    entry = project.create_program("侨都巾帼大宣讲活动")
    cmd = LinkProgram(1, program.id, entry.id, alias="侨都巾帼大宣讲")
    _, done = roundtrip(project, cmd)
    assert done[2][0].aliases == ("侨都巾帼大宣讲",) and done[0][0][5] == entry.id
    unlink = UnlinkProgram(1, program.id)
    roundtrip(project, unlink)
    assert project.span(program.id).program_id is None
    unlink.undo(project)
    assert project.span(program.id).program_id == entry.id


def test_relinking_undo_returns_to_the_first_program(project, program):
    first, second = project.create_program("甲计划"), project.create_program("乙计划")
    project.link_span(program.id, first.id)
    cmd = LinkProgram(1, program.id, second.id)
    roundtrip(project, cmd)
    assert project.span(program.id).program_id == second.id
    cmd.undo(project)
    assert project.span(program.id).program_id == first.id


def test_create_program_with_a_parent_it_makes_too_and_redo_keeps_both_ids(project, program):
    cmd = CreateProgram(1, program.id, "侨都巾帼大宣讲", parent_name="巾帼大宣讲")
    before, done = roundtrip(project, cmd)
    assert before[2] == []
    parent, child = done[2]
    assert (parent.name, child.name, child.parent_id, child.id) == ("巾帼大宣讲", "侨都巾帼大宣讲", parent.id,
                                                                    cmd.program_id)
    assert project.span(program.id).program_id == child.id


def test_create_program_under_an_existing_parent_leaves_the_parent_on_undo(project, program):
    parent = project.create_program("巾帼大宣讲")
    cmd = CreateProgram(1, program.id, "侨都巾帼大宣讲", parent_name="巾帼大宣讲")
    roundtrip(project, cmd)
    cmd.undo(project)
    assert project.programs() == [parent]


def test_a_confirmed_proposal_becomes_the_right_command(project, program):
    proposal = best_proposal(program.text, project.programs())
    cmd = confirm(proposal, 1, program.id)
    assert isinstance(cmd, CreateProgram) and cmd.parent_name == "巾帼大宣讲"
    roundtrip(project, cmd)
    other = project.add_span(1, 10, 15, "PROGRAM")
    cmd = confirm(best_proposal(other.text, project.programs()), 1, other.id)
    assert isinstance(cmd, LinkProgram)
    roundtrip(project, cmd)
    assert project.program(project.span(other.id).program_id).name == "巾帼大宣讲"


def test_deleting_a_linked_program_span_undoes_to_its_links_and_catalog_entry(project, org, program):
    entry = project.create_program("侨都巾帼大宣讲")
    project.link_span(program.id, entry.id)
    project.set_span_attributes(program.id, {"category": "思想引领/宣讲"})
    project.add_link(program.id, org.id, "organizer")
    roundtrip(project, DeleteSpan(1, program.id))


def test_relabel_away_from_program_undo_relinks_the_catalog(project, program):
    entry = project.create_program("侨都巾帼大宣讲")
    project.link_span(program.id, entry.id)
    cmd = Relabel(1, program.id, "EVENT")
    _, done = roundtrip(project, cmd)
    assert done[0][0][5] is None


def test_relabel_removes_links_the_new_label_does_not_fit_and_undo_puts_them_back(project, org, program):
    organizer = project.add_link(program.id, org.id, "organizer")
    other = project.add_relation(program.id, org.id, "mentions")  # not a link type: stays
    _, done = roundtrip(project, Relabel(1, org.id, "LOC"))
    assert [(r.id, r.type) for r in project.relations(1)] == [(other.id, "mentions")]
    assert done[1] == [(other.id, program.id, org.id, "mentions")]
    assert project.changes(1)[0]["details"]["links_removed"] == [organizer.id]


def test_relabel_keeps_links_the_new_label_still_fits(project, org, program):
    project.add_link_type("organizer", "PROGRAM", "LOC")
    project.add_link(program.id, org.id, "organizer")
    Relabel(1, org.id, "LOC").do(project)
    assert [r.type for r in project.relations(1)] == ["organizer"]
