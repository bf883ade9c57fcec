"""Label schema commands: each change undone and redone exactly, with the spans
and links a removal took; the schema shared as TOML."""

import tomllib
from dataclasses import replace

import pytest

from annotator.session.labels import AddLabel, ImportSchema, RemoveLabel, UpdateLabel, read_schema, schema_toml
from annotator.store import InvalidEdit, Label, open_project
from tests.store.conftest import make_document


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        [doc] = p.add_documents([make_document("全国妇联主席林露华在北京出席会议。")])
        p.add_span(doc, 0, 4, "ORG")
        p.add_span(doc, 6, 9, "PER")
        p.add_span(doc, 10, 12, "LOC")
        yield p


def state(p):
    return [(s.id, s.label, s.start, s.end) for s in p.spans(1)], [(r.id, r.head, r.tail, r.type) for r in
                                                                   p.relations(1)], p.labels()


def test_removing_a_label_and_deleting_its_spans_is_undone_with_their_links(project):
    program = project.add_span(1, 12, 16, "PROGRAM")
    project.add_link(program.id, 3, "place")
    before = state(project)
    command = RemoveLabel("LOC")
    command.do(project)
    assert "LOC" not in [label.name for label in project.labels()]
    assert [s.label for s in project.spans(1)] == ["ORG", "PER", "PROGRAM"]
    assert project.relations(1) == []
    assert not [lt for lt in project.link_types() if "LOC" in (lt.head, lt.tail)]
    command.undo(project)
    assert state(project) == before  # the label at its place, the span and its link with their ids
    assert [lt for lt in project.link_types() if lt.tail == "LOC"]
    command.do(project)
    assert "LOC" not in [label.name for label in project.labels()]


def test_removing_a_label_with_its_spans_relabelled_is_undone(project):
    before = state(project)
    command = RemoveLabel("LOC", relabel_to="ORG")
    command.do(project)
    assert [s.label for s in project.spans(1)] == ["ORG", "PER", "ORG"]
    command.undo(project)
    assert state(project) == before


def test_adding_and_changing_labels_undo(project):
    label = Label("AWARD", "entity", "奖项", "Award", "#123456", "9")
    add = AddLabel(label)
    add.do(project)
    assert project.label("AWARD") == label
    change = UpdateLabel("LOC", replace(project.label("LOC"), name="PLACE", color="#000000"))
    change.do(project)
    assert [s.label for s in project.spans(1)] == ["ORG", "PER", "PLACE"]
    change.undo(project)
    assert [s.label for s in project.spans(1)] == ["ORG", "PER", "LOC"]
    assert project.label("LOC").color != "#000000"
    add.undo(project)
    assert "AWARD" not in [x.name for x in project.labels()]
    with pytest.raises(InvalidEdit, match="hotkey 1 already belongs to PER"):
        AddLabel(replace(label, hotkey="1")).do(project)


def test_the_schema_goes_out_as_toml_and_comes_back_into_another_project(project, tmp_path):
    UpdateLabel("PROGRAM", replace(project.label("PROGRAM"), zh="项目 “活动”", hotkey="9")).do(project)
    text = schema_toml(project.labels(), project.link_types())
    data = tomllib.loads(text)
    assert [d["name"] for d in data["label"]] == [label.name for label in project.labels()]
    assert read_schema(text, "s.toml") == project.labels()
    with open_project(tmp_path / "other.annotator") as other:
        taking = read_schema(text, "s.toml") + [Label("AWARD", "entity", "奖项", "Award", "#123456", "0")]
        before = other.labels()
        command = ImportSchema(taking)
        command.do(other)
        assert other.labels() == taking
        command.undo(other)
        assert other.labels() == before


def test_a_hotkey_moving_between_labels_in_a_shared_schema(project, tmp_path):
    labels = project.labels()
    swapped = [replace(x, hotkey={"1": "2", "2": "1"}.get(x.hotkey, x.hotkey)) for x in labels]
    command = ImportSchema(swapped)
    command.do(project)
    assert project.labels() == swapped
    command.undo(project)
    assert project.labels() == labels
