"""The ``annotator`` command.

Errors a user can act on (a bad file, a missing corpus) end in one line naming
the file and the reason, and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__

# Imports are made by the subcommand that needs them: `annotator normalize FILE`
# must not pay for the store, the exchange formats or Qt.
COMMANDS = ("normalize", "corpus", "import", "suggest", "export", "validate", "stats", "gui", "install-desktop")


def _write(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _at_least_one(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return n


def _fail(message: str) -> int:
    _say(f"annotator: error: {message}\n")
    return 2


def _say(line: str) -> None:
    """A line on stderr, on a line of its own even while a progress bar is drawn there."""
    if _ProgressBar.drawing:
        from tqdm import tqdm

        tqdm.write(line.rstrip("\n"), file=sys.stderr)
    else:
        sys.stderr.write(line)


def _read(path: Path) -> bytes:
    from .ingest.sources import NotAFile, read_regular
    from .normalize import NormalizeError

    try:
        return read_regular(path)
    except NotAFile as exc:
        raise NormalizeError(f"{path}: {exc.reason}") from None
    except IsADirectoryError:
        raise NormalizeError(f"{path}: is a folder, not a file") from None
    except FileNotFoundError:
        raise NormalizeError(f"{path}: no such file") from None
    except OSError as exc:
        raise NormalizeError(f"{path}: cannot read it ({exc.strerror or exc})") from None


def cmd_normalize(args: argparse.Namespace) -> int:
    from .normalize import NormalizeError, NormalizeOptions, normalize

    options = NormalizeOptions(
        convert_traditional=not args.keep_traditional,
        fullwidth_punctuation=args.fullwidth_punctuation,
    )
    try:
        doc = normalize(_read(args.file), str(args.file), options)
    except NormalizeError as exc:
        return _fail(str(exc))
    if args.json:
        _write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
    else:
        _write(doc.text + ("\n" if doc.text and not doc.text.endswith("\n") else ""))
    return 0


def cmd_corpus(args: argparse.Namespace) -> int:
    """Stand-in for the window until it exists: the bundled corpus, page by page."""
    from .normalize import NormalizeError, normalize
    from .paths import bundled_corpus

    folder = args.folder or bundled_corpus()
    if folder is None:
        return _fail("no bundled corpus in this install; pass a folder")
    files = sorted(p for p in Path(folder).iterdir() if p.is_file())
    failed = 0
    for path in files:
        try:
            doc = normalize(_read(path), str(path))
        except NormalizeError as exc:
            sys.stderr.write(f"annotator: skipped {exc}\n")
            failed += 1
            continue
        title = doc.meta["title"] or doc.text.split("\n", 1)[0][:40]
        counts = {k: v for k, v in doc.flags.items() if isinstance(v, int)}
        _write(
            f"{path.name}  {title}\n"
            f"    date={doc.meta['date']} source={doc.meta['source']} "
            f"chars={len(doc.text)} excluded={len(doc.excluded)} {counts}\n"
        )
    return 1 if failed else 0


def _project(args: argparse.Namespace, *, create: bool = True, **kwargs):
    """The project named by ``--project``, else the default one (with the bundled corpus).
    A command that only reads a project passes ``create=False``: a mistyped name is
    an error, not a new empty project."""
    from .ingest.defaults import open_default_project
    from .store import open_project

    if args.project is None:
        return open_default_project(**kwargs)
    return open_project(args.project, create=create)


class _ProgressBar:
    """A progress callback ``(done, total)`` drawing a tqdm bar on stderr, made at
    the first call, when the total is known."""

    drawing: set[_ProgressBar] = set()  # the bars on stderr now, for _say

    def __init__(self, desc: str):
        self.desc = desc
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        from tqdm import tqdm

        if self.bar is None:
            self.bar = tqdm(total=total, unit="doc", desc=self.desc, file=sys.stderr, leave=True)
            _ProgressBar.drawing.add(self)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        _ProgressBar.drawing.discard(self)


def _not_imported(project, menu: str) -> str:
    """Refused, not waited for: the window (or another command) holds the project
    and may keep it open for hours; the window imports the same way from its menu."""
    text = f"{project.path}: {project.read_only_reason}; nothing was imported"
    if project.read_only_reason == "the project is open in another process":
        text += f". If the annotator window has it open, import there: {menu}, or drop the files on the window"
    return text


def cmd_import(args: argparse.Namespace) -> int:
    if args.format is not None:
        return _import_annotated(args)

    from .ingest import import_paths
    from .store import ProjectError

    importing = _ProgressBar("importing")  # the search index fills in the same pass
    try:
        with _project(args) as project:
            if project.read_only:
                return _fail(_not_imported(project, "File → Import documents…"))
            report = import_paths(project, args.paths, text_field=args.text_field, workers=args.workers,
                                  progress=importing)
    except ProjectError as exc:
        return _fail(str(exc))
    finally:
        importing.close()
    for source in report.duplicates:
        _say(f"annotator: skipped {source}: already in the project\n")
    for rejected in report.rejected:
        _say(f"annotator: rejected {rejected}\n")
    _write(f"{report.summary()} into {project.path}\n")
    return 1 if report.rejected else 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from .store import ProjectError
    from .suggest import load_jieba, suggest_project

    progress = _ProgressBar("suggesting")
    try:
        with _project(args, create=False) as project:
            if args.apply and project.read_only:
                return _fail(f"{project.path}: {project.read_only_reason}; nothing was applied")
            load_jieba()
            report = suggest_project(project, progress, apply=args.apply)
    except ProjectError as exc:
        return _fail(str(exc))
    finally:
        progress.close()
    total = sum(report.suggestions.values())
    lines = [f"{total} suggestions in {report.documents} documents of {project.path}", "by label"]
    lines += [f"  {label:12s}{n}" for label, n in sorted(report.by_label().items())]
    lines.append("by suggester")
    lines += [f"  {name:12s}{n}" for name, n in sorted(report.by_suggester().items())]
    if args.apply:
        lines.append(f"added {report.added} spans with origin suggested")
    _write("\n".join(lines) + "\n")
    return 0


def _import_annotated(args: argparse.Namespace) -> int:
    from .exchange import ChangedWhileReading, import_annotated
    from .store import ProjectError

    progress = _ProgressBar("importing")
    failed = False
    try:
        with _project(args) as project:
            if project.read_only:
                return _fail(_not_imported(project, "File → Import annotations…"))
            for path in args.paths:
                report = import_annotated(project, path, args.format, progress=progress, normalize=args.normalize,
                                          annotations=args.annotations)
                for problem in report.problems:
                    _say(f"annotator: {problem}\n")
                if report.problems:
                    _say(f"annotator: error: {path}: {len(report.problems)} problems; "
                                     "nothing from this file was imported\n")
                    failed = True
                    continue
                for where in report.duplicates:
                    _say(f"annotator: skipped {where}: the same text is already in the project\n")
                _write(f"{path}: {report.summary()} into {project.path}\n")
    except (ProjectError, ChangedWhileReading) as exc:
        return _fail(str(exc))
    finally:
        progress.close()
    return 2 if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .exchange import ExportError, ExportOptions, SplitError, export, parse_split
    from .store import ProjectError

    try:
        split = parse_split(args.split) if args.split else None
    except SplitError as exc:
        return _fail(f"--split: {exc}")
    labels = frozenset(x.strip() for x in args.labels.split(",") if x.strip()) if args.labels else None
    options = ExportOptions(statuses=tuple(args.status) if args.status else None, labels=labels,
                            drop_excluded=args.without_excluded)
    progress = _ProgressBar("exporting")
    try:
        with _project(args, create=False) as project:
            report = export(project, args.format, args.out, options=options, split=split, seed=args.seed,
                            bioes=args.bioes, progress=progress, replace=args.replace,
                            workers=None if args.workers is None else min(args.workers, os.cpu_count() or 1),
                            docstart=not args.no_docstart)
    except (ProjectError, ExportError) as exc:
        progress.close()  # the bar's line ends before the error's
        return _fail(str(exc))
    finally:
        progress.close()
    _write(f"{report.summary()} to {', '.join(map(str, report.paths))}\n")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .exchange import check, detect_format
    from .store import ProjectError

    path = args.file
    if not path.exists():
        return _fail(f"{path}: no such file or folder")
    if path.is_file() and path.stat().st_size == 0:
        return _fail(f"{path}: the file is empty; there is nothing to validate")
    fmt = args.format or detect_format(path)
    labels = None
    if args.project is not None:
        try:
            with _project(args, create=False) as project:
                labels = [label.name for label in project.labels()]
        except ProjectError as exc:
            return _fail(str(exc))
    checked = check(path, fmt, labels)
    for problem in checked.problems:
        _write(f"{problem}\n")
    _write(f"{path}: {fmt}, {checked.documents} documents, {checked.spans} spans, {checked.relations} relations, "
           f"{len(checked.problems)} problems\n")
    return 1 if checked.problems else 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .store import ProjectError

    try:
        with _project(args, create=False) as project:
            stats = project.stats()
    except ProjectError as exc:
        return _fail(str(exc))
    if args.json:
        _write(json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
        return 0
    lines = [f"project   {stats['project']}", f"documents {stats['documents']}"]
    lines += [f"  {status:12s}{n}" for status, n in stats["documents_by_status"].items()]
    lines.append(f"spans     {stats['spans']}")
    lines += [f"  {label:12s}{n}" for label, n in stats["spans_by_label"].items()]
    lines.append("by origin")
    lines += [f"  {origin:12s}{n}" for origin, n in stats["spans_by_origin"].items()]
    lines.append("annotators")
    lines += [f"  {who:12s}{n}" for who, n in stats["annotators"].items()]
    _write("\n".join(lines) + "\n")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from .store import ProjectError
    from .store.recovery import recover

    try:
        result = recover(args.file, args.out)
    except ProjectError as exc:
        return _fail(str(exc))
    _write(result.summary() + "\n")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from .gui.app import run  # Qt only when a window is asked for

    if args.file is not None and args.project is not None and args.file != args.project:
        return _fail("name the project once: as FILE or with --project")
    if args.file is not None:  # what a file manager passes: open it, never create it
        return run(project_path=args.file, screenshot=args.screenshot, create=False)
    return run(project_path=args.project, screenshot=args.screenshot)


def cmd_install_desktop(args: argparse.Namespace) -> int:
    from . import desktop

    if not sys.platform.startswith("linux"):
        return _fail("install-desktop is for Linux desktops; on Windows and macOS the app's installer "
                     "registers the app (see packaging/README.md)")
    base = desktop.data_home()
    if args.uninstall:
        files = desktop.uninstall(base)
        lines = [f"removed {len(files)} files from {base}"]
    else:
        command = desktop.launcher()
        files = desktop.install(base, command)
        lines = [f"installed {len(files)} files into {base}", f"the menu entry runs: {' '.join(command)} FILE"]
    lines += desktop.refresh(base, make_default=not args.uninstall)
    _write("\n".join(lines) + "\n")
    return 0


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that subcommand's (so that its choices, which
    import the store and the formats, are not built for another)."""
    parser = argparse.ArgumentParser(prog="annotator", description="Annotate Chinese documents.")
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command")
    if only is None or only not in ("normalize", "corpus"):
        from .exchange.formats import FORMATS, READABLE
        from .store.models import STATUSES
    else:
        FORMATS, READABLE, STATUSES = {}, (), ()

    p = sub.add_parser("normalize", help="print the normalized text of a page")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="one JSON object: text, raw_text, map, excluded, meta, flags")
    p.add_argument("--fullwidth-punctuation", action="store_true", help="，：；？！（） next to Chinese")
    p.add_argument("--keep-traditional", action="store_true", help="do not convert Traditional to Simplified")
    p.set_defaults(func=cmd_normalize)

    p = sub.add_parser("corpus", help="summarize the normalized pages of a folder (the bundled corpus by default)")
    p.add_argument("folder", type=Path, nargs="?")
    p.set_defaults(func=cmd_corpus)

    p = sub.add_parser("import", help="import files and folders into a project")
    p.add_argument("paths", nargs="+", type=Path, help=".txt, .html, .htm, .md or .jsonl files, or folders")
    p.add_argument("--project", type=Path, help="the project file (default: the default project)")
    p.add_argument("--text-field", default="text", help="the field holding the text in .jsonl files")
    p.add_argument("--workers", type=int, help="worker processes for normalizing (default: one per core)")
    p.add_argument("--format", choices=READABLE,
                   help="annotated data in this format: the text is kept as given, spans come in as 'imported'; "
                        "a file with any problem is not imported at all")
    p.add_argument("--normalize", action="store_true",
                   help="with --format: normalize the annotated text too (spans move with it; the given text is "
                        "kept as the raw text)")
    p.add_argument("--annotations", choices=("first", "latest", "all"), default="first",
                   help="label-studio: which of a task's annotations (all: each annotator's spans, with their "
                        "annotator; default first)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("suggest", help="suggest spans for every document not yet done; --apply stores them")
    p.add_argument("--project", type=Path, help="the project file (default: the default project)")
    p.add_argument("--apply", action="store_true",
                   help="store the suggestions as spans with origin suggested (again adds nothing)")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("export", help="write the project's documents and spans as a dataset")
    p.add_argument("--project", type=Path, help="the project file (default: the default project)")
    p.add_argument("--format", required=True, choices=list(FORMATS))
    p.add_argument("--out", required=True, type=Path,
                   help="the file (a folder for brat, or with --split: a folder with one file a part)")
    p.add_argument("--status", action="append", choices=STATUSES,
                   help="only documents with this status (repeat for several)")
    p.add_argument("--labels", help="only spans with these labels, comma-separated")
    p.add_argument("--without-excluded", action="store_true",
                   help="cut excluded regions out of the text (offsets rebased; spans touching them left out)")
    p.add_argument("--split", help="by document, e.g. train=0.8,dev=0.1,test=0.1 (stratified by source)")
    p.add_argument("--seed", type=int, default=0, help="the split's seed (default 0)")
    p.add_argument("--bioes", action="store_true", help="conll: BIOES tags instead of BIO")
    p.add_argument("--no-docstart", action="store_true",
                   help="conll: no -DOCSTART- -X- O O lines (documents separated by an empty line, as doccano reads)")
    p.add_argument("--replace", action="store_true",
                   help="a folder export (brat, --split): replace a folder that is not empty")
    p.add_argument("--workers", type=_at_least_one, default=None,
                   help="jsonl: processes writing a large export (default: one a core, up to 4; 1: this one)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("validate", help="check an exported or annotated file: every span against its text")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=READABLE, help="(default: from the file name and its first line)")
    p.add_argument("--project", type=Path, help="also check that every label is one of this project's")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("stats", help="documents by status, spans by label and origin, annotators")
    p.add_argument("--project", type=Path, help="the project file (default: the default project)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("recover", help="copy what can be read of a damaged project into a new file")
    p.add_argument("file", type=Path, help="the damaged project file (only read)")
    p.add_argument("--out", type=Path, help="the new project file (default: NAME.recovered.annotator beside it)")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("gui", help="open the window (the default)")
    p.add_argument("file", type=Path, nargs="?", help="a project file to open (it must exist)")
    p.add_argument("--project", type=Path, help="the project file, made if missing (default: the default project)")
    p.add_argument("--screenshot", type=Path, help="write a PNG of the window and exit")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("install-desktop", help="add the app to this user's menu (Linux) and open project files with it")
    p.add_argument("--uninstall", action="store_true", help="remove what install-desktop added")
    p.set_defaults(func=cmd_install_desktop)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or _is_project_file(argv[0]):  # no command, or a file handed over by a file manager
        argv = ["gui", *argv]
    args = build_parser(argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
    return args.func(args)


def _is_project_file(arg: str) -> bool:
    if arg.startswith("-") or "." not in arg:  # an option or a command: no need to import the store
        return False
    from .store import SUFFIX

    return arg.lower().endswith(SUFFIX)
