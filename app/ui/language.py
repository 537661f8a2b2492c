"""The interface language: the one place the GUI learns which language it shows, and how it switches.

`current_language()` is the only source every widget reads ("en" or "zh_CN"); it is
set by `LanguageSwitcher.apply`, which also installs the app's translations and Qt's
own (`qtbase_*.qm`, so Qt's dialogs and standard buttons follow the choice).
Installing a translator makes Qt send every widget a LanguageChange event;
`on_language_change(widget, retranslate)` is the one handler of it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cmp_to_key
from pathlib import Path

from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from app.paths import RESOURCES
from app.slip.content import Language

TRANSLATIONS = RESOURCES / "translations"
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
# The customer's choice in consent dialogs, Chinese first (most customers at these counters).
CUSTOMER_LANGUAGES = (("zh_CN", LANGUAGE_NAMES["zh_CN"]), ("en", LANGUAGE_NAMES["en"]))

# Translators are application-wide, so the language they stand for is too (and any switcher replaces them).
_current = "en"
_installed: list[QTranslator] = []


def current_language() -> str:
    """The language the interface shows now: "en" or "zh_CN"."""
    return _current


def printed_language() -> Language:
    """The interface language as a slip or certificate knows languages (zh_CN, else en)."""
    return "zh_CN" if _current == "zh_CN" else "en"


def day_name(weekday: int) -> str:
    """The weekday's name (1 Monday ... 7 Sunday) in the interface language."""
    return QLocale(current_language()).dayName(weekday)


def sorted_as_in(language: str, words: list[str]) -> list[str]:
    """The words in the order a reader of `language` expects (Chinese: by pinyin), by Qt's collation."""
    collator = QCollator(QLocale(language))
    return sorted(words, key=cmp_to_key(collator.compare))


def qt_translations_dir() -> Path:
    """Where Qt keeps its own catalogues (qtbase_zh_CN.qm ...); inside the PySide6 wheel."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class LanguageSwitcher(QObject):
    """Signals: `changed(str)` with the new language code, after the translators are swapped."""

    changed = Signal(str)

    @property
    def current(self) -> str:
        return current_language()

    def apply(self, code: str) -> None:
        global _current
        code = code if code in LANGUAGE_NAMES else "en"
        for translator in _installed:
            QCoreApplication.removeTranslator(translator)
        _installed.clear()
        _current = code  # set before the translators: LanguageChange handlers read it
        if code != "en":
            self._install(TRANSLATIONS / f"repair_counter_{code}.qm")
            self._install(qt_translations_dir() / f"qtbase_{code}.qm")
        QLocale.setDefault(QLocale(code))
        self.changed.emit(code)

    @staticmethod
    def _install(path: Path) -> None:
        translator = QTranslator()
        if path.exists() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)


class _LanguageWatcher(QObject):
    """Calls `retranslate` when its widget gets a LanguageChange event (one handler for every widget)."""

    def __init__(self, widget: QObject, retranslate: Callable[[], None]) -> None:
        super().__init__(widget)
        self._retranslate = retranslate
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False  # the widget (and its children) still get the event


def on_language_change(widget: QObject, retranslate: Callable[[], None]) -> None:
    """Re-set `widget`'s texts with `retranslate()` whenever the interface language changes."""
    _LanguageWatcher(widget, retranslate)
