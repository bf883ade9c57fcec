from annotator.catalog import default_regions
from annotator.catalog.regions import Regions, looks_like_place


def test_provinces_their_other_names_and_cities():
    regions = default_regions()
    assert regions.province("三秦") == "陕西" and regions.province("天府") == "四川"
    assert regions.province("侨都") == "广东" and regions.province("江门市") == "广东"
    assert regions.province("巾帼") is None


def test_places_map_to_their_province_by_their_longest_leading_name():
    regions = default_regions()
    assert regions.region_of("陕西省西安市") == "陕西"
    assert regions.region_of("江门市") == "广东"
    assert regions.region_of("木栏井社区") == "木栏井社区"  # unknown: kept as it is
    assert regions.leading("秦女子巾帼宣讲团") is None  # one-character forms only as a whole name
    assert regions.leading("北疆巾帼思政大讲堂") == ("北疆", "内蒙古")


def test_a_city_keeps_its_province_even_if_listed_after_a_province_name():
    regions = Regions.from_toml('[province]\n"吉林" = ["吉"]\n[city]\n"吉林" = ["吉林", "江城"]\n')
    assert regions.province("江城") == "吉林" and regions.longest == 2
    assert looks_like_place("老城区") and not looks_like_place("区")
