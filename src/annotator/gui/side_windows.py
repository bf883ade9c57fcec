"""The windows the main window opens beside itself: the program catalog, the
statistics and the help dialogs, each made when first asked for, then shown
again; and closed with it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from .catalog_view import CatalogView
from .help import AboutDialog, GuidelinesDialog, ShortcutSheet
from .statistics_view import StatisticsView


def _bring_up(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()


class SideWindows:
    def __init__(self, parent: QWidget, project_path, show_span: Callable[[int, int], None]):
        self._parent, self._path, self._show_span = parent, project_path, show_span
        self.catalog_view: CatalogView | None = None
        self.statistics_view: StatisticsView | None = None
        self._dialogs: dict[type, QWidget] = {}

    def show_catalog(self) -> None:
        if self.catalog_view is None:
            self.catalog_view = CatalogView(self._path, self._show_span, self._parent)
        _bring_up(self.catalog_view)

    def show_statistics(self) -> None:
        if self.statistics_view is None:
            self.statistics_view = StatisticsView(self._path, self._parent)
        if self.statistics_view.isVisible():
            self.statistics_view.refresh()
        _bring_up(self.statistics_view)

    def show_guidelines(self) -> None:
        self._show_once(GuidelinesDialog)

    def show_shortcuts(self) -> None:
        self._show_once(ShortcutSheet)

    def show_about(self) -> None:
        self._show_once(AboutDialog)

    def _show_once(self, kind) -> None:
        if kind not in self._dialogs:
            self._dialogs[kind] = kind(self._parent)
        _bring_up(self._dialogs[kind])

    def close(self) -> None:
        """The main window closes: the views stop their readers first."""
        for view in (self.catalog_view, self.statistics_view):
            if view is not None:
                view.shutdown()
                view.close()
