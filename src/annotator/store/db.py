"""The one door to SQLite: the connection, the transaction every edit goes
through, and SQLite's errors sorted by their error code.

Every edit is one ``BEGIN IMMEDIATE`` … ``COMMIT`` that also appends to the
change log; the connection runs in WAL mode with ``synchronous=FULL`` (set when
the project is opened), so a method returns only after its edit is on disk.

An error SQLite reports is either the environment's (the file is damaged, the
disk is full, another process holds the file, it cannot be written or opened):
a one-line :class:`ProjectError` naming the file; or it can only be our bug
(no such column, a syntax error, misuse of the API), and is raised as it is,
so that it reaches a crash report instead of a "Not saved".  Reads are sorted
the same way as writes.  A file found damaged is never written to again.
"""

from __future__ import annotations

import functools
import inspect
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .models import _dumps as dumps
from .errors import InvalidEdit, ProjectDamaged, ProjectError, ProjectLocked, ReadOnlyProject, StorageFull

Connection = sqlite3.Connection
Error = sqlite3.Error

_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_FORMAT}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_READ_ONLY = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH}
_CANNOT_OPEN = {sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_NOLFS}
_IO = {sqlite3.SQLITE_IOERR, sqlite3.SQLITE_PROTOCOL, sqlite3.SQLITE_NOMEM}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def known_problem(path: Path, exc: sqlite3.Error) -> ProjectError | None:
    """The :class:`ProjectError` an SQLite error means for the user, by its
    error code; ``None`` when only a bug of ours can cause it."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if code is None:
        # the sqlite3 module itself raises OperationalError without a code only
        # for text that is not UTF-8: stored bytes that were flipped
        if type(exc) is sqlite3.OperationalError:
            return ProjectDamaged(f"{path}: the project file is damaged ({text})")
        return None
    primary = code & 0xFF
    if primary in _DAMAGED:
        return ProjectDamaged(f"{path}: the project file is damaged ({text})")
    if primary == sqlite3.SQLITE_FULL:
        return StorageFull(f"{path}: the disk is full; the change was not saved and nothing else changed")
    if primary in _BUSY:
        return ProjectLocked(f"{path}: the project is busy in another process ({text})")
    if primary in _READ_ONLY:
        return ReadOnlyProject(f"{path}: the project file cannot be written ({text})")
    if primary in _CANNOT_OPEN:
        return ProjectError(f"{path}: cannot open the project file ({text})")
    if primary in _IO:
        return ProjectError(f"{path}: cannot read or write the project file ({text})")
    if primary == sqlite3.SQLITE_CONSTRAINT:
        return InvalidEdit(f"{path}: {text}")
    if primary == sqlite3.SQLITE_TOOBIG:
        return InvalidEdit(f"{path}: too large for the project file ({text})")
    return None


def connect(path: Path, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), with foreign keys on."""
    try:
        if read_only:
            flags = "mode=ro&immutable=1" if immutable else "mode=ro"
            conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?{flags}", uri=True,
                                   isolation_level=None, timeout=5)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=5)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        return conn
    except sqlite3.Error as exc:
        raise_known(path, exc)


