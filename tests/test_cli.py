"""The command line, run as a user runs it: a real process, real files."""

import json
import os
import subprocess
import sys

import pytest

from annotator.normalize import normalize
from annotator.store import open_project


def run(*args, cwd=None):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, cwd=cwd, env=env, timeout=300)


def test_normalize_prints_the_text(corpus_dir):
    page = corpus_dir / "000_aaf9baf376961570.txt"
    out = run("normalize", page)
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode("utf-8").rstrip("\n") == normalize(page.read_bytes()).text


def test_normalize_json_has_the_documented_keys(corpus_dir):
    out = run("normalize", corpus_dir / "004_ad273fc778490be1.txt", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("text", "raw_text", "excluded", "meta", "flags", "map", "version", "steps", "encoding"):
        assert key in data
    assert data["meta"]["title"] == "持续推动海东妇女儿童事业迈上新台阶"
    for region in data["excluded"]:
        assert set(region) == {"start", "end", "reason", "rule"}
    # the map from the JSON alone takes a span back to the raw page
    text, raw = data["text"], data["raw_text"]
    start = text.index("妇联党组书记")
    for t0, t1, s0, s1 in data["map"]["segments"]:
        if t0 <= start < t1:
            assert t1 - t0 == s1 - s0
            assert raw[s0 + start - t0] == "婦"


def test_options_change_the_text(corpus_dir):
    page = corpus_dir / "000_aaf9baf376961570.txt"
    wide = run("normalize", page, "--fullwidth-punctuation").stdout.decode()
    assert "10月27日下午，淮南市妇联" in wide
    kept = run("normalize", page, "--keep-traditional").stdout.decode()
    assert "淮南市婦聯黨組書記" in kept


def test_corpus_summary(corpus_dir):
    out = run("corpus")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert sum(line.endswith(".txt  持续推动海东妇女儿童事业迈上新台阶") for line in lines) == 1
    assert len([line for line in lines if line.startswith("00")]) == 5


@pytest.mark.parametrize("content,reason", [
    (b"", "the file is empty"),
    (b"\x00\x01\x02binary\x00", "binary data"),
    (bytes(range(0x80, 0x100)) * 50, "cannot decode"),
])
def test_bad_input_gives_one_clear_line(tmp_path, content, reason):
    page = tmp_path / "bad page.txt"
    page.write_bytes(content)
    out = run("normalize", page)
    assert out.returncode == 2
    err = out.stderr.decode()
    assert str(page) in err and reason in err
    assert "Traceback" not in err and out.stdout == b""


def test_missing_file_and_folder(tmp_path):
    out = run("normalize", tmp_path / "nope.txt")
    assert out.returncode == 2 and b"nope.txt: no such file" in out.stderr
    out = run("normalize", tmp_path)
    assert out.returncode == 2 and b"is a folder" in out.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    page = tmp_path / "locked.txt"
    page.write_text("正文")
    page.chmod(0)
    out = run("normalize", page)
    assert out.returncode == 2 and b"cannot read it" in out.stderr


@pytest.mark.slow
def test_a_50_mb_page_is_normalized(tmp_path, corpus_dir):
    body = (corpus_dir / "004_ad273fc778490be1.txt").read_bytes()
    page = tmp_path / "big.txt"
    page.write_bytes(body * (50_000_000 // len(body) + 1))
    assert page.stat().st_size > 50_000_000
    out = run("normalize", page, "--json")
    assert out.returncode == 0, out.stderr[-2000:]
    data = json.loads(out.stdout)
    assert "持续推动海东妇女儿童事业迈上新台阶" in data["text"]
    assert data["flags"]["glosses_removed"] == 198 * (50_000_000 // len(body) + 1)
    assert "lián" not in data["text"]


def test_import_reports_rejections_and_exits_non_zero(corpus_dir, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    project = tmp_path / "p.annotator"
    out = run("import", corpus_dir, tmp_path / "empty.txt", "--project", project)
    err = out.stderr.decode("utf-8")
    assert out.returncode == 1
    assert f"annotator: rejected {tmp_path / 'empty.txt'}: the file is empty" in err
    assert "5 imported, 0 duplicates skipped, 1 rejected" in out.stdout.decode("utf-8")
    assert "100%" in err  # the progress bar ran to the end
    with open_project(project) as p:
        assert p.unindexed_count() == 0
        assert p.count_documents(search="海东妇女儿童") == 1  # found through the text index

    again = run("import", corpus_dir, "--project", project)
    assert again.returncode == 0
    assert "0 imported, 5 duplicates skipped, 0 rejected" in again.stdout.decode("utf-8")
    assert "already in the project" in again.stderr.decode("utf-8")


def test_stats_as_json(corpus_dir, tmp_path):
    project = tmp_path / "p.annotator"
    assert run("import", corpus_dir, "--project", project).returncode == 0
    out = run("stats", "--project", project, "--json")
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    assert stats["documents"] == 5 and stats["documents_by_status"]["new"] == 5
    assert stats["spans"] == 0 and stats["spans_by_label"] == {}
    text = run("stats", "--project", project)
    assert "documents 5" in text.stdout.decode("utf-8")


def test_a_damaged_project_is_one_clear_line(tmp_path):
    project = tmp_path / "p.annotator"
    project.write_bytes(b"not a database at all" * 10)
    out = run("stats", "--project", project)
    assert out.returncode == 2
    assert out.stderr.decode("utf-8") == f"annotator: error: {project}: not a project file (it is not an SQLite database)\n"


def test_suggest_counts_then_applies_once(tmp_path, corpus_dir, capsys):
    from annotator.cli import main
    from annotator.store import open_project

    project = tmp_path / "p.annotator"
    assert main(["import", str(corpus_dir), "--project", str(project)]) == 0
    capsys.readouterr()

    assert main(["suggest", "--project", str(project)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    total = int(lines[0].split()[0])
    assert lines[0] == f"{total} suggestions in 5 documents of {project}" and total > 100
    by_label = dict(line.split() for line in lines[lines.index("by label") + 1:lines.index("by suggester")])
    by_suggester = dict(line.split() for line in lines[lines.index("by suggester") + 1:])
    assert {"PER", "ORG", "PROGRAM", "DATE"} <= set(by_label)
    assert set(by_suggester) <= {"jieba", "lexicon", "programs", "dates", "learned", "general", "tagger"} and "lexicon" in by_suggester
    assert sum(map(int, by_label.values())) == sum(map(int, by_suggester.values())) == total
    assert "suggesting" in err  # the progress bar
    with open_project(project) as p:
        assert p.stats()["spans"] == 0

    assert main(["suggest", "--project", str(project), "--apply"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"added {total} spans with origin suggested"
    assert main(["suggest", "--project", str(project), "--apply"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "added 0 spans with origin suggested"
    with open_project(project) as p:
        stats = p.stats()
    assert stats["spans"] == total and stats["spans_by_origin"] == {"suggested": total}


def test_suggest_on_a_damaged_project_is_one_line(tmp_path, capsys):
    from annotator.cli import main

    project = tmp_path / "bad.annotator"
    project.write_bytes(b"not a database at all" * 10)
    assert main(["suggest", "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert str(project) in err and "not a project file" in err and "Traceback" not in err
# export, validate, import of annotated data ------------------------------------------

def _annotated_project(path, corpus_dir):
    from annotator.store import open_project

    out = run("import", corpus_dir / "000_aaf9baf376961570.txt", "--project", path)
    assert out.returncode == 0, out.stderr
    with open_project(path) as project:
        text = project.document(1).text
        start = text.index("妇联")
        project.add_span(1, start, start + 2, "ORG")


def test_export_validate_and_import_annotated_data(tmp_path, corpus_dir):
    source = tmp_path / "a.annotator"
    _annotated_project(source, corpus_dir)
    out = run("export", "--project", source, "--format", "doccano", "--out", tmp_path / "d.jsonl")
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().startswith("1 documents, 1 spans to ")
    checked = run("validate", tmp_path / "d.jsonl", "--project", source)
    assert checked.returncode == 0 and checked.stdout.decode().endswith(
        "d.jsonl: doccano, 1 documents, 1 spans, 0 relations, 0 problems\n")
    target = tmp_path / "b.annotator"
    imported = run("import", tmp_path / "d.jsonl", "--format", "doccano", "--project", target)
    assert imported.returncode == 0, imported.stderr
    assert "1 annotated documents imported with 1 spans" in imported.stdout.decode()
    stats = json.loads(run("stats", "--project", target, "--json").stdout)
    assert stats["spans_by_origin"] == {"imported": 1}


def test_import_of_a_bad_annotated_file_reports_each_line_and_imports_nothing(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "张三", "label": [[0, 2, "PER"]]}\n{"text": "张三", "label": [[0, 5, "PER"]]}\n'
                   '{oops\n', "utf-8")
    target = tmp_path / "b.annotator"
    out = run("import", bad, "--format", "doccano", "--project", target)
    assert out.returncode == 2
    err = out.stderr.decode().splitlines()
    assert err == [f"annotator: {bad}:2: label 1 (PER): span 0:5 is outside the text (2 characters)",
                   f"annotator: {bad}:3: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
                   f"annotator: error: {bad}: 2 problems; nothing from this file was imported"]
    assert json.loads(run("stats", "--project", target, "--json").stdout)["documents"] == 0


def test_export_errors_are_one_line(tmp_path, corpus_dir):
    source = tmp_path / "a.annotator"
    _annotated_project(source, corpus_dir)
    for args, reason in [(["--labels", "NOPE"], "no label NOPE in this project"),
                         (["--split", "train=0.5"], "--split: the shares add up to 0.5, not 1")]:
        out = run("export", "--project", source, "--format", "jsonl", "--out", tmp_path / "x.jsonl", *args)
        assert out.returncode == 2
        lines = out.stderr.decode().splitlines()
        assert len([line for line in lines if line.startswith("annotator:")]) == 1 and reason in lines[-1]
        assert "Traceback" not in out.stderr.decode()
    workers = run("export", "--project", source, "--format", "jsonl", "--out", tmp_path / "x.jsonl", "--workers", "0")
    assert workers.returncode == 2 and workers.stderr.decode().splitlines()[-1] == \
        "annotator export: error: argument --workers: '0' is not a whole number of at least 1"
    missing = run("validate", tmp_path / "nope.jsonl")
    assert missing.returncode == 2 and missing.stderr.decode() == f"annotator: error: {tmp_path / 'nope.jsonl'}: no such file or folder\n"


def test_validate_lists_every_mismatched_span(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"text": "北京上海", "label": {"LOC": {"北京": [[0, 1]], "上海": [[1, 2], [2, 3]]}}}\n', "utf-8")
    out = run("validate", f)
    assert out.returncode == 1
    assert out.stdout.decode().splitlines() == [
        f"{f}:1: LOC [1, 2] (end inclusive): span 1:3 is '京上' in the text but the file says '上海'",
        f"{f}: cluener, 0 documents, 0 spans, 0 relations, 1 problems",
    ]
