"""Attributes checked against the schema, typed links, and the program catalog in the store."""

import sqlite3

import pytest

from annotator.store import InvalidEdit
from annotator.store.errors import AttributeInUse, ProgramInUse
from tests.store.conftest import make_document

TEXT = "江门市妇联举办“侨都巾帼大宣讲”活动,2023年11月在江门市开展。"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def doc(project):
    [doc_id] = project.add_documents([make_document(TEXT, date="2023-11-15")])
    return doc_id


@pytest.fixture
def spans(project, doc):
    org = project.add_span(doc, *at("江门市妇联"), "ORG")
    program = project.add_span(doc, *at("侨都巾帼大宣讲"), "PROGRAM")
    date = project.add_span(doc, *at("2023年11月"), "DATE")
    place = project.add_span(doc, TEXT.rindex("江门市"), TEXT.rindex("江门市") + 3, "LOC")
    return org, program, date, place


# attributes --------------------------------------------------------------------------------
def test_span_attributes_are_checked_against_the_label_schema(project, spans):
    _, program, _, _ = spans
    span = project.set_span_attributes(program.id, {"category": "思想引领/宣讲"})
    assert span.attributes == {"category": "思想引领/宣讲"}
    span = project.set_span_attributes(program.id, {"level": "city"})
    assert span.attributes == {"category": "思想引领/宣讲", "level": "city"}  # others kept
    with pytest.raises(InvalidEdit, match="'宣讲' is not a category of PROGRAM"):
        project.set_span_attributes(program.id, {"category": "宣讲"})
    with pytest.raises(InvalidEdit, match="PROGRAM has no attribute 'colour'"):
        project.set_span_attributes(program.id, {"colour": "red"})
    assert project.span(program.id).attributes == {"category": "思想引领/宣讲", "level": "city"}
    assert project.set_span_attributes(program.id, {"level": None}).attributes == {"category": "思想引领/宣讲"}


def test_entity_spans_take_attributes_only_where_the_schema_defines_them(project, spans):
    org = spans[0]
    with pytest.raises(InvalidEdit, match="ORG has no attribute 'category' \\(it has: none\\)"):
        project.set_span_attributes(org.id, {"category": "其他"})
    project.set_label_attributes("ORG", {"level": {"type": "choice", "choices": ["national", "city"]}})
    assert project.set_span_attributes(org.id, {"level": "city"}).attributes == {"level": "city"}


def test_a_category_can_be_added_and_a_removed_one_must_say_where_its_spans_go(project, spans):
    program = spans[1]
    project.add_attribute_choice("PROGRAM", "category", "巾帼志愿")
    assert project.label("PROGRAM").attributes["category"]["choices"][-1] == "巾帼志愿"
    project.set_span_attributes(program.id, {"category": "巾帼志愿", "level": "city"})

    definitions = project.label("PROGRAM").attributes
    without = {**definitions, "category": {**definitions["category"],
                                           "choices": definitions["category"]["choices"][:-1]}}
    with pytest.raises(AttributeInUse) as refused:
        project.set_label_attributes("PROGRAM", without)
    assert refused.value.count == 1
    assert "巾帼志愿" in project.label("PROGRAM").attributes["category"]["choices"]  # nothing changed

    assert project.set_label_attributes("PROGRAM", without, rename={"category": {"巾帼志愿": "公益项目"}}) == 1
    assert project.span(program.id).attributes == {"category": "公益项目", "level": "city"}

    no_level = {"category": without["category"]}
    assert project.set_label_attributes("PROGRAM", no_level, clear=True) == 1
    assert project.span(program.id).attributes == {"category": "公益项目"}
    assert [c["action"] for c in project.changes(3)][0] == "label_attributes"


def test_bad_definitions_and_renames_to_nowhere_are_refused(project, spans):
    with pytest.raises(InvalidEdit, match="only choice attributes"):
        project.set_label_attributes("PROGRAM", {"category": {"type": "text"}})
    with pytest.raises(InvalidEdit, match="listed twice"):
        project.set_label_attributes("PROGRAM", {"category": {"choices": ["其他", "其他"]}})
    with pytest.raises(InvalidEdit, match="cannot move category values"):
        project.set_label_attributes("PROGRAM", {"category": {"choices": ["其他"]}},
                                     rename={"category": {"宣讲": "不存在"}})


