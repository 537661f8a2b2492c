"""One ticket: what was taken in, the warranty verdict and its reason, the deadline, the history,
the estimate lines, the diagnostics filed under it, and the actions its status allows (diagnostics,
move, pickup, the slip).

After a ticket opens, the cursor waits on its next action: "Run diagnostics" (Ctrl+D) while the
phone has not been diagnosed, else "Save PDF" (Ctrl+S).

Signals: `ticket_changed(str)` with the ticket number after a move or a pickup;
`diagnostics_requested(object)` with a `TicketRun` for this ticket's customer.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.session import Session
from app.core.masking import mask_imei, mask_name, mask_phone
from app.core.roles import Permission, may
from app.core.workflow import Status, allowed_targets
from app.erasure.records import offer_pending
from app.messages import satisfaction
from app.parts import on_ticket
from app.slip.from_ticket import slip_content_for
from app.storage.ticket_records import TicketDetail
from app.tickets import moves, pickup, pricing
from app.tickets.intake import outlet_clock
from app.tickets.queue import format_left
from app.ui.dialogs.data_forgetting import DataForgettingButton
from app.ui.dialogs.print_slip_panel import PrintSlipPanel
from app.ui.dialogs.rating_prompt import RatingPrompt
from app.ui.error_dialogs import show_error
from app.ui.fields import NextOnReturnLineEdit
from app.ui.language import current_language, printed_language
from app.ui.named import named
from app.ui.pages.estimate_panel import EstimatePanel, estimate_summary
from app.ui.pages.page_base import Page, fill_table, read_only_table
from app.ui.tasks import BackgroundTasks
from app.ui.ticket_run import TicketRun
from app.ui.ticket_words import service_label, status_label

#: Statuses in which the phone may still be diagnosed from the ticket.
DIAGNOSABLE = frozenset({Status.RECEIVED, Status.DIAGNOSING})
DIAGNOSE_KEYS, SAVE_PDF_KEYS = "Ctrl+D", "Ctrl+S"


#: Header and two rows: enough to see a table has content, so the actions below still fit a 768-pixel screen.
_TABLE_MIN_HEIGHT = 64


class TicketDetailPage(Page):
    ticket_changed = Signal(str)
    diagnostics_requested = Signal(object)

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__("ticketDetailPage", parent)
        self._tasks = tasks
        self.detail: TicketDetail | None = None
        self.facts = QFormLayout()
        self._fact_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("customer", "device", "fault", "diagnostics", "warranty", "due", "agreement", "estimate"):
            name, value = QLabel(), QLabel()
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)
            self.facts.addRow(name, value)
            self._fact_labels[key] = (name, value)
        self.history = read_only_table("historyTable", 4, select_rows=False)
        self.lines = read_only_table("linesTable", 3, select_rows=False)
        for table in (self.history, self.lines):  # they scroll: the page's actions must fit 768 pixels
            table.setMinimumHeight(_TABLE_MIN_HEIGHT)
        layout = self.body
        layout.addLayout(self.facts)
        self.history_box, self.lines_box = QGroupBox(), QGroupBox()
        QVBoxLayout(self.history_box).addWidget(self.history)
        QVBoxLayout(self.lines_box).addWidget(self.lines)
        layout.addWidget(self.history_box, 2)
        layout.addWidget(self.lines_box, 1)
        layout.addLayout(self._build_actions())
        self.slip = PrintSlipPanel(tasks, self)  # Print / Save PDF / Thermal / Retry
        layout.addWidget(self.slip)
        self.estimating = EstimatePanel(tasks, self)  # price parts, then the customer's approval
        self.estimating.changed.connect(self._on_estimate_changed)
        layout.addWidget(self.estimating)
        self.forgetting = DataForgettingButton(tasks, self)  # issue 20: the wipe consent and its certificate
        layout.addWidget(self.forgetting)
        for keys, slot in ((DIAGNOSE_KEYS, self.request_diagnostics), (SAVE_PDF_KEYS, self.slip.choose_pdf_file)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # the wizard has its own Ctrl+D
            shortcut.activated.connect(slot)
        self.retranslate()

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.diagnose_button = named(QPushButton(), "ticketDiagnosticsButton")
        self.diagnose_button.clicked.connect(self.request_diagnostics)
        row.addWidget(self.diagnose_button)
        self.target = named(QComboBox(), "targetStatus")
        self.note = named(NextOnReturnLineEdit(), "moveNote")
        self.move_button = named(QPushButton(), "moveButton")
        self.move_button.clicked.connect(self.move_to_target)
        self.last4 = named(NextOnReturnLineEdit(), "pickupLast4")
        self.last4.setMaxLength(4)
        self.pickup_signer = named(NextOnReturnLineEdit(), "pickupSigner")
        self.pickup_button = named(QPushButton(), "pickupButton")
        self.pickup_button.clicked.connect(self.hand_over)
        self.invoice_button = named(QPushButton(), "invoiceButton")
        self.invoice_button.clicked.connect(self.make_invoice)
        for widget in (
            self.target,
            self.note,
            self.move_button,
            self.invoice_button,
            self.last4,
            self.pickup_signer,
            self.pickup_button,
        ):
            row.addWidget(widget)
        return row

    def retranslate(self) -> None:
        names = {
            "customer": self.tr("Customer"),
            "device": self.tr("Device"),
            "fault": self.tr("Fault"),
            "diagnostics": self.tr("Diagnostics"),
            "warranty": self.tr("Warranty"),
            "due": self.tr("Response due"),
            "agreement": self.tr("Service agreement"),
            "estimate": self.tr("Estimate"),
        }
        for key, (label, _) in self._fact_labels.items():
            label.setText(names[key])
        self.history_box.setTitle(self.tr("Status history"))
        self.lines_box.setTitle(self.tr("Estimate and invoice"))
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("From"), self.tr("To")])
        self.lines.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Quantity"), self.tr("Price")])
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.move_button.setText(self.tr("Move"))
        self.diagnose_button.setText(self.tr("Run diagnostics (Ctrl+D)"))
        self.slip.pdf_button.setToolTip(SAVE_PDF_KEYS)
        self.last4.setPlaceholderText(self.tr("Phone last 4"))
        self.pickup_signer.setPlaceholderText(self.tr("Collected by (name)"))
        self.pickup_button.setText(self.tr("Hand over"))
        self.invoice_button.setText(self.tr("Invoice"))
        self.estimating.retranslate()
        if self.detail is not None and self.open_session() is not None:  # the fill reads the outlet's calendar
            self._fill(self.detail)

    # --- content -------------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        if self.detail is not None:
            self.show_ticket(self.detail.number)

    def show_ticket(self, number: str) -> None:
        if self._session is None:
            return
        try:
            self.detail = moves.load(self._session, number)
        except Exception as error:  # noqa: BLE001 - shown by class: known errors explained, bugs reported
            show_error(self, error)
            return
        self._fill(self.detail)
        self.estimating.show_ticket(self._session, self.detail)
        self.slip.set_ticket(self._session, self.detail.number)
        self.forgetting.show_offer(offer_pending(self._session, self.detail.number, self.detail.row.service_type))

    def _fill(self, detail: TicketDetail) -> None:
        row = detail.row
        self.heading.setText(f"{row.number} - {status_label(row.status)}")
        values = {
            "customer": f"{mask_name(row.customer_name or '')}  {mask_phone(row.customer_phone or '')}",
            "device": f"{row.device_model or ''}  IMEI {mask_imei(row.imei or '')}",
            "fault": f"{service_label(row.service_type)}: {row.fault or '-'}",
            "diagnostics": self._diagnostics_text(detail),
            "warranty": self._warranty_text(detail),
            "due": self._due_text(detail),
            "agreement": (
                self.tr("Signed by %1").replace("%1", mask_name(detail.agreement.get("signed_by", "")))
                if detail.agreement
                else self.tr("Not signed yet: no work may start")
            ),
            "estimate": self._estimate_text(detail),
        }
        for key, (_, label) in self._fact_labels.items():
            label.setText(values[key])
        self._fill_history(detail)
        self._fill_lines(detail)
        self._fill_actions(detail)

    def _estimate_text(self, detail: TicketDetail) -> str:
        session = self.open_session()
        return estimate_summary(session, detail) if session is not None else "-"

    def _diagnostics_text(self, detail: TicketDetail) -> str:
        """The runs filed under the ticket and the battery verdict, as the slip words them (interface language)."""
        session = self.open_session()
        if session is None or not may(session.role, Permission.PRINT_SLIPS):
            return "-"
        content = slip_content_for(session, detail.number, printed_language(), copy=0, override_language=True)
        return "\n".join(part for part in (content.diagnosis_summary, content.battery_verdict) if part)

    def _warranty_text(self, detail: TicketDetail) -> str:
        if not detail.warranty:
            return "-"
        verdict = self.tr("In warranty") if detail.warranty.get("in_warranty") else self.tr("Not in warranty")
        reason = detail.warranty.get("reason_zh_CN" if current_language() == "zh_CN" else "reason_en", "")
        conflict = detail.warranty.get("purchase_date_conflict")
        if conflict:  # the registry's date was used: say so, with the date the customer gave
            reason += " " + self.tr("Purchase date per the registry %1 (the customer said %2).").replace(
                "%1", str(conflict.get("registry"))
            ).replace("%2", str(conflict.get("customer")))
        # The sentence break is the language's own: "In warranty. ..." but "在保。..."
        return self.tr("%1. %2").replace("%1", verdict).replace("%2", reason)

    def _due_text(self, detail: TicketDetail) -> str:
        session = self.open_session()  # the outlet's calendar is read from the store: not once it locked
        if not detail.row.due_at or session is None:
            return "-"
        clock, due = outlet_clock(session), datetime.fromisoformat(detail.row.due_at)
        answered = next((datetime.fromisoformat(e.at) for e in detail.events if e.from_status == "received"), None)
        if answered is not None:
            text = self.tr("Responded %1").replace("%1", f"{clock.local(answered):%Y-%m-%d %H:%M}")
            verdict = self.tr("in time") if answered <= due else self.tr("late")
            return f"{text} ({verdict})"
        left = clock.time_left(due, session.store.clock())
        text = f"{clock.local(due):%Y-%m-%d %H:%M}  ({format_left(left)})"
        return self.tr("%1 OVERDUE").replace("%1", text) if left.total_seconds() < 0 else text

    def _fill_history(self, detail: TicketDetail) -> None:
        clock = outlet_clock(self._session) if self._session else None

        def when(event_at: str) -> str:
            return f"{clock.local(datetime.fromisoformat(event_at)):%Y-%m-%d %H:%M}" if clock else event_at

        fill_table(
            self.history,
            (
                (
                    when(event.at),
                    event.actor,
                    status_label(event.from_status) if event.from_status else "-",
                    status_label(event.to_status),
                )
                for event in detail.events
            ),
        )

    def _fill_lines(self, detail: TicketDetail) -> None:
        estimate, invoice = self.tr("Estimate"), self.tr("Invoice")
        fill_table(
            self.lines,
            (
                (
                    f"{estimate if line.kind == 'estimate' else invoice}: {line.description}",
                    str(line.quantity),
                    str(line.total),
                )
                for line in detail.lines
            ),
        )

    def _fill_actions(self, detail: TicketDetail) -> None:
        session = self.open_session()
        self.diagnose_button.setEnabled(
            detail.status in DIAGNOSABLE and session is not None and may(session.role, Permission.RUN_DIAGNOSTICS)
        )
        self.target.clear()
        for status in sorted(allowed_targets(Status(detail.status)), key=list(Status).index):
            if status is not Status.COLLECTED:
                self.target.addItem(status_label(status.value), status.value)
        can_move = self.target.count() > 0
        for widget in (self.target, self.note, self.move_button):
            widget.setEnabled(can_move)
        invoiced = any(line.kind == "invoice" for line in detail.lines)
        self.invoice_button.setVisible(
            detail.status in (Status.QUALITY_CHECK, Status.READY_FOR_PICKUP) and not invoiced
        )
        ready = detail.status == Status.READY_FOR_PICKUP
        for widget in (self.last4, self.pickup_signer, self.pickup_button):
            widget.setVisible(ready)

    # --- actions -------------------------------------------------------------------------------

    def focus_next_action(self) -> None:
        """The cursor on what comes next: diagnostics for a phone not diagnosed yet, else the slip."""
        if self.detail is None:
            return
        undiagnosed = self.detail.status == Status.RECEIVED and self.diagnose_button.isEnabled()
        (self.diagnose_button if undiagnosed else self.slip.pdf_button).setFocus()

    def request_diagnostics(self) -> None:
        """Ctrl+D: the consent dialog for this ticket's customer, on the plugged phone."""
        if self.detail is None or not self.diagnose_button.isEnabled():
            return
        row = self.detail.row
        self.diagnostics_requested.emit(
            TicketRun(row.customer_name or "", row.number, self.detail.fault_category or None, origin="ticket")
        )

    def move_to_target(self) -> None:
        if self._session is None or self.detail is None or self.target.currentData() is None:
            return
        session, number, target, note = self._session, self.detail.number, self.target.currentData(), self.note.text()
        # a cancel (or a return unrepaired) gives the ticket's reserved parts back to stock
        release = on_ticket.move_and_release
        self._tasks.run(lambda: release(session, number, target, note), self._on_changed, self._on_failed)

    def make_invoice(self) -> None:
        """The invoice from the estimate, priced by the ticket's warranty decision (as `ticket invoice`)."""
        if self._session is None or self.detail is None:
            return
        session, number = self._session, self.detail.number
        self._tasks.run(lambda: pricing.invoice(session, number), self._on_changed, self._on_failed)

    def hand_over(self) -> None:
        if self._session is None or self.detail is None:
            return
        session, number = self._session, self.detail.number
        last4, signer = self.last4.text(), self.pickup_signer.text()
        self._tasks.run(
            lambda: pickup.collect(session, number, last4, signer, f"typed:{signer}".encode()),
            self._on_handed_over,
            self._on_failed,
        )

    def _on_handed_over(self, result: object) -> None:
        """Collected: the customer rates the service on the prompt turned toward them (issue 17)."""
        self._on_changed(result)
        session, number = self._session, str(getattr(result, "number", ""))
        self.rating_prompt: RatingPrompt | None = None
        if session is None or not number:
            return
        prompt = RatingPrompt(number, self, self._customer_language())
        self.rating_prompt = prompt

        def rated() -> None:
            rating, comment = prompt.rating, prompt.comment_text
            if rating is not None:
                self._tasks.run(
                    lambda: satisfaction.record_rating(session, number, rating, comment),
                    self._on_changed,
                    self._on_failed,
                )

        prompt.accepted.connect(rated)
        prompt.open()  # not exec(): the counter's event loop keeps running behind the prompt

    def _customer_language(self) -> str | None:
        """The language the customer signed the service agreement in (None: not known)."""
        agreement = self.detail.agreement if self.detail is not None else None
        return str(agreement.get("language")) if agreement else None

    def _on_estimate_changed(self) -> None:
        self._on_changed(None)

    def _on_changed(self, result: object) -> None:
        assert self.detail is not None
        number = self.detail.number
        self.note.clear()
        self.last4.clear()
        self.pickup_signer.clear()
        self.show_ticket(number)
        self.ticket_changed.emit(number)

    def _on_failed(self, error: BaseException) -> None:
        show_error(self, error)  # a refused move is worded from its code and statuses
