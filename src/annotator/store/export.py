"""Reading a project for export: documents with their spans a page at a time,
and the canonical JSONL line written by SQLite itself."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .db import Database
from .errors import InvalidEdit
from .models import (
    EXCLUDED_FIELDS,
    META_FIELDS,
    PROGRAM_FIELDS,
    RECORD_FIELDS,
    RELATION_FIELDS,
    SPAN_FIELDS,
    STATUSES,
    ExportDocument,
)
from .rows import to_export_document


class Export(Database):
    # export and annotated import -------------------------------------------------------
    def iter_export(self, statuses: Sequence[str] | None = None, page_size: int = 200) -> Iterator[ExportDocument]:
        """Every document (of the given statuses) with its spans, relations and
        regions, in import order.  A page of documents at a time, inside one read
        transaction: memory stays flat however large the project, and the export
        sees one state even while the window keeps saving.  SQLite gathers each
        document's spans into one JSON array, so Python parses once a document
        instead of building a row object a span."""
        where, params = self._status_filter(statuses, "d.status")
        c = self.conn
        c.execute("BEGIN")
        try:
            last = 0
            while True:
                rows = c.execute(_EXPORT_QUERY.format(where=where), (last, *params, page_size)).fetchall()
                if not rows:
                    return
                last = rows[-1][0]
                for row in rows:
                    yield to_export_document(self._whole_length(row))
        finally:
            if c.in_transaction:
                c.execute("COMMIT")

    def iter_export_json(self, statuses: Sequence[str] | None, labels: Iterable[str] | None,
                         attribute_names: Sequence[str], *, drop_excluded: bool = False, schema_version: int,
                         page_size: int = 500, ranges: Sequence[tuple[int, int]] | None = None
                         ) -> Iterator[list[tuple[int, str, bytes]]]:
        """Pages of ``(id, stored map as bytes, line)``: SQLite writes each
        document's canonical JSONL line itself (``exchange/jsonl.py`` fills it in),
        in the read transaction of :meth:`iter_export`, so :meth:`export_document`
        may be called between pages.

        The line is UTF-8 bytes with markers no JSON text can hold raw (control
        characters are escaped inside strings): ``\\x01`` where a span's ordinal id
        and again where its raw offsets go, and where the annotators go in ``meta``;
        ``\\x02`` around the spans' ``start,end`` pairs and their sorted
        annotators; and ``\\x04`` wherever the line cannot be proved equal
        to ``json.dumps`` of the record (an attribute or meta value that is not a
        string, stored JSON with ``\\u0000`` or an escaped surrogate, a region
        override, excluded text to cut): such a document is exported from
        :meth:`export_document`.  Spans come sorted by start, end and id, not
        label: spans sharing start and end must be re-sorted (the caller sees
        them in the pairs).

        With ``ranges`` (of :meth:`export_ranges`), one page for each range of
        document ids ``(after, upto]``, and only those (an export worker's share)."""
        params: dict[str, Any] = {
            "statuses": None if statuses is None else json.dumps(list(statuses)),
            "labels": None if labels is None else json.dumps(sorted(labels)),
            "names": json.dumps(list(attribute_names)),
            "empty": json.dumps(dict.fromkeys(attribute_names), ensure_ascii=False, separators=(",", ":")),
            "drop": int(drop_excluded), "schema_version": schema_version, "size": page_size, "last": 0,
            "upto": _NO_ID_ABOVE,
            "span": _EXPORT_JSON_SPAN,
        }
        if statuses is not None:
            self._status_filter(statuses)  # unknown statuses raise
        query = _EXPORT_JSON_QUERY.replace("{statuses}", "" if statuses is None else _EXPORT_JSON_STATUSES)
        for alias in ("s", "x", "h", "t"):
            query = query.replace("{labels:%s}" % alias, "" if labels is None else
                                  f"AND {alias}.label IN (SELECT value FROM json_each(:labels))")
        c = self.conn
        c.execute("BEGIN")
        try:
            if ranges is not None:
                params["size"] = -1  # no limit: the range is the page
                for params["last"], params["upto"] in ranges:
                    yield c.execute(query, params).fetchall()
                return
            while True:
                rows = c.execute(query, params).fetchall()
                if not rows:
                    return
                params["last"] = rows[-1][0]
                yield rows
        finally:
            if c.in_transaction:
                c.execute("COMMIT")

    def export_ranges(self, statuses: Sequence[str] | None, page_size: int = 500) -> list[tuple[int, int]]:
        """The documents of these statuses as ranges of ids ``(after, upto]`` of
        ``page_size`` documents each (the last may hold fewer): pages that export
        workers can share out."""
        where, params = self._status_filter(statuses)
        ends = [row[0] for row in self.conn.execute(
            "SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total "
            f"FROM documents WHERE 1 {where}) WHERE n % ? = 0 OR n = total ORDER BY id", [*params, page_size])]
        return list(zip([0, *ends], ends))

    def export_document(self, doc_id: int) -> ExportDocument:
        """One document as :meth:`iter_export` reads it."""
        row = self.conn.execute(_EXPORT_QUERY.format(where=""), (doc_id - 1, 1)).fetchone()
        if row is None or row[0] != doc_id:
            raise InvalidEdit(f"{self.path}: no document {doc_id}")
        return to_export_document(self._whole_length(row))

    def _whole_length(self, row: tuple) -> tuple:
        """The row with the raw text's length in code points: SQLite's length()
        stops at a NUL, so a raw text holding one is measured here."""
        if row[3] is not None:
            return row
        raw = self.conn.execute("SELECT raw_text FROM documents WHERE id = ?", (row[0],)).fetchone()[0]
        return (*row[:3], len(raw), *row[4:])

    def document_sources(self, statuses: Sequence[str] | None = None) -> Iterator[tuple[int, str]]:
        """(id, source) of every document, for splitting a dataset by source; the
        source is the page's own (``meta.source``), else the file it came from."""
        where, params = self._status_filter(statuses)
        yield from self.conn.execute(f"SELECT id, coalesce(source, source_file) FROM documents WHERE 1 {where} "
                                     "ORDER BY id", params)

    def has_relations(self, statuses: Sequence[str] | None = None) -> bool:
        where, params = self._status_filter(statuses, "d.status")
        return self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM relations r JOIN documents d ON d.id = r.document_id "
            f"WHERE 1 {where})", params).fetchone()[0] == 1

    def attribute_names(self) -> list[str]:
        """Every attribute name a span can carry here: the label schema's, and any
        found on a span.  An export gives every span all of them, so that each line
        has the same shape."""
        names = {name for label in self.labels() for name in label.attributes}
        names.update(row[0] for row in self.conn.execute(
            "SELECT DISTINCT j.key FROM (SELECT DISTINCT attributes FROM spans WHERE attributes != '{}') AS a, "
            "json_each(a.attributes) AS j"))  # most spans share a few sets: each parsed once
        return sorted(names)

    def _status_filter(self, statuses: Sequence[str] | None, column: str = "status") -> tuple[str, list[str]]:
        if statuses is None:
            return "", []
        unknown = [s for s in statuses if s not in STATUSES]
        if unknown:
            raise InvalidEdit(f"{self.path}: unknown status {unknown[0]!r} (one of {', '.join(STATUSES)})")
        return f"AND {column} IN ({', '.join('?' * len(statuses))})", list(statuses)


