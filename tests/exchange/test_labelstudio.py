"""Label Studio tasks with several annotations: which are taken, and saying
how many were not."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from annotator.exchange import check, import_annotated
from annotator.store import open_project


def region(rid, start, end, text, label):
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


TASKS = [
    {"id": 1, "data": {"text": "张三在北京"}, "annotations": [
        {"id": 11, "completed_by": 1, "created_at": "2026-01-01T10:00:00Z", "updated_at": "2026-01-01T10:00:00Z",
         "result": [region("a", 0, 2, "张三", "PER")]},
        {"id": 12, "completed_by": {"id": 2, "email": "li@example.org"}, "created_at": "2026-01-02T10:00:00Z",
         "updated_at": "2026-01-03T10:00:00Z",
         "result": [region("a", 3, 5, "北京", "LOC"), region("b", 0, 2, "张三", "PER"),
                    {"from_id": "b", "to_id": "a", "type": "relation", "direction": "right", "labels": ["in"]}]},
        {"id": 13, "completed_by": 3, "was_cancelled": True, "updated_at": "2026-02-01T10:00:00Z",
         "result": [region("x", 0, 5, "张三在北京", "EVENT")]},
    ]},
    {"id": 2, "data": {"text": "李四"}, "annotations": [{"id": 21, "completed_by": 1,
                                                         "result": [region("c", 0, 2, "李四", "PER")]}]},
]


@pytest.fixture
def tasks(tmp_path):
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(TASKS, ensure_ascii=False, indent=2), "utf-8")
    return path


def spans_by_document(project, report):
    return [[(s.start, s.end, s.label, s.annotator) for s in project.spans(doc)] for _, doc in report.added]


@pytest.mark.parametrize("which,expected,skipped", [
    ("first", [[(0, 2, "PER", "importer")], [(0, 2, "PER", "importer")]], 1),
    ("latest", [[(0, 2, "PER", "importer"), (3, 5, "LOC", "importer")], [(0, 2, "PER", "importer")]], 1),
    ("all", [[(0, 2, "PER", "1"), (0, 2, "PER", "li@example.org"), (3, 5, "LOC", "li@example.org")],
             [(0, 2, "PER", "1")]], 0),
])
def test_annotations_first_latest_all(tasks, tmp_path, which, expected, skipped):
    with open_project(tmp_path / f"{which}.annotator", annotator="importer") as project:
        report = import_annotated(project, tasks, "label-studio", annotations=which)
        assert not report.problems, [str(p) for p in report.problems]
        assert spans_by_document(project, report) == expected
        assert report.checked.skipped_annotations == skipped
        if skipped:
            assert "1 further annotations of 1 tasks not imported" in report.summary()
        else:
            assert "not imported" not in report.summary()
        relations = [(r.head, r.tail, r.type) for _, doc in report.added for r in project.relations(doc)]
        assert len(relations) == (0 if which == "first" else 1)


def test_the_command_says_how_many_annotations_it_passed_over(tasks, tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    out = subprocess.run([sys.executable, "-m", "annotator", "import", str(tasks), "--format", "label-studio",
                          "--project", str(tmp_path / "p.annotator")], capture_output=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr.decode()
    assert "1 further annotations of 1 tasks not imported (--annotations latest or all)" in out.stdout.decode()
    assert check(tasks, "label-studio", annotations="all").spans == 4


def label_studio_task_errors(tasks) -> list[str]:
    """Label Studio's import check of a task list (HumanSignal/label-studio,
    ``label_studio/tasks/validation.py``, ``TaskValidator.to_internal_value``
    and ``validate``) for a project whose labeling config holds
    ``<Text name="text" value="$text"/>``: a non-empty list of dicts with a
    ``data`` dict whose ``text`` is a string; ``annotations`` a list of dicts,
    each with a ``result`` list; ``meta`` a dict or list."""
    if not isinstance(tasks, list) or not tasks:
        return ["data is not a list, or empty"]
    errors = []
    for i, task in enumerate(tasks):
        if not isinstance(task, dict) or "data" not in task or not isinstance(task["data"], dict):
            errors.append(f"item {i}: no data dict")
            continue
        if not isinstance(task["data"].get("text"), (str, int, float)):
            errors.append(f'item {i}: "text" key is expected in task data')
        if not isinstance(task.get("annotations", []), list):
            errors.append(f"item {i}: annotations must be a list")
        for annotation in task.get("annotations", []):
            if not isinstance(annotation, dict) or not isinstance(annotation.get("result"), list):
                errors.append(f"item {i}: an annotation must have a result list")
        if "meta" in task and not isinstance(task["meta"], (dict, list)):
            errors.append(f"item {i}: meta must be a dict or list")
    return errors


def test_the_export_is_what_label_studios_importer_takes(filled, corpus_dir, tmp_path):
    """Every task passes Label Studio's import check, and every region names its
    exact text, around astral characters, CRLF and U+2028."""
    from annotator.exchange import export
    from tests.exchange.conftest import add_glossed, add_lines

    add_glossed(filled, corpus_dir)
    add_lines(filled)
    export(filled, "label-studio", tmp_path / "ls.json")
    tasks = json.loads((tmp_path / "ls.json").read_text("utf-8"))
    assert label_studio_task_errors(tasks) == []
    regions = [(t["data"]["text"], r["value"]) for t in tasks for a in t["annotations"] for r in a["result"]
               if r["type"] in ("labels", "choices")]
    assert len(regions) > 30
    assert all(text[v["start"]:v["end"]] == v["text"] for text, v in regions)
