"""The way out of a damaged project file: ``annotator recover FILE`` writes what
can still be read into a new file and leaves the damaged one as it is.

The tables are copied row by row (by rowid, stepping over rows on pages that
cannot be read), then the indexes and triggers are made afresh from the copied
rows, so damage confined to an index (which the quick check at opening can
miss) is gone, and the search indexes are rebuilt.  (SQLite's ``VACUUM INTO``
would be shorter, but SQLite 3.40 fails on the generated column of ``spans``:
"table vacuum_db.spans has 13 columns but 14 values were supplied"; and the
``.recover`` of the sqlite3 shell is not in the library.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .db import Connection, Error, connect, now
from .errors import ProjectError
from .models import _dumps
from .opening import wal_pending


@dataclass
class Recovery:
    path: Path
    out: Path
    rows: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        lost = sum(self.skipped.values())
        what = ", ".join(f"{n} {table}" for table, n in self.rows.items() if table in ("documents", "spans"))
        gaps = ", ".join(f"{table} {n}" for table, n in self.skipped.items())
        tail = f"; unreadable rows left behind in {lost} places ({gaps})" if lost else ""
        return f"{self.out}: recovered {what} from {self.path}{tail}"


def default_out(path: Path) -> Path:
    return path.with_name(f"{path.stem}.recovered{path.suffix or '.annotator'}")


def recover(path: str | os.PathLike[str], out: str | os.PathLike[str] | None = None) -> Recovery:
    """Write the readable content of ``path`` into a new project file ``out``
    (never over an existing file); ``path`` is only read."""
    path = Path(path)
    out = default_out(path) if out is None else Path(out)
    if not path.is_file():
        raise ProjectError(f"{path}: no such project file")
    if out.exists() or out.is_symlink():
        raise ProjectError(f"{out}: already exists; name a new file with --out")
    if out.resolve() == path.resolve():
        raise ProjectError(f"{out}: is the damaged file itself; name a new file with --out")
    source = connect(path, read_only=True, immutable=not wal_pending(path))
    temp = out.with_name(f".{out.name}.recovering")
    temp.unlink(missing_ok=True)
    try:
        result = _salvage(source, path, temp, out)
        os.replace(temp, out)
    except OSError as exc:
        raise ProjectError(f"{out}: cannot write the recovered project ({exc.strerror or exc})") from None
    finally:
        source.close()
        temp.unlink(missing_ok=True)
    return result


def _salvage(source: Connection, path: Path, temp: Path, out: Path) -> Recovery:
    result = Recovery(path, out)
    try:
        schema = source.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                                "ORDER BY rowid").fetchall()
        version = source.execute("PRAGMA user_version").fetchone()[0]
    except Error as exc:
        raise ProjectError(f"{path}: the list of tables is damaged too ({exc}); nothing can be recovered") from None
    virtual = [name for kind, name, _, sql in schema if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")]
    shadow = {name for name in (n for _, n, _, _ in schema) if any(name.startswith(v + "_") for v in virtual)}
    target = connect(temp)
    try:
        target.execute("BEGIN")
        for kind, name, _, sql in schema:
            if kind == "table" and name not in shadow and not name.startswith("sqlite_"):
                target.execute(sql)
        for kind, name, _, sql in schema:
            if kind == "table" and name not in shadow and name not in virtual and not name.startswith("sqlite_"):
                _copy_rows(source, target, name, "WITHOUT ROWID" in sql.upper(), result)
        for kind, name, _, sql in schema:
            if kind in ("index", "trigger", "view"):
                target.execute(sql)
        if "documents_fts" in virtual:  # external content: rebuilt from the documents
            target.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
        if "text_fts" in virtual:  # contentless: indexed again from the texts, a slice at a time
            target.execute("UPDATE project SET value = '0' WHERE key = 'text_indexed_upto'")
        target.execute("INSERT INTO changes(at, annotator, action, document_id, details) VALUES (?, ?, ?, ?, ?)",
                       (now(), "(recover)", "recover", None,
                        _dumps({"from": str(path), "skipped": result.skipped})))
        target.execute(f"PRAGMA user_version = {int(version)}")
        target.execute("COMMIT")
        _check(target, out)
    except Error as exc:
        raise ProjectError(f"{path}: cannot recover the project ({exc})") from None
    finally:
        target.close()
    return result


def _copy_rows(source: Connection, target: Connection, table: str, without_rowid: bool, result: Recovery) -> None:
    """Copy a table by rowid, stepping over rows on damaged pages (a table
    without rowids: as far as it can be read)."""
    columns = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    copied, skipped = 0, 0
    if without_rowid:
        try:
            for row in source.execute(f'SELECT {names} FROM "{table}"'):
                target.execute(f'INSERT OR IGNORE INTO "{table}"({names}) VALUES ({marks})', row)
                copied += 1
        except Error:
            skipped += 1
    else:
        insert = f'INSERT OR IGNORE INTO "{table}"(rowid, {names}) VALUES (?, {marks})'
        last, step = -(2 ** 63), 1
        while True:
            try:
                cursor = source.execute(f'SELECT rowid, {names} FROM "{table}" NOT INDEXED WHERE rowid > ? '
                                        "ORDER BY rowid", (last,))
                for row in cursor:
                    target.execute(insert, row)
                    last, copied, step = row[0], copied + 1, 1
                break
            except Error:
                if last >= 2 ** 62:
                    break
                skipped += 1
                last, step = last + step, step * 2  # past the unreadable rows, further each time
    result.rows[table] = copied
    if skipped:
        result.skipped[table] = skipped


def _check(conn: Connection, out: Path) -> None:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    if problems != ["ok"]:
        raise ProjectError(f"{out}: the recovered copy is not sound either ({'; '.join(problems)})")
