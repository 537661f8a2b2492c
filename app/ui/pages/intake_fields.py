"""Input widgets of the intake wizard that need keyboard rules of their own.

`ImeiLineEdit` is where keyboard-wedge scanners type: they send the digits
and then Return.  Return there must never submit anything; it checks the
IMEI and moves focus on, so a scan lands the cursor in the next field.
`NextOnReturnLineEdit` gives every other one-line field the same
"Return moves on" rule, so a person can fill the form without a mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from app.core.identifiers import IdentifierError, normalise_imei

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class NextOnReturnLineEdit(QLineEdit):
    """Return or Enter moves focus to the next field instead of submitting."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in _RETURN_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.returnPressed.emit()
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)


class ImeiLineEdit(NextOnReturnLineEdit):
    """An IMEI field: digits only (scanners may add spaces), checked live with Luhn.

    Signals: `imei_checked(str, bool)` with the text and whether it is a valid IMEI.
    """

    imei_checked = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(32)
        self.textChanged.connect(self._on_text_changed)

    def event(self, event: QEvent) -> bool:
        """Claim Return/Enter with any modifier before window shortcuts (Ctrl+Enter saves) see it."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _RETURN_KEYS
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in _RETURN_KEYS:  # even Ctrl+Return: a scanner's suffix must never submit
            self.returnPressed.emit()
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    def imei(self) -> str | None:
        try:
            return normalise_imei(self.text())
        except IdentifierError:
            return None

    def _on_text_changed(self, text: str) -> None:
        self.imei_checked.emit(text, self.imei() is not None)


class TabbingTextEdit(QPlainTextEdit):
    """A multi-line field where Tab leaves the field (no tab characters in a fault description)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(80)
