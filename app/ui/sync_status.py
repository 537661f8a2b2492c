"""Sync in the background on a schedule, and its state in the status bar.

A round runs on the shared background tasks, so the counter never waits for
the line; the widget shows the last sync, what is pending, and the last error
with its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.accounts.session import Session
from app.ui.language import on_language_change
from app.ui.named import named
from app.ui.tasks import BackgroundTasks

if TYPE_CHECKING:
    from app.sync.service import SyncState

SCHEDULE_MINUTES = 5


class SyncStatus(QWidget):
    """Status-bar widget with a "Sync now" button; syncs every SCHEDULE_MINUTES while signed in."""

    def __init__(
        self, tasks: BackgroundTasks, current_session: Callable[[], Session | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self._tasks, self._current_session = tasks, current_session
        self._running = False
        self.label = named(QLabel(), "syncLabel")
        self.button = named(QPushButton(), "syncNowButton")
        self.button.clicked.connect(self.sync_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setInterval(SCHEDULE_MINUTES * 60_000)
        self.timer.timeout.connect(self.sync_now)
        self.retranslate()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Sync now"))
        self.refresh()

    def start(self) -> None:
        self.timer.start()
        self.refresh()

    def stop(self) -> None:
        self.timer.stop()
        self.refresh()

    def refresh(self) -> None:
        session = self._current_session()
        if session is None or not session.store.is_open:
            self.label.clear()
            self.button.setEnabled(False)
            return
        from app.sync import service  # sync (httpx, pydantic) loads after sign-in, not before the window shows

        state = service.sync_state(session)
        self.button.setEnabled(state.enrolled and not self._running)
        self.label.setText(self.describe(state))
        self.label.setStyleSheet("color: #b00020;" if state.last_error else "")
        self.label.setToolTip(state.last_error)

    def describe(self, state: SyncState) -> str:
        if not state.enrolled:
            return self.tr("Offline: not enrolled with an upstream; %1 changes kept here").replace(
                "%1", str(state.pending)
            )
        if self._running:
            return self.tr("Syncing...")
        last = state.last_sync[:16].replace("T", " ") if state.last_sync else self.tr("never")
        text = self.tr("Last sync %1 (UTC); %2 waiting").replace("%1", last).replace("%2", str(state.pending))
        text += " - " + self.tr("reference data %1").replace("%1", state.reference_version)
        if state.last_error:
            text += " - " + self.tr("last error: %1").replace("%1", state.last_error[:120])
        return text

    def sync_now(self) -> None:
        from app.sync import service  # after sign-in only: see refresh()

        session = self._current_session()
        if session is None or self._running or not service.is_enrolled(session):
            return
        self._running = True
        self.refresh()
        self._tasks.run(lambda: service.sync_once(session), self._on_done, self._on_done)

    def _on_done(self, _result: object) -> None:
        """Success or failure alike: the reason is stored and shown; the queue is kept."""
        self._running = False
        self.refresh()
