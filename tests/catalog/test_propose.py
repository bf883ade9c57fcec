"""Proposals of the canonical program a name belongs to."""

import pytest

from annotator.catalog import CONFIDENT, best_proposal, key, propose
from annotator.catalog.propose import stem
from annotator.store.models import Program

CATALOG = [
    Program(1, "巾帼大宣讲", None, ("巾帼宣讲",)),
    Program(2, "三秦巾帼大宣讲", 1),
    Program(3, "巾帼普法乡村行", None),
    Program(4, "家家幸福安康工程", None),
]


def test_names_compare_without_quotes_spaces_and_odd_dots():
    assert key("“爱心父母”牵手“困境儿童”") == "爱心父母牵手困境儿童"
    assert key("关爱•她 ") == "关爱·她"
    assert stem("家家幸福安康工程") == "家家幸福安康" and stem("春蕾计划") == "春蕾计划"  # a stem keeps 3 characters


def test_the_same_name_or_an_alias_links_to_the_program():
    top = propose("三秦巾帼大宣讲", CATALOG)[0]
    assert (top.kind, top.program_id, top.score, top.alias) == ("same", 2, 1.0, None)
    top = propose("“巾帼宣讲”", CATALOG)[0]
    assert (top.kind, top.program_id, top.name) == ("alias", 1, "巾帼大宣讲")


@pytest.mark.parametrize("name, region", [("天府巾帼大宣讲", "四川"), ("侨都巾帼大宣讲", "广东"),
                                          ("江门市巾帼大宣讲", "广东"), ("陕西巾帼大宣讲", "陕西")])
def test_a_region_before_a_known_name_is_a_regional_variant_of_it(name, region):
    top = propose(name, CATALOG)[0]
    assert (top.kind, top.creates, top.name, top.parent_id, top.region) == ("variant", True, name, 1, region)
    assert top.score >= 0.85 and region in top.reason


def test_a_variant_with_an_ending_keeps_the_ending_as_an_alias():
    top = propose("天府巾帼大宣讲活动", CATALOG)[0]
    assert (top.kind, top.name, top.alias, top.parent_id) == ("variant", "天府巾帼大宣讲", "天府巾帼大宣讲活动", 1)


def test_the_longest_known_name_is_the_parent():
    top = propose("西安三秦巾帼大宣讲", CATALOG)[0]
    assert top.parent_id == 2 and top.parent_name == "三秦巾帼大宣讲"


def test_any_other_prefix_is_a_weaker_variant_and_a_long_one_none():
    assert propose("十百千万巾帼大宣讲", CATALOG)[0].score == CONFIDENT
    assert propose("全面推进新时代巾帼大宣讲", CATALOG)[0].kind == "new"


def test_another_ending_is_the_same_program_remembered_as_an_alias():
    top = propose("家家幸福安康", CATALOG)[0]
    assert (top.kind, top.program_id, top.alias, top.score) == ("ending", 4, "家家幸福安康", 0.9)


def test_similar_names_are_proposed_below_the_confident_line():
    proposals = propose("巾帼普法村居行", CATALOG)
    assert proposals[0].kind == "similar" and proposals[0].program_id == 3 and proposals[0].score < CONFIDENT
    best = best_proposal("巾帼普法村居行", CATALOG)
    assert (best.kind, best.name, best.creates) == ("new", "巾帼普法村居行", True)


def test_an_empty_catalog_takes_parents_from_the_national_programs_of_the_lexicon():
    top = best_proposal("三秦巾帼大宣讲", [])
    assert (top.kind, top.parent_id, top.parent_name, top.region) == ("variant", None, "巾帼大宣讲", "陕西")
    top = best_proposal("巾帼大宣讲", [])
    assert (top.kind, top.creates, top.parent_name) == ("same", True, None)
    assert best_proposal("三秦巾帼大宣讲", [], national=()).kind == "new"


def test_a_theme_after_a_known_name_is_a_variant():
    top = propose("巾帼大宣讲·奋进新征程", CATALOG)[0]
    assert (top.kind, top.parent_id) == ("theme", 1)


def test_nothing_alike_proposes_a_new_program_and_never_one_the_catalog_has():
    [new] = propose("点亮微心愿 幸福送万家", CATALOG, national=())
    assert (new.kind, new.name, new.score) == ("new", "点亮微心愿幸福送万家", 0.0)
    assert all(not p.creates or p.name != "三秦巾帼大宣讲" for p in propose("三秦巾帼大宣讲", CATALOG))
