"""The main window: a shell around the sign-in view and the workspace (navigation + pages).

Locking (Ctrl+L, or idle for the set minutes) records the journal anchor,
closes the database connection, wipes the key, and shows the sign-in view.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from app.accounts.session import Session
from app.core.reference_data import ReferenceData, default_resources_dir, load_reference_data
from app.core.roles import ROLE_LABELS, Permission, may
from app.diagnostics.intake_identity import ConsentedIdentitySource
from app.settings import Settings, save_settings
from app.storage.vault import Vault
from app.ui.barcode_scanner import CANNOT_OPEN, ScannerLink
from app.ui.counter_flow import join_counter_flow
from app.ui.device_monitor import DeviceMonitor, NoPhones
from app.ui.dialogs.help_overlay import HelpOverlay
from app.ui.dialogs.scanner_settings_dialog import ScannerSettingsDialog
from app.ui.fields import SettingComboBox
from app.ui.idle_lock import IdleWatcher
from app.ui.language import LANGUAGE_NAMES, LanguageSwitcher, current_language, on_language_change
from app.ui.login_view import LoginView
from app.ui.messages_status import MessagesStatus
from app.ui.named import named
from app.ui.pages.devices_page import DevicesPage
from app.ui.pages.diagnostics_page import DiagnosticsPage
from app.ui.pages.followup_page import FollowUpPage
from app.ui.pages.journal_page import JournalPage
from app.ui.pages.privacy_page import PrivacyPage
from app.ui.pages.reports_page import ReportsPage
from app.ui.pages.staff_page import StaffPage
from app.ui.pages.tickets_page import TicketsPage
from app.ui.sync_status import SyncStatus
from app.ui.tasks import BackgroundTasks

log = logging.getLogger(__name__)


#: The keys that open each navigation entry, in the order of the entries.
PAGE_KEYS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6", "Ctrl+7", "Ctrl+8")
NEW_TICKET_KEYS, SEARCH_KEYS, LOCK_KEYS, HELP_KEYS = "Ctrl+N", "Ctrl+F", "Ctrl+L", "F1"


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
        self.devices = DevicesPage()
        self.diagnostics = DiagnosticsPage(tasks, monitor.hub if monitor else NoPhones(), reference)
        identity = ConsentedIdentitySource(lambda: self.diagnostics.last_report)
        self.tickets = TicketsPage(tasks=tasks, identity_source=identity, slip_key=slip_key)
        self.staff = StaffPage(tasks)
        self.journal = JournalPage(tasks)
        self.privacy = PrivacyPage(tasks, reference)
        self._entries = [  # (page, permission needed to see it)
            (self.tickets, Permission.READ_TICKETS),
            (self.devices, Permission.RUN_DIAGNOSTICS),
            (self.diagnostics, Permission.RUN_DIAGNOSTICS),
            (self.staff, Permission.MANAGE_ACCOUNTS),
            (self.journal, Permission.READ_JOURNAL),
            (self.privacy, Permission.HANDLE_REQUESTS),
            (ReportsPage(tasks), Permission.READ_REPORTS),
            (FollowUpPage(tasks), Permission.WRITE_TICKETS),
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
            self.tr("Follow-ups"),
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


class MainWindow(QMainWindow):
    def __init__(
        self,
        vault: Vault,
        settings: Settings,
        tasks: BackgroundTasks,
        languages: LanguageSwitcher,
        monitor: DeviceMonitor | None = None,
        reference: ReferenceData | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._vault, self._settings, self._tasks, self._languages = vault, settings, tasks, languages
        self.session: Session | None = None
        self.login = LoginView(vault, tasks)
        reference = reference or load_reference_data(default_resources_dir())
        self.workspace = Workspace(tasks, monitor, reference)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)
        self._build_status_bar()
        self.login.signed_in.connect(self.start_session)
        self.workspace.staff.store_reopened.connect(self._refresh_status)
        self.monitor = monitor
        self.lock_shortcut = QShortcut(QKeySequence(LOCK_KEYS), self)
        self.lock_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_shortcut.activated.connect(self.lock)
        self._bind_shortcuts()
        self.help_overlay: HelpOverlay | None = None
        self.idle = IdleWatcher(settings.idle_lock_minutes, self)
        self.idle.idle.connect(self._on_idle)
        self.scanner_dialog: ScannerSettingsDialog | None = None
        self.scanner.scanned.connect(self._on_scanned)
        self.scanner.state_changed.connect(self._show_scanner_state)
        self.resize(1100, 720)
        self.retranslate()
        on_language_change(self, self.retranslate)
        self.scanner.start(settings.scanner_port)
        self.login.reset()

    def _bind_shortcuts(self) -> None:
        workspace = self.workspace
        for row, keys in enumerate(PAGE_KEYS):
            page_shortcut = QShortcut(QKeySequence(keys), self)
            page_shortcut.activated.connect(lambda row=row: workspace.go_to(row))
        for keys, slot in ((NEW_TICKET_KEYS, workspace.new_ticket), (SEARCH_KEYS, workspace.focus_search)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        QShortcut(QKeySequence(HELP_KEYS), self).activated.connect(self.show_help)

    def show_help(self) -> None:
        """F1: the shortcuts, in a window over the counter (Esc, F1 or Return closes it)."""
        self.help_overlay = HelpOverlay(self.workspace.shortcut_texts(), self)
        self.help_overlay.open()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.who_label = named(QLabel(), "whoLabel")
        self.lock_label = named(QLabel(), "lockLabel")
        self.sync_status = SyncStatus(self._tasks, lambda: self.session)
        self.scanner = ScannerLink(self)
        self.scanner_button = named(QPushButton(), "scannerButton")
        self.scanner_button.setFlat(True)
        self.scanner_button.clicked.connect(self.choose_scanner)
        self.language_box = named(SettingComboBox(), "languageBox")
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(self._settings.language))
        self.language_box.currentIndexChanged.connect(self._on_language_chosen)
        self.lock_button = named(QPushButton(), "lockButton")
        self.lock_button.clicked.connect(self.lock)
        self.messages_status = MessagesStatus(lambda: self.session)
        for widget in (self.who_label, self.lock_label, self.sync_status, self.messages_status):
            bar.addWidget(widget)
        bar.addPermanentWidget(self.scanner_button)
        bar.addPermanentWidget(self.language_box)
        bar.addPermanentWidget(self.lock_button)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Repair Counter"))
        self.lock_button.setText(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setToolTip(self.tr("F1: keyboard shortcuts"))
        self._show_scanner_state()
        self._refresh_status()

    def _refresh_status(self) -> None:
        session = self.session
        locked = session is None or not session.store.is_open
        self.lock_label.setText(self.tr("Locked") if locked else self.tr("Unlocked"))
        self.lock_button.setEnabled(not locked)
        self.sync_status.refresh()
        self.messages_status.refresh()
        if session is None or locked:
            self.who_label.setText(self.tr("Not signed in"))
            return
        en, zh = ROLE_LABELS[session.role]
        role = zh if current_language() == "zh_CN" else en
        self.who_label.setText(self.tr("Signed in: %1 (%2)").replace("%1", session.engineer_id).replace("%2", role))

    def start_session(self, session: Session) -> None:
        self.session = session
        log.info("signed in as %s", session.engineer_id)
        self.workspace.show_session(session)
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.focus_search()  # the counter starts where a walk-in's ticket or a scan goes
        self.idle.set_minutes(self._settings.idle_lock_minutes)  # a deferred lock may have shortened it
        self.idle.start()
        self.sync_status.start()
        self.workspace.privacy.start_retention(session)  # at start-up, then daily while open
        self._refresh_status()

    def lock(self) -> None:
        """Drop the connection and the key; the sign-in view comes back."""
        if self.session is None:
            return
        if self._tasks.busy:  # never pull the store from under a running job; try again shortly
            return
        self.session.lock()
        log.info("locked")
        self.session = None
        self.workspace.session = None
        self.idle.stop()
        self.sync_status.stop()
        self.workspace.privacy.stop_retention()
        self.login.reset()
        self.stack.setCurrentWidget(self.login)
        self._refresh_status()

    def _on_idle(self) -> None:
        self.lock()
        if self.session is not None:  # a job was running: look again in a minute
            self.idle.set_interval_ms(60_000)
            self.idle.start()

    def _on_language_chosen(self, index: int) -> None:
        code = self.language_box.itemData(index)
        self._languages.apply(code)
        self._settings.language = code
        save_settings(self._vault.paths.settings, self._settings)

    # --- the serial barcode scanner ------------------------------------------------------------

    def choose_scanner(self) -> None:
        """Pick the scanner's port from the PC's list (saved in the settings), or none."""
        self.scanner_dialog = ScannerSettingsDialog(self._settings.scanner_port, self)
        dialog = self.scanner_dialog
        dialog.accepted.connect(lambda: self.use_scanner_port(dialog.chosen_port()))
        dialog.open()

    def use_scanner_port(self, port: str) -> None:
        self._settings.scanner_port = port
        save_settings(self._vault.paths.settings, self._settings)
        self.scanner.start(port)

    def _on_scanned(self, text: str) -> None:
        if self.session is None or self.stack.currentWidget() is not self.workspace:
            log.info("a scan arrived while locked; ignored")  # a locked counter shows nothing of a ticket
            return
        self.workspace.scanned(text)

    def _show_scanner_state(self) -> None:
        link = self.scanner
        if link.listening:
            text = self.tr("Scanner: %1").replace("%1", link.port_name)
        elif link.problem == CANNOT_OPEN:
            text = self.tr("Scanner: %1 cannot be opened (plugged in? used by another program?)").replace(
                "%1", link.port_name
            )
        elif link.problem:
            text = self.tr("Scanner: disconnected from %1; choose its port again").replace("%1", link.port_name)
        elif link.port_name:
            text = self.tr("Scanner: opening %1...").replace("%1", link.port_name)
        else:
            text = self.tr("Scanner: none")
        self.scanner_button.setText(text)
        self.scanner_button.setStyleSheet("color: #b00020;" if link.problem else "")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.scanner.stop(wait=True)
        if self.session is not None:
            self.session.lock()
            self.session = None
        super().closeEvent(event)
