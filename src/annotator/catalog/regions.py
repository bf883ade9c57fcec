"""Regions of China as program names and place links name them.

A regional edition of a national program puts its region in front
(``三秦巾帼大宣讲``: 三秦 is Shaanxi; ``侨都``: Jiangmen, Guangdong).  The names come
from ``resources/regions.toml``; a name that is not there but reads as a place
(ends in 省, 市, 县, 区 …) still counts as a place, without a province.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

PLACE_SUFFIXES = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "村", "自治区", "特别行政区")


@dataclass(frozen=True)
class Regions:
    """Every name of a region, mapped to its province-level region."""

    names: dict[str, str]  # a name (北京, 京, 三秦, 侨都, 江门市) → its province (北京, 陕西, 广东)
    longest: int

    @classmethod
    def from_toml(cls, source: str) -> "Regions":
        data = tomllib.loads(source)
        names: dict[str, str] = {}
        for province, others in data.get("province", {}).items():
            for name in (province, *others):
                names[name] = province
        for city, (province, *others) in data.get("city", {}).items():
            for name in (city, *others):
                names.setdefault(name, province)
        return cls(names, max(map(len, names), default=0))

    def province(self, name: str) -> str | None:
        """The province a whole name stands for (``三秦`` → 陕西), else ``None``."""
        return self.names.get(name)

    def leading(self, text: str) -> tuple[str, str] | None:
        """``(name, province)`` of the longest region name ``text`` starts with, two
        characters or more (one-character forms like 陕 are too often something else)."""
        for n in range(min(self.longest, len(text)), 1, -1):
            province = self.names.get(text[:n])
            if province is not None:
                return text[:n], province
        return None

    def region_of(self, place: str) -> str:
        """The province of a place as a span names it (``陕西省西安市`` → 陕西,
        ``江门市`` → 广东); a place this table does not know stays as it is."""
        place = place.strip()
        whole = self.names.get(place)
        if whole is not None:
            return whole
        found = self.leading(place)
        return found[1] if found else place


def looks_like_place(text: str) -> bool:
    """A name that ends like a place (淮南市, 老城区), two characters or more."""
    return len(text) >= 2 and text.endswith(PLACE_SUFFIXES)


@cache
def default_regions() -> Regions:
    return Regions.from_toml(resources.files("annotator.resources").joinpath("regions.toml").read_text("utf-8"))
