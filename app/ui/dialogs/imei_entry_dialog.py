"""The IMEI the technician scans or types when the phone gives none (no tool, `service call` fails).

A keyboard-wedge scanner "types" the digits into the focused field and ends with Return, so the
field has focus when the dialog opens and Return accepts only a value that passes the Luhn check
(`app.core.identifiers.parse_imei`); otherwise the dialog stays open and says why.  "Skip" closes
it with no IMEI: the run then records none.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.core.identifiers import IdentifierError, Imei, parse_imei

# Longer than an IMEI with separators ("35-209900-176148-1"); a scanner that sends more is misread.
MAX_TYPED_LENGTH = 40
# What people and labels put between the digit groups; parse_imei drops these too.
_SEPARATORS = frozenset(" -./")
_VALID_COLOUR, _INVALID_COLOUR = "#1b5e20", "#b00020"


class ImeiEntryDialog(QDialog):
    """accept(): `imei()` is a Luhn-checked IMEI; reject() ("Skip", Esc, closed): no IMEI."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imeiEntryDialog")
        self.setModal(True)
        self.resize(460, 180)
        self.explanation = QLabel(objectName="imeiExplanation")
        self.explanation.setWordWrap(True)
        self.field = QLineEdit(objectName="imeiField")
        self.field.setMaxLength(MAX_TYPED_LENGTH)
        self.field.setClearButtonEnabled(True)
        self.field.setStyleSheet("font-size: 18px; font-family: monospace;")
        self.status = QLabel(objectName="imeiStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.use_button = QPushButton(objectName="useImei")
        self.skip_button = QPushButton(objectName="skipImei")
        self.buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        # Return from the scanner must press "Use", never "Skip", whichever button last had focus.
        self.use_button.setDefault(True)
        self.skip_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(lambda _: self._check())
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self.field.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("IMEI"))
        self.explanation.setText(
            self.tr(
                "The phone did not give its IMEI. Scan the barcode on the box or the SIM tray, or type the 15 digits "
                "(dial *#06# on the phone to show them)."
            )
        )
        self.field.setPlaceholderText(self.tr("15 digits"))
        self.use_button.setText(self.tr("Use this IMEI"))
        self.skip_button.setText(self.tr("Skip (no IMEI)"))
        self._check()

    def imei(self) -> Imei | None:
        """The entered IMEI when it passes the Luhn check, else None."""
        try:
            return parse_imei(self.field.text())
        except IdentifierError:
            return None

    def _accept_if_valid(self) -> None:
        """Return and "Use" land here: a value that fails the check keeps the dialog open."""
        self._check()
        if self.imei() is not None:
            self.accept()

    def _check(self) -> None:
        """Live feedback: enable "Use" only for a valid IMEI and say what is wrong otherwise."""
        imei = self.imei()
        self.use_button.setEnabled(imei is not None)
        if imei is not None:
            self._show(self.tr("Valid IMEI (model code %1).").replace("%1", imei.tac.digits), valid=True)
        else:
            self._show(self._problem(self.field.text()), valid=False)

    def _problem(self, text: str) -> str:
        """Why `text` is not an IMEI, in words a technician can act on (parse_imei already said no)."""
        if not text.strip():
            return self.tr("Waiting for the scanner or the keyboard.")
        if any(not (char.isascii() and char.isdigit()) and char not in _SEPARATORS for char in text):
            return self.tr("Only digits are allowed: this is not an IMEI barcode.")
        count = sum(char.isdigit() for char in text)
        if count != 15:
            return self.tr("An IMEI has 15 digits; this has %1.").replace("%1", str(count))
        return self.tr("The check digit does not match: a digit is wrong. Scan again or check the digits.")

    def _show(self, message: str, *, valid: bool) -> None:
        self.status.setText(message)
        self.status.setStyleSheet(f"color: {_VALID_COLOUR if valid else _INVALID_COLOUR};")
