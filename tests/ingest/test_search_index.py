"""Every way documents come in leaves them in the search index (issue 21.2):
a search right after the import finds them through the index, not a scan."""

import subprocess
import sys

import pytest

from annotator.exchange import export, import_annotated
from annotator.exchange.formats import FORMATS, READABLE, module
from annotator.ingest import import_paths
from annotator.store import open_project

WORDS = "淮南市妇联党组书记"


def _indexed_and_found(project, phrase=WORDS):
    assert project.unindexed_count() == 0
    found = project.count_documents(search=phrase)
    assert found >= 1
    return found


def test_a_plain_import_is_searchable_through_the_index_when_it_returns(tmp_path, corpus_dir):
    with open_project(tmp_path / "p.annotator") as project:
        import_paths(project, [corpus_dir], workers=0)
        assert _indexed_and_found(project) == 1


def test_a_worker_import_of_several_batches_is_searchable_when_it_returns(tmp_path, corpus_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    page = (corpus_dir / "001_089eab31a5e98f7a.txt").read_text("utf-8")
    for i in range(450):  # three batches
        (folder / f"{i}.txt").write_text(f"第{i}号文件\n{page}", "utf-8")
    with open_project(tmp_path / "p.annotator") as project:
        report = import_paths(project, [folder], workers=2)
        assert len(report.added) == 450
        assert project.unindexed_count() == 0
        assert project.count_documents(search="第449号文件") == 1


@pytest.fixture(scope="module")
def annotated(tmp_path_factory, corpus_dir):
    """The project with one span, exported in every format the importer reads."""
    folder = tmp_path_factory.mktemp("annotated")
    with open_project(folder / "source.annotator") as project:
        import_paths(project, [corpus_dir / "000_aaf9baf376961570.txt"], workers=0)
        text = project.text(1)
        start = text.index("妇联")
        project.add_span(1, start, start + 2, "ORG")
        files = {}
        for fmt in READABLE:
            out = folder / f"out-{fmt}{module(fmt).SUFFIX}"
            export(project, fmt, out, workers=1)
            files[fmt] = out
    return files


@pytest.mark.parametrize("fmt", READABLE)
def test_an_annotated_import_is_searchable_through_the_index(tmp_path, annotated, fmt):
    assert fmt in FORMATS
    with open_project(tmp_path / "p.annotator") as project:
        report = import_annotated(project, annotated[fmt], fmt)
        assert report.problems == [] and len(report.added) == 1
        assert project.unindexed_count() == 0
        assert project.count_documents(search="妇联党组") == 1


def test_the_cli_label_studio_import_is_searchable(tmp_path, annotated):
    target = tmp_path / "p.annotator"
    out = subprocess.run([sys.executable, "-m", "annotator", "import", str(annotated["label-studio"]),
                          "--format", "label-studio", "--project", str(target)], capture_output=True, timeout=300)
    assert out.returncode == 0, out.stderr.decode()
    with open_project(target) as project:
        assert project.unindexed_count() == 0
        assert project.count_documents(search="妇联党组") == 1
