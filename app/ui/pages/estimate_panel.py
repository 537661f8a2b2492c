"""The estimate on the ticket page: price parts and labour from the price list in force, then the
customer's approval, which reserves the estimate's parts (what is not in stock is requested and the
ticket waits for parts), as `ticket estimate` and `ticket approve` do on the command line.

Shown while the ticket is being diagnosed or awaits the customer's approval and nobody has
approved an estimate yet, to those who may write tickets.  The list offers only what fits the
ticket's model, named in the interface language with its guide price; the approval is signed
with the customer's name, typed (the wizard's signature convention).
Both run off the GUI thread.

What the approval reserved and what it requested is then on the ticket page's "Estimate" line
(`estimate_summary`), where it stays for whoever opens the ticket next.

Signals: `changed()` after lines were added or the estimate was approved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.accounts.session import Session
from app.core.roles import Permission, may
from app.core.workflow import Status
from app.parts import on_ticket
from app.parts.dispatch import open_requests
from app.storage.ticket_records import TicketDetail
from app.tickets import pricing
from app.ui.error_dialogs import show_error
from app.ui.fields import NextOnReturnLineEdit
from app.ui.language import current_language
from app.ui.named import named
from app.ui.tasks import BackgroundTasks

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
#: While these hold, the estimate is still being made and waits for the customer's word.
ESTIMATING = (Status.DIAGNOSING, Status.AWAITING_APPROVAL)


def estimate_summary(session: Session, detail: TicketDetail) -> str:
    """One line: "¥350.00; approved by Zhang Wei; reserved BAT-A5; not in stock, requested SCR-A5"."""
    if detail.estimate is None:
        return "-"
    words = [f"¥{detail.estimate}"]
    if detail.approval:
        approver = str(detail.approval.get("approved_by", ""))
        words.append(translate("EstimatePanel", "approved by %1").replace("%1", approver))
    parts = on_ticket.parts_on_ticket(session, detail.number)
    requested = [r.part_id for r in open_requests(session) if r.ticket_id == detail.row.id and r.state == "open"]
    for template, ids in (
        (translate("EstimatePanel", "reserved %1"), [p.part_id for p in parts if p.state == "reserved"]),
        (translate("EstimatePanel", "fitted %1"), [p.part_id for p in parts if p.state == "used"]),
        (translate("EstimatePanel", "not in stock, requested %1"), requested),
    ):
        if ids:
            words.append(template.replace("%1", ", ".join(ids)))
    return translate("EstimatePanel", "; ").join(words)


class EstimatePanel(QWidget):
    changed = Signal()

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("estimatePanel")
        self._tasks = tasks
        self._session: Session | None = None
        self._detail: TicketDetail | None = None
        self.part = named(QComboBox(), "estimatePart")
        self.add_button = named(QPushButton(), "estimateAddButton")
        self.add_button.clicked.connect(self.add_chosen)
        self.approved_by = named(NextOnReturnLineEdit(), "estimateApprovedBy")
        self.approve_button = named(QPushButton(), "estimateApproveButton")
        self.approve_button.clicked.connect(self.approve)
        self.approved_by.returnPressed.connect(self.approve)
        self.title = named(QLabel(), "estimateTitle")
        row = QHBoxLayout(self)  # one row, no frame: the ticket page must still fit a 768-pixel screen
        row.setContentsMargins(0, 0, 0, 0)
        stretches = {self.part: 3, self.approved_by: 2}
        for widget in (self.title, self.part, self.add_button, self.approved_by, self.approve_button):
            row.addWidget(widget, stretches.get(widget, 0))
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Estimate for the customer:"))
        self.add_button.setText(self.tr("Add to estimate"))
        self.approved_by.setPlaceholderText(self.tr("Approved by (the customer's name)"))
        self.approve_button.setText(self.tr("Customer approves"))
        session = self._session
        if session is not None and session.store.is_open and self._detail is not None and self.isVisible():
            self._fill_parts(session, self._detail)  # the part names in the new language

    def show_ticket(self, session: Session, detail: TicketDetail) -> None:
        changed_ticket = self._detail is None or self._detail.number != detail.number
        self._session, self._detail = session, detail
        shown = (
            detail.status in ESTIMATING and detail.approval is None and may(session.role, Permission.WRITE_TICKETS)
        )
        self.setVisible(shown)
        if changed_ticket:  # typed by the customer or read to them: the page shows their name masked
            self.approved_by.clear()
        if shown:
            self._fill_parts(session, detail)
            self.approve_button.setEnabled(detail.estimate is not None and detail.status == Status.AWAITING_APPROVAL)

    def _fill_parts(self, session: Session, detail: TicketDetail) -> None:
        language = current_language()
        chosen = self.part.currentData()
        self.part.clear()
        for item in pricing.parts_for(session, detail):
            self.part.addItem(f"{item.name.get(language)}  ¥{item.price}", item.part_id)
        self.part.setCurrentIndex(max(0, self.part.findData(chosen)))
        self.add_button.setEnabled(self.part.count() > 0)

    def add_chosen(self) -> None:
        if self._session is None or self._detail is None or self.part.currentData() is None:
            return
        session, number, part = self._session, self._detail.number, str(self.part.currentData())
        self._tasks.run(lambda: pricing.add_estimate(session, number, [part]), self._on_added, self._on_failed)

    def _on_added(self, _lines: object) -> None:
        self.changed.emit()

    def approve(self) -> None:
        if self._session is None or self._detail is None or not self.approve_button.isEnabled():
            return
        session, number, name = self._session, self._detail.number, self.approved_by.text().strip()
        signature = f"typed:{name}".encode()
        self._tasks.run(
            lambda: on_ticket.approve_and_reserve(session, number, name, signature),
            lambda _reservation: self.changed.emit(),
            self._on_failed,
        )

    def _on_failed(self, error: BaseException) -> None:
        show_error(self, error)