def _object(fields: Sequence[str], values: dict[str, str | None]) -> str:
    """A printf template of a JSON object of the canonical record, its fields in
    the layout's order (store/models.py); a field whose value is ``None`` is
    written by the one before it (one marker stands for both)."""
    return "{" + ",".join(f'"{f}":{values[f]}' for f in fields if values[f] is not None) + "}"


_META_STORED = META_FIELDS[:3]  # (title, date, source): read from the stored meta, the first slot writes all three
_META_TEMPLATE = _object(META_FIELDS, {"title": "%s", "date": None, "source": None, "source_file": "%s",
                                       "raw_sha256": "%s", "status": "%s", "annotators": "[%s]"})
_RECORD_TEMPLATE = _object(RECORD_FIELDS, {"id": "%d", "text": "%s", "spans": "[%s]", "relations": "[%s]",
                                           "excluded": "[%s]", "meta": _META_TEMPLATE, "normalizer": "%s",
                                           "schema_version": "%d"})
_PROGRAM_TEMPLATE = _object(PROGRAM_FIELDS, {"name": "%s", "parent": "%s"})
_RELATION_TEMPLATE = _object(RELATION_FIELDS, {"id": "%d", "head": "%d", "tail": "%d", "type": "%s"})
_EXCLUDED_TEMPLATE = _object(EXCLUDED_FIELDS, {"start": "%d", "end": "%d", "reason": "%s", "rule": "%s"})

