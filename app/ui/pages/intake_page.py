"""The intake wizard: four steps, filled from the keyboard, a scanner, or a plugged phone.

Steps: customer (a returning customer is found by phone), device, fault and
condition, agreement and estimate.  Only the fields the chosen service type
asks are shown; optional ones say so.  Return moves to the next field and
never submits (scanners end with Return); Ctrl+Return or Alt+N goes to the
next step, Alt+B back, and on the last step Ctrl+Return saves.

Each step is checked (by the service's own intake check) before the next one
shows, so a missing Model is reported on the device step.  Nothing the
technician must look at is preset: the fault category and the condition
checklist start as "not checked".  Guardian rows show only below the region's
age; "Signed by" starts with the customer's name.

"Run diagnostics" (Ctrl+D) on the device step asks the Diagnostics page for a
consented run on the plugged phone for this customer; its identity fills the
IMEI and model, and the run is filed under the ticket once it is saved.

Signals: `ticket_opened(str)` with the new ticket's number; `diagnostics_requested(object)` with a
`TicketRun`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.accounts.session import Session
from app.core.identifiers import TacCatalogue, imeis_in_scan
from app.core.privacy_catalogue import FAULTS
from app.core.roles import Permission, may
from app.diagnostics.report import RunReport
from app.diagnostics.ticket_binding import file_run_under_ticket
from app.errors import KnownError
from app.privacy_rules.children import AGE_BRACKETS, AgeDeclaration, check_declaration, needs_guardian
from app.storage.ticket_records import (
    CONDITION_ITEMS,
    MAX_PHOTO_BYTES,
    Agreement,
    ConditionPhoto,
    NewTicket,
    TicketRow,
)
from app.tickets.device_identity import DeviceIdentitySource, checked_identity
from app.tickets.errors import IntakeIncomplete
from app.tickets.intake import guardian_consent_age, intake_check, open_ticket, returning_customer
from app.tickets.moves import signature_digest
from app.tickets.service_types import FIELDS, Need, ServiceType
from app.tickets.warranty_check import shipped_reference
from app.ui.error_dialogs import show_error
from app.ui.fields import ImeiLineEdit, NextOnReturnLineEdit, TabbingTextEdit
from app.ui.language import current_language
from app.ui.live_text import say
from app.ui.named import named
from app.ui.pages.intake_labels import choice_names, field_label, step_title
from app.ui.pages.page_base import Page
from app.ui.problem_words import field_problem_text
from app.ui.tasks import BackgroundTasks
from app.ui.ticket_run import TicketRun

#: Which step each field is on, so a refused intake opens the step of its first problem.
FIELD_STEP = {
    "customer_name": 0,
    "customer_phone": 0,
    "customer_email": 0,
    "customer_address": 0,
    "courier": 0,
    "tracking_number": 0,
    "parcel_condition": 0,
    "purchase_date": 0,
    "purchase_proof": 0,
    "device_model": 1,
    "imei": 1,
    "imei2": 1,
    "serial": 1,
    "fault": 2,
    "fault_category": 2,
    "condition": 2,
    "accessories": 2,
    "photos": 2,
    "priority": 2,
    "agreement": 3,
    "estimate": 3,
    "deposit": 3,
}
STEPS = 4
#: The intake's checklist states, "not checked" first: nothing is OK until someone looked.
CONDITION_CHOICES = ("not_checked", "ok", "damaged")
#: Where a guardian's consent is needed when the region is not known yet (the strictest shipped age).
DEFAULT_GUARDIAN_AGE = 18
#: Rows outside the service-type table that a person may leave empty.
OPTIONAL_EXTRAS = frozenset({"condition_notes", "photos", "accessories", "estimate", "deposit"})
_ERROR_STYLE = "border: 2px solid #c62828;"
_Field = TypeVar("_Field", bound=QWidget)


def relabel_items(box: QComboBox, names: Mapping[object, str]) -> None:
    """Set each item's text from its data (after a language switch)."""
    for index in range(box.count()):
        box.setItemText(index, names[box.itemData(index)])


