"""The IMEI the technician scans or types when the phone gives none (no tool, `service call` fails).

A keyboard-wedge scanner "types" the digits into the focused field and ends with Return, so the
field (the shared `ImeiLineEdit`) has focus when the dialog opens and Return accepts only a value
that passes the Luhn check; otherwise the dialog stays open and says why.  "Skip" closes it with
no IMEI: the run then records none.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.identifiers import Imei
from app.ui.fields import ImeiLineEdit
from app.ui.named import named

_VALID_COLOUR, _INVALID_COLOUR = "#1b5e20", "#b00020"


class ImeiEntryDialog(QDialog):
    """accept(): `imei()` is a Luhn-checked IMEI; reject() ("Skip", Esc, closed): no IMEI."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imeiEntryDialog")
        self.setModal(True)
        self.resize(460, 180)
        self.explanation = named(QLabel(), "imeiExplanation")
        self.explanation.setWordWrap(True)
        self.field = named(ImeiLineEdit(move_on_return=False), "imeiField")
        self.field.setClearButtonEnabled(True)
        self.field.setStyleSheet("font-size: 18px; font-family: monospace;")
        self.status = named(QLabel(), "imeiStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.use_button = named(QPushButton(), "useImei")
        self.skip_button = named(QPushButton(), "skipImei")
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
        return self.field.imei()

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
            self._show(self.field.problem(), valid=False)

    def _show(self, message: str, *, valid: bool) -> None:
        self.status.setText(message)
        self.status.setStyleSheet(f"color: {_VALID_COLOUR if valid else _INVALID_COLOUR};")
