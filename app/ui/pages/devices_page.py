"""Attached phones, their adb state, and what to do next for each.

Nothing is read from a phone here: the state, and the model each phone is listed by, come from
the adb server's device list (what the phone announced when plugged in).  Reading the phone waits
for the customer's consent on the diagnostics page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidgetItem, QWidget

from app.accounts.session import Session
from app.device.tracking import ABSENT, advice_for
from app.ui.language import current_language
from app.ui.named import named
from app.ui.pages.page_base import Page, fill_table, read_only_table
from app.ui.phone_names import phone_name

STATE_COLOURS = {"device": "#1b5e20", "unauthorized": "#b26a00", "offline": "#b00020"}


class DevicesPage(Page):
    """Signals: `phone_chosen(serial, state)` when a row is activated (Enter or double-click)."""

    phone_chosen = Signal(str, str)

    def __init__(self, model_of: Callable[[str], str] | None = None, parent: QWidget | None = None) -> None:
        """`model_of(serial)`: the model the adb server lists for a phone ("" when unknown)."""
        super().__init__("devicesPage", parent)
        self._model_of = model_of or (lambda serial: "")
        self._states: dict[str, str] = {}
        self.empty_hint = named(QLabel(), "noPhoneHint")
        self.empty_hint.setWordWrap(True)
        self.table = read_only_table("deviceTable", 3, resize=QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.itemActivated.connect(self._on_row_activated)
        layout = self.body
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Phones"))
        self.empty_hint.setText(
            self.tr("No phone is connected. Plug the customer's phone in with a data cable and turn on USB debugging.")
        )
        self.table.setHorizontalHeaderLabels([self.tr("Phone"), self.tr("State"), self.tr("What to do")])
        self._refill()

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        self._refill()

    def state_label(self, state: str) -> str:
        labels = {
            "device": self.tr("Ready"),
            "unauthorized": self.tr("Not allowed yet"),
            "offline": self.tr("Not answering"),
            "authorizing": self.tr("Waiting for the phone"),
        }
        return labels.get(state, state)

    def set_states(self, states: dict[str, str]) -> None:
        self._states = {s: st for s, st in states.items() if st != ABSENT}
        self._refill()

    def on_device_changed(self, serial: str, state: str) -> None:
        if state == ABSENT:
            self._states.pop(serial, None)
        else:
            self._states[serial] = state
        self._refill()

    def serial_at(self, row: int) -> str:
        """The adb serial of the phone on `row` (the row shows its model)."""
        item = self.table.item(row, 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _on_row_activated(self, item: QTableWidgetItem) -> None:
        serial = self.serial_at(item.row())
        self.phone_chosen.emit(serial, self._states.get(serial, ABSENT))

    def _refill(self) -> None:
        rows = sorted(self._states.items())
        self.empty_hint.setVisible(not rows)
        items = fill_table(
            self.table,
            (
                (phone_name(serial, self._model_of(serial)), self.state_label(state), self._advice(state))
                for serial, state in rows
            ),
        )
        for (serial, state), row in zip(rows, items, strict=True):
            row[0].setData(Qt.ItemDataRole.UserRole, serial)
            row[0].setToolTip(self.tr("Connection: %1").replace("%1", serial))
            row[1].setForeground(QColor(STATE_COLOURS.get(state, "#333333")))
            row[1].setData(Qt.ItemDataRole.UserRole, state)
        self.table.resizeRowsToContents()

    def _advice(self, state: str) -> str:
        if state == "device":
            return self.tr("Ready: press Enter to open diagnostics; nothing is read before the customer agrees.")
        en, zh = advice_for(state)
        return zh if current_language() == "zh_CN" else en
