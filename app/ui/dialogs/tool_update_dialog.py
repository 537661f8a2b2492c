"""The separate consent to update the on-phone Diagnostic Tool; refusing means no diagnostics."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.reference_data import ConsentLibrary
from app.diagnostics.consent import TOOL_UPDATE_TEXT
from app.diagnostics.flow import UpdateDecision
from app.diagnostics.tool_update import ToolCheck
from app.ui.language import CUSTOMER_LANGUAGES
from app.ui.named import named


class ToolUpdateDialog(QDialog):
    """accept(): the customer agreed (ticked); reject(): the customer refused."""

    def __init__(
        self, library: ConsentLibrary, check: ToolCheck, language: str = "zh_CN", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("toolUpdateDialog")
        self._document = library.latest(TOOL_UPDATE_TEXT)
        self._check = check
        self.resize(640, 400)
        self.language = named(QComboBox(), "updateLanguage")
        for code, name in CUSTOMER_LANGUAGES:
            self.language.addItem(name, code)
        self.heading = named(QLabel(), "updateTitle")
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.versions = named(QLabel(), "updateVersions")
        self.body = named(QLabel(), "updateBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.agree = named(QCheckBox(), "updateAgree")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.versions)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.agree)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(lambda _: self._fill())
        self.agree.toggled.connect(lambda on: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(on))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.retranslate()
        self._fill()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Update the diagnostic tool"))
        self.agree.setText(self.tr("The customer agrees to the update"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Update and continue"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Customer refuses: no diagnostics"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.agree.isChecked())

    def _fill(self) -> None:
        text = self._document.text(self.language_code)
        self.heading.setText(text.title)
        self.body.setText(text.body)
        installed = self._check.installed_name or self.tr("not installed")
        self.versions.setText(
            self.tr("On the phone: %1    Required: %2 or later")
            .replace("%1", installed)
            .replace("%2", self._check.required_name)
        )

    @property
    def language_code(self) -> str:
        return str(self.language.currentData())

    def decision(self) -> UpdateDecision:
        agreed = self.result() == QDialog.DialogCode.Accepted and self.agree.isChecked()
        return UpdateDecision(agreed, "tick" if agreed else "verbal", ticked=agreed, language=self.language_code)
