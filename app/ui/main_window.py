"""The main window: a shell around the sign-in view and the workspace (navigation + pages).

Locking (Ctrl+L, or idle for the set minutes) records the journal anchor,
closes the database connection, wipes the key, and shows the sign-in view.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QStackedWidget

from app.accounts.session import Session
from app.core.roles import ROLE_LABELS
from app.settings import Settings, save_settings
from app.storage.vault import Vault
from app.ui.barcode_scanner import CANNOT_OPEN, ScannerLink
from app.ui.fields import SettingComboBox
from app.ui.idle_lock import IdleWatcher
from app.ui.language import LANGUAGE_NAMES, LanguageSwitcher, current_language, on_language_change
from app.ui.login_view import LoginView
from app.ui.messages_status import MessagesStatus
from app.ui.named import named
from app.ui.shortcuts import HELP_KEYS, LOCK_KEYS, NEW_TICKET_KEYS, PAGE_KEYS, SEARCH_KEYS
from app.ui.sync_status import SyncStatus
from app.ui.tasks import BackgroundTasks

if TYPE_CHECKING:  # the workspace and the phones load at the first sign-in (see `workspace`), dialogs when opened
    from PySide6.QtGui import QCloseEvent

    from app.core.reference_data import ReferenceData
    from app.ui.device_monitor import DeviceMonitor
    from app.ui.dialogs.help_overlay import HelpOverlay
    from app.ui.dialogs.scanner_settings_dialog import ScannerSettingsDialog
    from app.ui.workspace import Workspace

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        vault: Vault,
        settings: Settings,
        tasks: BackgroundTasks,
        languages: LanguageSwitcher,
        monitor: DeviceMonitor | None = None,
        reference: ReferenceData | None = None,
        start_monitor: Callable[[], DeviceMonitor | None] | None = None,
    ) -> None:
        """`start_monitor`, when given and `monitor` is None, starts following the phones when the
        workspace is built (at the first sign-in), so no adb server starts before the window shows."""
        super().__init__()
        self.setObjectName("mainWindow")
        self._vault, self._settings, self._tasks, self._languages = vault, settings, tasks, languages
        self.session: Session | None = None
        self.login = LoginView(vault, tasks)
        self.monitor = monitor
        self._start_monitor, self._reference = start_monitor, reference
        self._workspace: Workspace | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login)
        self.setCentralWidget(self.stack)
        self._build_status_bar()
        self.login.signed_in.connect(self.start_session)
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

    @property
    def workspace(self) -> Workspace:
        """The navigation and pages, built on first use (the first sign-in): the sign-in view shows
        without loading sync, diagnostics or adb (tests/bench/bench_cold_start.py)."""
        if self._workspace is None:
            from app.core.reference_data import default_resources_dir, load_reference_data
            from app.ui.workspace import Workspace  # deferred on purpose: see the docstring

            if self.monitor is None and self._start_monitor is not None:
                self.monitor = self._start_monitor()
            reference = self._reference or load_reference_data(default_resources_dir())
            self._workspace = Workspace(self._tasks, self.monitor, reference)
            self._workspace.staff.store_reopened.connect(self._refresh_status)
            self._workspace.hub.synced.connect(self._refresh_status)  # its "changes kept here" moved
            self.stack.addWidget(self._workspace)
        return self._workspace

    def _bind_shortcuts(self) -> None:
        for row, keys in enumerate(PAGE_KEYS):
            page_shortcut = QShortcut(QKeySequence(keys), self)
            page_shortcut.activated.connect(lambda row=row: self.session is not None and self.workspace.go_to(row))
        for keys, slot in ((NEW_TICKET_KEYS, "new_ticket"), (SEARCH_KEYS, "focus_search")):
            QShortcut(QKeySequence(keys), self).activated.connect(lambda slot=slot: self._in_workspace(slot))
        QShortcut(QKeySequence(HELP_KEYS), self).activated.connect(self.show_help)

    def _in_workspace(self, action: str) -> None:
        """A workspace shortcut: nothing while signed out (the workspace may not be built yet)."""
        if self.session is not None:
            getattr(self.workspace, action)()

    def show_help(self) -> None:
        """F1: the shortcuts, in a window over the counter (Esc, F1 or Return closes it)."""
        from app.ui.dialogs.help_overlay import HelpOverlay  # its table widgets load on F1, not at start-up

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
        from app.ui.dialogs.scanner_settings_dialog import ScannerSettingsDialog  # on first use, not at start-up

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
