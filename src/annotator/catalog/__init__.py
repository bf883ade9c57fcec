"""The program catalog: proposals of the canonical program a program span names,
and the data of the catalog and statistics views.  No Qt; beside ``suggest``.

The catalog itself (programs, aliases, parents, span links) lives in the store;
this package only reads it.
"""

from .propose import CONFIDENT, Proposal, best_proposal, key, national_programs, propose
from .regions import Regions, default_regions
from .view import RegionCount, Statistics, catalog_page, name_region, programs_by_region, statistics

__all__ = [
    "CONFIDENT", "Proposal", "RegionCount", "Regions", "Statistics", "best_proposal", "catalog_page",
    "default_regions", "key", "name_region", "national_programs", "programs_by_region", "propose", "statistics",
]
