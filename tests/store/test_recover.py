"""``annotator recover``: a damaged project's readable content goes into a new
file; the damaged one is left as it was (issue 14.7)."""

import hashlib
import sqlite3

import pytest

from annotator.cli import main
from annotator.store import ProjectDamaged, open_project
from tests.store.conftest import make_document

TEXT = "全国妇联主席沈跃跃出席会议。江门市妇联开展春蕾计划。" * 20


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "p.annotator"
    with open_project(path) as p:
        ids = p.add_documents([make_document(f"{i}{TEXT}", source=f"{i}.txt") for i in range(40)])
        p.add_spans([(d, s, s + 2, "ORG") for d in ids for s in range(2, 400, 9)])
    return path


def pages(path, name):
    """(page number, page type) of the b-tree pages of a table or index."""
    with sqlite3.connect(path) as c:
        return c.execute("SELECT pageno, pagetype FROM dbstat WHERE name = ? ORDER BY pageno", (name,)).fetchall()


def flip(path, page, offset, page_size=4096):
    data = bytearray(path.read_bytes())
    at = (page - 1) * page_size + offset
    data[at] ^= 0xFF
    data[at + 1] ^= 0x5A
    path.write_bytes(bytes(data))


def flip_one(path, page, offset, page_size=4096):
    data = bytearray(path.read_bytes())
    data[(page - 1) * page_size + offset] ^= 0x01
    path.write_bytes(bytes(data))


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_damage_in_an_index_is_recovered_whole_into_a_new_file(damaged, tmp_path, capsys):
    leaves = [p for p, kind in pages(damaged, "spans_document") if kind == "leaf"]
    flip_one(damaged, leaves[len(leaves) // 2], 4095)  # a rowid in the index: a row missing from it
    before = sha(damaged)
    out = tmp_path / "new.annotator"
    assert main(["recover", str(damaged), "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: recovered 40 documents, 1800 spans from {damaged}\n")
    assert sha(damaged) == before
    with open_project(out) as p:
        assert p.integrity_check() == "ok"
        assert p.document_count() == 40 and p.stats()["spans"] == 1800


def test_a_damaged_table_is_salvaged_row_by_row(damaged, tmp_path, capsys):
    leaves = [p for p, kind in pages(damaged, "spans") if kind == "leaf"]
    flip(damaged, leaves[len(leaves) // 2], 0)  # the page's type: the page is unreadable
    before = sha(damaged)
    with pytest.raises(ProjectDamaged):
        open_project(damaged)
    assert sha(damaged) == before  # refused and left as it was
    assert main(["recover", str(damaged)]) == 0
    out = damaged.with_name("p.recovered.annotator")
    line = capsys.readouterr().out
    assert line.startswith(f"{out}: recovered 40 documents, ") and "; unreadable rows left behind in" in line
    assert sha(damaged) == before
    with open_project(out) as p:
        assert p.integrity_check() == "ok"
        assert p.document_count() == 40
        assert 1000 < p.stats()["spans"] < 1800
        assert all(s.text == p.text(s.document_id)[s.start:s.end] for s in p.spans(1))
        assert p.list_documents(search="0全国妇联")  # the search index was rebuilt
    assert main(["recover", str(damaged)]) == 2  # never over an existing file
    assert "already exists" in capsys.readouterr().err


def test_an_import_into_a_file_whose_index_misses_rows_is_refused_and_writes_nothing(damaged):
    leaves = [p for p, kind in pages(damaged, "spans_document") if kind == "leaf"]
    flip_one(damaged, leaves[len(leaves) // 2], 4095)  # passes the quick check that opening runs
    before = sha(damaged)
    with open_project(damaged) as p:
        with pytest.raises(ProjectDamaged, match="damaged .*annotator recover"):
            p.add_documents([make_document("新的一页。", source="new.txt")])
        with pytest.raises(ProjectDamaged):  # and nothing after it either
            p.add_span(1, 0, 2, "ORG")
    assert sha(damaged) == before
