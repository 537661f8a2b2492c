"""A status line that stays in the interface language: the text is kept as how to make it, not as words.

A label set once from `tr()` (a verify result, "Slip printed", "Ticket ... opened.") kept its English
after a switch to Chinese, because `retranslate` only re-sets the fixed texts. `say(label, make_text)`
sets `make_text()` now and calls it again on every language change, so the label is worded anew.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel

from app.ui.language import on_language_change


class _LiveText(QObject):
    """One per label: remembers how the label's current text is made."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.setObjectName("liveText")
        self._label = label
        self.make_text: Callable[[], str] | None = None
        on_language_change(label, self.refresh)

    def refresh(self) -> None:
        if self.make_text is not None:
            self._label.setText(self.make_text())


def say(label: QLabel, make_text: Callable[[], str] | None) -> None:
    """Show `make_text()` on `label`, worded again whenever the language changes; None clears it."""
    live = label.findChild(_LiveText, "liveText", Qt.FindChildOption.FindDirectChildrenOnly)
    if live is None:
        live = _LiveText(label)
    live.make_text = make_text
    if make_text is None:
        label.clear()
    else:
        live.refresh()
