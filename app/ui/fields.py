"""Input widgets with keyboard rules of their own, shared by the pages and dialogs.

`ImeiLineEdit` is the one IMEI input: where keyboard-wedge scanners type (the
digits, then Return), checked live with the Luhn digit of `app.core.identifiers`,
and saying in words what is wrong.  In a form, Return there must never submit
anything; it moves focus on, so a scan lands the cursor in the next field.  In a
dialog that asks only for the IMEI (`move_on_return=False`), Return is the
dialog's to accept.  `NextOnReturnLineEdit` gives every other one-line field the
"Return moves on" rule, so a person can fill a form without a mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.core.identifiers import IdentifierError, Imei, parse_imei

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# What people and labels put between an IMEI's digit groups; parse_imei drops these too.
_SEPARATORS = frozenset(" -./")


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
    """An IMEI field: digits (scanners and labels may add spaces or dashes), checked live.

    Signals: `imei_checked(str, bool)` with the text and whether it is a valid IMEI.
    """

    imei_checked = Signal(str, bool)
    #: Longer than an IMEI with separators ("35-209900-176148-1"); a scanner that sends more misread.
    MAX_TYPED_LENGTH = 40

    def __init__(self, parent: QWidget | None = None, *, move_on_return: bool = True) -> None:
        super().__init__(parent)
        self._move_on_return = move_on_return
        self.setMaxLength(self.MAX_TYPED_LENGTH)
        self.textChanged.connect(self._on_text_changed)

    def event(self, event: QEvent) -> bool:
        """Claim Return/Enter with any modifier before window shortcuts (Ctrl+Enter saves) see it."""
        if (
            self._move_on_return
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _RETURN_KEYS
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self._move_on_return:
            QLineEdit.keyPressEvent(self, event)  # Return reaches the dialog's default button
            return
        if event.key() in _RETURN_KEYS:  # even Ctrl+Return: a scanner's suffix must never submit
            self.returnPressed.emit()
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    def imei(self) -> Imei | None:
        """The IMEI typed or scanned when its check digit holds, else None."""
        try:
            return parse_imei(self.text())
        except IdentifierError:
            return None

    def problem(self) -> str:
        """Why the text is not an IMEI, in words a technician can act on ("" when it is one)."""
        text = self.text()
        if self.imei() is not None:
            return ""
        if not text.strip():
            return self.tr("Waiting for the scanner or the keyboard.")
        if any(not (char.isascii() and char.isdigit()) and char not in _SEPARATORS for char in text):
            return self.tr("Only digits are allowed: this is not an IMEI barcode.")
        count = sum(char.isdigit() for char in text)
        if count != 15:
            return self.tr("An IMEI has 15 digits; this has %1.").replace("%1", str(count))
        return self.tr("The check digit does not match: a digit is wrong. Scan again or check the digits.")

    def _on_text_changed(self, text: str) -> None:
        self.imei_checked.emit(text, self.imei() is not None)


class TabbingTextEdit(QPlainTextEdit):
    """A multi-line field where Tab leaves the field (no tab characters in a fault description)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(80)


class SettingComboBox(QComboBox):
    """A combo box for a setting: a stray arrow key or mouse wheel never changes it.

    A closed QComboBox takes Up/Down/PageUp/PageDown/Home/End and the wheel as "choose
    another item", which applied a setting (the interface language) on one key press.
    Here the choice is only made in the opened list (Space, F4 or Alt+Down opens it).
    """

    _STRAY = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in self._STRAY and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
            event.ignore()  # passed on to the parent, as if the box were not there
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        event.ignore()
