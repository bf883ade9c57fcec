"""Many spans or rejections in one transaction: all are stored, or none."""

import pytest

from annotator.store import InvalidEdit, open_project
from tests.store.conftest import make_document

A = "江门市妇联举办“春蕾计划”活动"
B = "春蕾计划在江门市开展"


@pytest.fixture
def two(project):
    project.add_documents([make_document(A, source="a.txt"), make_document(B, source="b.txt")])
    return project


def test_add_spans_across_documents_and_redo_with_the_same_ids(two):
    spans = two.add_spans([(1, 8, 12, "PROGRAM"), (2, 0, 4, "PROGRAM")])
    assert [(s.document_id, s.text, s.origin) for s in spans] == [(1, "春蕾计划", "manual"), (2, "春蕾计划", "manual")]
    assert [s.id for s in spans] == [s.id for s in two.spans(1) + two.spans(2)]
    assert two.spans(1)[0] == spans[0]  # what it returns is what the store holds
    deleted = two.delete_spans([s.id for s in spans])
    assert deleted == spans and two.spans(1) == two.spans(2) == []
    again = two.add_spans([(1, 8, 12, "PROGRAM"), (2, 0, 4, "PROGRAM")], span_ids=[s.id for s in spans])
    assert [s.id for s in again] == [s.id for s in spans]


def test_a_bad_item_stores_nothing(two):
    with pytest.raises(InvalidEdit):
        two.add_spans([(1, 8, 12, "PROGRAM"), (2, 0, 99, "PROGRAM")])
    with pytest.raises(InvalidEdit):
        two.add_spans([(1, 8, 12, "NOPE")])
    assert two.spans(1) == two.spans(2) == []


def test_accept_suggestions_forgets_their_rejections(two):
    two.reject_suggestions(1, [(0, 5, "ORG", "lexicon")])
    spans = two.accept_suggestions(1, [(0, 5, "ORG", "lexicon"), (8, 12, "PROGRAM", "programs")])
    assert [(s.text, s.origin, s.suggester, s.annotator) for s in spans] == [
        ("江门市妇联", "suggested", "lexicon", "tester"), ("春蕾计划", "suggested", "programs", "tester")]
    assert two.rejections(1) == []
    assert ("春蕾计划", "PROGRAM", 1) in two.learned_entries()  # a person accepted it: learned


def test_reject_many_clear_and_restore(two, project_path):
    two.reject_suggestions(1, [(0, 5, "ORG", "lexicon"), (8, 12, "PROGRAM", None)])
    two.reject_suggestions(1, [(0, 5, "ORG", "jieba")])  # again: the first stays as it was
    kept = two.rejections(1)
    assert [(r.start, r.label, r.suggester, r.text) for r in kept] == [(0, "ORG", "lexicon", "江门市妇联"),
                                                                     (8, "PROGRAM", None, "春蕾计划")]
    two.clear_rejections(1, [(0, 5, "ORG"), (8, 12, "PROGRAM")])
    assert two.rejections(1) == []
    two.restore_rejections(kept)
    assert two.rejections(1) == kept
    two.close()
    with open_project(project_path) as again:
        assert again.rejections(1) == kept


def test_a_batch_is_one_entry_in_the_change_log(two):
    before = len(two.changes(1000))
    two.add_spans([(1, 0, 5, "ORG"), (2, 5, 8, "LOC")])
    assert len(two.changes(1000)) == before + 1
    assert two.changes(1)[0]["action"] == "spans_add"
