"""Data forgetting in the window (issue 20): the wipe consent, the certificate view, and the ticket page's button.

The consent dialog shows the `data_forgetting` text in the customer's language
(everything erased, backups are theirs, it cannot be undone), takes the name and
a signature (or an explicit tick), and ends in one of three ways: agreed, refused
(recorded and printed on the slip), or closed without a decision (nothing
recorded).  The certificate dialog shows a certificate kept with the ticket, says
whether it verifies, and saves it as a file or a PDF.  `DataForgettingButton` is
what the ticket page adds: it opens the certificate when there is one, else the
consent, then runs the wipe on the one connected phone off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.clock import local_minute
from app.core.reference_data import ConsentLibrary
from app.erasure import certificate as cert
from app.erasure import records
from app.erasure.consent import DATA_FORGETTING_TEXT, WipeDecision, record_wipe_decision
from app.erasure.errors import CertificateInvalid
from app.erasure.wipe import WipeFlow
from app.errors import KnownError
from app.slip.certificate_layout import tool_words
from app.tickets.reference_in_force import reference_in_force
from app.ui.error_dialogs import show_error
from app.ui.language import CUSTOMER_LANGUAGES, on_language_change, printed_language
from app.ui.named import named
from app.ui.problem_words import problem_message
from app.ui.signature_pad import SignaturePad
from app.ui.tasks import BackgroundTasks

# The dialog result for "the customer refused" (recorded as such), beside Accepted and Rejected.
REFUSED = 2


class WipeConsentDialog(QDialog):
    """accept(): agreed; done(REFUSED): refused; reject(): closed, nothing decided."""

    def __init__(
        self,
        library: ConsentLibrary,
        ticket_number: str,
        customer_name: str = "",
        language: str = "zh_CN",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wipeConsentDialog")
        self._document = library.latest(DATA_FORGETTING_TEXT)
        self._ticket = ticket_number
        self.resize(760, 680)
        self.language = named(QComboBox(), "wipeLanguage")
        for code, name in CUSTOMER_LANGUAGES:
            self.language.addItem(name, code)
        self.heading = named(QLabel(), "wipeTitle")
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.body = named(QLabel(), "wipeBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.customer = named(QLineEdit(customer_name), "wipeCustomer")
        self.ticket_value = named(QLabel(ticket_number), "wipeTicket")
        self.pad = SignaturePad()
        self.clear_button = named(QPushButton(), "wipeClearSignature")
        self.tick = named(QCheckBox(), "wipeTick")
        self.update_tool = named(QCheckBox(), "wipeUpdateTool")
        self.buttons = QDialogButtonBox()
        self.agree_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.refuse_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self._build_layout()
        self._connect()
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self._fill()
        self.retranslate()
        on_language_change(self, self.retranslate)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        form = QFormLayout()
        self.customer_label, self.ticket_label, self.sign_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.ticket_label, self.ticket_value)
        form.addRow(self.customer_label, self.customer)
        pad_row = QHBoxLayout()
        pad_row.addWidget(self.pad, 1)
        pad_row.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 3)
        layout.addLayout(form)
        layout.addWidget(self.sign_label)
        layout.addLayout(pad_row, 1)
        layout.addWidget(self.tick)
        layout.addWidget(self.update_tool)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.language.currentIndexChanged.connect(lambda _: self._fill())
        self.customer.textChanged.connect(lambda _: self._on_changed())
        self.pad.changed.connect(self._on_changed)
        self.tick.toggled.connect(lambda _: self._on_changed())
        self.clear_button.clicked.connect(self.pad.clear)
        self.agree_button.clicked.connect(self.accept)
        self.refuse_button.clicked.connect(lambda: self.done(REFUSED))
        self.close_button.clicked.connect(self.reject)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Data forgetting"))
        self.ticket_label.setText(self.tr("Ticket"))
        self.customer_label.setText(self.tr("Customer name"))
        self.sign_label.setText(self.tr("Customer signature"))
        self.clear_button.setText(self.tr("Clear"))
        self.tick.setText(self.tr("No signature pad: the customer ticks here to decide"))
        self.update_tool.setText(self.tr("The customer also agrees to update the diagnostic tool if it is too old"))
        self.agree_button.setText(self.tr("Customer agrees: erase the phone"))
        self.refuse_button.setText(self.tr("Customer refuses"))
        self.close_button.setText(self.tr("Close without a decision"))
        self._on_changed()

    @property
    def language_code(self) -> str:
        return str(self.language.currentData())

    def _fill(self) -> None:
        text = self._document.text(self.language_code)
        self.heading.setText(text.title)
        self.body.setText(text.body)

    def _on_changed(self) -> None:
        named_ = bool(self.customer.text().strip())
        self.agree_button.setEnabled(named_ and (self.pad.has_signature or self.tick.isChecked()))
        self.refuse_button.setEnabled(named_)

    def decision(self) -> WipeDecision:
        signed = self.pad.has_signature and not self.tick.isChecked()
        return WipeDecision(
            ticket_number=self._ticket,
            signed_by=self.customer.text().strip(),
            agreed=self.result() == QDialog.DialogCode.Accepted,
            language=self.language_code,
            method="signature" if signed else "tick",
            signature_png=self.pad.png_bytes() if signed else None,
            ticked=self.tick.isChecked(),
        )


class CertificateDialog(QDialog):
    """One certificate of erasure: what it says, whether it verifies, and saving it."""

    def __init__(self, document: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificateDialog")
        self.document = document
        self.resize(720, 560)
        self.heading = named(QLabel(), "certificateTitle")
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.status = named(QLabel(), "certificateStatus")
        self.status.setWordWrap(True)
        self.fields = QFormLayout()
        self.pdf_language = named(QComboBox(), "certificateLanguage")
        for code, name in CUSTOMER_LANGUAGES:
            self.pdf_language.addItem(name, code)
        self.save_pdf = named(QPushButton(), "certificateSavePdf")
        self.save_file = named(QPushButton(), "certificateSaveFile")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.pdf_language)
        row.addWidget(self.save_pdf)
        row.addWidget(self.save_file)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addLayout(self.fields)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.save_pdf.clicked.connect(self._save_pdf)
        self.save_file.clicked.connect(self._save_file)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Certificate of erasure"))
        self.heading.setText(self.tr("Certificate of erasure"))
        self.save_pdf.setText(self.tr("Save PDF…"))
        self.save_file.setText(self.tr("Save certificate file…"))
        self._fill_fields()
        self.status.setText(self._verification_text())

    def _fill_fields(self) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        body = self.document["certificate"]
        tool = body.get("tool_result") or {}
        before = {c.get("check"): c.get("result") for c in body.get("checks_before", [])}
        after = {c.get("check"): c.get("result") for c in body.get("checks_after", [])}
        rows = (
            (self.tr("Ticket"), body.get("ticket")),
            (self.tr("Certificate"), body.get("id")),
            (self.tr("IMEI (masked)"), body.get("imei_masked")),
            (self.tr("Model"), body.get("model")),
            (self.tr("Method"), tool_words(str(body.get("method") or ""), printed_language())),
            (self.tr("Standard"), tool_words(str(body.get("standard") or ""), printed_language())),
            (self.tr("Android version"), tool.get("android_version")),
            (self.tr("Encryption before the wipe"), self._encryption_text(before.get("encryption"))),
            (self.tr("Accounts on the phone"), before.get("accounts")),
            (self.tr("Phone after the wipe"), self._after_text(after.get("left_usb"))),
            (self.tr("Technician"), body.get("technician")),
            (self.tr("Issued"), local_minute(body.get("issued_at"))),
        )
        for label, value in rows:
            shown = named(QLabel("" if value is None else str(value)), "certificateValue")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addRow(label, shown)

    def _encryption_text(self, state: object) -> str:
        return self.tr("encrypted") if state == "encrypted" else str(state or "")

    def _after_text(self, state: object) -> str:
        return self.tr("reset and left USB") if state in ("absent", "offline") else str(state or "")

    def _verification_text(self) -> str:
        try:
            checked = cert.verify_document(records.file_bytes(self.document))
        except CertificateInvalid as exc:
            return self.tr("Does not verify: %1").replace("%1", problem_message(exc))
        if checked.countersignature == "absent":
            return self.tr("Signed by this outlet; the upstream countersigns it at the next sync.")
        return self.tr("Signed by this outlet and countersigned by the upstream.")

    def _save_file(self) -> None:
        name = f"erasure-{self.document['certificate']['ticket']}.json"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save certificate file"), name, "JSON (*.json)")
        if path:
            Path(path).write_bytes(records.file_bytes(self.document))

    def _save_pdf(self) -> None:
        from app.slip.render_certificate import write_certificate_pdf

        name = f"erasure-{self.document['certificate']['ticket']}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), name, "PDF (*.pdf)")
        if path:
            write_certificate_pdf(self.document, str(self.pdf_language.currentData()), Path(path))  # type: ignore[arg-type]


def show_message(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


class DataForgettingButton(QPushButton):
    """The ticket page's entry: the certificate when there is one, else the consent and the wipe.

    `page` is the ticket page: it has `open_session()` and `detail` (the ticket shown).
    The phone is the one phone connected and authorised; the main window's device
    monitor (`window().monitor`) runs the wipe on it off the GUI thread.
    """

    def __init__(self, tasks: BackgroundTasks, page: QWidget) -> None:
        super().__init__(page)
        self.setObjectName("dataForgettingButton")
        self._tasks, self._page = tasks, page
        self.clicked.connect(self.open_for_ticket)
        self._offered = False
        on_language_change(self, self._word)
        self._word()

    def show_offer(self, pending: bool) -> None:
        """A send-in or return/exchange with no decision yet: the button asks to offer it before the phone
        leaves, in bold (the ticket page calls this for every ticket it shows)."""
        self._offered = pending
        self.setStyleSheet("font-weight: 600;" if pending else "")
        self._word()

    def _word(self) -> None:
        if self._offered:
            self.setText(self.tr("Offer data forgetting before the phone leaves the customer…"))
        else:
            self.setText(self.tr("Data forgetting…"))

    def open_for_ticket(self) -> None:
        try:
            self._open_for_ticket()
        except KnownError as problem:  # a refused decision (restriction, bad name...) is worded, not a crash
            show_error(self, problem)

    def _open_for_ticket(self) -> None:
        session = getattr(self._page, "open_session", lambda: None)()
        detail = getattr(self._page, "detail", None)
        if session is None or detail is None:
            return
        documents = records.ticket_certificates(session, detail.number)
        if documents:
            CertificateDialog(documents[-1], self).exec()
            return
        reference = reference_in_force(session.store).data
        dialog = WipeConsentDialog(reference.consents, detail.number, detail.row.customer_name, parent=self)
        outcome = dialog.exec()
        if outcome == QDialog.DialogCode.Rejected:
            return
        decision = dialog.decision()
        if outcome == REFUSED:
            record_wipe_decision(session, reference.consents, decision)
            self.show_offer(False)
            show_message(self, self.tr("Data forgetting"), self.tr("The refusal is recorded and printed on the slip."))
            return
        self._wipe(session, reference, decision, dialog.update_tool.isChecked())

    def _wipe(self, session: Any, reference: Any, decision: WipeDecision, accept_update: bool) -> None:
        monitor = getattr(self.window(), "monitor", None)
        phones = [serial for serial, state in (monitor.states() if monitor else {}).items() if state == "device"]
        if len(phones) != 1:
            text = self.tr("Connect exactly one phone (the ticket's), allow USB debugging, then try again.")
            show_message(self, self.tr("Data forgetting"), text)
            return
        assert monitor is not None
        job = record_wipe_decision(session, reference.consents, decision)
        flow = WipeFlow(session, reference)
        self.setEnabled(False)
        self._tasks.run(
            lambda: monitor.hub.run(phones[0], lambda device: flow.run(device, job.id, decision, accept_update)),
            self._on_done,
            self._on_failed,
        )

    def _on_done(self, outcome: Any) -> None:
        self.setEnabled(True)
        self.show_offer(False)
        CertificateDialog(outcome.document, self).exec()

    def _on_failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        show_error(self, error)
