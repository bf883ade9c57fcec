"""The catalog view: every canonical program of the project, its regional and
themed variants under it, with occurrences, organizers, regions and dates
(:func:`annotator.catalog.catalog_page`); a search over names and aliases;
the chosen program's occurrences, each opening its document in the window
with the span selected.

Both models are thin and lazy: a page of rows at a time, read on a worker
thread (:class:`.reader.ProjectReader`) when the view scrolls or a program is
expanded, so a project of 100,000 documents never waits on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..catalog import catalog_page
from ..store import Project
from ..store.models import CatalogRow, Occurrence
from .reader import ProjectReader, ReaderWindow
from .plain import tip

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


@dataclass(eq=False)
class _Node:
    key: int
    row: CatalogRow | None  # None: the root
    parent: _Node | None
    number: int = 0  # its row under its parent
    children: list[_Node] = field(default_factory=list)
    total: int | None = None  # how many children there are, once known
    fetching: bool = False


class CatalogModel(QAbstractItemModel):
    """Programs as a tree: those without a parent at the top, a program's variants
    under it, fetched when it is expanded.  While searching, a flat list of the
    programs whose name or alias matches, variants included (with their parent)."""

    PAGE = 50
    pageLoaded = Signal()  # a page of rows arrived (the first one: the view has its rows)

    def __init__(self, reader: ProjectReader, parent=None):
        super().__init__(parent)
        self._reader = reader
        self._search: str | None = None
        self._generation = 0
        self._reset_nodes()

    def _reset_nodes(self) -> None:
        self._root = _Node(0, None, None)
        self._nodes: dict[int, _Node] = {0: self._root}

    @property
    def searching(self) -> bool:
        return self._search is not None

    def total(self) -> int | None:
        """Programs at the top level (or matching the search), once known."""
        return self._root.total

    def set_search(self, text: str) -> None:
        self._search = text.strip() or None
        self.reload()

    def reload(self) -> None:
        """Forget every row and read the first page again (the view asks for more)."""
        self.beginResetModel()
        self._generation += 1
        self._reset_nodes()
        self.endResetModel()
        self.fetchMore(_NO_INDEX)

    # structure ----------------------------------------------------------------------
    def _node(self, index: Index) -> _Node:
        return self._nodes.get(index.internalId(), self._root) if index.isValid() else self._root

    def _index_of(self, node: _Node, column: int = 0) -> QModelIndex:
        return _NO_INDEX if node is self._root else self.createIndex(node.number, column, node.key)

    def index(self, row: int, column: int, parent: Index = _NO_INDEX) -> QModelIndex:
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(self._headers())):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].key)

    def parent(self, index: Index = _NO_INDEX) -> QModelIndex:  # noqa: A003 (Qt's name)
        if not index.isValid():
            return QModelIndex()
        node = self._nodes.get(index.internalId())
        if node is None or node.parent is None:
            return QModelIndex()
        return self._index_of(node.parent)

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return len(self._headers())

    def hasChildren(self, parent: Index = _NO_INDEX) -> bool:
        node = self._node(parent)
        if node is self._root:
            return True
        return not self.searching and parent.column() == 0 and node.row is not None and node.row.children > 0

    # lazy loading -------------------------------------------------------------------
    def canFetchMore(self, parent: Index = _NO_INDEX) -> bool:
        node = self._node(parent)
        if node is not self._root and (self.searching or node.row is None or not node.row.children):
            return False
        return not node.fetching and (node.total is None or len(node.children) < node.total)

    def fetchMore(self, parent: Index = _NO_INDEX) -> None:
        node = self._node(parent)
        if not self.canFetchMore(parent):
            return
        node.fetching = True
        offset, search, generation = len(node.children), self._search, self._generation
        parent_id = None if node is self._root else node.row.id
        top_level = node is self._root and search is None

        def query(project: Project) -> tuple[list[CatalogRow], int | None]:
            rows = catalog_page(project, offset, self.PAGE, search=search, top_level=top_level, parent_id=parent_id)
            total = None
            if node is self._root and offset == 0:
                total = project.program_row_count(search=search, top_level=top_level)
            return rows, total

        self._reader.submit(query, lambda result: self._arrived(node, generation, *result),
                            lambda _error: self._arrived(node, generation, [], None))

    def _arrived(self, node: _Node, generation: int, rows: list[CatalogRow], total: int | None) -> None:
        if generation != self._generation:
            return  # a page of a search or a catalog since replaced
        node.fetching = False
        if total is not None:
            node.total = total
        elif node is not self._root and node.total is None and node.row is not None:
            node.total = node.row.children
        if not rows:
            node.total = len(node.children)
            self.pageLoaded.emit()
            return
        first = len(node.children)
        self.beginInsertRows(self._index_of(node), first, first + len(rows) - 1)
        for number, row in enumerate(rows, first):
            child = _Node(len(self._nodes), row, node, number)
            self._nodes[child.key] = child
            node.children.append(child)
        self.endInsertRows()
        self.pageLoaded.emit()

    # cells ------------------------------------------------------------------------------
    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Program"), self.tr("Occurrences"), self.tr("With variants"), self.tr("Documents"),
                self.tr("Organizers"), self.tr("Regions"), self.tr("Dates"))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def row(self, index: Index) -> CatalogRow | None:
        return self._node(index).row if index.isValid() else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name if not (self.searching and row.parent_name) else f"{row.name}  ← {row.parent_name}"
            if column == 1:
                return row.occurrences
            if column == 2:
                return row.total if row.children else ""
            if column == 3:
                return row.documents
            if column == 4:
                return ", ".join(text for text, _ in row.organizers[:3])
            if column == 5:
                return ", ".join(row.regions)
            if column == 6:  # the dates linked to its spans; the pages' own dates are in the tooltip
                return ", ".join(text for text, _ in row.dates[:3])
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = []
            if row.parent_name:
                lines.append(self.tr("Variant of {0}").format(row.parent_name))
            if row.aliases:
                lines.append(self.tr("Also named: {0}").format("、".join(row.aliases)))
            if row.dates:
                lines.append(self.tr("Dates linked: {0}").format(", ".join(text for text, _ in row.dates)))
            if row.first_date:
                pages = row.first_date if row.last_date in (None, row.first_date) \
                    else f"{row.first_date} – {row.last_date}"
                lines.append(self.tr("Pages dated: {0}").format(pages))
            if row.sampled < row.occurrences:
                lines.append(self.tr("Organizers, places and dates of its latest {0} occurrences").format(row.sampled))
            return tip("\n".join(lines)) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers()) - 1)


class OccurrenceModel(QAbstractTableModel):
    """A program's occurrences (its variants' too when asked), by document and
    position: the document's title and the text around the span."""

    PAGE = 100
    pageLoaded = Signal()

    def __init__(self, reader: ProjectReader, parent=None):
        super().__init__(parent)
        self._reader = reader
        self._rows: list[Occurrence] = []
        self._program: int | None = None
        self._variants = True
        self._total: int | None = None
        self._fetching = False
        self._generation = 0

    def show_program(self, program_id: int | None, variants: bool = True) -> None:
        self.beginResetModel()
        self._generation += 1
        self._program, self._variants = program_id, variants
        self._rows, self._total, self._fetching = [], (0 if program_id is None else None), False
        self.endResetModel()
        self.fetchMore(_NO_INDEX)

    def program_id(self) -> int | None:
        return self._program

    def total(self) -> int | None:
        return self._total

    def canFetchMore(self, parent: Index = _NO_INDEX) -> bool:
        return (not parent.isValid() and self._program is not None and not self._fetching
                and (self._total is None or len(self._rows) < self._total))

    def fetchMore(self, parent: Index = _NO_INDEX) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        program, variants, offset, generation = self._program, self._variants, len(self._rows), self._generation

        def query(project: Project) -> tuple[list[Occurrence], int | None]:
            rows = project.occurrences(program, offset, self.PAGE, variants=variants)
            return rows, (project.occurrence_count(program, variants=variants) if offset == 0 else None)

        self._reader.submit(query, lambda result: self._arrived(generation, *result),
                            lambda _error: self._arrived(generation, [], None))

    def _arrived(self, generation: int, rows: list[Occurrence], total: int | None) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if total is not None:
            self._total = total
        if not rows:
            self._total = len(self._rows)
        else:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.pageLoaded.emit()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Occurrence"))[section] if section in (0, 1) else None
        return None

    def occurrence(self, row: int) -> Occurrence:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        o = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return o.title or self.tr("(untitled)")
            return f"…{o.before}【{o.text}】{o.after}…".replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self.tr("Document {0}, characters {1}–{2}").format(o.document_id, o.start, o.end))
        if role == Qt.ItemDataRole.UserRole:
            return (o.document_id, o.span_id)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)


