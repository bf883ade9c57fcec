"""The statistics view's data over a real project file."""

from annotator.catalog import RegionCount, statistics
from annotator.store import open_project
from tests.store.conftest import make_document

TEXT = "陕西省妇联开展“三秦巾帼大宣讲”,四川省妇联开展“天府巾帼大宣讲”和“春蕾计划”。"


def at(word):
    return TEXT.index(word), TEXT.index(word) + len(word)


def test_statistics_gather_every_chart(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        [doc] = p.add_documents([make_document(TEXT)])
        sanqin = p.add_span(doc, *at("三秦巾帼大宣讲"), "PROGRAM")
        tianfu = p.add_span(doc, *at("天府巾帼大宣讲"), "PROGRAM")
        p.add_span(doc, *at("春蕾计划"), "PROGRAM")
        place = p.add_span(doc, *at("四川省"), "LOC")
        parent = p.create_program("巾帼大宣讲")
        for span in (sanqin, tianfu):
            p.link_span(span.id, p.create_program(span.text, parent_id=parent.id).id)
        p.add_link(tianfu.id, place.id, "place")
        p.set_span_attributes(sanqin.id, {"category": "思想引领/宣讲"})

        stats = statistics(p)
        assert stats.documents_by_status["new"] == 1
        assert stats.spans_by_label["PROGRAM"] == 3 and stats.spans_by_label["LOC"] == 1
        assert stats.programs_by_category == [(None, 2, 1), ("思想引领/宣讲", 1, 1)]
        # 四川 by its place link, 陕西 by the name of its program, 春蕾计划 in no region and not in the catalog
        assert sorted(stats.programs_by_region, key=lambda r: r.region or "") == [
            RegionCount(None, 0, 1), RegionCount("四川", 1, 1), RegionCount("陕西", 1, 1)]
        assert [(who, n) for _, who, n in stats.throughput] == [("tester", 4)]
