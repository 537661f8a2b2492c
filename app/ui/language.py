"""Switching between English and Simplified Chinese at run time through Qt translation files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from app.paths import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
# The customer's choice in consent dialogs, Chinese first (most customers at these counters).
CUSTOMER_LANGUAGES = (("zh_CN", LANGUAGE_NAMES["zh_CN"]), ("en", LANGUAGE_NAMES["en"]))


class LanguageSwitcher(QObject):
    """Signals: `changed(str)` with the new language code, after the translators are swapped.

    Installing a translator makes Qt send every widget a LanguageChange event;
    widgets re-set their texts in `changeEvent`.
    """

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed: list[QTranslator] = []
        self.current = "en"

    def apply(self, code: str) -> None:
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        if code != "en":
            self._install(TRANSLATIONS / f"repair_counter_{code}.qm")
            self._install(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{code}.qm")
        QLocale.setDefault(QLocale(code))
        self.current = code
        self.changed.emit(code)

    def _install(self, path: Path) -> None:
        translator = QTranslator(self)
        if path.exists() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            self._installed.append(translator)
