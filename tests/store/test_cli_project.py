"""Commands that only read a project never create one (issue 14.11)."""

import pytest

from annotator.cli import main


@pytest.mark.parametrize("argv", [
    ["export", "--format", "jsonl", "--out", "{out}"],
    ["stats"],
    ["suggest"],
    ["suggest", "--apply"],
    ["validate", "{data}"],
])
def test_a_mistyped_project_is_one_line_and_nothing_is_made(tmp_path, capsys, argv):
    data = tmp_path / "data.jsonl"
    data.write_text('{"text": "妇联", "spans": []}\n', encoding="utf-8")
    typo = tmp_path / "typo.annotator"
    args = [a.format(out=data, data=data) for a in argv] + ["--project", str(typo)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err == f"annotator: error: {typo}: no such project file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.jsonl"]
    assert data.read_text(encoding="utf-8") == '{"text": "妇联", "spans": []}\n'  # not truncated


def test_validate_says_an_empty_file_is_empty(tmp_path, capsys):
    empty = tmp_path / "empty.jsonl"
    empty.touch()
    assert main(["validate", str(empty)]) == 2
    assert capsys.readouterr().err == f"annotator: error: {empty}: the file is empty; there is nothing to validate\n"


@pytest.mark.parametrize("fmt", ["conll", "brat", "jsonl"])
def test_exporting_a_project_with_a_flipped_byte_in_a_text_is_one_line(tmp_path, capsys, fmt):
    # (the canonical JSONL is written by SQLite as bytes: each page is proved UTF-8 before it is written)
    import sqlite3

    from annotator.store import open_project
    from tests.store.conftest import make_document

    path = tmp_path / "p.annotator"
    with open_project(path) as p:
        p.add_documents([make_document("全国妇联主席", source="a.txt"), make_document("沈跃跃", source="b.txt")])
    with sqlite3.connect(path) as c:  # quick_check reads pages, not whether text is UTF-8: the file opens
        c.execute("UPDATE documents SET text = CAST(x'e585a8ff' AS TEXT) WHERE id = 2")
    assert main(["export", "--project", str(path), "--format", fmt, "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"annotator: error: {path}: the project file is damaged (" in err
    assert "Traceback" not in err  # (the progress bar's line is another fix: issue 14.16)
    assert not (tmp_path / "out").exists()
