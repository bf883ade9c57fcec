"""Export, import into a new project, export again: the helpers the format tests share."""

from __future__ import annotations

from pathlib import Path

from annotator.exchange import export, import_annotated
from annotator.store import Project, open_project


def snapshot(path: Path) -> dict[str, bytes]:
    """A file's bytes, or every file of a folder by relative name."""
    if path.is_dir():
        return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}
    return {path.name: path.read_bytes()}


def reimport(out: Path, fmt: str, project_path: Path) -> Project:
    project = open_project(project_path, annotator="importer")
    report = import_annotated(project, out, fmt)
    assert not report.problems, [str(p) for p in report.problems]
    assert not report.duplicates
    return project


def round_trip(project: Project, fmt: str, folder: Path, **options) -> list[dict[str, bytes]]:
    """The exports of ``project``, of its export imported, and of that one's export imported."""
    suffix = {"brat": "", "label-studio": ".json", "conll": ".conll"}.get(fmt, ".jsonl")
    outputs = []
    for n in range(3):
        out = folder / f"export{n}{suffix}"
        export(project, fmt, out, **options)
        outputs.append(snapshot(out))
        if n < 2:
            if n:
                project.close()
            project = reimport(out, fmt, folder / f"round{n}.annotator")
    project.close()
    return [{name.replace(f"export{n}", "export"): data for name, data in o.items()} for n, o in enumerate(outputs)]
