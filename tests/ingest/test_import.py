"""Importing files and folders into a project."""

import json
import os

import pytest

from annotator.ingest import import_paths
from annotator.ingest.defaults import default_project_path, open_default_project
from annotator.normalize.alignment import Alignment
from annotator.store import open_project

# read off the pages themselves; 000 has no title line, so the list shows its first line
CORPUS = {
    "000_aaf9baf376961570.txt": ("10月27日下午,淮南市妇联党组书记、主席王毅主持召开党组(扩大)会议", None, None),
    "001_089eab31a5e98f7a.txt": ("市妇联召开党组(扩大)会议传达学习贯彻习近平总书记同全国妇联新一届领导班子成员"
                                 "集体谈话时的重要讲话和中国妇女十三大精神", "2023-11-15", "江门市妇联"),
    "002_d76ba749999d782d.txt": ("凝心聚力抓落实 开创全面深化改革新局面", "2024-08-07", "中国妇女报"),
    "003_078ce92062d30043.txt": ("在2024年妇联党组理论学习中心组集体学习研讨会上的发言", None, None),
    "004_ad273fc778490be1.txt": ("持续推动海东妇女儿童事业迈上新台阶", "2022-12-12", "海东日报"),
}


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        yield p


def test_importing_the_corpus_gives_five_documents_with_titles_dates_and_sources(project, corpus_dir):
    report = import_paths(project, [corpus_dir])
    assert report.ok and len(report.added) == 5 and report.duplicates == []
    infos = {os.path.basename(d.source_file): d for d in project.list_documents()}
    assert infos.keys() == CORPUS.keys()
    for name, (title, date, source) in CORPUS.items():
        assert infos[name].title.startswith(title), name
        assert (infos[name].date, infos[name].source) == (date, source), name
        assert infos[name].status == "new"


def test_importing_again_adds_nothing(project, corpus_dir):
    import_paths(project, [corpus_dir])
    before = project.changes(limit=1)
    report = import_paths(project, [corpus_dir, corpus_dir / "000_aaf9baf376961570.txt"])
    assert report.added == [] and len(report.duplicates) == 6 and report.ok
    assert project.document_count() == 5
    assert project.changes(limit=1) == before  # not even an empty batch was logged


def test_a_stored_document_maps_spans_back_to_the_raw_page(project, corpus_dir):
    import_paths(project, [corpus_dir / "000_aaf9baf376961570.txt"])
    doc = project.document(1)
    alignment = Alignment.from_json(doc.map["segments"], len(doc.raw_text), len(doc.text))
    start = doc.text.index("淮南市妇联党组书记")
    raw_start, raw_end = alignment.source_range(start, start + 9)
    assert doc.raw_text[raw_start:raw_end] == "淮南市婦聯(lián)黨組書(shū)記"
    assert doc.raw_sha256 == __import__("hashlib").sha256((corpus_dir / "000_aaf9baf376961570.txt")
                                                          .read_bytes()).hexdigest()