def test_update_label_cannot_drop_a_choice_spans_use(project, spans):
    program = spans[1]
    project.set_span_attributes(program.id, {"level": "county"})
    label = project.label("PROGRAM")
    fewer = {**label.attributes, "level": {**label.attributes["level"], "choices": ["national"]}}
    with pytest.raises(AttributeInUse):
        project.update_label("PROGRAM", type(label)(**{**label.__dict__, "attributes": fewer}))


# typed links ---------------------------------------------------------------------------------
def test_links_go_from_a_program_to_its_organizer_place_and_date(project, spans):
    org, program, date, place = spans
    assert project.link_types_between(program.id, org.id) == ["organizer"]
    assert project.link_types_between(org.id, program.id) == []
    made = [project.add_link(program.id, org.id, "organizer"), project.add_link(program.id, place.id, "place"),
            project.add_link(program.id, date.id, "date")]
    assert [(r.head, r.tail, r.type) for r in project.relations(program.document_id)] == [
        (program.id, org.id, "organizer"), (program.id, place.id, "place"), (program.id, date.id, "date")]
    assert project.relation(made[0].id) == made[0]


def test_links_of_the_wrong_labels_type_or_document_are_refused(project, spans, doc):
    org, program, date, place = spans
    with pytest.raises(InvalidEdit, match="an? organizer link goes PROGRAM → ORG, not PROGRAM → LOC"):
        project.add_link(program.id, place.id, "organizer")
    with pytest.raises(InvalidEdit, match="no link type 'sponsor'"):
        project.add_link(program.id, org.id, "sponsor")
    [other] = project.add_documents([make_document("全国妇联")])
    far = project.add_span(other, 0, 4, "ORG")
    with pytest.raises(InvalidEdit, match="different documents"):
        project.add_link(program.id, far.id, "organizer")
    project.add_link(program.id, org.id, "organizer")
    with pytest.raises(InvalidEdit, match="already has that organizer link"):
        project.add_link(program.id, org.id, "organizer")
    assert len(project.relations(doc)) == 1


def test_link_types_follow_their_labels_and_can_be_extended(project, spans):
    org, program, *_ = spans
    project.add_link_type("partner", "PROGRAM", "ORG")
    assert project.link_types_between(program.id, org.id) == ["organizer", "partner"]
    project.update_label("ORG", type(project.label("ORG"))(**{**project.label("ORG").__dict__, "name": "ORGANISATION"}))
    assert ("organizer", "PROGRAM", "ORGANISATION") in {(t.type, t.head, t.tail) for t in project.link_types()}
    project.remove_link_type("partner", "PROGRAM", "ORGANISATION")
    assert "partner" not in {t.type for t in project.link_types()}


# the catalog ---------------------------------------------------------------------------------
def test_programs_have_names_aliases_and_parents(project):
    parent = project.create_program("巾帼大宣讲")
    child = project.create_program("侨都巾帼大宣讲", parent_id=parent.id, aliases=["侨都巾帼宣讲"])
    assert project.program(child.id).parent_id == parent.id
    assert project.program_named("侨都巾帼宣讲") == child
    with pytest.raises(InvalidEdit, match="already names program"):
        project.create_program("侨都巾帼宣讲")
    with pytest.raises(InvalidEdit, match="cannot be its own parent"):
        project.set_program_parent(parent.id, child.id)
    renamed = project.rename_program(child.id, "江门巾帼大宣讲")
    assert renamed.name == "江门巾帼大宣讲" and set(renamed.aliases) == {"侨都巾帼大宣讲", "侨都巾帼宣讲"}
    assert project.rename_program(child.id, "侨都巾帼大宣讲").aliases == ("侨都巾帼宣讲", "江门巾帼大宣讲")
    assert project.remove_program_alias(child.id, "江门巾帼大宣讲").aliases == ("侨都巾帼宣讲",)
    assert project.set_program_parent(child.id, None).parent_id is None


