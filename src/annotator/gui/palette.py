"""The label palette: one button per label that wraps onto more rows when the
window is narrow, so no label ever sits in a toolbar's overflow menu."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget


class LabelPalette(QWidget):
    SPACING = 2

    def __init__(self, actions: list[QAction], parent: QWidget | None = None):
        super().__init__(parent, objectName="labelButtons")
        self.buttons: list[QToolButton] = []
        self._height = -1
        self.set_actions(actions)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_actions(self, actions: list[QAction]) -> None:
        """One button per action, in order (again when the label schema changes)."""
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for action in actions:
            button = QToolButton(self, objectName=f"button_{action.objectName()}")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.show()
            self.buttons.append(button)
        self.relayout()

    def _place(self, width: int, move: bool) -> int:
        """Lay the buttons out in rows of ``width``; the height they take."""
        x = y = row = 0
        for button in self.buttons:
            hint = button.sizeHint()
            if x > 0 and x + hint.width() > width:
                x, y, row = 0, y + row + self.SPACING, 0
            if move:
                button.setGeometry(x, y, hint.width(), hint.height())
            x += hint.width() + self.SPACING
            row = max(row, hint.height())
        return y + row

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(width, move=False)

    def _widest(self) -> int:
        return max((b.sizeHint().width() for b in self.buttons), default=0)

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > self._widest() else sum(
            b.sizeHint().width() + self.SPACING for b in self.buttons)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = max(self.width(), self._widest())
        return QSize(self._widest(), self.heightForWidth(width))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        height = self._place(event.size().width(), move=True)
        if height != self._height:  # more or fewer rows: the toolbar grows or shrinks to them
            self._height = height
            self.updateGeometry()

    def relayout(self) -> None:
        """The buttons' texts changed (the language): place them again."""
        self._height = self._place(self.width(), move=True)
        self.updateGeometry()
