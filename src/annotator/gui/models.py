"""Thin Qt models over the store: they hold a page of rows, never a second copy
of the annotations; the span list is a face over the open document
(session/document.py), which rereads what each command touched."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ..session.document import OpenDocument
from ..store import DocumentInfo, Project, Span
from .plain import tip

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()

STATUS_NAMES = {
    "new": QT_TRANSLATE_NOOP("status", "new"),
    "in_progress": QT_TRANSLATE_NOOP("status", "in progress"),
    "done": QT_TRANSLATE_NOOP("status", "done"),
    "skipped": QT_TRANSLATE_NOOP("status", "skipped"),
}


ORIGIN_NAMES = {
    "manual": QT_TRANSLATE_NOOP("origin", "manual"),
    "suggested": QT_TRANSLATE_NOOP("origin", "suggested"),
    "imported": QT_TRANSLATE_NOOP("origin", "imported"),
}

# why the store opened a project read-only, as it says it (store.project), in the interface language
READ_ONLY_REASONS = {
    "the project is open in another process": QT_TRANSLATE_NOOP("readonly", "the project is open in another process"),
}


def origin_name(origin: str) -> str:
    """Where a span came from, in the interface language."""
    return QCoreApplication.translate("origin", ORIGIN_NAMES[origin]) if origin in ORIGIN_NAMES else origin


def read_only_reason(reason: str) -> str | None:
    """A known read-only reason in the interface language; ``None`` for one not known here."""
    return QCoreApplication.translate("readonly", READ_ONLY_REASONS[reason]) if reason in READ_ONLY_REASONS else None


def status_name(status: str) -> str:
    """A document status in the interface language."""
    return QCoreApplication.translate("status", STATUS_NAMES[status])


# the default schema's link types, attributes and level values; a project's own stay as they are
SCHEMA_NAMES = {
    "organizer": QT_TRANSLATE_NOOP("schema", "organizer"),
    "place": QT_TRANSLATE_NOOP("schema", "place"),
    "date": QT_TRANSLATE_NOOP("schema", "date"),
    "category": QT_TRANSLATE_NOOP("schema", "category"),
    "level": QT_TRANSLATE_NOOP("schema", "level"),
    "national": QT_TRANSLATE_NOOP("schema", "national"),
    "provincial": QT_TRANSLATE_NOOP("schema", "provincial"),
    "city": QT_TRANSLATE_NOOP("schema", "city"),
    "county": QT_TRANSLATE_NOOP("schema", "county"),
}


def schema_name(name: str) -> str:
    """A link type, attribute or choice of the label schema in the interface language."""
    return QCoreApplication.translate("schema", SCHEMA_NAMES[name]) if name in SCHEMA_NAMES else name


class _Table(QAbstractTableModel):
    """A flat table of ``self._rows`` with the header ``COLUMNS``."""

    COLUMNS: tuple[str, ...] = ()
    _rows: list

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("columns", self.COLUMNS[section])
        return None

    def retranslate(self) -> None:
        """The interface language changed: headers and translated cells again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def _row(self, index: Index):
        return self._rows[index.row()] if index.isValid() and 0 <= index.row() < len(self._rows) else None


class DocumentListModel(_Table):
    """The project's documents, fetched a page at a time as the view scrolls."""

    COLUMNS = (QT_TRANSLATE_NOOP("columns", "Title"), QT_TRANSLATE_NOOP("columns", "Source"),
               QT_TRANSLATE_NOOP("columns", "Date"), QT_TRANSLATE_NOOP("columns", "Status"),
               QT_TRANSLATE_NOOP("columns", "Spans"), QT_TRANSLATE_NOOP("columns", "Learn"))
    _SORT_KEYS = ("title", "source", "date", "status", "spans", "uncertainty")
    PAGE = 200

    def __init__(self, project: Project, parent=None):
        super().__init__(parent)
        self._project = project
        self._rows: list[DocumentInfo] = []
        self._status: str | None = None
        self._search: str | None = None
        self._order = ("id", False)
        self._total = project.count_documents()

    # filtering and sorting ------------------------------------------------------
    def set_filter(self, status: str | None = None, search: str | None = None) -> None:
        self._status, self._search = status, (search or None)
        self._reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._SORT_KEYS[column] if 0 <= column < len(self._SORT_KEYS) else "id"
        self._order = (key, order == Qt.SortOrder.DescendingOrder)
        self._reload()

    def _reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._total = self._project.count_documents(self._status, self._search)
        self.endResetModel()

    # lazy loading -------------------------------------------------------------------
    def canFetchMore(self, parent: Index = _NO_INDEX) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _NO_INDEX) -> None:
        if parent.isValid():
            return
        page = self._project.list_documents(len(self._rows), self.PAGE, self._status, self._search,
                                            order_by=self._order[0], descending=self._order[1])
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        info = self._row(index)
        if info is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (info.title or self.tr("(untitled)"), info.source or "", info.date or "",
                    status_name(info.status), info.span_count,
                    "" if info.uncertainty is None else f"{info.uncertainty:.1f}")[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole title (the list elides it), its site and file
            return tip("\n".join(x for x in (info.title, info.source, info.source_file) if x))
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        return None

    def document_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, document_id: int) -> int | None:
        for row, info in enumerate(self._rows):
            if info.id == document_id:
                return row
        return None

    def grow(self) -> None:
        """Documents were added (an import running): in the list's own order they
        come at the end, where fetching shows them without a reset; in another
        order or under a filter the list is read again."""
        total = self._project.count_documents(self._status, self._search)
        if total == self._total:
            return
        if self._order != ("id", False) or self._status is not None or self._search is not None:
            self._reload()
            return
        self._total = total
        if len(self._rows) < self.PAGE:  # the last page is in sight: show the new rows at once
            self.fetchMore()

    def refresh_document(self, document_id: int) -> None:
        """Reread one row (its status or span count changed)."""
        row = self.row_of(document_id)
        if row is None:
            return
        self._rows[row] = self._project.document_info(document_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))


