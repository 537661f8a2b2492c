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
        super().changeEvent(event)

    def show_session(self, session: Session) -> None:
        self.show_rows(recent(session, 200))

    def show_rows(self, rows: list[TicketRow]) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row.number, row.status, row.service_type, row.device_model,
                      mask_phone(row.customer_phone or ""), mask_imei(row.imei or ""))
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
