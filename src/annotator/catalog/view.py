"""What the catalog and statistics views show: plain data from the store, with
regions read from place links and from the programs' names.

Every function reads through :class:`~annotator.store.Project` methods (the SQL
lives there) and stays fast on a project of 100,000 documents: a page of the
catalog at a time, statistics as grouped counts (``bench/bench_catalog.py``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from ..store import Project
from ..store.models import CatalogRow
from .regions import Regions, default_regions


@dataclass(frozen=True)
class RegionCount:
    region: str | None  # a province, a place the region table does not know, or None: no region known
    programs: int  # canonical programs seen there
    spans: int  # program spans there


@dataclass(frozen=True)
class Statistics:
    documents_by_status: dict[str, int]
    spans_by_label: dict[str, int]
    programs_by_category: list[tuple[str | None, int, int]]  # (category, spans, canonical programs)
    programs_by_region: list[RegionCount]
    throughput: list[tuple[str, str, int]]  # (day, annotator, spans added)


def catalog_page(project: Project, offset: int = 0, limit: int = 50, *, search: str | None = None,
                 top_level: bool = False, parent_id: int | None = None, order_by: str = "occurrences",
                 regions: Regions | None = None) -> list[CatalogRow]:
    """A page of the catalog (see :meth:`Project.program_rows`), each row with its
    regions: those of its place links, most linked first, then the region its
    name starts with (三秦巾帼大宣讲 → 陕西)."""
    regions = regions or default_regions()
    rows = project.program_rows(offset, limit, search=search, top_level=top_level, parent_id=parent_id,
                                order_by=order_by)
    return [replace(row, regions=row_regions(row, regions)) for row in rows]


def row_regions(row: CatalogRow, regions: Regions) -> tuple[str, ...]:
    counts: Counter[str] = Counter()
    for place, n in row.places:
        counts[regions.region_of(place)] += n
    out = [region for region, _ in counts.most_common()]
    named = name_region(row.name, regions)
    if named is not None and named not in out:
        out.append(named)
    return tuple(out)


def name_region(name: str, regions: Regions | None = None) -> str | None:
    """The region a program's name starts with, if any (天府巾帼大宣讲 → 四川)."""
    found = (regions or default_regions()).leading(name)
    return found[1] if found else None


def programs_by_region(project: Project, regions: Regions | None = None) -> list[RegionCount]:
    """Program spans and canonical programs per region, largest first.  A span's
    region is that of its place link; a span without one takes the region its
    program's name starts with; otherwise it has none (``None``).  Spans not in
    the catalog count by their place links alone."""
    regions = regions or default_regions()
    names = {p.id: p.name for p in project.programs()}
    totals = project.program_span_counts()
    spans: Counter[str | None] = Counter()
    programs: defaultdict[str | None, set[int]] = defaultdict(set)
    placed: Counter[int | None] = Counter()
    for program_id, place, n in project.program_place_counts():
        region = regions.region_of(place)
        spans[region] += n
        placed[program_id] += n
        if program_id is not None:
            programs[region].add(program_id)
    for program_id, total in totals.items():
        region = name_region(names[program_id], regions) if program_id is not None else None
        rest = max(total - placed[program_id], 0)
        if rest:
            spans[region] += rest
        if program_id is not None and (rest or region is not None):
            programs[region].add(program_id)
    out = [RegionCount(region, len(programs.get(region, ())), n) for region, n in spans.items() if n]
    return sorted(out, key=lambda r: (-r.spans, r.region is None, r.region or ""))


def statistics(project: Project, *, since: str | None = None, utc_offset_minutes: int = 0,
               regions: Regions | None = None) -> Statistics:
    """Everything the statistics view charts, in one call."""
    return Statistics(
        project.documents_by_status(),
        project.spans_by_label(),
        project.programs_by_category(),
        programs_by_region(project, regions),
        project.throughput(since=since, utc_offset_minutes=utc_offset_minutes),
    )
