"""Strings from documents, file names, labels and people reach the screen as
plain text.  Qt guesses: a tooltip or a message box that looks like HTML is
rendered as HTML (``<img src=…>`` loads a local file, ``&lt;b&gt;`` is decoded).
A tooltip is always rich text here, its parts escaped; labels and message boxes
are set to plain text."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def tip(text: str) -> str:
    """A tooltip that shows ``text`` literally, line breaks kept."""
    if not text:
        return ""
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def label(text: str = "", parent: QWidget | None = None, **kwargs) -> QLabel:
    return QLabel(text, parent, textFormat=Qt.TextFormat.PlainText, **kwargs)


def warn(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
