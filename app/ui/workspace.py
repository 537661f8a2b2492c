"""The workspace behind the sign-in view: navigation on the left, the pages on the right.

Built at the first sign-in, not with the window (app/ui/main_window.py imports this module then):
the pages pull in sync, diagnostics and adb, which the sign-in view does not need.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from app.accounts.session import Session
from app.core.reference_data import ReferenceData
from app.core.roles import Permission, may
from app.diagnostics.intake_identity import ConsentedIdentitySource
from app.ui.counter_flow import join_counter_flow
from app.ui.device_monitor import DeviceMonitor, NoPhones
from app.ui.language import on_language_change
from app.ui.named import named
from app.ui.pages.devices_page import DevicesPage
from app.ui.pages.diagnostics_page import DiagnosticsPage
from app.ui.pages.followup_page import FollowUpPage
from app.ui.pages.hub_page import HubPage
from app.ui.pages.journal_page import JournalPage
from app.ui.pages.parts_page import PartsPage
from app.ui.pages.privacy_page import PrivacyPage
from app.ui.pages.reports_page import ReportsPage
from app.ui.pages.staff_page import StaffPage
from app.ui.pages.tickets_page import TicketsPage
from app.ui.shortcuts import HELP_KEYS, LOCK_KEYS, NEW_TICKET_KEYS, PAGE_KEYS, SEARCH_KEYS
from app.ui.tasks import BackgroundTasks


class Workspace(QWidget):
    """Navigation on the left, the chosen page on the right; pages the role may not use are hidden."""

    def __init__(
        self,
        tasks: BackgroundTasks,
        monitor: DeviceMonitor | None,
        reference: ReferenceData,
        slip_key: bytes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.nav = named(QListWidget(), "navigation")
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 8px 6px; }")
        self.pages = named(QStackedWidget(), "pages")
        self.devices = DevicesPage(monitor.model_of if monitor else None)
        self.diagnostics = DiagnosticsPage(tasks, monitor.hub if monitor else NoPhones(), reference)
        identity = ConsentedIdentitySource(lambda: self.diagnostics.last_report)
        self.tickets = TicketsPage(tasks=tasks, identity_source=identity, slip_key=slip_key)
        self.staff = StaffPage(tasks)
        self.journal = JournalPage(tasks)
        self.privacy = PrivacyPage(tasks, reference)
        self.parts = PartsPage(tasks, reference)
        self.hub = HubPage(tasks)
        self._entries = [  # (page, permission needed to see it)
            (self.tickets, Permission.READ_TICKETS),
            (self.devices, Permission.RUN_DIAGNOSTICS),
            (self.diagnostics, Permission.RUN_DIAGNOSTICS),
            (self.staff, Permission.MANAGE_ACCOUNTS),
            (self.journal, Permission.READ_JOURNAL),
            (self.privacy, Permission.HANDLE_REQUESTS),
            (ReportsPage(tasks), Permission.READ_REPORTS),
            (self.parts, Permission.MANAGE_STOCK),
            (FollowUpPage(tasks), Permission.WRITE_TICKETS),
            (self.hub, Permission.SYNC),
        ]
        for page, _ in self._entries:
            self.pages.addWidget(page)
            self.nav.addItem(QListWidgetItem())
        self.nav.currentRowChanged.connect(self._on_nav_changed)
        self.devices.phone_chosen.connect(self.open_diagnostics)
        join_counter_flow(self)  # "Run diagnostics" on the wizard and the ticket (issue 14)
        if monitor is not None:
            monitor.device_changed.connect(self._on_device_changed)
            self.devices.set_states(monitor.states())
        layout = QHBoxLayout(self)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.session: Session | None = None
        self.retranslate()
        on_language_change(self, self.retranslate)

    def page_names(self) -> tuple[str, ...]:
        return (
            self.tr("Tickets"),
            self.tr("Phones"),
            self.tr("Diagnostics"),
            self.tr("Staff"),
            self.tr("Audit journal"),
            self.tr("Privacy desk"),
            self.tr("Reports"),
            self.tr("Spare parts"),
            self.tr("Follow-ups"),
            self.tr("Outlet hub"),
        )

    def retranslate(self) -> None:
        for row, (text, keys) in enumerate(zip(self.page_names(), PAGE_KEYS, strict=True)):
            item = self.nav.item(row)
            if item is not None:
                item.setText(f"{text} ({keys})")

    def go_to(self, row: int) -> bool:
        """Show the page of navigation entry `row` (when the signed-in role may see it) and focus into it."""
        item = self.nav.item(row)
        if self.session is None or item is None or item.isHidden():
            return False
        self.nav.setCurrentRow(row)
        page = self._entries[row][0]
        if page is self.tickets:
            self.focus_search()
        else:
            page.setFocus()
            page.focusNextChild()  # the page's first control, not the navigation
        return True

    def focus_search(self) -> None:
        """The queue's search box, ready for typing or a scan (where a session starts)."""
        if self.session is None:
            return
        self.nav.setCurrentRow(self.pages.indexOf(self.tickets))
        self.tickets.tabs.setCurrentWidget(self.tickets.queue)
        self.tickets.queue.search_box.setFocus()
        self.tickets.queue.search_box.selectAll()

    def new_ticket(self) -> None:
        """The intake wizard from its first step, cursor in the customer's phone (when the role may write)."""
        if self.session is None or not self.tickets.tabs.isTabVisible(self.tickets.tabs.indexOf(self.tickets.intake)):
            return
        self.nav.setCurrentRow(self.pages.indexOf(self.tickets))
        self.tickets.tabs.setCurrentWidget(self.tickets.intake)
        self.tickets.intake.begin()

    def shortcut_texts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the help overlay, in the interface language."""
        return [
            *zip(PAGE_KEYS, self.page_names(), strict=True),
            (NEW_TICKET_KEYS, self.tr("New ticket")),
            (SEARCH_KEYS, self.tr("Search or scan in the counter queue")),
            ("Ctrl+D", self.tr("New ticket or ticket page: run diagnostics for this customer")),
            ("Ctrl+S", self.tr("Ticket page: save the slip as PDF")),
            ("Ctrl+Enter", self.tr("New ticket: next step; on the last step, save")),
            ("Alt+B", self.tr("New ticket: previous step")),
            ("Esc", self.tr("Queue: back from a search; progress query: next customer")),
            ("Tab / Shift+Tab", self.tr("Next / previous field (also out of tables)")),
            (LOCK_KEYS, self.tr("Lock the counter")),
            (HELP_KEYS, self.tr("This help")),
        ]

    def scanned(self, text: str) -> None:
        """A serial scanner's read: to the Tickets page (the wizard's IMEI when it shows, else the search)."""
        self.nav.setCurrentRow(self.pages.indexOf(self.tickets))
        self.tickets.scanned(text)

    def show_session(self, session: Session) -> None:
        self.session = session
        for row, (_, permission) in enumerate(self._entries):
            self.nav.item(row).setHidden(not may(session.role, permission))
        self.nav.setCurrentRow(0)
        self._on_nav_changed(0)

    def open_diagnostics(self, serial: str, state: str) -> None:
        self.diagnostics.set_device(serial, state)
        self.nav.setCurrentRow(self.pages.indexOf(self.diagnostics))

    def _on_device_changed(self, serial: str, state: str) -> None:
        self.devices.on_device_changed(serial, state)
        current = self.diagnostics.current_serial
        if current == serial or (current is None and state == "device"):
            self.diagnostics.set_device(serial, state)

    def _on_nav_changed(self, row: int) -> None:
        if row < 0 or self.session is None:
            return
        page = self._entries[row][0]
        self.pages.setCurrentWidget(page)
        page.show_session(self.session)