class SpanListModel(_Table):
    """The spans of the open document, in text order (start, end, id): a Qt face
    over :class:`~annotator.session.document.OpenDocument`, which holds them.

    The text view paints from it too (``spans_between``), so each edit changes one
    row here and repaints the view, never re-reading 10,000 spans.  Opening a long
    document reads the spans of its first screen, then the rest (``load_rest``)."""

    COLUMNS = (QT_TRANSLATE_NOOP("columns", "Label"), QT_TRANSLATE_NOOP("columns", "Text"),
               QT_TRANSLATE_NOOP("columns", "Origin"))
    FIRST_SCREEN = OpenDocument.FIRST_SCREEN

    def __init__(self, project: Project, colors: dict[str, str], parent=None, document: OpenDocument | None = None):
        super().__init__(parent)
        self.document = document if document is not None else OpenDocument(project)
        self._colors = colors  # the window's, read once from the label schema
        self.document.subscribe(self._document_changed)

    @property
    def _rows(self):
        return self.document.rows

    @property
    def complete(self) -> bool:
        return self.document.complete

    def _document_changed(self, event: str, row: int) -> None:
        if event == "resetting":
            self.beginResetModel()
        elif event == "reset":
            self.endResetModel()
        elif event == "changed":
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        elif event == "removing":
            self.beginRemoveRows(QModelIndex(), row, row)
        elif event == "removed":
            self.endRemoveRows()
        elif event == "inserting":
            self.beginInsertRows(QModelIndex(), row, row)
        elif event == "inserted":
            self.endInsertRows()

    # the open document's, forwarded: the window, link mode and the suggestions ask here
    def show_document(self, document_id: int | None, first_screen: bool = False) -> None:
        self.document.open(document_id, first_screen)

    def load_rest(self) -> None:
        self.document.load_rest()

    def reload(self) -> None:
        self.document.reload_spans()

    def refresh_spans(self, span_ids: Iterable[int]) -> None:
        self.document.refresh_spans(span_ids)

    def spans_between(self, start: int, end: int) -> list[Span]:
        return self.document.spans_between(start, end)

    def find(self, span_id: int | None) -> Span | None:
        return self.document.find(span_id)

    def spans(self) -> list[Span]:
        return self.document.spans()

    def span_at(self, row: int) -> Span:
        return self.document.span_at(row)

    def row_of(self, span_id: int) -> int | None:
        return self.document.row_of(span_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        span = self._row(index)
        if span is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (span.label, span.text, origin_name(span.origin))[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return QColor(self._colors.get(span.label, "#cccccc"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(f"{span.start}–{span.end} · {span.annotator}")
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        return None


def _order(span: Span) -> tuple[int, int, int]:
    return (span.start, span.end, span.id)  # the store's order


class FixedSpans:
    """A few spans that never change (the raw page's one highlighted span), with
    the span list's reading interface, for the text view."""

    def __init__(self, spans: list[Span]):
        self._rows = sorted(spans, key=_order)

    def spans_between(self, start: int, end: int) -> list[Span]:
        return [s for s in self._rows if s.start < end and s.end > start]

    def find(self, span_id: int | None) -> Span | None:
        return next((s for s in self._rows if s.id == span_id), None)
