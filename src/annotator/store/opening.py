"""Opening a project file: the checks before anything is written (header,
schema, version), the writer's lock, read-only opening, migrations and the
backup made before one.

A file that is not a sound project is reported and never written to: it is
checked before the first write, and a file that needs migrating is copied first.
"""

from __future__ import annotations

import getpass
import os
import secrets
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from filelock import FileLock, Timeout

from .. import __version__
from .db import Connection, Database, Error, connect, copy_database, known_problem, now, raise_known
from .errors import ProjectDamaged, ProjectError, ProjectLocked, ProjectTooNew
from .labels import default_labels, default_link_types, insert_label
from .schema import LATEST, MIGRATIONS, TABLES

SUFFIX = ".annotator"
LOCK_WAIT = 2.0
_MAGIC = b"SQLite format 3\x00"

P = TypeVar("P", bound=Database)
Factory = Callable[[Path, Connection, str, "FileLock | None", "str | None"], P]


def default_annotator() -> str:
    try:
        return os.environ.get("ANNOTATOR_NAME") or getpass.getuser()
    except Exception:  # no user name in this environment
        return "annotator"


def wal_pending(path: Path) -> bool:
    """Whether a write-ahead log with frames lies beside the file: committed
    edits that SQLite replays when it opens the file."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def check_file(path: Path) -> None:
    """Raise :class:`ProjectDamaged` unless ``path`` looks like a whole SQLite file.

    Reads only: a damaged file must be left as it is for the user to recover.
    A main file shorter than its header says is truncated only when no
    write-ahead log is pending: a checkpoint cut short (a full disk, a kill)
    leaves the header written and the pages still in the log, which SQLite
    replays; the quick check after that judges the file."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read the project file ({exc.strerror or exc})") from None
    if not header:
        raise ProjectDamaged(f"{path}: the project file is empty (0 bytes); it holds no project")
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise ProjectDamaged(f"{path}: not a project file (it is not an SQLite database)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid_for, changes = header[92:96], header[24:28]
    if pages and valid_for == changes and pages * page_size > size and not wal_pending(path):
        raise ProjectDamaged(
            f"{path}: the project file is truncated ({size} bytes, its header says {pages * page_size})"
        )


def open_file(make: Factory, path: str | os.PathLike[str], *, annotator: str | None = None,
              create: bool = True, wait: float = LOCK_WAIT, allow_read_only: bool = True) -> P:
    """Check, lock, migrate and open (or create) a project file; ``make`` builds
    the object that holds it (:class:`~annotator.store.project.Project`)."""
    path = Path(path)
    who = annotator or default_annotator()
    exists = path.exists()
    if exists and path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    if not exists and not create:
        raise ProjectError(f"{path}: no such project file")
    if exists:
        check_file(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProjectError(f"{path}: cannot create the project's folder ({exc.strerror or exc})") from None

    if exists and allow_read_only and not _writable(path):
        return _open_read_only(make, path, who, "the file, its folder or its filesystem is read-only",
                               nobody_writes=True)
    lock = FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        if not (allow_read_only and exists):
            raise ProjectLocked(f"{path}: the project is open in another process; close it there first") from None
        return _open_read_only(make, path, who, "the project is open in another process")
    except OSError as exc:  # a read-only folder: no lock file can be made
        if not (allow_read_only and exists):
            raise ProjectError(f"{path}: cannot lock the project ({exc.strerror or exc})") from None
        return _open_read_only(make, path, who, f"cannot lock it ({exc.strerror or exc})", nobody_writes=True)
    try:
        if not path.exists():
            _create(make, path, who)
        _validate(path)
        conn = connect(path)
        project = make(path, conn, who, lock, None)
        _prepare(project, fresh=False)
        project._remember_file()
        return project
    except BaseException:
        lock.release()
        raise


def _writable(path: Path) -> bool:
    """Whether the file and its folder can be written: a project in WAL mode
    needs its -wal and -shm beside it.  (On a read-only filesystem even root
    cannot write.)"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _create(make: Factory, path: Path, who: str) -> None:
    """Make a new, empty project whole beside ``path`` and rename it into place:
    a kill leaves no file, or a valid empty project, never a 0-byte one.  The
    caller holds the lock."""
    temp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.creating")
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))  # the umask applies, as for SQLite
    except OSError as exc:
        raise ProjectError(f"{path}: cannot create the project file ({exc.strerror or exc})") from None
    try:
        project = make(temp, connect(temp), who, None, None)
        try:
            _prepare(project, fresh=True)
            project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            project.close()
        with temp.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(temp, path)
        _sync_folder(path.parent)
    except OSError as exc:
        raise ProjectError(f"{path}: cannot create the project file ({exc.strerror or exc})") from None
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-wal"), temp.with_name(temp.name + "-shm")):
            leftover.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def open_reader(make: Factory, path: str | os.PathLike[str], *, annotator: str | None = None) -> P:
    """A second, read-only connection to a project this process already has open
    (checked and migrated), for a worker thread: an SQLite connection belongs to
    the thread that made it, and an export worker process.  No lock and no checks,
    so it opens at once however large the file; it sees every committed edit."""
    path = Path(path)
    conn = connect(path, read_only=True)
    conn.execute("PRAGMA query_only = ON")
    project = make(path, conn, annotator or default_annotator(), None, "a reader")
    if project.schema_version() != LATEST:
        project.close()
        raise ProjectError(f"{path}: schema {project.schema_version()}, not {LATEST}; open it for writing first")
    return project


def open_worker(make: Factory, project: Database) -> P:
    """A second writable connection to a project this process already holds, for a
    worker thread (an SQLite connection belongs to the thread that made it), with
    the same settings (``synchronous=FULL``: a committed batch survives a kill).
    The file lock stays with the first connection; both write through SQLite's own
    locking, one short transaction at a time, so the window keeps saving edits
    while an import runs.  Close it when done."""
    if project.read_only:
        return make(project.path, connect(project.path, read_only=True), project.annotator, None,
                    project.read_only_reason)
    conn = connect(project.path)
    try:
        conn.execute("PRAGMA synchronous = FULL")
    except Error as exc:
        conn.close()
        raise_known(project.path, exc)
    return make(project.path, conn, project.annotator, None, None)


def _open_read_only(make: Factory, path: Path, who: str, reason: str, nobody_writes: bool = False) -> P:
    """Open for reading only.  ``nobody_writes``: the file cannot be written here
    (a read-only folder or filesystem), so no -shm can be made beside it; it is
    read as immutable unless a write-ahead log waits to be replayed."""
    immutable = nobody_writes and not wal_pending(path)
    _validate(path, writer_elsewhere=not immutable)
    conn = connect(path, read_only=True, immutable=immutable)
    project = make(path, conn, who, None, reason)
    if project.schema_version() < LATEST:
        conn.close()
        raise ProjectLocked(f"{path}: the project needs upgrading and is open in another process; "
                            "close it there first")
    return project


def _validate(path: Path, writer_elsewhere: bool = False) -> None:
    """Read the file through a read-only connection: schema, version, a quick check.

    With no writer elsewhere and no write-ahead log left by a crash, the file is
    read as immutable, so that checking it creates nothing beside it (no -wal,
    no -shm) when it turns out damaged."""
    pending = wal_pending(path)
    conn = connect(path, read_only=True, immutable=not (writer_elsewhere or pending))
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except Error as exc:
        problem = known_problem(path, exc)  # a query of ours failing on this file: its content is to blame
        raise problem or ProjectDamaged(f"{path}: the project file is damaged ({exc})") from None
    finally:
        conn.close()
    if problems != ["ok"]:
        raise ProjectDamaged(f"{path}: the project file is damaged ({'; '.join(problems)})")
    if version > LATEST:
        raise ProjectTooNew(f"{path}: made by a newer annotator (schema {version}; this one knows up to {LATEST}); "
                            "update the annotator to open it")
    if version == 0 and tables:
        raise ProjectDamaged(f"{path}: an SQLite database, but not an annotator project")
    missing = [t for t in TABLES if t not in tables]
    if version > 0 and missing:
        raise ProjectDamaged(f"{path}: the project file is damaged (tables missing: {', '.join(missing)})")


def _prepare(project: Database, fresh: bool) -> None:
    c = project.conn
    try:
        c.execute("PRAGMA journal_mode = WAL")
        c.execute("PRAGMA synchronous = FULL")
    except Error as exc:
        raise_known(project.path, exc)
    version = project.schema_version()
    if version < LATEST and version > 0:
        backup(project.path, c, version)
    for number in range(version + 1, LATEST + 1):
        migrate(project, number, seed=fresh and number == 1)


def migrate(project: Database, number: int, seed: bool = False) -> None:
    """Apply one migration (and, for a new project, its default labels) in one transaction."""
    with project._write("migrate", None, {"to": number}) as c:
        for sql in MIGRATIONS[number]:
            c.execute(sql)
        if number == 5:
            for lt in default_link_types():  # those whose labels the project (still) has
                c.execute("INSERT OR IGNORE INTO link_types(type, head, tail) SELECT ?, ?, ? WHERE "
                          "EXISTS (SELECT 1 FROM labels WHERE name = ?) AND EXISTS (SELECT 1 FROM labels WHERE name = ?)",
                          (lt.type, lt.head, lt.tail, lt.head, lt.tail))
        if seed:
            for position, label in enumerate(default_labels(), 1):
                insert_label(c, label, position)
            c.execute("INSERT INTO project(key, value) VALUES ('created_at', ?), ('created_by', ?)",
                      (now(), f"annotator {__version__}"))
        c.execute(f"PRAGMA user_version = {int(number)}")


def backup(path: Path, conn: Connection, version: int) -> Path:
    """Copy the project before a migration touches it: ``NAME.v1-<time>.bak`` beside it."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    try:
        copy_database(conn, target)
    except (Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise ProjectError(f"{path}: cannot back the project up before upgrading it ({exc}); "
                           "nothing was changed") from None
    return target


class CommitWatch:
    """Tells whether any connection, in any process, committed to the file since
    the watch began (SQLite's ``PRAGMA data_version`` on a connection of its own).
    Readers that all begin their transactions while nothing changed read the same
    state of the file."""

    def __init__(self, path: str | os.PathLike[str]):
        self._conn = connect(Path(path), read_only=True)
        self._first = self._version()

    def _version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def changed(self) -> bool:
        return self._version() != self._first

    def close(self) -> None:
        self._conn.close()
