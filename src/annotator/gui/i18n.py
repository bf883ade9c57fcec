"""The interface language: English (the source strings) or Simplified Chinese.

Chosen from the system locale unless the user picked one (``ui/language`` in
QSettings), and switchable while the app runs: installing a translator sends
every widget a LanguageChange event and the window retranslates itself.
Translations are Qt Linguist sources in ``resources/i18n/*.ts``, compiled to
``.qm`` at build time (``packaging/compile_translations.py``); a missing
``.qm`` means English, with a warning.
"""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES = {"en": "English", "zh_CN": "中文（简体）"}
_installed: list[QTranslator] = []


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def chosen_language() -> str:
    value = QSettings().value("ui/language")
    return value if value in LANGUAGES else system_language()


def compiled(language: str) -> str | None:
    """The path of a language's compiled translations, if they were built."""
    path = resources.files("annotator.resources").joinpath("i18n", f"annotator_{language}.qm")
    return str(path) if path.is_file() else None


def install(language: str) -> str:
    """Make ``language`` the interface language; returns the one now in use."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return "en"
    path = compiled(language)
    ours = QTranslator(app)
    if path is None or not ours.load(path):
        sys.stderr.write(f"annotator: no compiled translations for {language} "
                         "(run packaging/compile_translations.py); the interface stays in English\n")
        return "en"
    qt = QTranslator(app)  # Qt's own strings: the buttons of standard dialogs
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    return language