def raise_known(path: Path, exc: sqlite3.Error) -> None:
    """Raise the :class:`ProjectError` ``exc`` means, or ``exc`` itself (a bug).
    Call it in the ``except`` clause that caught ``exc``."""
    problem = known_problem(path, exc)
    if problem is None:
        raise exc
    raise problem from exc


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """Copy an open database to a new file with SQLite's online backup."""
    dest = sqlite3.connect(target)
    try:
        with dest:
            conn.backup(dest)
    finally:
        dest.close()


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class Database:
    """An open project file: its connection, who edits, and whether it may be written."""

    def __init__(self, path: Path, conn: sqlite3.Connection, annotator: str, lock: Any,
                 read_only_reason: str | None):
        self.path = path
        self.conn = conn
        self.annotator = annotator
        self._lock = lock
        self.read_only_reason = read_only_reason
        self.damage: str | None = None  # set once the file is found damaged: never written again
        self._identity: tuple[tuple[int, int] | None, bool] | None = None
        self._whole_file_checked = False

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _remember_file(self) -> None:
        """Note which file (device, inode) is open and whether its write-ahead log
        exists, so that a file replaced or a log deleted under us is noticed
        before the next write instead of writing into a file nobody will read."""
        wal = self.path.with_name(self.path.name + "-wal")
        self._identity = (file_identity(self.path), wal.exists())

    def _check_file_unchanged(self) -> None:
        if self._identity is None:
            return
        identity, had_wal = self._identity
        wal = self.path.with_name(self.path.name + "-wal")
        if file_identity(self.path) != identity:
            self.damage = "the project file was replaced or deleted while it was open"
        elif had_wal and not wal.exists():
            self.damage = "its write-ahead log (-wal) was deleted while the project was open"
        if self.damage is not None:
            raise ProjectDamaged(f"{self.path}: {self.damage}; nothing more is saved. Close the project and "
                                 "open it again")

    def _check_whole_file(self) -> None:
        """Before the first bulk write (an import, a batch of suggestions): the full
        integrity check, once per opening.  Opening runs only the quick check, which
        passes a file whose indexes miss rows; a bulk write into such a file would
        build on the damage.  It costs about 4.5 times the quick check, once."""
        if self._whole_file_checked or self.read_only:
            return
        problems = [row[0] for row in self.conn.execute("PRAGMA integrity_check(3)")]
        self._whole_file_checked = True
        if problems != ["ok"]:
            self.damage = f"{self.path}: the project file is damaged ({problems[0]})"
            raise ProjectDamaged(f"{self.damage}; nothing was written. `annotator recover {self.path}` "
                                 "copies what can be read into a new file")

    def _on_error(self, exc: sqlite3.Error) -> None:
        problem = known_problem(self.path, exc)
        if problem is None:
            raise exc
        if isinstance(problem, ProjectDamaged):
            self.damage = str(problem)
        raise problem from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise ReadOnlyProject(f"{self.path}: opened read-only ({self.read_only_reason}); nothing was changed")
        if self.damage is not None:
            raise ProjectDamaged(f"{self.path}: not written to: {self.damage.removeprefix(f'{self.path}: ')}")
        self._check_file_unchanged()
        c = self.conn
        try:
            c.execute("BEGIN IMMEDIATE")
            yield c
            c.execute("COMMIT")
        except BaseException as exc:
            if c.in_transaction:
                try:
                    c.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite rolled back already (a full disk, an I/O error)
            if isinstance(exc, sqlite3.Error):
                self._on_error(exc)
            raise

    @contextmanager
    def _write(self, action: str, document_id: int | None, details: dict[str, Any]) -> Iterator[sqlite3.Connection]:
        """One committed transaction that also appends to the change log."""
        with self._transaction() as c:
            yield c
            c.execute(
                "INSERT INTO changes(at, annotator, action, document_id, details) VALUES (?, ?, ?, ?, ?)",
                (now(), self.annotator, action, document_id, dumps(details)),
            )

    def _one(self, sql: str, *params: Any) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        if row is None:
            raise InvalidEdit(f"{self.path}: nothing found for {params}")
        return row[0]

    def setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM project WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._write("setting", None, {"key": key, "value": value}) as c:
            c.execute("INSERT INTO project(key, value) VALUES (?, ?) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def _sorted_errors(fn: Callable) -> Callable:
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def generator(self, *args, **kwargs):
            try:
                yield from fn(self, *args, **kwargs)
            except sqlite3.Error as exc:
                self._on_error(exc)
        return generator

    @functools.wraps(fn)
    def call(self, *args, **kwargs):
        try:
            return fn(self, *args, **kwargs)
        except sqlite3.Error as exc:
            self._on_error(exc)
    return call


def sort_errors(cls: type) -> type:
    """Wrap every public method of ``cls`` so that an SQLite error it meets,
    reading or writing, is sorted by :func:`known_problem`."""
    for name in dir(cls):
        if name.startswith("_") or name in ("close",):
            continue
        attr = inspect.getattr_static(cls, name)
        if inspect.isfunction(attr):
            setattr(cls, name, _sorted_errors(attr))
    return cls
