"""Which serial port the 2D barcode scanner is on: picked from the ports this PC lists, or none.

Nothing is preset: a port is only used after a person picked it here.  "Look again" lists
the ports anew (after plugging the scanner in).  A keyboard-wedge scanner needs no setting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.named import named
from app.ui.serial_ports import SerialPortChoice, serial_ports


class ScannerSettingsDialog(QDialog):
    """accept(): `chosen_port()` is the picked device ("" for no scanner)."""

    def __init__(
        self,
        current: str,
        parent: QWidget | None = None,
        *,
        list_ports: Callable[[], list[SerialPortChoice]] = serial_ports,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scannerSettingsDialog")
        self.setWindowTitle(self.tr("Barcode scanner"))
        self._list_ports, self._current = list_ports, current
        self.explanation = named(QLabel(), "scannerExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setText(
            self.tr(
                "Pick the serial port of the 2D barcode scanner. Its scans fill the IMEI on a new ticket, or search "
                "the queue. A scanner that types like a keyboard needs no port."
            )
        )
        self.ports = named(QListWidget(), "scannerPorts")
        self.ports.itemActivated.connect(lambda _: self.accept())
        self.refresh_button = named(QPushButton(self.tr("&Look again")), "scannerRefresh")
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refill)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.ports, 1)
        layout.addWidget(buttons)
        self.refill()
        self.ports.setFocus()

    def refill(self) -> None:
        """List "no scanner" and every port found; the current choice stays selected (listed even if unplugged)."""
        chosen = self.chosen_port() if self.ports.count() else self._current
        self.ports.clear()
        self._add(self.tr("No serial scanner"), "")
        found = self._list_ports()
        for choice in found:
            self._add(choice.label(), choice.device)
        if chosen and chosen not in {choice.device for choice in found}:
            self._add(self.tr("%1 (not found now)").replace("%1", chosen), chosen)
        for row in range(self.ports.count()):
            if self.ports.item(row).data(Qt.ItemDataRole.UserRole) == chosen:
                self.ports.setCurrentRow(row)

    def _add(self, text: str, device: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, device)
        self.ports.addItem(item)

    def chosen_port(self) -> str:
        item = self.ports.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