def test_only_program_spans_link_to_the_catalog_and_a_relabel_unlinks(project, spans):
    org, program, *_ = spans
    entry = project.create_program("侨都巾帼大宣讲")
    assert project.link_span(program.id, entry.id).program_id == entry.id
    with pytest.raises(InvalidEdit, match="not a program"):
        project.link_span(org.id, entry.id)
    assert project.update_span(program.id, label="EVENT").program_id is None
    project.update_span(program.id, label="PROGRAM")
    assert project.link_span(program.id, entry.id).program_id == entry.id
    assert project.link_span(program.id, None).program_id is None


def test_merging_moves_spans_variants_and_names(project, spans, doc):
    program = spans[1]
    a = project.create_program("巾帼大宣讲")
    b = project.create_program("巾帼宣讲", aliases=["巾帼宣讲活动"])
    variant = project.create_program("三秦巾帼宣讲", parent_id=b.id)
    project.link_span(program.id, b.id)
    assert project.merge_programs(b.id, a.id) == 1
    assert project.find_program(b.id) is None
    assert project.span(program.id).program_id == a.id
    assert project.program(variant.id).parent_id == a.id
    assert set(project.program(a.id).aliases) == {"巾帼宣讲", "巾帼宣讲活动"}
    with pytest.raises(InvalidEdit, match="is a variant of"):
        project.merge_programs(a.id, variant.id)


def test_deleting_a_program_in_use_needs_consent_and_keeps_the_tree(project, spans):
    program = spans[1]
    top = project.create_program("巾帼大宣讲")
    middle = project.create_program("广东巾帼大宣讲", parent_id=top.id)
    leaf = project.create_program("侨都巾帼大宣讲", parent_id=middle.id)
    project.link_span(program.id, middle.id)
    with pytest.raises(ProgramInUse) as refused:
        project.delete_program(middle.id)
    assert refused.value.count == 1
    assert project.delete_program(middle.id, unlink_spans=True) == 1
    assert project.span(program.id).program_id is None
    assert project.program(leaf.id).parent_id == top.id


def test_a_deleted_span_takes_its_catalog_link_and_links_with_it(project, spans, project_path):
    org, program, *_ = spans
    entry = project.create_program("侨都巾帼大宣讲")
    project.link_span(program.id, entry.id)
    project.add_link(program.id, org.id, "organizer")
    project.delete_span(program.id)
    assert project.occurrence_count(entry.id) == 0 and project.relations(program.document_id) == []
    with sqlite3.connect(project_path) as c:
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []


# views and statistics ------------------------------------------------------------------------
def test_catalog_rows_count_occurrences_and_gather_links(project, spans, doc):
    org, program, date, place = spans
    parent = project.create_program("巾帼大宣讲", aliases=["巾帼宣讲"])
    child = project.create_program("侨都巾帼大宣讲", parent_id=parent.id)
    project.create_program("春蕾计划")
    project.link_span(program.id, child.id)
    for tail, kind in ((org, "organizer"), (place, "place"), (date, "date")):
        project.add_link(program.id, tail.id, kind)

    rows = project.program_rows()
    assert [(r.name, r.occurrences, r.total) for r in rows] == [
        ("侨都巾帼大宣讲", 1, 1), ("巾帼大宣讲", 0, 1), ("春蕾计划", 0, 0)]
    row = rows[0]
    assert (row.parent_name, row.documents, row.first_date, row.last_date) == ("巾帼大宣讲", 1, "2023-11-15",
                                                                                "2023-11-15")
    assert (row.organizers, row.places, row.dates) == ((("江门市妇联", 1),), (("江门市", 1),), (("2023年11月", 1),))
    top = project.program_rows(top_level=True, order_by="name")
    assert [(r.name, r.children, r.aliases) for r in top] == [("巾帼大宣讲", 1, ("巾帼宣讲",)), ("春蕾计划", 0, ())]
    assert [r.name for r in project.program_rows(search="宣讲")] == ["侨都巾帼大宣讲", "巾帼大宣讲"]
    assert [r.name for r in project.program_rows(parent_id=parent.id)] == ["侨都巾帼大宣讲"]
    assert project.program_row_count(top_level=True) == 2
    assert [r.name for r in project.program_rows(1, 1)] == ["巾帼大宣讲"]


