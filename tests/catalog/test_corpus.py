"""On the bundled corpus: once its programs are annotated and each proposal is
confirmed, the catalog groups the regional variants under their parent."""

import json
from pathlib import Path

import pytest

from annotator.catalog import best_proposal, catalog_page, programs_by_region
from annotator.ingest import import_paths
from annotator.session import confirm
from annotator.store import open_project

PROGRAMS = json.loads((Path(__file__).resolve().parents[1] / "data" / "programs.json").read_text("utf-8"))


def mentions(text: str, listed: list) -> list[tuple[int, int]]:
    """Where the listed mentions stand, longest first, none inside another."""
    taken: list[tuple[int, int]] = []
    for item in sorted(listed, key=lambda m: -len(m if isinstance(m, str) else m["text"])):
        word, skip = (item, []) if isinstance(item, str) else (item["text"], item.get("skip", []))
        start, n = text.find(word), 0
        assert start >= 0, word
        while start >= 0:
            end = start + len(word)
            if not any(s < end and start < e for s, e in taken):
                if n not in skip:
                    taken.append((start, end))
                n += 1
            start = text.find(word, start + 1)
    return sorted(taken)


def annotate_corpus(path: Path, corpus_dir: Path) -> Path:
    """A project of the bundled corpus with its program mentions tagged and each
    proposal confirmed (what the catalog view's tests open too)."""
    with open_project(path, annotator="tester") as project:
        import_paths(project, sorted(corpus_dir.iterdir()), workers=0)
        for info in project.list_documents():
            text = project.text(info.id)
            for start, end in mentions(text, PROGRAMS["pages"][Path(info.source_file).name]):
                span = project.add_span(info.id, start, end, "PROGRAM")
                confirm(best_proposal(span.text, project.programs()), info.id, span.id).do(project)
    return path


@pytest.fixture(scope="module")
def annotated(tmp_path_factory, corpus_dir):
    path = annotate_corpus(tmp_path_factory.mktemp("corpus") / "corpus.annotator", corpus_dir)
    with open_project(path, annotator="tester") as project:
        yield project


def test_every_program_span_is_in_the_catalog(annotated):
    counts = annotated.program_span_counts()
    assert counts.pop(None) == 0
    assert sum(counts.values()) == annotated.spans_by_label()["PROGRAM"] == 63


def test_the_regional_variants_are_grouped_under_their_parent(annotated):
    by_name = {p.name: p for p in annotated.programs()}
    for parent, variants in PROGRAMS["groups"].items():
        children = {p.name for p in annotated.programs() if p.parent_id == by_name[parent].id}
        assert set(variants) <= children, parent
    [row] = catalog_page(annotated, search="巾帼大宣讲", top_level=True)
    assert row.name == "巾帼大宣讲" and row.occurrences == 3 and row.total == 7  # 000, 003, 004 + 4 variants


def test_other_names_of_a_program_link_to_it_and_become_aliases(annotated):
    for canonical, names in PROGRAMS["same"].items():
        program = annotated.program_named(canonical)
        assert program is not None and program.parent_id is None
        for name in names:
            assert annotated.program_named(name) == program
    assert annotated.occurrence_count(annotated.program_named("巾帼心向党").id) == 3  # 001, 002, 003


def test_unrelated_programs_stay_on_their_own(annotated):
    for name in ("巾帼普法乡村行", "巾帼普法村居行", "北疆巾帼思政大讲堂", "赣鄱红色娘子军", "春蕾计划"):
        assert annotated.program_named(name).parent_id is None, name


def test_variants_carry_their_region(annotated):
    rows = {r.name: r for r in catalog_page(annotated, limit=200)}
    assert rows["三秦巾帼大宣讲"].regions == ("陕西",)
    assert rows["天府巾帼大宣讲"].regions == ("四川",)
    assert rows["侨都巾帼大宣讲"].regions == ("广东",)
    regions = {r.region: r for r in programs_by_region(annotated)}
    assert regions["内蒙古"].programs == 1 and regions["江西"].spans == 2  # 北疆…; 赣鄱红色娘子军 twice
