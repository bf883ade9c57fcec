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