def test_occurrences_show_the_text_around_them(project, spans, doc):
    program = spans[1]
    parent = project.create_program("巾帼大宣讲")
    child = project.create_program("侨都巾帼大宣讲", parent_id=parent.id)
    project.link_span(program.id, child.id)
    assert project.occurrences(parent.id) == []
    [o] = project.occurrences(parent.id, variants=True, context=4)
    assert (o.document_id, o.span_id, o.text, o.before, o.after) == (doc, program.id, "侨都巾帼大宣讲", "联举办“", "”活动,")
    assert project.occurrence_count(parent.id, variants=True) == 1
    [o] = project.occurrences(child.id, context=20)
    assert o.before == "江门市妇联举办“"  # the text's start, not a wrap-around


def test_statistics_count_statuses_labels_categories_and_places(project, spans, doc):
    org, program, date, place = spans
    project.set_span_attributes(program.id, {"category": "思想引领/宣讲"})
    second = project.add_span(doc, *at("巾帼大宣讲"), "PROGRAM")
    entry = project.create_program("侨都巾帼大宣讲")
    project.link_span(program.id, entry.id)
    project.add_link(program.id, place.id, "place")
    project.set_status(doc, "done")

    assert project.documents_by_status() == {"new": 0, "in_progress": 0, "done": 1, "skipped": 0}
    by_label = project.spans_by_label()
    assert list(by_label)[:3] == ["PER", "ORG", "LOC"] and by_label["PROGRAM"] == 2 and by_label["PER"] == 0
    assert project.programs_by_category() == [("思想引领/宣讲", 1, 1), (None, 1, 0)]
    assert project.program_place_counts() == [(entry.id, "江门市", 1)]
    assert project.program_span_counts() == {entry.id: 1, None: 1}
    assert second.id


def test_throughput_counts_spans_added_per_annotator_and_day_from_the_change_log(project, doc, project_path):
    project.add_span(doc, 0, 5, "ORG")
    project.add_span(doc, *at("侨都巾帼大宣讲"), "PROGRAM")
    project.add_suggested_spans(doc, [(*at("2023年11月"), "DATE", "dates")])  # a batch: nobody's work
    with sqlite3.connect(project_path) as c:  # another annotator, yesterday late in the evening (UTC)
        c.execute("INSERT INTO changes(at, annotator, action, document_id) "
                  "VALUES ('2024-03-01T20:00:00.000+00:00', 'li', 'span_add', ?)", (doc,))
    rows = project.throughput()
    assert rows[0] == ("2024-03-01", "li", 1)
    assert [(who, n) for _, who, n in rows[1:]] == [("tester", 2)]
    assert project.throughput(utc_offset_minutes=480)[0] == ("2024-03-02", "li", 1)  # Beijing time
    assert [who for _, who, _ in project.throughput(since="2024-03-02")] == ["tester"]


def test_throughput_counts_accepted_batches_and_tagged_occurrences_span_by_span(project, doc, project_path):
    project.accept_suggestions(doc, [(*at("侨都巾帼大宣讲"), "PROGRAM", "programs"), (0, 5, "ORG", "lexicon")])
    project.add_spans([(doc, *at("2023年11月"), "DATE")])
    [(_, who, n)] = project.throughput()
    assert (who, n) == ("tester", 3)
    project.close()
    with sqlite3.connect(project_path) as c:  # a file counted by migration 6's trigger, opened again
        c.execute("UPDATE throughput SET spans = 0")
        c.execute("PRAGMA user_version = 6")
    from annotator.store import open_project
    with open_project(project_path) as again:
        assert [(who, n) for _, who, n in again.throughput()] == [("tester", 3)]


def test_catalog_links_are_read_from_the_latest_occurrences_only(project, spans, doc):
    org, program, *_ = spans
    entry = project.create_program("侨都巾帼大宣讲")
    project.link_span(program.id, entry.id)
    project.add_link(program.id, org.id, "organizer")
    [later] = project.add_documents([make_document("侨都巾帼大宣讲", date="2024-01-01")])
    again = project.add_span(later, 0, 7, "PROGRAM")
    project.link_span(again.id, entry.id)
    [row] = project.program_rows(sample=1)
    assert (row.occurrences, row.documents, row.sampled, row.organizers, row.first_date) == (2, 2, 1, (), "2024-01-01")
    [row] = project.program_rows()
    assert (row.sampled, row.organizers, row.first_date) == (2, (("江门市妇联", 1),), "2023-11-15")