# span s's program (p) and its parent (q), for the exports
_SPAN_PROGRAM = "FROM programs p LEFT JOIN programs q ON q.id = p.parent_id WHERE p.id = s.program_id"
# a span's catalog entry: [name, parent's name], or NULL
_EXPORT_PROGRAM = f"""CASE WHEN s.program_id IS NULL THEN NULL ELSE
  (SELECT json_array(p.name, q.name) {_SPAN_PROGRAM}) END"""
_EXPORT_QUERY = """
SELECT d.id, d.raw_sha256, d.source_file, CASE WHEN instr(d.raw_text, char(0)) THEN NULL ELSE length(d.raw_text) END,
       d.text, d.map, d.meta, d.normalizer, d.status,
       d.excluded,
       (SELECT json_group_array(json_array(s.start, s.end, s.label, s.id, s.text, json(s.attributes),
                                           s.annotator, s.origin, json(""" + _EXPORT_PROGRAM + """)))
        FROM spans s WHERE s.document_id = d.id),
       (SELECT json_group_array(json_array(r.id, r.head, r.tail, r.type)) FROM relations r WHERE r.document_id = d.id),
       (SELECT json_group_array(json_array(o.start, o.end, o.excluded, o.reason))
        FROM region_overrides o WHERE o.document_id = d.id)
FROM documents d WHERE d.id > ? {where} ORDER BY d.id LIMIT ?
"""
# The canonical JSONL line of each document of a page, written by SQLite: see
# Project.iter_export_json.  json_quote escapes exactly as json.dumps(ensure_ascii=False)
# does (tests/exchange/test_jsonl_sql.py); printf's %s only ever gets json_quote's
# output, which holds no NUL.
_EXPORT_JSON_SPANS = r"""(
  SELECT group_concat(f, ',') || char(2) || group_concat(o, ',') || char(2)
         || CASE WHEN min(annotator) = max(annotator) THEN json_quote(min(annotator)) ELSE
              (SELECT group_concat(json_quote(annotator), ',') FROM
                 (SELECT DISTINCT x.annotator FROM spans x WHERE x.document_id = d.id {labels:x} ORDER BY x.annotator))
            END || char(2)
  FROM (SELECT s.start || ',' || s.end AS o, s.annotator,
               printf(:span, s.start, s.end, json_quote(s.label), json_quote(s.text), json_quote(s.origin),
                      json_quote(s.annotator),
                      CASE WHEN s.attributes = '{}' THEN :empty
                           WHEN s.attributes LIKE '%\u0000%' OR s.attributes LIKE '%\ud%' THEN char(4)
                           ELSE (SELECT '{' || coalesce(group_concat(json_quote(n.value) || ':' ||
                                   CASE WHEN j.type IS NULL OR j.type = 'null' THEN 'null'
                                        WHEN j.type = 'text' THEN json_quote(j.value) ELSE char(4) END, ','), '') || '}'
                                 FROM json_each(:names) n LEFT JOIN json_each(s.attributes) j ON j.key = n.value) END,
                      CASE WHEN s.program_id IS NULL THEN 'null' ELSE
                        (SELECT printf('{program}', json_quote(p.name), json_quote(q.name))
                         {span_program}) END) AS f
        FROM spans s WHERE s.document_id = d.id {labels:s} ORDER BY s.start, s.end, s.id))""".replace(
    "{span_program}", _SPAN_PROGRAM).replace("{program}", _PROGRAM_TEMPLATE)
