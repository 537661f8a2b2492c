"""The Tickets page of the workspace: the counter queue, the intake wizard, one ticket, the
newest tickets, and the service progress query, as tabs, wired together.

* a ticket chosen in the queue (Return on a row, a scanned slip, a search by number) opens in the
  Ticket tab; so does a ticket just opened by the wizard;
* a move or a pickup on the Ticket tab refreshes the queue;
* `scanned(text)` is where a serial scanner's reads arrive: IMEIs for the wizard when it is
  showing, otherwise a search (a slip's barcode or QR code opens its ticket).

Roles that may not write tickets (auditors) do not get the New ticket tab.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTabWidget, QWidget

from app.accounts.session import Session
from app.core.masking import mask_imei, mask_phone
from app.core.roles import Permission, may
from app.storage.ticket_records import TicketRow
from app.tickets.device_identity import DeviceIdentitySource
from app.tickets.intake import recent
from app.ui.pages.intake_page import IntakePage
from app.ui.pages.page_base import Page, cell_text, fill_table, read_only_table
from app.ui.pages.progress_page import ProgressPage
from app.ui.pages.queue_page import QueuePage
from app.ui.pages.ticket_detail_page import TicketDetailPage
from app.ui.tasks import BackgroundTasks
from app.ui.ticket_words import service_label, status_label


class TicketsPage(Page):
    COLUMNS = 6

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        tasks: BackgroundTasks | None = None,
        identity_source: DeviceIdentitySource | None = None,
        slip_key: bytes | None = None,
    ) -> None:
        super().__init__("ticketsPage", parent)
        tasks = tasks or BackgroundTasks(self)
        self.queue = QueuePage(slip_key=slip_key)
        self.intake = IntakePage(tasks, identity_source)
        self.detail = TicketDetailPage(tasks)
        self.table = self._build_recent_table()
        self.progress = ProgressPage(tasks)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ticketTabs")
        for widget in (self.queue, self.intake, self.detail, self.table, self.progress):
            self.tabs.addTab(widget, "")
        self.queue.ticket_requested.connect(self.open_ticket)
        self.intake.ticket_opened.connect(self.open_ticket)
        self.detail.ticket_changed.connect(self._on_ticket_changed)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = self.body
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def _build_recent_table(self) -> QTableWidget:
        table = read_only_table("ticketTable", self.COLUMNS)
        table.cellActivated.connect(lambda row, _column: self.open_ticket(cell_text(table, row, 0)))
        return table

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Tickets"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Ticket"),
                self.tr("Status"),
                self.tr("Service"),
                self.tr("Device"),
                self.tr("Phone"),
                self.tr("IMEI"),
            ]
        )
        for index, text in enumerate(
            (
                self.tr("Counter queue"),
                self.tr("New ticket"),
                self.tr("Ticket"),
                self.tr("Newest tickets"),
                self.tr("Service progress"),
            )
        ):
            self.tabs.setTabText(index, text)

    def refill(self, session: Session) -> None:
        self.show_rows(recent(session, 200))  # the tabs refill themselves

    # --- content -------------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        self.tabs.setTabVisible(1, may(session.role, Permission.WRITE_TICKETS))
        for page in (self.queue, self.intake, self.detail, self.progress):
            page.show_session(session)
        self.show_rows(recent(session, 200))

    def show_rows(self, rows: list[TicketRow]) -> None:
        fill_table(
            self.table,
            (
                (
                    row.number,
                    status_label(row.status),
                    service_label(row.service_type),
                    row.device_model or "",
                    mask_phone(row.customer_phone or ""),
                    mask_imei(row.imei or ""),
                )
                for row in rows
            ),
        )

    def open_ticket(self, number: str) -> None:
        self.detail.show_ticket(number)
        self.tabs.setCurrentWidget(self.detail)
        self.detail.focus_next_action()

    def scanned(self, text: str) -> None:
        """A serial scanner's read: IMEIs while the wizard shows, otherwise a search."""
        if self.tabs.currentWidget() is self.intake:
            self.intake.scanned(text)
        else:
            self.tabs.setCurrentWidget(self.queue)
            self.queue.scanned(text)

    def _on_ticket_changed(self, _number: str) -> None:
        if self._session is not None:
            self.queue.show_session(self._session)

    def _on_tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if self._session is None or not self._session.store.is_open:
            return
        if widget is self.queue:
            self.queue.show_session(self._session)
        elif widget is self.table:
            self.show_rows(recent(self._session, 200))
        elif widget is self.progress:
            self.progress.focus_form()
