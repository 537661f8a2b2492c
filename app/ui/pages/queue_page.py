"""The counter queue: open tickets by deadline, time left in business hours, overdue in red,
and the one search box (typed, keyboard-wedge or serial scanner) above it.

Signals: `ticket_requested(str)` when a ticket should open (Return on a row, a scanned slip, or a
search that finds exactly one ticket by its number).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from app.accounts.session import Session
from app.core.masking import mask_name, mask_phone
from app.errors import KnownError
from app.storage import slip_repository
from app.storage.ticket_records import TicketRow
from app.tickets.intake import outlet_clock
from app.tickets.queue import QueueEntry, counter_queue, format_left, queue_entries
from app.tickets.search import QueryKind, classify, search
from app.ui.error_dialogs import show_error
from app.ui.pages.page_base import Page
from app.ui.ticket_words import service_label, status_label

_OVERDUE = QBrush(QColor("#ffcdd2"))
_SOON = QBrush(QColor("#fff3c4"))
_Index = QModelIndex | QPersistentModelIndex
COLUMN_PADDING = 24  # the cell's margins and the sort of room a reader expects between columns
MAX_COLUMN_WIDTH = 420  # a very long model name must not push the deadline off the screen
CUSTOMER_COLUMN = 5  # takes the room the others leave


class QueueModel(QAbstractTableModel):
    """Queue entries as table rows; colours say overdue (red) and due within the hour (amber)."""

    COLUMNS = 8

    def __init__(self, page: QueuePage) -> None:
        super().__init__(page)
        self._page = page
        self.entries: list[QueueEntry] = []
        self._cells: list[tuple[str, ...]] = []

    def set_entries(self, entries: list[QueueEntry], zone_of: Any) -> None:
        self.beginResetModel()
        self.entries = entries
        self._cells = [self._page.cells(entry, zone_of) for entry in entries]
        self.endResetModel()

    def cells_text(self) -> list[tuple[str, ...]]:
        return list(self._cells)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            if entry.overdue:
                return _OVERDUE
            if entry.left is not None and entry.left.total_seconds() < 3600:
                return _SOON
        if role == Qt.ItemDataRole.UserRole:
            return entry.row.number
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._page.headers()[section]
        return None


class QueuePage(Page):
    ticket_requested = Signal(str)
    refill_on_language = True

    def __init__(self, parent: QWidget | None = None, *, slip_key: bytes | None = None) -> None:
        super().__init__("queuePage", parent)
        self._slip_key = slip_key
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaxLength(100)
        self.search_box.returnPressed.connect(self._on_search)
        self.summary = QLabel()
        self.summary.setObjectName("queueSummary")
        self.model = QueueModel(self)
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.activated.connect(self._on_row_activated)
        self._widths: list[int] = []
        self.table.viewport().installEventFilter(self)
        layout = self.body
        layout.addWidget(self.search_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def _size_columns(self) -> None:
        """Each column as wide as its widest text (header included), measured with the font rather than
        by Qt's resize-to-contents (which lays out every row); room to spare goes to the customer.

        The customer column used to stretch into what the others left, which was 25 px in a small window;
        now a narrow window scrolls sideways instead.
        """
        metrics, header_metrics = self.table.fontMetrics(), self.table.horizontalHeader().fontMetrics()
        cells = self.model.cells_text()
        self._widths = []
        for column, title in enumerate(self.headers()):
            widest = max((metrics.horizontalAdvance(row[column]) for row in cells), default=0)
            width = max(widest, header_metrics.horizontalAdvance(title)) + COLUMN_PADDING
            self._widths.append(min(width, MAX_COLUMN_WIDTH))
        self._fit_columns()

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        spare = max(0, self.table.viewport().width() - sum(self._widths))
        for column, width in enumerate(self._widths):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + (spare if column == CUSTOMER_COLUMN else 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()  # the window was resized: the spare room changed
        return False

    # --- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Counter queue"))
        self.search_box.setPlaceholderText(
            self.tr("Search or scan: ticket number, IMEI or its last 6, phone or its last 4, name, tracking number")
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, QueueModel.COLUMNS - 1)
        self._size_columns()

    def headers(self) -> list[str]:
        return [
            self.tr("Ticket"),
            self.tr("Priority"),
            self.tr("Status"),
            self.tr("Service"),
            self.tr("Device"),
            self.tr("Customer"),
            self.tr("Due"),
            self.tr("Time left"),
        ]

    def cells(self, entry: QueueEntry, zone_of: Any) -> tuple[str, ...]:
        row = entry.row
        due = zone_of(entry.due).strftime("%m-%d %H:%M") if entry.due else "-"
        left = format_left(entry.left) if entry.awaiting_response else self.tr("Responded")
        if entry.overdue:
            left = self.tr("OVERDUE %1").replace("%1", left.lstrip("-"))
        return (
            row.number,
            str(row.priority),
            status_label(row.status),
            service_label(row.service_type),
            row.device_model or "",
            f"{mask_name(row.customer_name or '')} {mask_phone(row.customer_phone or '')}",
            due,
            left,
        )

    # --- content -------------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        """Show the open tickets, the most pressing deadline first."""
        super().show_session(session)
        self._slip_key = self._slip_key or slip_repository.slip_key(session.store)  # checks scanned slips
        clock = outlet_clock(session)
        entries = counter_queue(session)
        self.model.set_entries(entries, clock.local)
        self._size_columns()
        overdue = sum(1 for e in entries if e.overdue)
        self.summary.setText(
            self.tr("Open tickets: %1, overdue: %2").replace("%1", str(len(entries))).replace("%2", str(overdue))
        )

    def show_results(self, rows: list[TicketRow], query: str) -> None:
        if self._session is None:
            return
        clock = outlet_clock(self._session)
        self.model.set_entries(queue_entries(rows, clock, self._session.store.clock()), clock.local)
        self._size_columns()
        self.summary.setText(
            self.tr('Search "%2": %1 found (Esc: back to the queue)')
            .replace("%1", str(len(rows)))
            .replace("%2", query[:40])
        )

    def scanned(self, text: str) -> None:
        """A serial scanner read a slip's barcode or QR code, or anything else: search for it."""
        self.search_box.setText(text.strip()[:100])
        self._on_search()

    def _on_search(self) -> None:
        if self._session is None:
            return
        query = self.search_box.text()
        found = classify(query)
        if found.kind is QueryKind.EMPTY:
            self.show_session(self._session)
            return
        try:
            rows = search(self._session, query, slip_key=self._slip_key)
        except KnownError as error:
            show_error(self, error)
            return
        self.show_results(rows, query)
        if len(rows) == 1 and found.kind in (QueryKind.TICKET, QueryKind.SLIP):
            self.ticket_requested.emit(rows[0].number)

    def _on_row_activated(self, index: QModelIndex) -> None:
        self.ticket_requested.emit(self.model.data(index, Qt.ItemDataRole.UserRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self._session is not None:
            self.search_box.clear()
            self.show_session(self._session)
            return
        super().keyPressEvent(event)

    def local_time(self, moment: datetime) -> datetime:
        return outlet_clock(self._session).local(moment) if self._session else moment
