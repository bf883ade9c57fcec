"""The project file: schema, edits as committed transactions, labels, the change log."""

import sqlite3

import pytest

from annotator.store import (
    SCHEMA_VERSION,
    InvalidEdit,
    Label,
    LabelInUse,
    ReadOnlyProject,
    StorageFull,
    default_labels,
    open_project,
)

from .conftest import make_document


def other_connection(path):
    """A second, independent reader: sees only what was committed."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def test_new_project_has_wal_foreign_keys_and_the_latest_schema(project, project_path):
    assert project_path.exists()
    assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert project.schema_version() == SCHEMA_VERSION
    assert project.integrity_check() == "ok"


def test_default_label_schema_follows_the_issue():
    labels = default_labels()
    assert [(lab.name, lab.zh, lab.hotkey) for lab in labels] == [
        ("PER", "人名", "1"), ("ORG", "机构", "2"), ("LOC", "地点", "3"), ("TITLE", "职务", "4"),
        ("DATE", "日期", "5"), ("EVENT", "会议活动", "6"), ("DOC", "文件法规", "7"), ("PROGRAM", "项目品牌", "8"),
    ]
    assert {lab.name: lab.kind for lab in labels}["PROGRAM"] == "program"
    assert {lab.kind for lab in labels if lab.name != "PROGRAM"} == {"entity"}
    assert all(lab.en and lab.color.startswith("#") for lab in labels)
    assert "家庭家教家风" in labels[-1].attributes["category"]["choices"]


def test_a_new_project_carries_the_default_labels(project):
    assert project.labels() == default_labels()


def test_a_span_is_committed_before_add_span_returns(project, project_path):
    [doc_id] = project.add_documents([make_document("全国妇联主席沈跃跃出席会议。")])
    span = project.add_span(doc_id, 6, 9, "PER")
    with other_connection(project_path) as reader:
        row = reader.execute("SELECT start, end, label, text, origin, annotator FROM spans WHERE id = ?",
                             (span.id,)).fetchone()
    assert row == (6, 9, "PER", "沈跃跃", "manual", "tester")


def test_offsets_are_code_points_around_astral_characters_and_emoji(project):
    text = "𠮷野家😀👩‍👩‍👧与𬀩妇联合办“春蕾计划”"
    [doc_id] = project.add_documents([make_document(text)])
    start = text.index("春蕾计划")
    span = project.add_span(doc_id, start, start + 4, "PROGRAM")
    assert span.text == "春蕾计划" == text[span.start:span.end]
    astral = project.add_span(doc_id, 0, 1, "LOC")
    assert astral.text == "𠮷"


@pytest.mark.parametrize("start,end", [(-1, 2), (3, 3), (5, 2), (0, 99)])
def test_spans_outside_the_text_are_refused_and_nothing_is_written(project, start, end):
    [doc_id] = project.add_documents([make_document("妇联主席")])
    before = len(project.changes())
    with pytest.raises(InvalidEdit, match="outside document"):
        project.add_span(doc_id, start, end, "PER")
    assert project.spans(doc_id) == [] and len(project.changes()) == before


def test_unknown_label_is_refused(project):
    [doc_id] = project.add_documents([make_document("妇联主席")])
    with pytest.raises(InvalidEdit, match="no label 'NOPE'"):
        project.add_span(doc_id, 0, 2, "NOPE")


def test_relabel_delete_and_restore_under_the_same_id(project):
    [doc_id] = project.add_documents([make_document("妇联主席王毅")])
    span = project.add_span(doc_id, 4, 6, "ORG")
    assert project.update_span(span.id, label="PER").label == "PER"
    removed = project.delete_span(span.id)
    assert project.spans(doc_id) == []
    again = project.add_span(doc_id, removed.start, removed.end, removed.label, span_id=removed.id)
    assert again.id == span.id and again.label == "PER"


def test_overlapping_and_nested_spans_are_kept(project):
    [doc_id] = project.add_documents([make_document("淮南市妇联党组书记")])
    a = project.add_span(doc_id, 0, 5, "ORG")
    b = project.add_span(doc_id, 0, 3, "LOC")
    c = project.add_span(doc_id, 3, 9, "TITLE")
    assert [s.id for s in project.spans(doc_id)] == [b.id, a.id, c.id]


def test_relations_link_spans_and_go_with_them(project):
    [doc_id] = project.add_documents([make_document("江门市妇联举办侨都巾帼大宣讲")])
    org = project.add_span(doc_id, 0, 5, "ORG")
    prog = project.add_span(doc_id, 7, 14, "PROGRAM")
    rel = project.add_relation(prog.id, org.id, "organizer")
    assert project.relations(doc_id) == [rel]
    project.delete_span(org.id)
    assert project.relations(doc_id) == []


def test_status_flow(project):
    [doc_id] = project.add_documents([make_document("妇联")])
    for status in ("in_progress", "done", "in_progress", "skipped", "new"):
        project.set_status(doc_id, status)
        assert project.document(doc_id).status == status
    with pytest.raises(InvalidEdit, match="unknown status"):
        project.set_status(doc_id, "finished")


def test_excluded_region_can_be_included_and_text_excluded_by_hand(project):
    excluded = [{"start": 0, "end": 4, "reason": "chrome", "rule": "site-name"}]
    [doc_id] = project.add_documents([make_document("江门妇联\n正文内容。", excluded=excluded)])
    assert [(r.start, r.end, r.excluded) for r in project.regions(doc_id)] == [(0, 4, True)]
    project.set_region(doc_id, 0, 4, excluded=False)
    project.set_region(doc_id, 5, 7, excluded=True)
    regions = project.regions(doc_id)
    assert [(r.start, r.end, r.excluded, r.overridden) for r in regions] == [(0, 4, False, True), (5, 7, True, True)]


def test_duplicate_documents_are_skipped_by_raw_hash(project):
    first = project.add_documents([make_document("妇联", source="a.txt"), make_document("主席", source="b.txt")])
    second = project.add_documents([make_document("妇联", source="c.txt")])
    assert None not in first and second == [None]
    assert project.document_count() == 2


def test_document_list_pages_filters_and_searches_titles(project):
    docs = [make_document(f"第{i}篇\n正文", source=f"{i}.txt", title=f"巾帼大宣讲第{i}站" if i % 2 else None)
            for i in range(10)]
    ids = project.add_documents(docs)
    project.set_status(ids[3], "done")
    assert [d.id for d in project.list_documents(offset=2, limit=3)] == ids[2:5]
    assert [d.id for d in project.list_documents(status="done")] == [ids[3]]
    assert [d.title for d in project.list_documents(limit=2)] == ["第0篇", "巾帼大宣讲第1站"]
    assert len(project.list_documents(search="大宣讲")) == 5
    assert [d.id for d in project.list_documents(search="第3")] == [ids[3]]


def test_labels_can_be_added_renamed_and_hotkeys_stay_unique(project):
    project.add_label(Label("AWARD", "entity", "奖项", "Award", "#123456", "9"))
    with pytest.raises(InvalidEdit, match="hotkey 9 already belongs to AWARD"):
        project.add_label(Label("PRIZE", "entity", "奖", "Prize", "#123456", "9"))
    [doc_id] = project.add_documents([make_document("三八红旗手")])
    span = project.add_span(doc_id, 0, 5, "AWARD")
    project.update_label("AWARD", Label("HONOR", "entity", "荣誉", "Honor", "#654321", "9"))
    assert project.span(span.id).label == "HONOR"
    assert project.labels()[-1].name == "HONOR"


def test_removing_a_label_in_use_asks_what_to_do_with_its_spans(project):
    [doc_id] = project.add_documents([make_document("淮南市妇联")])
    project.add_span(doc_id, 0, 5, "ORG")
    with pytest.raises(LabelInUse) as err:
        project.remove_label("ORG")
    assert err.value.count == 1 and "ORG" in [lab.name for lab in project.labels()]
    assert project.remove_label("ORG", relabel_to="LOC") == 1
    assert [s.label for s in project.spans(doc_id)] == ["LOC"]
    assert project.remove_label("LOC", delete_spans=True) == 1
    assert project.spans(doc_id) == []


def test_every_edit_is_in_the_append_only_change_log(project, project_path):
    [doc_id] = project.add_documents([make_document("妇联")])
    span = project.add_span(doc_id, 0, 2, "ORG")
    project.delete_span(span.id)
    actions = [c["action"] for c in project.changes(limit=3)]
    assert actions == ["span_delete", "span_add", "import"]
    assert project.changes(limit=1)[0]["annotator"] == "tester"
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        project.conn.execute("UPDATE changes SET annotator = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        project.conn.execute("DELETE FROM changes")


def test_a_full_disk_refuses_the_edit_and_keeps_everything_else(project):
    [doc_id] = project.add_documents([make_document("妇联主席")])
    kept = project.add_span(doc_id, 0, 2, "ORG")
    pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
    project.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk full"
    big = make_document("大" * 200_000, source="big.txt")
    with pytest.raises(StorageFull, match="disk is full"):
        project.add_documents([big])
    assert project.document_count() == 1
    assert project.spans(doc_id) == [kept]
    assert project.integrity_check() == "ok"


def test_stats_count_documents_spans_origins_and_annotators(project_path):
    with open_project(project_path, annotator="alice") as p:
        ids = p.add_documents([make_document("江门市妇联"), make_document("淮南市妇联")])
        p.add_span(ids[0], 0, 5, "ORG")
        p.add_span(ids[1], 0, 3, "LOC", origin="suggested", suggester="lexicon")
        p.set_status(ids[0], "done")
    with open_project(project_path, annotator="bob") as p:
        p.add_span(ids[1], 0, 5, "ORG", origin="imported")
        stats = p.stats()
    assert stats["documents_by_status"] == {"new": 1, "in_progress": 0, "done": 1, "skipped": 0}
    assert stats["spans_by_label"] == {"LOC": 1, "ORG": 2}
    assert stats["spans_by_origin"] == {"imported": 1, "manual": 1, "suggested": 1}
    assert stats["annotators"] == {"alice": 2, "bob": 1}


def test_read_only_project_refuses_edits(project_path):
    with open_project(project_path) as p:
        [doc_id] = p.add_documents([make_document("妇联")])
        with open_project(project_path, wait=0.2) as second:
            assert second.read_only and "another process" in second.read_only_reason
            with pytest.raises(ReadOnlyProject, match="read-only"):
                second.add_span(doc_id, 0, 2, "ORG")
            assert second.document_count() == 1


def test_search_finds_words_in_the_text_not_only_in_titles(project):
    ids = project.add_documents([
        make_document("妇联召开会议\n实施春蕾计划，资助女童", source="a.txt", title="会议"),
        make_document("妇联召开会议\n开展巾帼大宣讲活动", source="b.txt", title="会议"),
        make_document("𠮷野家👩‍👩‍👧门店开业", source="c.txt", title="门店"),
    ])

    def found() -> list[list[int]]:
        return [[d.id for d in project.list_documents(search=word)]
                for word in ("春蕾计划", "女童", "妇联召开", "𠮷野家", "不存在的词", "Chun")]

    expected = [[ids[0]], [ids[0]], ids[:2], [ids[2]], [], []]
    assert project.unindexed_count() == 3
    assert found() == expected                     # texts scanned
    assert project.index_text(max_chars=1) == 2    # at least one document per call
    assert found() == expected                     # one indexed, two scanned
    assert project.index_text() == 0
    assert found() == expected                     # all from the index
    assert project.count_documents(search="宣讲", status="done") == 0
    [later] = project.add_documents([make_document("春蕾计划又资助了Chun", source="d.txt")])
    assert project.unindexed_count() == 1
    assert [d.id for d in project.list_documents(search="春蕾计划")] == [ids[0], later]
    assert [d.id for d in project.list_documents(search="Chun")] == [later]


# suggestions -------------------------------------------------------------------------

def test_suggested_spans_go_in_one_transaction_skipping_what_is_there(project, project_path):
    [doc_id] = project.add_documents([make_document("😀全国妇联主席沈跃跃出席会议。")])
    project.add_span(doc_id, 1, 5, "ORG")
    project.reject_suggestions(doc_id, [(9, 11, "TITLE", "lexicon")])
    added = project.add_suggested_spans(doc_id, [(1, 5, "ORG", "lexicon"), (5, 7, "TITLE", "lexicon"),
                                                 (7, 10, "PER", "jieba"), (9, 11, "TITLE", "lexicon"),
                                                 (7, 10, "PER", "learned")])
    assert added == 2
    with other_connection(project_path) as reader:
        rows = reader.execute("SELECT start, end, label, text, origin, suggester, annotator FROM spans "
                              "ORDER BY start").fetchall()
    assert rows == [(1, 5, "ORG", "全国妇联", "manual", None, "tester"),
                    (5, 7, "TITLE", "主席", "suggested", "lexicon", "(suggest)"),
                    (7, 10, "PER", "沈跃跃", "suggested", "jieba", "(suggest)")]
    assert project.changes(1)[0]["action"] == "suggestions_apply"
    with pytest.raises(InvalidEdit, match="outside document"):
        project.add_suggested_spans(doc_id, [(0, 2, "ORG", "x"), (10, 99, "ORG", "x")])
    with pytest.raises(InvalidEdit, match="no label"):
        project.add_suggested_spans(doc_id, [(0, 2, "NOPE", "x")])
    assert len(project.spans(doc_id)) == 3  # nothing of a refused batch


def test_rejections_follow_their_label_and_document(project):
    [doc_id] = project.add_documents([make_document("全国妇联主席沈跃跃出席会议。")])
    project.reject_suggestions(doc_id, [(0, 4, "ORG", "lexicon")])
    project.reject_suggestions(doc_id, [(4, 6, "TITLE", None)])
    project.update_label("ORG", Label("BODY", "entity", "机构", "Body", "#3cb44b", "2"))
    assert [(r.label, r.text) for r in project.rejections(doc_id)] == [("BODY", "全国妇联"), ("TITLE", "主席")]
    project.remove_label("TITLE")
    assert [r.label for r in project.rejections(doc_id)] == ["BODY"]
    with pytest.raises(InvalidEdit, match="outside document"):
        project.reject_suggestions(doc_id, [(5, 50, "BODY", None)])


def test_the_learned_entries_are_what_people_made_or_accepted(project):
    [doc_id] = project.add_documents([make_document("林露华、林露华和春蕾计划,王毅")])
    project.add_span(doc_id, 0, 3, "PER")
    project.accept_suggestions(doc_id, [(4, 7, "PER", "jieba")])
    project.add_span(doc_id, 8, 12, "PROGRAM", origin="imported")
    project.add_suggested_spans(doc_id, [(13, 15, "PER", "jieba")])
    assert project.learned_entries() == [("林露华", "PER", 2)]