class CatalogView(ReaderWindow):
    """A window of its own beside the annotator window.  ``open_span(document,
    span)`` opens a document with a span selected (the window's ``show_span``)."""

    SEARCH_DELAY = 250  # ms of no typing before the search runs

    def __init__(self, path, open_span: Callable[[int, int], None], parent: QWidget | None = None):
        super().__init__(path, parent)
        self.setObjectName("catalogView")
        self._open_span = open_span
        self.model = CatalogModel(self.reader, self)
        self.occurrences = OccurrenceModel(self.reader, self)
        self.search = QLineEdit(objectName="catalogSearch", clearButtonEnabled=True)
        self.count = QLabel(objectName="catalogCount", textFormat=Qt.TextFormat.PlainText)
        self.refresh_button = QPushButton(objectName="refreshCatalog")
        self.tree = QTreeView(objectName="catalogTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 260)
        self.heading = QLabel(objectName="occurrenceHeading", textFormat=Qt.TextFormat.PlainText)
        self.variants = QCheckBox(objectName="withVariants", checked=True)
        self.occurrence_table = QTableView(objectName="occurrenceList")
        self.occurrence_table.setModel(self.occurrences)
        self.occurrence_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.occurrence_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.occurrence_table.verticalHeader().hide()
        self.occurrence_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.occurrence_table.horizontalHeader().resizeSection(0, 260)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.refresh_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.heading, 1)
        heading.addWidget(self.variants)
        lower_layout.addLayout(heading)
        lower_layout.addWidget(self.occurrence_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(lower)
        splitter.setSizes([460, 280])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=self.SEARCH_DELAY)
        self._search_timer.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_now)
        self.refresh_button.clicked.connect(self.refresh)
        self.tree.selectionModel().currentChanged.connect(self._program_chosen)
        self.variants.toggled.connect(lambda _: self._show_occurrences(self.occurrences.program_id()))
        self.model.pageLoaded.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.occurrences.pageLoaded.connect(self._update_heading)
        self.occurrences.modelReset.connect(self._update_heading)
        self.occurrence_table.activated.connect(self._occurrence_activated)
        self._chosen: CatalogRow | None = None
        self.resize(1000, 760)
        self._retranslate()

    # the catalog -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the catalog again (programs, counts and links change as the window edits)."""
        self.model.reload()
        self._chosen = None
        self.occurrences.show_program(None)

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search.text())

    def _update_count(self) -> None:
        total = self.model.total()
        if total is None:
            self.count.setText(self.tr("Loading…"))
        elif self.model.searching:
            self.count.setText(self.tr("Matching programs: {0}").format(f"{total:,}"))
        else:
            self.count.setText(self.tr("Programs: {0}").format(f"{total:,}"))

    def _program_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._chosen = self.model.row(current)
        self._show_occurrences(self._chosen.id if self._chosen is not None else None)

    def _show_occurrences(self, program_id: int | None) -> None:
        self.occurrences.show_program(program_id, self.variants.isChecked())

    def _update_heading(self) -> None:
        row, total = self._chosen, self.occurrences.total()
        if row is None:
            self.heading.setText(self.tr("Choose a program to see its occurrences"))
        elif total is None:
            self.heading.setText(self.tr("Occurrences of {0}: loading…").format(row.name))
        else:
            self.heading.setText(self.tr("Occurrences of {0}: {1}").format(row.name, f"{total:,}"))

    def _occurrence_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            document_id, span_id = self.occurrences.data(index, Qt.ItemDataRole.UserRole)
            self._open_span(document_id, span_id)

    # language and life cycle ---------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Program catalog"))
        self.search.setPlaceholderText(self.tr("Search programs and their other names"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.variants.setText(self.tr("With its variants"))
        self.model.retranslate()
        self.occurrences.retranslate()
        self._update_count()
        self._update_heading()

