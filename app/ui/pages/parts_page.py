"""Spare parts (managers): the outlet's stock per part, a low-stock filter, and scan-to-receive.

A keyboard-wedge scanner types a part label and Enter into the scan field; the label is checked
genuine offline (the maker's signature) and the part enters stock, or the refusal says why.
Every change is made by the parts service in the background; the table then shows the stock again.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.accounts.session import Session
from app.core.part_labels import MAX_LABEL, PartLabel
from app.core.reference_data import ReferenceData
from app.parts import stock
from app.storage.parts_repository import StockLevel
from app.ui.error_dialogs import show_error
from app.ui.language import current_language
from app.ui.named import named
from app.ui.pages.page_base import Page, fill_table, read_only_table
from app.ui.tasks import BackgroundTasks

_LOW_COLOUR = "#b00020"


class PartsPage(Page):
    refill_on_language = True  # part names come from the price list in the interface language

    def __init__(self, tasks: BackgroundTasks, reference: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__("partsPage", parent)
        self._tasks = tasks
        self._names = {item.part_id: item.name for item in reference.price_list.items}
        self.scan = named(QLineEdit(), "partScan")
        self.scan.setMaxLength(MAX_LABEL + 2)  # bounded like the service's parser (plus a scanner's CR LF)
        self.scan.returnPressed.connect(self._on_scanned)
        self.receive_button = named(QPushButton(), "receiveButton")
        self.receive_button.clicked.connect(self._on_scanned)
        self.low_only = named(QCheckBox(), "lowOnly")
        self.low_only.toggled.connect(self._on_filter_changed)
        self.result = named(QLabel(), "partsResult")
        self.table = read_only_table("partsTable", 7)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.receive_button)
        scan_row.addWidget(self.low_only)
        self.body.addLayout(scan_row)
        self.body.addWidget(self.result)
        self.body.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Spare parts"))
        self.scan.setPlaceholderText(self.tr("Scan a part label to receive the part"))
        self.receive_button.setText(self.tr("&Receive"))
        self.low_only.setText(self.tr("&Low stock only"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Part"),
                self.tr("Name"),
                self.tr("Bin"),
                self.tr("On hand"),
                self.tr("Reserved"),
                self.tr("Available"),
                self.tr("Minimum"),
            ]
        )

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        levels = stock.low_stock(session) if self.low_only.isChecked() else stock.stock(session)
        self._fill(levels)

    def _fill(self, levels: list[StockLevel]) -> None:
        language = current_language()
        rows = [
            (
                level.part_id,
                self._name(level.part_id, language),
                level.bin,
                str(level.on_hand),
                str(level.reserved),
                str(level.available),
                str(level.minimum),
            )
            for level in levels
        ]
        items = fill_table(self.table, rows)
        for level, row in zip(levels, items, strict=True):
            if level.low:
                for item in row:
                    item.setForeground(QBrush(QColor(_LOW_COLOUR)))

    def _name(self, part_id: str, language: str) -> str:
        name = self._names.get(part_id)
        if name is None:
            return ""
        return name.zh_CN if language == "zh_CN" else name.en

    def _on_filter_changed(self) -> None:
        session = self.open_session()
        if session is not None:
            self.show_session(session)

    def _on_scanned(self) -> None:
        session = self.open_session()
        text = self.scan.text()
        if session is None or not text.strip():
            return
        self.scan.clear()
        self.receive_button.setEnabled(False)
        self._tasks.run(lambda: stock.receive_label(session, text), self._on_received, self._on_failed)

    def _on_received(self, result: tuple[StockLevel, PartLabel]) -> None:
        level, label = result
        self.receive_button.setEnabled(True)
        self.result.setStyleSheet("color: #1b5e20;")
        self.result.setText(
            self.tr("Genuine part, verified: %1 serial %2 received; %3 on hand.")
            .replace("%1", label.part_id)
            .replace("%2", label.serial)
            .replace("%3", str(level.on_hand))
        )
        session = self.open_session()
        if session is not None:
            self.show_session(session)
        self.scan.setFocus()

    def _on_failed(self, error: BaseException) -> None:
        self.receive_button.setEnabled(True)
        self.result.clear()
        show_error(self, error)
        self.scan.setFocus()