def make_bad_inputs(folder):
    folder.mkdir()
    (folder / "good.txt").write_text("全国妇联召开会议。", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (folder / "lines.jsonl").write_text(
        '{"text": "江门市妇联"}\n{"text": "海东市妇联", broken\n[1, 2]\n{"body": "x"}\n{"text": 7}\n',
        encoding="utf-8")
    unreadable = folder / "unreadable.txt"
    if os.geteuid() == 0:  # root reads any file: use one the kernel refuses to read
        unreadable.symlink_to("/proc/self/mem")
    else:
        unreadable.write_text("妇联", encoding="utf-8")
        unreadable.chmod(0)
    return folder


def test_bad_inputs_are_each_reported_and_the_rest_go_in(project, tmp_path):
    folder = make_bad_inputs(tmp_path / "in")
    report = import_paths(project, [folder])
    reasons = {os.path.relpath(r.source, folder): r.reason for r in report.rejected}
    assert reasons.keys() == {"binary.txt", "empty.txt", "undecodable.txt", "unreadable.txt",
                              "lines.jsonl:2", "lines.jsonl:3", "lines.jsonl:4", "lines.jsonl:5"}
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "decode" in reasons["undecodable.txt"]
    assert "cannot read" in reasons["unreadable.txt"]
    assert "not valid JSON" in reasons["lines.jsonl:2"]
    assert reasons["lines.jsonl:3"] == "not a JSON object"
    assert reasons["lines.jsonl:4"] == "no 'text' field"
    assert reasons["lines.jsonl:5"] == "the 'text' field is not a string"
    assert sorted(os.path.relpath(s, folder) for s, _ in report.added) == ["good.txt", "lines.jsonl:1"]
    assert sorted(d.title for d in project.list_documents()) == ["全国妇联召开会议。", "江门市妇联"]
    assert project.integrity_check() == "ok"


def test_a_file_that_disappears_during_the_import_is_reported(project, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(f"第{i}篇:妇联工作。", encoding="utf-8")

    def progress(done, total):
        if done == 1:
            (folder / "3.txt").unlink()

    report = import_paths(project, [folder], workers=0, progress=progress)
    assert [(os.path.basename(r.source), r.reason) for r in report.rejected] == [
        ("3.txt", "the file disappeared before it could be read")]
    assert project.document_count() == 3


def test_jsonl_text_field_is_configurable(project, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": i, "content": f"第{i}篇 婦聯(lián)"}, ensure_ascii=False) + "\n"
                            for i in range(3)), encoding="utf-8")
    report = import_paths(project, [path], text_field="content")
    assert report.ok and len(report.added) == 3
    assert project.document(1).text == "第0篇 妇联"


def test_html_and_markdown_files_are_imported_as_text(project, tmp_path):
    (tmp_path / "page.html").write_text("<p>江门市&ldquo;妇联&rdquo;</p><p>第二段</p>", encoding="utf-8")
    (tmp_path / "note.md").write_text("# 标题\n\n正文。", encoding="utf-8")
    (tmp_path / "data.csv").write_text("a,b", encoding="utf-8")
    report = import_paths(project, [tmp_path])
    assert report.ok and len(report.added) == 2  # the .csv in the folder is passed over
    texts = sorted(project.document(i).text for _, i in report.added)
    assert texts == ["# 标题\n\n正文。", "江门市“妇联”\n\n第二段"]


def test_a_named_file_of_another_type_is_rejected(project, tmp_path):
    (tmp_path / "data.csv").write_text("a,b", encoding="utf-8")
    report = import_paths(project, [tmp_path / "data.csv", tmp_path / "missing.txt"])
    assert [r.reason.split(" (")[0] for r in report.rejected] == [
        "not a file type the annotator imports", "no such file or folder"]


def test_worker_processes_give_the_same_documents_as_one_process(tmp_path, corpus_dir):
    pages = [p.read_bytes() for p in sorted(corpus_dir.iterdir())]
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(20):
        (folder / f"{i:02d}.txt").write_bytes(pages[i % 5] + f"\n第{i}份".encode())
    results = {}
    for workers in (0, 2):
        with open_project(tmp_path / f"w{workers}.annotator") as p:
            report = import_paths(p, [folder], workers=workers)
            assert report.ok and len(report.added) == 20
            results[workers] = [(d.text, d.map, d.excluded, d.meta) for d in map(p.document, p.document_ids())]
    assert results[0] == results[2]


def test_the_default_project_gets_the_bundled_corpus_once(tmp_path):
    path = default_project_path()
    assert str(path).startswith(str(tmp_path))  # the tests' own data folder
    with open_default_project() as p:
        assert p.document_count() == 5
    with open_default_project() as p:
        assert p.document_count() == 5
        assert [c["action"] for c in p.changes()].count("import") == 1


@pytest.mark.slow
def test_a_50_mb_file_is_imported(project, tmp_path, corpus_dir):
    page = (corpus_dir / "001_089eab31a5e98f7a.txt").read_bytes()
    big = tmp_path / "big.txt"
    big.write_bytes(b"\n".join(page + str(i).encode() for i in range(50_000_000 // len(page) + 1)))
    assert big.stat().st_size >= 50_000_000
    report = import_paths(project, [big])
    assert report.ok and len(report.added) == 1
    doc = project.document(1)
    assert doc.raw_text.startswith(page.decode("utf-8")[:100]) and len(doc.text) > 10_000_000


def test_a_whole_html_page_keeps_its_text_and_maps_into_the_page_source(project, tmp_path):
    page = ("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
            "<title>江门市妇联</title><link rel=\"stylesheet\" href=\"a.css\">"
            "<style>p{color:red}</style><script>var x = 1;</script></head>\n"
            "<body><h1>侨都巾帼大宣讲</h1><p>江门市妇联举办&ldquo;侨都巾帼大宣讲&rdquo;。</p></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    report = import_paths(project, [tmp_path / "page.html"])
    assert report.ok
    doc = project.document(1)
    assert doc.text == "江门市妇联\n\n侨都巾帼大宣讲\n\n江门市妇联举办“侨都巾帼大宣讲”。"
    assert doc.meta["title"] == "江门市妇联"
    alignment = Alignment.from_json(doc.map["segments"], len(doc.raw_text), len(doc.text))
    start = doc.text.rindex("“")
    raw_start, raw_end = alignment.source_range(start, start + 9)
    assert doc.raw_text[raw_start:raw_end] == "&ldquo;侨都巾帼大宣讲&rdquo;"
