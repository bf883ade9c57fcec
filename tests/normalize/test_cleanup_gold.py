"""Boilerplate and garbage on 22 real pages the rules were not written from
(tests/data/cleanup): the floors bench/bench_cleanup.py prints, held as a quality assertion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.normalize import normalize
from annotator.normalize.garbage import find as find_garbage
from annotator.normalize.quality import edit_distance, score
from annotator.normalize.repairs import collapse_doubled_punctuation

DATA = Path(__file__).resolve().parents[1] / "data" / "cleanup"
GOLDS = sorted((DATA / "gold").glob("*.json"))


@pytest.fixture(scope="module")
def scores():
    out = {}
    for path in GOLDS:
        gold = json.loads(path.read_text(encoding="utf-8"))
        page = DATA / "pages" / gold["page"]
        doc = normalize(page.read_bytes(), str(page))
        for region in doc.excluded:  # regions stay inside the text and are mapped exactly
            assert 0 <= region.start <= region.end <= len(doc.text)
            doc.raw_range(region.start, max(region.end, region.start))
        out[gold["page"]] = score(doc, gold)
    return out


def test_the_set_is_twenty_pages_or_more_and_every_line_has_a_gold():
    assert len(GOLDS) >= 20
    for path in GOLDS:
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = (DATA / "pages" / gold["page"]).read_text(encoding="utf-8").split("\n")
        labelled = gold["lines"]["boilerplate"] + gold["lines"]["body"]
        assert len(labelled) == len(set(labelled))
        assert sorted(labelled) == [i + 1 for i, line in enumerate(raw) if line.strip()], path.name


def test_floors(scores):
    fidelity = [s.fidelity for s in scores.values()]
    boiler = sum(s.boilerplate for s in scores.values())
    out = sum(s.boilerplate_excluded for s in scores.values())
    body_pages = [page for page, s in scores.items() if s.body_excluded]
    assert sum(fidelity) / len(fidelity) >= 0.99
    assert min(fidelity) >= 0.97, {p: s.fidelity for p, s in scores.items() if s.fidelity < 0.97}
    assert out / boiler >= 0.9, {p: s.kept_boilerplate for p, s in scores.items() if s.kept_boilerplate}
    assert len(body_pages) <= len(scores) / 20, body_pages


def test_edit_distance_is_levenshtein():
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == 3
    assert edit_distance("妇联主席", "妇联副主席") == 1
    assert edit_distance("abc", "abc") == 0


def test_anti_scrape_garbage_and_watermarks_are_found_in_a_line_and_bylines_are_not():
    line = "吸引了社区100多位居民参与。7 ]6 s: ], o* m2 J |+ P"
    (start, end, rule), = find_garbage(line)
    assert line[start:end] == "7 ]6 s: ], o* m2 J |+ P" and rule == "anti-scrape"
    line = "转移妇女劳动力多学吧网本资料权属多学吧网,放上鼠标按照提示查看多学吧网更多资料。后文"
    pieces = [line[s:e] for s, e, _ in find_garbage(line)]
    assert pieces and "后文" not in "".join(pieces) and "转移妇女劳动力" not in "".join(pieces)
    for text in ("记者 张璐 王永钦 党柏峰 刘旭", "3 C 评论", "2023年3月8日,全市1,800个家庭"):
        assert find_garbage(text) == []


def test_doubled_punctuation_is_deleted_and_the_map_stays_exact():
    raw = "连日来,,各社区开展活动,展现风采,。自尊,、自信,、自强"
    text, alignment, counts = collapse_doubled_punctuation(raw)
    assert text == "连日来,各社区开展活动,展现风采。自尊、自信、自强"
    assert counts == {"doubled_punctuation_removed": 4}
    for i, ch in enumerate(text):
        s, e = alignment.char_source(i)
        assert raw[s:e] == ch


def test_a_page_with_variants_opencc_keeps_reads_standard():
    doc = normalize("陜西省妇联,陜西妇女事业。".encode(), "p")
    assert doc.text == "陕西省妇联,陕西妇女事业。"
    s, e = doc.raw_range(0, 1)
    assert doc.raw_text[s:e] == "陜"


def test_html_tags_are_recognised_by_their_form_and_glossed_ruby_comes_out_clean():
    doc = normalize("<ruby>婦<rp>(</rp><rt>fù</rt><rp>)</rp></ruby>聯<video src=a.mp4 controls></video>"
                    "<address>地址</address>a<b, c>d <修正案>".encode(), "p")
    assert doc.text == "妇联\n地址\na<b, c>d <修正案>"
    s, e = doc.raw_range(0, 1)
    assert doc.raw_text[s:e] == "婦"


def test_gbk_byte_loss_is_flagged_where_the_page_attests_it_and_the_text_is_left():
    raw = "夯实基础。基矗稳步推进,群众选、用、管。要把选、育、管做好。"
    doc = normalize(raw.encode("gbk"), "p")
    assert doc.text == raw
    (found,) = doc.flags["byte_loss"]
    assert raw[found["raw_start"]:found["raw_end"]] == "矗" and found["probably"] == "础。"
    assert "byte_loss" not in normalize("阿姨把基础打牢。我们选、育、管。".encode(), "p").flags


@pytest.mark.parametrize("page,title,date,site", [
    ("001", "中国妇女报来迎江区先锋社区“妇女之家”采访", None, None),  # not the section label 基层动态
    ("012", "基于C2B模式的手工艺定制系统设计", "2020-11-18", None),   # below a spam title
    ("018", "新北市府妇女服务中心翻修启用 侯友宜:新北女性主管比例近5成", "2026-03-04", "自由电子报"),
    ("030", "菜园头村开展家庭教育家长课堂讲座", "2018-01-21", None),    # a date alone on its line
])
def test_metadata_comes_from_below_the_chrome(page, title, date, site):
    raw = (DATA / "pages" / f"{page}.txt").read_bytes()
    meta = normalize(raw, page).meta
    assert (meta["title"], meta["date"], meta["site"]) == (title, date, site)


def test_a_run_decoded_one_byte_off_is_flagged_with_its_realigned_reading():
    page = (DATA / "pages" / "028.txt").read_bytes()
    doc = normalize(page, "028")
    first = doc.flags["shifted_runs"][0]
    assert doc.raw_text[first["raw_start"]:first["raw_end"]] == ";ひ馐"
    assert first["realigned"] == "护意"  # 环境保护意识, with 保 and 识 lost at the ends
    assert "环境?;ひ馐?" in doc.text  # not certain, so not repaired
    assert "shifted_runs" not in normalize("是如何推动的?我们ひらがな".encode(), "p").flags


def test_a_bulleted_list_is_a_link_list_only_after_the_last_paragraph():
    para = "全市各级妇联组织广泛开展宣讲活动,深入社区、农村和企业,把党的声音传递给广大妇女群众。"
    items = "- 开展家庭教育讲座6场\n- 走访困难妇女30户\n- 组织巾帼志愿服务10次"
    closing = "下一步,市妇联将继续深化宣讲,推动各项工作落地见效,为妇女儿童办实事、解难题。"
    inside = normalize(f"{para}\n{items}\n{closing}".encode(), "p")
    assert not any(r.rule == "link-list" for r in inside.excluded)
    after = normalize(f"{para}\n{items}".encode(), "p")
    assert [after.text[r.start:r.end] for r in after.excluded if r.rule == "link-list"] == items.split("\n")
