"""The status bar's word on messages: how many wait to be sent, and whether the modem's last try worked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from app.accounts.session import Session
from app.messages.queue_status import queue_status
from app.ui.named import named

_FAULT_COLOUR = "color: #b00020;"


class MessagesStatus(QLabel):
    def __init__(self, session_of: Callable[[], Session | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "messagesStatus")
        self._session_of = session_of

    def refresh(self) -> None:
        session = self._session_of()
        if session is None or not session.store.is_open:
            self.clear()
            return
        status = queue_status(session)
        if status.modem_ok is None:
            modem = self.tr("modem: not used yet")
        elif status.modem_ok:
            modem = self.tr("modem: working")
        else:
            modem = self.tr("modem: last try failed (%1)").replace("%1", status.last_outcome)
        self.setText(self.tr("Messages waiting: %1, %2").replace("%1", str(status.waiting)).replace("%2", modem))
        self.setStyleSheet(_FAULT_COLOUR if status.modem_ok is False else "")
