"""Region decisions across the documents of one source, in a real project file."""

import pytest

from annotator.session.propagate import ApplyRegionProposals, proposals_for
from annotator.store import open_project
from annotator.store.errors import InvalidEdit
from tests.store.conftest import make_document

FOOTER = "技术支持:智海网络"


def pages():
    return [
        make_document(f"标题{i}\n正文第{i}段。\n{FOOTER}\n访问 {i * 7} 次", source=f"aq/{i}.txt", title=f"标题{i}")
        for i in range(3)
    ] + [make_document(f"别站\n{FOOTER}", source="other/0.txt")]


def test_the_documents_of_a_source_are_its_folder_without_a_page_source(project):
    ids = project.add_documents(pages())
    assert project.same_source(ids[0]) == ids[1:3]
    assert project.source_key(ids[3]) == ("folder", "other")


def test_a_decision_goes_to_the_other_pages_in_one_step_and_undo_restores_it(project_path):
    with open_project(project_path, annotator="tester") as project:
        ids = project.add_documents(pages())
        text = project.text(ids[0])
        footer = text.index(FOOTER)
        counter = text.index("访问")
        project.set_region(ids[0], footer, footer + len(FOOTER), True)
        project.set_region(ids[0], counter, len(text), True)
        found = proposals_for(project, ids[0])
        assert {(p.document_id, p.how) for p in found} == {(ids[1], "same line"), (ids[1], "same pattern"),
                                                           (ids[2], "same line"), (ids[2], "same pattern")}
        command = ApplyRegionProposals(ids[0], tuple(found))
        changes_before = project.conn.execute("SELECT count(*) FROM changes").fetchone()[0]
        command.do(project)
        assert project.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == changes_before + 1
    with open_project(project_path, annotator="tester") as project:  # saved in the file
        for i in ids[1:3]:
            t = project.text(i)
            excluded = {t[r.start:r.end] for r in project.regions(i) if r.excluded}
            assert excluded == {FOOTER, t[t.index("访问"):]}
        assert not any(r.excluded for r in project.regions(ids[3]))  # another site
        command.undo(project)
        assert all(not project.regions(i) for i in ids[1:3])


def test_a_bad_region_changes_nothing(project):
    ids = project.add_documents(pages())
    with pytest.raises(InvalidEdit):
        project.set_regions([(ids[1], 0, 2, True), (ids[2], 0, 10_000, True)])
    assert project.regions(ids[1]) == []


def test_only_documents_holding_a_needle_are_read(project):
    ids = project.add_documents(pages())
    assert project.documents_holding(ids, ["标题1", "别站"]) == [ids[1], ids[3]]
    assert project.documents_holding(ids, [""]) == []
