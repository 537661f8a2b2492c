"""The counter's ticket list: the newest tickets, contact details masked."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.accounts.session import Session
from app.core.masking import mask_imei, mask_phone
from app.storage.ticket_repository import TicketRow
from app.tickets.intake import recent


class TicketsPage(QWidget):
    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketsPage")
        self._session: Session | None = None
        self.heading = QLabel(objectName="pageHeading")
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.table = QTableWidget(0, self.COLUMNS, objectName="ticketTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Tickets"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Ticket"), self.tr("Status"), self.tr("Service"), self.tr("Device"),
            self.tr("Phone"), self.tr("IMEI"),
        ])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._session is not None:
                self.show_session(self._session)
        super().changeEvent(event)

    def status_label(self, status: str) -> str:
        labels = {
            "received": self.tr("Received"), "diagnosing": self.tr("Diagnosing"),
            "awaiting_approval": self.tr("Awaiting approval"), "repairing": self.tr("Repairing"),
            "quality_check": self.tr("Quality check"), "ready_for_pickup": self.tr("Ready for pickup"),
            "collected": self.tr("Collected"), "waiting_for_parts": self.tr("Waiting for parts"),
            "sent_to_repair_centre": self.tr("Sent to repair centre"), "cancelled": self.tr("Cancelled"),
            "returned_unrepaired": self.tr("Returned unrepaired"),
        }
        return labels.get(status, status)

    def service_label(self, service_type: str) -> str:
        labels = {"maintenance": self.tr("Walk-in repair"), "send_in": self.tr("Send-in repair"),
                  "return_exchange": self.tr("Return / exchange")}
        return labels.get(service_type, service_type)

    def show_session(self, session: Session) -> None:
        self._session = session
        self.show_rows(recent(session, 200))

    def show_rows(self, rows: list[TicketRow]) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row.number, self.status_label(row.status), self.service_label(row.service_type), row.device_model,
                      mask_phone(row.customer_phone or ""), mask_imei(row.imei or ""))
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
