"""The program catalog: canonical programs, their variants and aliases, the
spans linked to them, and the pages of the catalog view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .db import Connection, Database, now
from .errors import InvalidEdit, ProgramInUse
from .models import CatalogRow, Occurrence, Program, Span


class Catalog(Database):
    # the program catalog ------------------------------------------------------------------
    def programs(self) -> list[Program]:
        """The whole catalog with its aliases: what a proposal compares a name with."""
        aliases: dict[int, list[str]] = {}
        for alias, program_id in self.conn.execute("SELECT alias, program_id FROM program_aliases ORDER BY alias"):
            aliases.setdefault(program_id, []).append(alias)
        return [Program(pid, name, parent, tuple(aliases.get(pid, ())))
                for pid, name, parent in self.conn.execute("SELECT id, name, parent_id FROM programs ORDER BY id")]

    def find_program(self, program_id: int) -> Program | None:
        row = self.conn.execute("SELECT id, name, parent_id FROM programs WHERE id = ?", (program_id,)).fetchone()
        if row is None:
            return None
        aliases = tuple(r[0] for r in self.conn.execute(
            "SELECT alias FROM program_aliases WHERE program_id = ? ORDER BY alias", (program_id,)))
        return Program(*row, aliases)

    def program(self, program_id: int) -> Program:
        found = self.find_program(program_id)
        if found is None:
            raise InvalidEdit(f"{self.path}: no program {program_id} in the catalog")
        return found

    def program_named(self, name: str) -> Program | None:
        """The program with this name or alias, if any."""
        program_id = program_id_named(self.conn, name)
        return None if program_id is None else self.program(program_id)

    def create_program(self, name: str, *, parent_id: int | None = None, aliases: Sequence[str] = (),
                       program_id: int | None = None) -> Program:
        """Add a canonical program.  ``program_id`` restores a deleted one (undo)."""
        name = self._free_program_name(name, None)
        aliases = [self._free_program_name(a, None) for a in aliases]
        if len({name, *aliases}) != 1 + len(aliases):
            raise InvalidEdit(f"{self.path}: a program's name and aliases must differ")
        if parent_id is not None:
            self.program(parent_id)
        stamp = now()
        details: dict[str, Any] = {"name": name, "parent": parent_id}
        with self._write("program_add", None, details) as c:
            new_id = c.execute("INSERT INTO programs(id, name, parent_id, annotator, created_at, updated_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)",
                               (program_id, name, parent_id, self.annotator, stamp, stamp)).lastrowid
            c.executemany("INSERT INTO program_aliases(alias, program_id) VALUES (?, ?)",
                          [(a, new_id) for a in aliases])
            details["program"] = new_id
        return self.program(new_id)

    def rename_program(self, program_id: int, name: str, *, keep_alias: bool = True) -> Program:
        """Rename a program; its old name stays an alias unless ``keep_alias=False``.
        Renaming to one of its own aliases swaps the two."""
        old = self.program(program_id)
        name = name.strip()
        if name == old.name:
            return old
        if name not in old.aliases:
            name = self._free_program_name(name, None)
        with self._write("program_rename", None, {"program": program_id, "name": name, "old": old.name}) as c:
            c.execute("DELETE FROM program_aliases WHERE alias = ?", (name,))
            c.execute("UPDATE programs SET name = ?, updated_at = ? WHERE id = ?", (name, now(), program_id))
            if keep_alias:
                c.execute("INSERT INTO program_aliases(alias, program_id) VALUES (?, ?)", (old.name, program_id))
        return self.program(program_id)

    def set_program_parent(self, program_id: int, parent_id: int | None) -> Program:
        """Make a program a variant of another (``None``: a program of its own)."""
        self.program(program_id)
        if parent_id is not None:
            self.program(parent_id)
            if parent_id in self._program_tree(program_id):
                raise InvalidEdit(f"{self.path}: program {parent_id} is {program_id} or one of its variants; "
                                  "a program cannot be its own parent")
        with self._write("program_parent", None, {"program": program_id, "parent": parent_id}) as c:
            c.execute("UPDATE programs SET parent_id = ?, updated_at = ? WHERE id = ?", (parent_id, now(), program_id))
        return self.program(program_id)

    def add_program_alias(self, program_id: int, alias: str) -> Program:
        self.program(program_id)
        alias = self._free_program_name(alias, None)
        with self._write("program_alias_add", None, {"program": program_id, "alias": alias}) as c:
            c.execute("INSERT INTO program_aliases(alias, program_id) VALUES (?, ?)", (alias, program_id))
        return self.program(program_id)

    def remove_program_alias(self, program_id: int, alias: str) -> Program:
        if alias not in self.program(program_id).aliases:
            raise InvalidEdit(f"{self.path}: {alias!r} is not an alias of program {program_id}")
        with self._write("program_alias_remove", None, {"program": program_id, "alias": alias}) as c:
            c.execute("DELETE FROM program_aliases WHERE alias = ? AND program_id = ?", (alias, program_id))
        return self.program(program_id)

    def merge_programs(self, source_id: int, into_id: int) -> int:
        """Fold program ``source_id`` into ``into_id``: its spans, variants and
        aliases move over, its name becomes an alias, and it is deleted.  Returns how
        many spans moved."""
        source, into = self.program(source_id), self.program(into_id)
        if source_id == into_id:
            raise InvalidEdit(f"{self.path}: cannot merge program {source_id} into itself")
        if into_id in self._program_tree(source_id):
            raise InvalidEdit(f"{self.path}: {into.name} is a variant of {source.name}; merge it into its parent, "
                              "not the other way")
        details: dict[str, Any] = {"program": source_id, "into": into_id, "name": source.name}
        with self._write("program_merge", None, details) as c:
            stamp = now()
            moved = c.execute("UPDATE spans SET program_id = ?, updated_at = ? WHERE program_id = ?",
                              (into_id, stamp, source_id)).rowcount
            c.execute("UPDATE programs SET parent_id = ?, updated_at = ? WHERE parent_id = ?",
                      (into_id, stamp, source_id))
            c.execute("UPDATE program_aliases SET program_id = ? WHERE program_id = ?", (into_id, source_id))
            c.execute("DELETE FROM programs WHERE id = ?", (source_id,))
            c.execute("INSERT INTO program_aliases(alias, program_id) VALUES (?, ?)", (source.name, into_id))
            details["spans"] = moved
        return moved

    def delete_program(self, program_id: int, *, unlink_spans: bool = False) -> int:
        """Delete a program; its variants move up to its parent.  While spans link to
        it the caller must say ``unlink_spans=True`` (or merge it instead); otherwise
        :class:`ProgramInUse`.  Returns how many spans were unlinked."""
        program = self.program(program_id)
        count = self._one("SELECT count(*) FROM spans WHERE program_id = ?", program_id)
        if count and not unlink_spans:
            raise ProgramInUse(f"{self.path}: {count} spans link to program {program.name}; unlink them or merge "
                               "the program into another", count)
        with self._write("program_delete", None, {"program": program_id, "name": program.name, "spans": count}) as c:
            stamp = now()
            c.execute("UPDATE spans SET program_id = NULL, updated_at = ? WHERE program_id = ?", (stamp, program_id))
            c.execute("UPDATE programs SET parent_id = ?, updated_at = ? WHERE parent_id = ?",
                      (program.parent_id, stamp, program_id))
            c.execute("DELETE FROM programs WHERE id = ?", (program_id,))
        return count

    def link_span(self, span_id: int, program_id: int | None) -> Span:
        """Link a program span to its canonical program (``None`` unlinks it)."""
        span = self.span(span_id)
        if program_id is not None:
            self.program(program_id)
            if self.label(span.label).kind != "program":
                raise InvalidEdit(f"{self.path}: span {span_id} is a {span.label}, not a program; only program "
                                  "spans link to the catalog")
        with self._write("span_program", span.document_id, {"span": span_id, "program": program_id}) as c:
            c.execute("UPDATE spans SET program_id = ?, updated_at = ? WHERE id = ?", (program_id, now(), span_id))
        return self.span(span_id)

    def _free_program_name(self, name: str, own_id: int | None) -> str:
        name = name.strip() if isinstance(name, str) else ""
        if not name:
            raise InvalidEdit(f"{self.path}: a program needs a name")
        taken = self.program_named(name)
        if taken is not None and taken.id != own_id:
            raise InvalidEdit(f"{self.path}: {name!r} already names program {taken.id} ({taken.name})")
        return name

    def _program_tree(self, program_id: int) -> set[int]:
        """A program and all its variants, down the tree."""
        return {row[0] for row in self.conn.execute(
            "WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT p.id FROM programs p JOIN tree ON p.parent_id = tree.id) "
            "SELECT id FROM tree", (program_id,))}

    # the catalog view ---------------------------------------------------------------------
    _PROGRAM_ORDER = {"occurrences": "n DESC, p.name", "name": "p.name"}

    def program_rows(self, offset: int = 0, limit: int = 50, *, search: str | None = None,
                     top_level: bool = False, parent_id: int | None = None,
                     order_by: str = "occurrences", sample: int = 100) -> list[CatalogRow]:
        """A page of the catalog: every program (``top_level``: those with no parent,
        for a tree; ``parent_id``: that program's variants), most annotated first,
        each with its counts, and the organizers, places and dates its links name
        (links of types ``organizer``, ``place`` and ``date``) and the dates of its
        documents, read from its latest ``sample`` occurrences (``row.sampled``)."""
        if order_by not in self._PROGRAM_ORDER:
            raise InvalidEdit(f"{self.path}: cannot sort the catalog by {order_by!r}")
        where, params = self._program_filter(search, top_level, parent_id)
        page = self.conn.execute(
            "SELECT p.id, p.name, p.parent_id, q.name, "
            "(SELECT count(*) FROM spans s WHERE s.program_id = p.id) AS n "
            f"FROM programs p LEFT JOIN programs q ON q.id = p.parent_id {where} "
            f"ORDER BY {self._PROGRAM_ORDER[order_by]} LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
        if not page:
            return []
        ids = [row[0] for row in page]
        marks = ", ".join("?" * len(ids))
        aliases: dict[int, list[str]] = {}
        for pid, alias in self.conn.execute(
                f"SELECT program_id, alias FROM program_aliases WHERE program_id IN ({marks}) ORDER BY alias", ids):
            aliases.setdefault(pid, []).append(alias)
        children = dict(self.conn.execute(
            f"SELECT parent_id, count(*) FROM programs WHERE parent_id IN ({marks}) GROUP BY parent_id", ids))
        totals = dict(self.conn.execute(
            "WITH RECURSIVE tree(root, id) AS ("
            f"SELECT id, id FROM programs WHERE id IN ({marks}) "
            "UNION SELECT tree.root, p.id FROM programs p JOIN tree ON p.parent_id = tree.id) "
            "SELECT root, sum((SELECT count(*) FROM spans s WHERE s.program_id = tree.id)) FROM tree GROUP BY root",
            ids))
        documents = dict(self.conn.execute(  # the covering index alone: no document is read
            f"SELECT program_id, count(DISTINCT document_id) FROM spans WHERE program_id IN ({marks}) "
            "GROUP BY program_id", ids))
        # links and dates: of each program's latest `sample` occurrences (by document), so
        # that a page costs the same however often its programs occur
        latest = " UNION ALL ".join(
            ["SELECT * FROM (SELECT id, program_id, document_id FROM spans WHERE program_id = ? "
             "ORDER BY document_id DESC, start DESC LIMIT ?)"] * len(ids))
        sample_params = [v for pid in ids for v in (pid, sample)]
        dates = {pid: (first, last) for pid, first, last in self.conn.execute(
            f"WITH sample(id, program_id, document_id) AS ({latest}) "
            "SELECT s.program_id, min(d.date), max(d.date) FROM sample s "
            "JOIN documents d INDEXED BY documents_date ON d.id = s.document_id "
            "GROUP BY s.program_id", sample_params)}
        links: dict[tuple[int, str], list[tuple[str, int]]] = {}
        for pid, kind, text, n in self.conn.execute(
                f"WITH sample(id, program_id, document_id) AS ({latest}) "
                "SELECT s.program_id, r.type, t.text, count(*) AS n FROM sample s "
                "JOIN relations r ON r.head = s.id AND +r.type IN ('organizer', 'place', 'date') "  # by head: one probe
                "JOIN spans t ON t.id = r.tail GROUP BY s.program_id, r.type, t.text ORDER BY n DESC, t.text",
                sample_params):
            found = links.setdefault((pid, kind), [])
            if len(found) < 5:
                found.append((text, n))
        return [CatalogRow(pid, name, parent, parent_name, tuple(aliases.get(pid, ())), children.get(pid, 0), n,
                           totals.get(pid, n), documents.get(pid, 0), tuple(links.get((pid, "organizer"), ())),
                           tuple(links.get((pid, "place"), ())), tuple(links.get((pid, "date"), ())),
                           *dates.get(pid, (None, None)), sampled=min(n, sample))
                for pid, name, parent, parent_name, n in page]

    def program_row_count(self, *, search: str | None = None, top_level: bool = False,
                          parent_id: int | None = None) -> int:
        where, params = self._program_filter(search, top_level, parent_id)
        return self._one(f"SELECT count(*) FROM programs p {where}", *params)

    def _program_filter(self, search: str | None, top_level: bool, parent_id: int | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if top_level:
            clauses.append("p.parent_id IS NULL")
        if parent_id is not None:
            clauses.append("p.parent_id = ?")
            params.append(parent_id)
        if search:
            clauses.append("(instr(p.name, ?) > 0 OR p.id IN "
                           "(SELECT program_id FROM program_aliases WHERE instr(alias, ?) > 0))")
            params += [search, search]
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def occurrences(self, program_id: int, offset: int = 0, limit: int = 100, *, variants: bool = False,
                    context: int = 20) -> list[Occurrence]:
        """The spans linked to a program (``variants``: and to its variants), by
        document and position, each with ``context`` characters either side."""
        ids = sorted(self._program_tree(program_id)) if variants else [program_id]
        marks = ", ".join("?" * len(ids))
        return [Occurrence(*row) for row in self.conn.execute(
            "SELECT s.document_id, s.id, s.start, s.end, s.text, "
            "substr(d.text, max(1, s.start + 1 - ?), min(s.start, ?)), substr(d.text, s.end + 1, ?), d.title "
            f"FROM spans s JOIN documents d ON d.id = s.document_id WHERE s.program_id IN ({marks}) "
            "ORDER BY s.document_id, s.start, s.id LIMIT ? OFFSET ?",
            (context, context, context, *ids, limit, offset))]

    def occurrence_count(self, program_id: int, *, variants: bool = False) -> int:
        ids = sorted(self._program_tree(program_id)) if variants else [program_id]
        return self._one(f"SELECT count(*) FROM spans WHERE program_id IN ({', '.join('?' * len(ids))})", *ids)

    def _catalog_entry(self, c: Connection, name: str, parent: str | None, stamp: str) -> int:
        """The program named ``name`` (or so aliased), added with ``parent`` (found or
        added the same way) when the catalog has none: an imported catalog reference.
        An existing program keeps its place in the catalog."""
        found = program_id_named(c, name)
        if found is not None:
            return found
        parent_id = None if parent is None else self._catalog_entry(c, parent, None, stamp)
        return c.execute("INSERT INTO programs(name, parent_id, annotator, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, ?)", (name.strip(), parent_id, self.annotator, stamp, stamp)).lastrowid


def program_id_named(conn: Connection, name: str) -> int | None:
    """The id of the program with this name or alias, if any."""
    row = conn.execute("SELECT id FROM programs WHERE name = ? UNION ALL "
                       "SELECT program_id FROM program_aliases WHERE alias = ?", (name.strip(), name.strip())).fetchone()
    return None if row is None else row[0]
