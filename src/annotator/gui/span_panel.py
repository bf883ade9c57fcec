"""The selected span's panel: its attributes, its links and its canonical program.

Editors are built from the label's schema (a combo box per choice attribute,
"not set" first), links are listed by type with a button that starts link mode
and one that removes each link, and a program span shows its catalog entry or
the proposals of :func:`annotator.catalog.propose` to confirm.  Every change is
a session command run through the window (so Ctrl+Z undoes it); the panel reads
the store again when a command runs or is undone and when another span is
selected.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..catalog import CONFIDENT, Proposal, propose
from ..session import Command, DeleteLink, SetAttributes, UnlinkProgram, confirm
from ..store import Label, Project, Relation, Span
from .models import SpanListModel, schema_name
from .plain import tip
from .reasons import reason_text


_ORDER = ("organizer", "place", "date")  # the order; a project's own types after these


class SpanPanel(QScrollArea):
    def __init__(self, project: Project, spans: SpanListModel, execute: Callable[[Command], bool],
                 start_link: Callable[[str], None], parent=None):
        super().__init__(parent, objectName="spanPanel")
        self._project, self._spans, self._execute, self._start_link = project, spans, execute, start_link
        self._labels: dict[str, Label] = {}
        self._span: Span | None = None
        self._form_of: tuple[str, str] | None = None  # the label and schema the editors were built for
        self.editors: dict[str, QComboBox] = {}
        self._proposals: dict[str, list[Proposal]] = {}  # by span text, until the next command

        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = QLabel(objectName="spanHeading", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.attributes_box = QGroupBox(objectName="attributesBox")
        self.form = QFormLayout(self.attributes_box)
        self.no_attributes = QLabel(objectName="noAttributes", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.form.addRow(self.no_attributes)
        self.links_box = QGroupBox(objectName="linksBox")
        self.links_layout = QVBoxLayout(self.links_box)
        self.catalog_box = QGroupBox(objectName="catalogBox")
        catalog = QVBoxLayout(self.catalog_box)
        self.program = QLabel(objectName="canonicalProgram", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.proposals = QComboBox(objectName="programProposals")
        self.proposals.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(objectName="confirmProgram")
        self.unlink_button = QPushButton(objectName="unlinkProgram")
        self.confirm_button.clicked.connect(self._confirm)
        self.unlink_button.clicked.connect(self._unlink)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch()
        for w in (self.program, self.proposals):
            catalog.addWidget(w)
        catalog.addLayout(buttons)
        for w in (self.heading, self.attributes_box, self.links_box, self.catalog_box):
            layout.addWidget(w)
        layout.addStretch()
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.retranslate()

    # what is shown ------------------------------------------------------------------------
    def show_span(self, span_id: int | None) -> None:
        """Show the span the text view selected (``None``: none)."""
        self._span = self._project.find_span(span_id) if span_id is not None else None
        self.refresh()

    def commands_ran(self) -> None:
        """A command was done, undone or redone: what the panel shows may have changed."""
        self._proposals.clear()
        self._labels = {}
        if self._span is not None:
            self.show_span(self._span.id)

    def retranslate(self) -> None:
        self.attributes_box.setTitle(self.tr("Attributes"))
        self.links_box.setTitle(self.tr("Links"))
        self.catalog_box.setTitle(self.tr("Catalog"))
        self.confirm_button.setText(self.tr("Confirm"))
        self.unlink_button.setText(self.tr("Unlink"))
        self._form_of = None  # the combo boxes' texts too
        self.refresh()

    def refresh(self) -> None:
        span = self._span
        for box in (self.attributes_box, self.links_box):
            box.setVisible(span is not None)
        if span is None:
            self.heading.setText(self.tr("Select a span to see its attributes, links and program."))
            self.catalog_box.hide()
            return
        if not self._labels:
            self._labels = {label.name: label for label in self._project.labels()}
        label = self._labels.get(span.label)
        self.heading.setText(self.tr("{0} ({1}): “{2}”").format(span.label, label.zh if label else "", span.text))
        self._show_attributes(span, label.attributes if label else {})
        self._show_links(span)
        self.catalog_box.setVisible(label is not None and label.kind == "program")
        if label is not None and label.kind == "program":
            self._show_program(span)

    def focus_editors(self) -> None:
        """Keyboard: to the first attribute's editor (or the first button)."""
        target = next(iter(self.editors.values()), None) or self.links_box.findChild(QPushButton)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.ensureWidgetVisible(target)

    # attributes ---------------------------------------------------------------------------
    def _show_attributes(self, span: Span, definitions: dict) -> None:
        key = (span.label, repr(definitions))
        if key != self._form_of:
            self._form_of = key
            for editor in self.editors.values():
                self.form.removeRow(editor)
            self.editors = {}
            for name, d in definitions.items():
                editor = QComboBox(objectName=f"attribute_{name}")
                editor.addItem(self.tr("(not set)") if d.get("optional") else self.tr("(not set yet)"), None)
                for choice in d["choices"]:
                    editor.addItem(schema_name(choice), choice)
                editor.activated.connect(lambda index, name=name, editor=editor: self._set(name, editor, index))
                self.form.addRow(schema_name(name), editor)
                editor.show()  # now, not from the event loop: F2 may focus it at once
                self.editors[name] = editor
            self.no_attributes.setVisible(not definitions)
            self.no_attributes.setText(self.tr("{0} spans have no attributes.").format(span.label))
        for name, editor in self.editors.items():
            value = span.attributes.get(name)
            index = editor.findData(value) if value is not None else 0
            if index < 0:  # a value the schema no longer lists: shown as it is
                editor.addItem(str(value), value)
                index = editor.count() - 1
            editor.setCurrentIndex(index)

    def _set(self, name: str, editor: QComboBox, index: int) -> None:
        span = self._span
        if span is None:
            return
        value = editor.itemData(index)
        if value == span.attributes.get(name):
            return
        if not self._execute(SetAttributes(span.document_id, span.id, {name: value})):
            self.refresh()  # not saved: show what the store holds

    # links --------------------------------------------------------------------------------
    def _show_links(self, span: Span) -> None:
        _clear(self.links_layout)
        relations = self._project.relations_of(span.id)
        outgoing = sorted((t for t in self._project.link_types() if t.head == span.label),
                          key=lambda t: (_ORDER.index(t.type) if t.type in _ORDER else len(_ORDER), t.type))
        for t in outgoing:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("{0} ({1})").format(schema_name(t.type), t.tail),
                                 textFormat=Qt.TextFormat.PlainText), 1)
            start = QPushButton(self.tr("Link…"), objectName=f"link_{t.type}")
            start.setToolTip(tip(self.tr("Then click a {0} span, or Tab to one and press Enter").format(t.tail)))
            start.clicked.connect(lambda _=False, type=t.type: self._start_link(type))
            row.addWidget(start)
            self.links_layout.addLayout(row)
            for r in relations:
                if r.head == span.id and r.type == t.type:
                    self._link_row(r, f"    “{self._text_of(r.tail)}”")
        incoming = [r for r in relations if r.tail == span.id]
        for r in incoming:
            self._link_row(r, self.tr("{0} of “{1}”").format(schema_name(r.type), self._text_of(r.head)))
        if not outgoing and not incoming:
            self.links_layout.addWidget(QLabel(self.tr("No links go from {0} spans.").format(span.label),
                                               wordWrap=True, textFormat=Qt.TextFormat.PlainText))

    def _text_of(self, span_id: int) -> str:
        other = self._spans.find(span_id) or self._project.find_span(span_id)
        return other.text if other is not None else "?"

    def _link_row(self, relation: Relation, text: str) -> None:
        row = QHBoxLayout()
        row.addWidget(QLabel(text, wordWrap=True, textFormat=Qt.TextFormat.PlainText), 1)
        remove = QPushButton(self.tr("Remove"), objectName=f"removeLink_{relation.id}")
        remove.clicked.connect(lambda: self._execute(DeleteLink(relation.document_id, relation.id)))
        row.addWidget(remove)
        self.links_layout.addLayout(row)

    # the catalog ----------------------------------------------------------------------------
    def _show_program(self, span: Span) -> None:
        linked = self._project.find_program(span.program_id) if span.program_id is not None else None
        self.proposals.setVisible(linked is None)
        self.confirm_button.setVisible(linked is None)
        self.unlink_button.setVisible(linked is not None)
        if linked is not None:
            parent = self._project.find_program(linked.parent_id) if linked.parent_id is not None else None
            text = self.tr("In the catalog: {0}").format(linked.name)
            if parent is not None:
                text += "\n" + self.tr("a variant of {0}").format(parent.name)
            self.program.setText(text)
            self.program.setToolTip(tip("\n".join(linked.aliases)))
            return
        self.program.setText(self.tr("Not in the catalog yet. Proposed:"))
        self.program.setToolTip("")
        proposals = self._proposals.get(span.text)
        if proposals is None:
            proposals = self._proposals[span.text] = propose(span.text, self._project.programs())
        self.proposals.clear()
        for p in proposals:
            self.proposals.addItem(self._describe(p), p)
            self.proposals.setItemData(self.proposals.count() - 1, tip(reason_text(p.reason or "")), Qt.ItemDataRole.ToolTipRole)
        best = 0 if proposals[0].score >= CONFIDENT else len(proposals) - 1  # as catalog.best_proposal
        self.proposals.setCurrentIndex(best)

    def _describe(self, p: Proposal) -> str:
        if not p.creates:
            return self.tr("link to {0}").format(p.name)
        if p.parent_name:
            return self.tr("new program {0}, a variant of {1}").format(p.name, p.parent_name)
        return self.tr("new program {0}").format(p.name)

    def _confirm(self) -> None:
        span, proposal = self._span, self.proposals.currentData()
        if span is not None and proposal is not None:
            self._execute(confirm(proposal, span.document_id, span.id))

    def _unlink(self) -> None:
        if self._span is not None:
            self._execute(UnlinkProgram(self._span.document_id, self._span.id))


def _clear(layout) -> None:
    """Empty a layout; its widgets go later, as one of them may be the button being clicked."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().setObjectName("")  # findChild finds the new ones
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())
            if shiboken6.isValid(item.layout()):
                item.layout().deleteLater()
