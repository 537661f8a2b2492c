"""The privacy desk (managers): data-subject requests with their due dates, and the retention run.

* the list shows every request, open ones first, soonest due first; open
  requests past their aimed 7 days are highlighted and say "Overdue";
* a new request names the customer by a ticket number and records how the
  person's identity was checked;
* the action button carries out the selected request as its kind says: export
  (access), correct the contact details (rectification), erase, restrict,
  record an objection, withdraw consents; "Close" and "Refuse" end a request
  answered outside the app;
* `start_retention(session)` runs the retention engine at once (start-up) and
  then daily while the app is open; `stop_retention()` when the store locks.

Questions to the person (confirm an erasure, where an export goes and how it
is protected, the corrected details) go through injectable callables, so the
tests answer them without dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.accounts.session import Session
from app.clock import iso
from app.core.reference_data import ReferenceData
from app.core.roles import Permission, may
from app.privacy import actions, requests
from app.privacy.export import make_export
from app.privacy.retention_engine import PurgeReceipt, scheduled_purge
from app.storage import staff_repository
from app.storage.privacy_records import REQUEST_KINDS, PrivacyRequest
from app.tickets.warranty_check import shipped_reference
from app.ui.error_dialogs import show_error
from app.ui.file_dialogs import save_file_name
from app.ui.named import named
from app.ui.pages.page_base import Page, fill_table, read_only_table
from app.ui.tasks import BackgroundTasks

DAY_MS = 24 * 60 * 60 * 1000
OVERDUE_BACKGROUND = QColor("#ffcdd2")
#: (export file, password or None for a key shown once), or None when the person cancelled.
ExportChoice = tuple[Path, str | None] | None


class PrivacyPage(Page):
    refill_on_language = True

    def __init__(
        self,
        tasks: BackgroundTasks,
        reference: ReferenceData | None = None,
        *,
        confirm: Callable[[str], bool] | None = None,
        choose_export: Callable[[], ExportChoice] | None = None,
        ask_corrections: Callable[[], dict[str, str] | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("privacyPage", parent)
        self._tasks = tasks
        self._reference = reference
        self._confirm = confirm or self._confirm_with_dialog
        self._choose_export = choose_export or self._choose_export_with_dialogs
        self._ask_corrections = ask_corrections or self._corrections_with_dialogs
        self._retention_session: Session | None = None
        self._shown: list[PrivacyRequest] = []
        self.last_receipt: PurgeReceipt | None = None
        self.retention_timer = QTimer(self)
        self.retention_timer.setInterval(DAY_MS)
        self.retention_timer.timeout.connect(self._on_retention_due)
        self._build()
        self.retranslate()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.table = read_only_table("requestTable", 6, resize=QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.overdue_label = named(QLabel(), "overdueSummary")
        self.overdue_label.setStyleSheet("color: #b00020; font-weight: 600;")
        layout = self.body
        layout.addWidget(self.overdue_label)
        layout.addLayout(self._build_new_request())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_actions())
        self.result = named(QLabel(), "privacyResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the key is copied from here
        self.retention_label = named(QLabel(), "retentionStatus")
        layout.addWidget(self.result)
        layout.addWidget(self.retention_label)

    def _build_new_request(self) -> QFormLayout:
        self.kind = named(QComboBox(), "requestKind")
        self.ticket = named(QLineEdit(), "requestTicket")
        self.ticket.setMaxLength(40)
        self.identity_check = named(QLineEdit(), "identityCheck")
        self.identity_check.setMaxLength(300)
        self.new_button = named(QPushButton(), "newRequestButton")
        self.new_button.clicked.connect(self._on_new_clicked)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.ticket, 1)
        row.addWidget(self.identity_check, 2)
        row.addWidget(self.new_button)
        form = QFormLayout()
        self.new_label = QLabel()
        form.addRow(self.new_label, row)
        return form

    def _build_actions(self) -> QHBoxLayout:
        self.act_button = named(QPushButton(), "actButton")
        self.close_button = named(QPushButton(), "closeRequestButton")
        self.refuse_button = named(QPushButton(), "refuseRequestButton")
        for button in (self.act_button, self.close_button, self.refuse_button):
            button.setEnabled(False)
        self.retention_button = named(QPushButton(), "runRetentionButton")
        self.act_button.clicked.connect(self._on_act_clicked)
        self.close_button.clicked.connect(lambda: self._close_selected("done"))
        self.refuse_button.clicked.connect(lambda: self._close_selected("refused"))
        self.retention_button.clicked.connect(self._on_retention_due)
        row = QHBoxLayout()
        for button in (self.act_button, self.close_button, self.refuse_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.retention_button)
        return row

    def _kind_labels(self) -> dict[str, str]:
        return {
            "access": self.tr("Access (export)"),
            "rectification": self.tr("Rectification"),
            "erasure": self.tr("Erasure"),
            "restriction": self.tr("Restriction"),
            "objection": self.tr("Objection"),
            "withdrawal": self.tr("Withdrawal of consent"),
        }

    def _act_labels(self) -> dict[str, str]:
        return {
            "access": self.tr("&Export..."),
            "rectification": self.tr("&Correct details..."),
            "erasure": self.tr("&Erase..."),
            "restriction": self.tr("Re&strict"),
            "objection": self.tr("Record &objection"),
            "withdrawal": self.tr("&Withdraw consents"),
        }

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Privacy desk"))
        self.new_label.setText(self.tr("New request"))
        current = self.kind.currentData()
        self.kind.clear()
        for kind, label in self._kind_labels().items():
            self.kind.addItem(label, kind)
        self.kind.setCurrentIndex(max(0, REQUEST_KINDS.index(current) if current in REQUEST_KINDS else 0))
        self.ticket.setPlaceholderText(self.tr("Ticket number of the customer"))
        self.identity_check.setPlaceholderText(self.tr("How was the identity checked? (e.g. ID card seen)"))
        self.new_button.setText(self.tr("&Take request"))
        self.close_button.setText(self.tr("C&lose as answered"))
        self.refuse_button.setText(self.tr("Re&fuse"))
        self.retention_button.setText(self.tr("Run &retention now"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Request"),
                self.tr("Kind"),
                self.tr("Status"),
                self.tr("Received"),
                self.tr("Due"),
                self.tr("At the latest"),
            ]
        )
        self._on_selection_changed()
        self._show_receipt()

    # --- showing ------------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        allowed = may(session.role, Permission.HANDLE_REQUESTS)
        for widget in (self.new_button, self.retention_button):
            widget.setEnabled(allowed)
        self._shown = requests.list_requests(session) if allowed else []
        now = iso(session.store.clock())
        labels = self._kind_labels()
        rows = fill_table(
            self.table,
            (
                (
                    request.number,
                    labels[request.kind],
                    self.tr("Overdue") if request.is_overdue(now) else self._status_label(request.status),
                    request.received_at[:10],
                    request.due_at[:10],
                    request.latest_due_at[:10],
                )
                for request in self._shown
            ),
        )
        for request, items in zip(self._shown, rows, strict=True):
            if request.is_overdue(now):
                for item in items:
                    item.setBackground(QBrush(OVERDUE_BACKGROUND))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
        count = sum(r.is_overdue(now) for r in self._shown)
        self.overdue_label.setText(
            self.tr("%1 request(s) overdue: answer them first.").replace("%1", str(count)) if count else ""
        )
        self._on_selection_changed()

    def _status_label(self, status: str) -> str:
        return {"open": self.tr("Open"), "done": self.tr("Done"), "refused": self.tr("Refused")}.get(status, status)

    def selected_request(self) -> PrivacyRequest | None:
        row = self.table.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def select_request(self, number: str) -> None:
        for row, request in enumerate(self._shown):
            if request.number == number:
                self.table.selectRow(row)
                return

    def _on_selection_changed(self) -> None:
        request = self.selected_request()
        is_open = request is not None and request.status == "open"
        for button in (self.act_button, self.close_button, self.refuse_button):
            button.setEnabled(is_open)
        self.act_button.setText(self._act_labels()[request.kind] if request else self.tr("Carry out"))

    # --- acting -------------------------------------------------------------------------------

    def _run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        session = self._session
        if session is None:
            return

        def finished(value: object) -> None:
            done(value)
            self.show_session(session)

        self._tasks.run(work, finished, lambda e: show_error(self, e))

    def _on_new_clicked(self) -> None:
        session = self._session
        if session is None:
            return
        kind, ticket, check = self.kind.currentData(), self.ticket.text().strip().upper(), self.identity_check.text()

        def take() -> PrivacyRequest:
            return requests.new_request_for_ticket(session, kind, ticket, check)

        def taken(request: object) -> None:
            assert isinstance(request, PrivacyRequest)
            self.ticket.clear()
            self.identity_check.clear()
            self.result.setText(
                self.tr("Request %1 taken; answer by %2.")
                .replace("%1", request.number)
                .replace("%2", request.due_at[:10])
            )

        self._run(take, taken)

    def _close_selected(self, status: str) -> None:
        request, session = self.selected_request(), self._session
        if request is None or session is None:
            return
        outcome = self.tr("answered at the counter") if status == "done" else self.tr("refused at the counter")
        self._run(
            lambda: requests.close_request(session, request.number, status, outcome),
            lambda _: self.result.setText(self.tr("Request %1 closed.").replace("%1", request.number)),
        )

    def _on_act_clicked(self) -> None:
        request, session = self.selected_request(), self._session
        if request is None or session is None:
            return
        handler = getattr(self, f"_act_{request.kind}")
        handler(session, request)

    def _act_access(self, session: Session, request: PrivacyRequest) -> None:
        choice = self._choose_export()
        if choice is None:
            return
        path, password = choice

        def export() -> object:
            result = make_export(session, request.customer_id, path, password=password, request=request)
            requests.close_request(session, request.number, "done", "export handed over")
            return result

        def exported(result: object) -> None:
            key = getattr(result, "key_shown_once", None)
            text = self.tr("Export written to %1.").replace("%1", str(path))
            if key:
                text += " " + self.tr("Key (shown once, not stored): %1").replace("%1", key)
            self.result.setText(text)

        self._run(export, exported)

    def _act_rectification(self, session: Session, request: PrivacyRequest) -> None:
        corrections = self._ask_corrections()
        if corrections:
            self._run(
                lambda: actions.rectify(session, request.number, corrections),
                lambda _: self.result.setText(self.tr("Details corrected.")),
            )

    def _act_erasure(self, session: Session, request: PrivacyRequest) -> None:
        question = self.tr("Erase the personal data of request %1? This cannot be undone.").replace(
            "%1", request.number
        )
        if self._confirm(question):
            self._run(
                lambda: actions.erase(session, request.number),
                lambda report: self.result.setText(
                    self.tr("Erased: %1 ticket(s) anonymised; the upstream is told.").replace(
                        "%1", str(getattr(report, "tickets_anonymised", 0))
                    )
                ),
            )

    def _act_restriction(self, session: Session, request: PrivacyRequest) -> None:
        self._run(
            lambda: actions.restrict(session, request.number),
            lambda _: self.result.setText(self.tr("Processing restricted: no diagnostics, sync or printing.")),
        )

    def _act_objection(self, session: Session, request: PrivacyRequest) -> None:
        self._run(
            lambda: actions.record_objection(session, request.number),
            lambda _: self.result.setText(self.tr("Objection recorded.")),
        )

    def _act_withdrawal(self, session: Session, request: PrivacyRequest) -> None:
        self._run(
            lambda: actions.withdraw(session, request.number),
            lambda count: self.result.setText(self.tr("%1 consent(s) withdrawn.").replace("%1", str(count))),
        )

    # --- retention ----------------------------------------------------------------------------

    def start_retention(self, session: Session) -> None:
        """Run the retention engine now (start-up) and every 24 hours while the store is open."""
        self._session = self._session or session
        self._retention_session = session
        self.retention_timer.start()
        self._on_retention_due()

    def stop_retention(self) -> None:
        self.retention_timer.stop()
        self._retention_session = None

    def _on_retention_due(self) -> None:
        session = self._retention_session or self._session
        if session is None or not session.store.is_open:
            return
        reference = self._reference
        if reference is None:
            reference = self._reference = shipped_reference()
        outlet = staff_repository.outlet(session.store)
        policy = reference.regions.get(outlet.region if outlet else None).retention_policy()
        self._tasks.run(
            lambda: scheduled_purge(session, policy, reference.benefits),
            self._on_retention_done,
            lambda e: show_error(self, e),
        )

    def _on_retention_done(self, receipt: PurgeReceipt) -> None:
        self.last_receipt = receipt
        self._show_receipt()

    def _show_receipt(self) -> None:
        receipt = self.last_receipt
        if receipt is None:
            self.retention_label.setText(self.tr("Retention has not run yet in this session."))
            return
        self.retention_label.setText(
            self.tr("Retention ran at %1 UTC: %2 record(s) deleted or anonymised.")
            .replace("%1", receipt.ran_at[:16].replace("T", " "))
            .replace("%2", str(receipt.total))
        )

    # --- questions (dialogs in the app, scripted answers in tests) -----------------------------

    def _confirm_with_dialog(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Privacy desk"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _choose_export_with_dialogs(self) -> ExportChoice:
        path = save_file_name(self, self.tr("Save the export"), "customer-export.rcx")
        if not path:
            return None
        password, ok = QInputDialog.getText(
            self,
            self.tr("Export password"),
            self.tr("Password the customer chooses (leave empty for a key shown once):"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        return Path(path), password or None

    def _corrections_with_dialogs(self) -> dict[str, str] | None:
        corrections: dict[str, str] = {}
        labels = {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "address": self.tr("Address"),
        }
        for field, label in labels.items():
            value, ok = QInputDialog.getText(
                self, self.tr("Correct details"), self.tr("%1 (leave empty to keep):").replace("%1", label)
            )
            if not ok:
                return None
            if value.strip():
                corrections[field] = value
        return corrections or None