class IntakePage(Page):
    ticket_opened = Signal(str)
    diagnostics_requested = Signal(object)

    def __init__(
        self, tasks: BackgroundTasks, identity_source: DeviceIdentitySource | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("intakePage", parent)
        self._tasks, self._identity_source = tasks, identity_source
        self._software_version = ""
        self._run_id: str | None = None  # a consented run made on the device step, filed at save
        self._guardian_age = DEFAULT_GUARDIAN_AGE
        self._tacs = TacCatalogue.with_registry(
            (d.imei, d.model) for d in shipped_reference().benefits.devices.values()
        )
        self.step_label = named(QLabel(), "stepLabel")
        self.steps = named(QStackedWidget(), "intakeSteps")
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        for builder in (self._build_customer, self._build_device, self._build_fault, self._build_agreement):
            self.steps.addWidget(builder())
        self._build_buttons()
        layout = self.body
        layout.addWidget(self.step_label)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.message)
        layout.addLayout(self._button_row)
        self.service.currentIndexChanged.connect(self._on_service_changed)
        self.retranslate()
        self._on_service_changed()
        self._show_step(0)

    # --- building ----------------------------------------------------------------------------

    def _row(self, form: QFormLayout, name: str, widget: _Field) -> _Field:
        label = QLabel()
        label.setBuddy(widget)
        widget.setObjectName(name)
        form.addRow(label, widget)
        self._rows[name] = (label, widget)
        return widget

    def _build_customer(self) -> QWidget:
        page, form = named(QWidget(), "customerStep"), QFormLayout()
        self.service = self._row(form, "service_type", QComboBox())
        for service_type in ServiceType:
            self.service.addItem("", service_type.value)
        self.phone = self._row(form, "customer_phone", NextOnReturnLineEdit())
        self.phone.editingFinished.connect(self._on_phone_entered)
        self.name = self._row(form, "customer_name", NextOnReturnLineEdit())
        self.email = self._row(form, "customer_email", NextOnReturnLineEdit())
        self.address = self._row(form, "customer_address", NextOnReturnLineEdit())
        self.courier = self._row(form, "courier", NextOnReturnLineEdit())
        self.tracking = self._row(form, "tracking_number", NextOnReturnLineEdit())
        self.parcel = self._row(form, "parcel_condition", NextOnReturnLineEdit())
        self.purchase_date = self._row(form, "purchase_date", NextOnReturnLineEdit())
        self.purchase_date.setPlaceholderText("YYYY-MM-DD")
        self.proof = self._row(form, "purchase_proof", NextOnReturnLineEdit())
        self._build_age_rows(form)
        self.returning = named(QLabel(), "returningLabel")
        form.addRow(self.returning)
        page.setLayout(form)
        return page

    def _build_age_rows(self, form: QFormLayout) -> None:
        """The age bracket; under the region's age a guardian's consent is recorded (issue 8)."""
        self.age = named(QComboBox(), "ageBracket")
        for bracket in AGE_BRACKETS:
            self.age.addItem("", bracket)
        self.age.setCurrentIndex(self.age.findData("18_plus"))
        self.age.currentIndexChanged.connect(lambda _: self._show_guardian_rows())
        self.guardian = named(NextOnReturnLineEdit(), "guardianName")
        self.guardian_consents = named(QCheckBox(), "guardianConsents")
        self.age_label, self.guardian_label = QLabel(), QLabel()
        self.age_label.setBuddy(self.age)
        self.guardian_label.setBuddy(self.guardian)
        form.addRow(self.age_label, self.age)
        form.addRow(self.guardian_label, self.guardian)
        form.addRow("", self.guardian_consents)
        self._show_guardian_rows()

    def _show_guardian_rows(self) -> None:
        """The guardian's name and consent only for a customer below the region's age."""
        shown = needs_guardian(self.age.currentData(), self._guardian_age)
        for widget in (self.guardian_label, self.guardian, self.guardian_consents):
            widget.setVisible(shown)

    def _translate_age_rows(self) -> None:
        self.age_label.setText(self.tr("Customer's age"))
        self.guardian_label.setText(self.tr("Guardian's name (under-age customer)"))
        self.guardian_consents.setText(self.tr("The guardian agrees to the processing this service needs"))
        for index in range(self.age.count()):
            self.age.setItemText(index, AGE_BRACKETS[self.age.itemData(index)][1].get(current_language()))

    def age_declaration(self) -> AgeDeclaration:
        return AgeDeclaration(self.age.currentData(), self.guardian.text().strip(), self.guardian_consents.isChecked())

    def _build_device(self) -> QWidget:
        page, form = named(QWidget(), "deviceStep"), QFormLayout()
        self.run_diagnostics = named(QPushButton(), "intakeDiagnosticsButton")
        self.run_diagnostics.setAutoDefault(False)
        self.run_diagnostics.clicked.connect(self.request_diagnostics)
        self.read_phone = named(QPushButton(), "readPhoneButton")
        self.read_phone.setAutoDefault(False)
        self.read_phone.clicked.connect(self.fill_from_phone)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.run_diagnostics)
        phone_row.addWidget(self.read_phone)
        phone_row.addStretch(1)
        form.addRow(phone_row)
        self.imei = self._row(form, "imei", ImeiLineEdit())
        self.imei_status = named(QLabel(), "imeiStatus")
        form.addRow("", self.imei_status)
        self.imei2 = self._row(form, "imei2", ImeiLineEdit())
        self.model = self._row(form, "device_model", NextOnReturnLineEdit())
        self.serial = self._row(form, "serial", NextOnReturnLineEdit())
        self.imei.imei_checked.connect(self._on_imei_checked)
        page.setLayout(form)
        return page

    def _build_fault(self) -> QWidget:
        page, form = named(QWidget(), "faultStep"), QFormLayout()
        self.fault_category = self._row(form, "fault_category", QComboBox())
        self.fault_category.addItem("", "")  # not chosen yet: the step is not done until it is
        for identifier in FAULTS:
            self.fault_category.addItem("", identifier)
        self.fault = self._row(form, "fault", TabbingTextEdit())
        self.priority = self._row(form, "priority", QComboBox())
        for level in (1, 2, 3, 4):
            self.priority.addItem("", level)
        self.priority.setCurrentIndex(2)
        self.condition: dict[str, QComboBox] = {}
        for item in CONDITION_ITEMS:
            box = self._row(form, f"condition_{item}", QComboBox())
            for state in CONDITION_CHOICES:
                box.addItem("", state)
            self.condition[item] = box
        self.condition_notes = self._row(form, "condition_notes", NextOnReturnLineEdit())
        self.photos = self._row(form, "photos", self._build_photo_row())
        self.accessories = self._row(form, "accessories", NextOnReturnLineEdit())
        page.setLayout(form)
        return page

    def _build_photo_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.photo_part = named(QComboBox(), "photoPart")
        for part in (*CONDITION_ITEMS, "other"):
            self.photo_part.addItem("", part)
        self.photo_button = named(QPushButton(), "addPhotoButton")
        self.photo_button.setAutoDefault(False)
        self.photo_button.clicked.connect(self._on_add_photo)
        self.photo_count = named(QLabel(), "photoCount")
        for widget in (self.photo_part, self.photo_button, self.photo_count):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._photos: list[ConditionPhoto] = []
        return row

    def _on_add_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Condition photo"), "", self.tr("Photos (*.jpg *.jpeg *.png)")
        )
        if path:
            self.add_photo(Path(path), self.photo_part.currentData())

    def add_photo(self, path: Path, part: str) -> None:
        """Attach a condition photo (checked again by the service: JPEG/PNG, size, count)."""
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_PHOTO_BYTES + 1)
        except OSError as error:
            reason = error.strerror or str(error)  # `error` is unbound once the except block ends
            say(self.message, lambda: self.tr("Cannot read the photo: %1").replace("%1", reason))
            return
        photo = ConditionPhoto(part, data)
        if photo.media_type is None or len(data) > MAX_PHOTO_BYTES:
            say(self.message, lambda: self.tr("Photos must be JPEG or PNG files of at most 8 MB."))
            return
        self._photos.append(photo)
        self._show_photo_count()

    def _show_photo_count(self) -> None:
        self.photo_count.setText(self.tr("Photos: %1").replace("%1", str(len(self._photos))))

    def _build_agreement(self) -> QWidget:
        page = named(QWidget(), "agreementStep")
        layout = QVBoxLayout(page)
        self.agreement_text = named(QTextBrowser(), "agreementText")
        layout.addWidget(self.agreement_text, 1)
        form = QFormLayout()
        self.signed_by = self._row(form, "signed_by", NextOnReturnLineEdit())
        self.signed = self._row(form, "signed", QCheckBox())
        self.estimate = self._row(form, "estimate", NextOnReturnLineEdit())
        self.deposit = self._row(form, "deposit", NextOnReturnLineEdit())
        layout.addLayout(form)
        return page

    def _build_buttons(self) -> None:
        self.message = named(QLabel(), "intakeMessage")
        self.message.setWordWrap(True)
        self.back_button = named(QPushButton(), "backButton")
        self.next_button = named(QPushButton(), "nextButton")
        self.save_button = named(QPushButton(), "saveButton")
        for button in (self.back_button, self.next_button, self.save_button):
            button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.advance)
        self.save_button.clicked.connect(self.save)
        self._button_row = QHBoxLayout()
        self._button_row.addStretch(1)
        for button in (self.back_button, self.next_button, self.save_button):
            self._button_row.addWidget(button)
        for keys, slot in (
            ("Ctrl+Return", self.advance_or_save),
            ("Ctrl+Enter", self.advance_or_save),
            ("Alt+N", self.advance),
            ("Alt+B", self.back),
            ("Ctrl+D", self.request_diagnostics),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

    # --- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("New repair ticket"))
        self.back_button.setText(self.tr("< Back (Alt+B)"))
        self.next_button.setText(self.tr("Next (Ctrl+Enter) >"))
        self.save_button.setText(self.tr("Save ticket (Ctrl+Enter)"))
        self.read_phone.setText(self.tr("Take from the last diagnostics run"))
        self.run_diagnostics.setText(self.tr("Run diagnostics on the plugged phone (Ctrl+D)"))
        self.signed.setText(self.tr("The customer has read and signed the agreement"))
        self.photo_button.setText(self.tr("Add photo..."))
        self._show_photo_count()
        self._on_imei_checked()
        self._translate_choices()
        self._translate_age_rows()
        self._refresh_labels()
        self._show_agreement()
        self._show_step(self.steps.currentIndex())

    def _translate_choices(self) -> None:
        names = choice_names()
        names["fault"] = {"": self.tr("Not checked yet: choose one"), **names["fault"]}
        boxes = [
            ("service", self.service),
            ("photo_part", self.photo_part),
            ("priority", self.priority),
            ("fault", self.fault_category),
            *(("condition", box) for box in self.condition.values()),
        ]
        for kind, box in boxes:
            relabel_items(box, names[kind])

    def _refresh_labels(self) -> None:
        service = ServiceType(self.service.currentData())
        for name, (label, _) in self._rows.items():
            need = Need.OPTIONAL if name in OPTIONAL_EXTRAS else FIELDS[service].get(name)
            text = field_label(name)
            label.setText(text + (" " + self.tr("(optional)") if need is Need.OPTIONAL else ""))

    def _show_agreement(self) -> None:
        document = shipped_reference().consents.latest("service_agreement").text(current_language())
        self.agreement_text.setPlainText(document.title + "\n\n" + document.body)

    # --- session, steps ------------------------------------------------------------------------

    def _show_step(self, index: int) -> None:
        if index != self.steps.currentIndex():
            say(self.message, None)  # a note belongs to the step it was given on
        self.steps.setCurrentIndex(index)
        self.step_label.setText(
            self.tr("Step %1 of %2: %3")
            .replace("%1", str(index + 1))
            .replace("%2", str(STEPS))
            .replace("%3", step_title(index))
        )
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(index < STEPS - 1)
        self.save_button.setVisible(index == STEPS - 1)
        self._focus_first(index)

    def _focus_first(self, index: int) -> None:
        if index == STEPS - 1 and not self.signed_by.text().strip():
            self.signed_by.setText(self.name.text().strip())  # usually the customer signs; editable
        signer_known = bool(self.signed_by.text().strip())
        last = self.signed if signer_known else self.signed_by
        first = {0: self.phone, 1: self.imei, 2: self.fault_category, 3: last}[index]
        if self.isVisible():
            first.setFocus()

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        self._guardian_age = guardian_consent_age(session)
        self._show_guardian_rows()
        self.run_diagnostics.setVisible(may(session.role, Permission.RUN_DIAGNOSTICS))  # not for a clerk

    def begin(self) -> None:
        """The first step, cursor in the customer's phone (Ctrl+N)."""
        self._show_step(0)
        self.phone.setFocus()

    def advance(self) -> None:
        index = self.steps.currentIndex()
        if index < STEPS - 1 and self.step_is_complete(index):
            self._show_step(index + 1)

    def step_is_complete(self, index: int) -> bool:
        """The service's intake check for the fields of this step; its problems are marked here."""
        if self._session is None:
            return True
        problems = {
            name: problem
            for name, problem in intake_check(self._session, self.new_ticket()).items()
            if FIELD_STEP.get(name, 0) == index
        }
        self._mark(problems)
        if problems:
            return False
        if index == 0:
            try:
                check_declaration(self.age_declaration(), self._guardian_age)
            except KnownError as error:
                show_error(self, error)
                return False
        return True

    def request_diagnostics(self) -> None:
        """Ctrl+D: a consented run on the plugged phone for this customer (the customer step must be done)."""
        if self._session is None or not may(self._session.role, Permission.RUN_DIAGNOSTICS):
            return
        if self.steps.currentIndex() == 0:
            if not self.step_is_complete(0):
                return
            self._show_step(1)
        category = self.fault_category.currentData() or None
        self.diagnostics_requested.emit(TicketRun(self.name.text().strip(), None, category, origin="intake"))

    def take_run(self, report: RunReport | None) -> None:
        """Back from the run: its identity fills the device step, and the run waits to be filed at save."""
        self._show_step(1)
        if report is None:
            say(self.message, lambda: self.tr("No diagnostics were run: scan or type the IMEI."))
            return
        if "device_info" in report.collected:
            self._run_id = report.run_id
        self.fill_from_phone()
        if self.isVisible():
            self.model.setFocus()

    def back(self) -> None:
        if self.steps.currentIndex() > 0:
            self._show_step(self.steps.currentIndex() - 1)

    def advance_or_save(self) -> None:
        if self.steps.currentIndex() == STEPS - 1:
            self.save()
        else:
            self.advance()

    def _on_service_changed(self) -> None:
        service = ServiceType(self.service.currentData())
        for name, (label, widget) in self._rows.items():
            shown = name not in FIELD_STEP or FIELD_STEP[name] != 0 or name in FIELDS[service]
            if name in ("fault",):
                shown = name in FIELDS[service]
            label.setVisible(shown)
            widget.setVisible(shown)
        self._refresh_labels()

    # --- customer, device ------------------------------------------------------------------------

    def _on_phone_entered(self) -> None:
        if self._session is None or not self.phone.text().strip():
            return
        found = returning_customer(self._session, self.phone.text())
        if found is None:
            self.returning.setText(self.tr("New customer"))
            return
        self.returning.setText(self.tr("Returning customer: details filled in; check them with the customer"))
        for widget, value in ((self.name, found.name), (self.email, found.email), (self.address, found.address)):
            if widget.isVisibleTo(self) and not widget.text():
                widget.setText(value)

    def _on_imei_checked(self, _text: str = "", valid: bool = False) -> None:
        imei = self.imei.imei()
        if imei is None:
            self.imei_status.setText(self.imei.problem() if self.imei.text() else "")
            return
        hint = self._tacs.model_hint(imei.digits)
        self.imei_status.setText(self.tr("IMEI valid") + (f" - {hint}" if hint else ""))
        if hint and not self.model.text():
            self.model.setText(hint)

    def scanned(self, text: str) -> None:
        """A serial 2D scanner read something: fill the IMEI fields with the valid IMEIs in it."""
        found = imeis_in_scan(text)
        if not found:
            say(self.message, lambda: self.tr("The scan holds no valid IMEI."))
            return
        self._show_step(1)
        self.imei.setText(found[0])
        if len(found) > 1:
            self.imei2.setText(found[1])
        self.model.setFocus()

    def fill_from_phone(self) -> None:
        """Take model, IMEIs, serial and software version from the plugged phone, when there is one."""
        identity = self._identity_source.read_identity() if self._identity_source else None
        if identity is None:
            say(self.message, lambda: self.tr("No phone could be read: scan or type the IMEI."))
            return
        identity = checked_identity(identity)
        self._software_version = identity.software_version or ""
        for widget, value in ((self.model, identity.model), (self.serial, identity.serial)):
            if value:
                widget.setText(value)
        for widget, value in zip((self.imei, self.imei2), identity.imeis, strict=False):
            widget.setText(value)
        say(self.message, lambda: self.tr("Filled in from the plugged phone."))

    # --- saving ----------------------------------------------------------------------------------

    def new_ticket(self) -> NewTicket:
        """What the form says, as the service's record (fields not asked for the type left empty)."""
        service = ServiceType(self.service.currentData())
        asked = FIELDS[service]

        def text(name: str, widget: QLineEdit) -> str:
            return widget.text().strip() if name in asked else ""

        return NewTicket(
            service_type=service.value,
            customer_name=text("customer_name", self.name),
            customer_phone=text("customer_phone", self.phone),
            customer_email=text("customer_email", self.email),
            customer_address=text("customer_address", self.address),
            courier=text("courier", self.courier),
            tracking_number=text("tracking_number", self.tracking),
            parcel_condition=text("parcel_condition", self.parcel),
            purchase_date=self._date(text("purchase_date", self.purchase_date)),
            purchase_proof=text("purchase_proof", self.proof),
            device_model=self.model.text().strip(),
            imei=self.imei.text().strip(),
            imei2=self.imei2.text().strip(),
            serial=self.serial.text().strip(),
            software_version=self._software_version,
            fault=self.fault.toPlainText().strip() if "fault" in asked else "",
            fault_category=self.fault_category.currentData(),
            priority=int(self.priority.currentData()),
            condition={item: box.currentData() for item, box in self.condition.items()},
            condition_notes=self.condition_notes.text().strip(),
            photos=tuple(self._photos),
            accessories=tuple(a.strip() for a in self.accessories.text().split(",") if a.strip()),
            agreement=self._agreement(),
            estimate=self._amount(self.estimate),
            deposit=self._amount(self.deposit),
        )

    def _date(self, text: str) -> date | None:
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            return date.max  # refused by the service as "after today", and the field is marked

    def _amount(self, widget: NextOnReturnLineEdit) -> Decimal | None:
        try:
            return Decimal(widget.text().strip()) if widget.text().strip() else None
        except InvalidOperation:
            return Decimal(-1)  # refused by the service, and the field is marked

    def _agreement(self) -> Agreement | None:
        signer = self.signed_by.text().strip()
        if not (self.signed.isChecked() and signer):
            return None
        document = shipped_reference().consents.latest("service_agreement")
        return Agreement(
            document.text_id, document.version, current_language(), signer, signature_digest(f"typed:{signer}".encode())
        )

    def save(self) -> None:
        if self._session is None:
            return
        if self._agreement() is None:
            self._mark({"agreement": self.tr("The customer must sign the agreement before the ticket is opened.")})
            return
        session, new, age, run_id = self._session, self.new_ticket(), self.age_declaration(), self._run_id
        self._tasks.run(lambda: open_and_file(session, new, age, run_id), self._on_saved, self._on_failed)

    def _on_saved(self, opened: tuple[TicketRow, KnownError | None]) -> None:
        ticket, not_filed = opened
        self._mark({})
        self.reset()
        say(self.message, lambda: self.tr("Ticket %1 opened.").replace("%1", ticket.number))
        self.ticket_opened.emit(ticket.number)
        if not_filed is not None:  # the ticket stands; the run stays unfiled, and the technician is told why
            show_error(self, not_filed)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, IntakeIncomplete):
            self._mark(error.problems)
        else:
            show_error(self, error)

    def _mark(self, problems: Mapping[str, str]) -> None:
        """Outline the fields to fix, list them, and open the step of the first one."""
        for name, (_, widget) in self._rows.items():
            widget.setStyleSheet(
                _ERROR_STYLE if name in problems or (name == "signed_by" and "agreement" in problems) else ""
            )
        if not problems:
            say(self.message, None)
            return
        self._show_step(min(FIELD_STEP.get(name, 0) for name in problems))
        say(self.message, lambda: self.tr("Please fix: %1").replace("%1", self._problem_list(problems)))

    @staticmethod
    def _problem_list(problems: Mapping[str, str]) -> str:
        """Worded in the language in force when called: the list is re-worded on a language switch."""
        return "; ".join(f"{field_label(name)}: {field_problem_text(problem)}" for name, problem in problems.items())

    def reset(self) -> None:
        for widget in (
            self.phone,
            self.name,
            self.email,
            self.address,
            self.courier,
            self.tracking,
            self.parcel,
            self.purchase_date,
            self.proof,
            self.imei,
            self.imei2,
            self.model,
            self.serial,
            self.condition_notes,
            self.accessories,
            self.signed_by,
            self.estimate,
            self.deposit,
        ):
            widget.clear()
        self.fault.clear()
        self.signed.setChecked(False)
        self.age.setCurrentIndex(self.age.findData("18_plus"))
        self.guardian.clear()
        self.guardian_consents.setChecked(False)
        self._photos.clear()
        self._show_photo_count()
        self.returning.clear()
        self._software_version = ""
        self._run_id = None
        self.fault_category.setCurrentIndex(0)
        for box in self.condition.values():
            box.setCurrentIndex(0)
        self._show_step(0)


def open_and_file(
    session: Session, new: NewTicket, age: AgeDeclaration, run_id: str | None
) -> tuple[TicketRow, KnownError | None]:
    """Open the ticket, then file the run made on its device step under it (off the GUI thread).

    A run that cannot be filed (another phone's IMEI was typed) does not undo the ticket: the
    problem comes back with it.
    """
    ticket = open_ticket(session, new, age=age)
    if run_id is None:
        return ticket, None
    try:
        file_run_under_ticket(session, run_id, ticket.number)
    except KnownError as error:
        return ticket, error
    return ticket, None