# (a parameter: SQL cannot spell the markers; printf's %s only ever gets json_quote's output
# or the attributes' JSON)
# (\x01 for the ordinal id, \x01 again for both raw offsets: jsonl.py fills them in)
_EXPORT_JSON_SPAN = _object(SPAN_FIELDS, {
    "id": "\x01", "start": "%d", "end": "%d", "label": "%s", "text": "%s", "raw_start": "\x01", "raw_end": None,
    "origin": "%s", "annotator": "%s", "attributes": "%s", "program": "%s"}).replace('{"id":\x01', "\x01", 1)
_EXPORT_JSON_RANK = """(SELECT count(*) FROM spans x WHERE x.document_id = d.id {labels:x}
    AND (x.start, x.end, x.label, x.id) <= ({a}.start, {a}.end, {a}.label, {a}.id))"""
_EXPORT_JSON_RELATIONS = """CASE WHEN EXISTS (SELECT 1 FROM relations r WHERE r.document_id = d.id) THEN coalesce((
  SELECT group_concat(f, ',') FROM (
    SELECT printf('""" + _RELATION_TEMPLATE + """', row_number() OVER (ORDER BY r.id), """ \
    + _EXPORT_JSON_RANK.replace("{a}", "h") + ", " + _EXPORT_JSON_RANK.replace("{a}", "t") + """,
                  json_quote(r.type)) AS f
    FROM relations r JOIN spans h ON h.id = r.head JOIN spans t ON t.id = r.tail
    WHERE r.document_id = d.id {labels:h} {labels:t} ORDER BY r.id)), '') ELSE '' END"""
_EXPORT_JSON_EXCLUDED = r"""CASE WHEN d.excluded = '[]' THEN ''
  WHEN :drop OR d.excluded LIKE '%\u0000%' OR d.excluded LIKE '%\ud%' THEN char(4)
  ELSE (SELECT group_concat(f, ',') FROM (
    SELECT CASE WHEN json_type(e.value, '$.start') = 'integer' AND json_type(e.value, '$.end') = 'integer'
                 AND json_type(e.value, '$.reason') = 'text' AND json_type(e.value, '$.rule') = 'text'
           THEN printf('{excluded}', e.value ->> 'start', e.value ->> 'end',
                       json_quote(e.value ->> 'reason'), json_quote(e.value ->> 'rule'))
           ELSE char(4) END AS f
    FROM json_each(d.excluded) e ORDER BY e.value ->> 'start', e.value ->> 'end', e.key)) END
  || CASE WHEN EXISTS (SELECT 1 FROM region_overrides o WHERE o.document_id = d.id) THEN char(4) ELSE '' END""".replace(
    "{excluded}", _EXCLUDED_TEMPLATE)
_EXPORT_JSON_META = r"""CASE WHEN d.meta LIKE '%\u0000%' OR d.meta LIKE '%\ud%'
    OR coalesce(json_type(d.meta, '$.title'), 'null') NOT IN ('null', 'text')
    OR coalesce(json_type(d.meta, '$.date'), 'null') NOT IN ('null', 'text')
    OR coalesce(json_type(d.meta, '$.source'), 'null') NOT IN ('null', 'text') THEN char(4)
  ELSE printf('""" + "%s" + "".join(f',"{f}":%s' for f in _META_STORED[1:]) + "', " + ", ".join(
    f"json_quote(d.meta ->> '{f}')" for f in _META_STORED) + ") END"
_NO_ID_ABOVE = 2**63 - 1
_EXPORT_JSON_QUERY = """
SELECT d.id, CAST(d.map AS BLOB), CAST(printf(
  '""" + _RECORD_TEMPLATE + """',
  d.id, json_quote(d.text), coalesce(""" + _EXPORT_JSON_SPANS + """, char(2) || char(2) || char(2)),
  """ + _EXPORT_JSON_RELATIONS + """,
  """ + _EXPORT_JSON_EXCLUDED + """,
  """ + _EXPORT_JSON_META + """,
  json_quote(d.source_file), json_quote(d.raw_sha256), json_quote(d.status), char(1), json_quote(d.normalizer),
  :schema_version) AS BLOB)
FROM documents d WHERE d.id > :last AND d.id <= :upto {statuses} ORDER BY d.id LIMIT :size
"""
_EXPORT_JSON_STATUSES = "AND d.status IN (SELECT value FROM json_each(:statuses))"
