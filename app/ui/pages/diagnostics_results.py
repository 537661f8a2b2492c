"""The results panel of the diagnostics page: per-function progress, findings, battery verdict, log access.

Signals: `log_requested(str)` with the stored log capture's id.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.battery_verdict import BatteryAdvice
from app.core.masking import mask_imei
from app.core.privacy_catalogue import FUNCTIONS
from app.diagnostics.report import REVOKE_USB_DEBUGGING, RunReport

_ADVICE_COLOURS = {
    BatteryAdvice.FREE_REPLACEMENT: "#1b5e20",
    BatteryAdvice.PAID_REPLACEMENT: "#8a4b00",
    BatteryAdvice.HEALTHY: "#1b5e20",
    BatteryAdvice.UNKNOWN: "#555555",
}


class ProgressPanel(QGroupBox):
    """One QProgressBar per step ("tool" and each chosen function)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.bars: dict[str, QProgressBar] = {}
        self.labels: dict[str, QLabel] = {}
        self._grid = QGridLayout(self)

    def relabel(self, labels: dict[str, str]) -> None:
        """New texts for the rows (after a language switch)."""
        for step, label in self.labels.items():
            label.setText(labels.get(step, label.text()))

    def reset(self, steps: list[tuple[str, str]]) -> None:
        """(step id, label) rows, all at 0."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.bars, self.labels = {}, {}
        for row, (step, label) in enumerate(steps):
            name = QLabel(label)
            bar = QProgressBar(objectName=f"progress_{step}")
            bar.setRange(0, 100)
            bar.setValue(0)
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(bar, row, 1)
            self.bars[step], self.labels[step] = bar, name

    def set_progress(self, step: str, fraction: float) -> None:
        bar = self.bars.get(step)
        if bar is not None:
            bar.setValue(max(bar.value(), int(round(fraction * 100))))


class ResultsPanel(QGroupBox):
    log_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsPanel")
        self.status = QLabel(objectName="runStatus")
        self.status.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 2, objectName="resultsTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.verdict = QLabel(objectName="batteryVerdict")
        self.verdict.setWordWrap(True)
        self.notes = QLabel(objectName="runNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #555555;")
        self.revoke = QLabel(objectName="revokeReminder")
        self.revoke.setWordWrap(True)
        self.revoke.setStyleSheet("background: #fff4ce; padding: 6px; border-radius: 4px;")
        self.placeholder = QLabel(objectName="resultsPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #555555;")
        self.log_button = QPushButton(objectName="viewLogButton")
        self.log_button.clicked.connect(self._on_log_clicked)
        self._log_id: str | None = None
        layout = QVBoxLayout(self)
        for widget in (
            self.placeholder,
            self.status,
            self.table,
            self.verdict,
            self.notes,
            self.revoke,
            self.log_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.clear()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Results"))
        self.log_button.setText(self.tr("View the device log"))
        self.placeholder.setText(
            self.tr(
                "The findings appear here when the checks have run. Nothing is read from "
                "the phone before the customer consents."
            )
        )

    def clear(self) -> None:
        self.retranslate()
        self.status.clear()
        self.table.setRowCount(0)
        self.table.hide()
        self.placeholder.show()
        self.verdict.clear()
        self.notes.clear()
        self.revoke.hide()
        self.log_button.hide()
        self._log_id = None

    def _on_log_clicked(self) -> None:
        if self._log_id:
            self.log_requested.emit(self._log_id)

    def status_text(self, report: RunReport) -> str:
        return self.status_text_for(report.status)

    def status_text_for(self, status: str) -> str:
        texts = {
            "complete": self.tr("Diagnostics complete."),
            "incomplete": self.tr(
                "Diagnostics incomplete: the phone was disconnected or did not answer. What was read before is kept."
            ),
            "declined": self.tr(
                "The customer declined the tool update: no diagnostics were run. "
                "The repair goes on; the slip will say so."
            ),
            "cancelled": self.tr("Diagnostics cancelled."),
            "withdrawn": self.tr("The customer withdrew consent: processing stopped and the data was deleted."),
        }
        return texts.get(status, status)

    def show_report(self, report: RunReport, language: str) -> None:
        self.clear()
        self.status.setText(self.status_text(report))
        colour = "#1b5e20" if report.complete else "#8a4b00"
        self.status.setStyleSheet(f"font-size: 15px; font-weight: 600; color: {colour};")
        rows = self._rows(report, language)
        self.placeholder.hide()
        self.table.setRowCount(len(rows))
        for r, (name, value) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            self.table.setItem(r, 1, QTableWidgetItem(value))
        self.table.setFixedHeight(self.table.verticalHeader().length() + 4)
        self.table.show()
        if report.verdict is not None:
            self.verdict.setText(report.verdict.reason.get(language))
            self.verdict.setStyleSheet(f"font-weight: 600; color: {_ADVICE_COLOURS[report.verdict.advice]};")
        self.notes.setText("\n".join(note.get(language) for note in report.notes))
        if report.reached_phone:
            self.revoke.setText(self.tr("Before handing the phone back: ") + REVOKE_USB_DEBUGGING.get(language))
            self.revoke.show()
        self._log_id = report.log_id
        self.log_button.setVisible(report.log_id is not None)

    def _rows(self, report: RunReport, language: str) -> list[tuple[str, str]]:
        rows = [
            (
                self.tr("Checks"),
                ", ".join(
                    f"{FUNCTIONS[f].label.get(language)}: {self._function_state(report.function_status.get(f, ''))}"
                    for f in report.functions
                ),
            )
        ]
        tool = report.tool
        installed = str(tool.installed_version) if tool.installed_version is not None else self.tr("not installed")
        rows.append((self.tr("Diagnostic tool"), installed + (self.tr(" (updated)") if tool.updated else "")))
        identity = report.identity or {}
        battery = report.battery or {}
        values = [
            (self.tr("IMEI"), ", ".join(mask_imei(i) for i in identity.get("imei") or [])),
            (self.tr("Model"), " ".join(str(identity.get(k) or "") for k in ("brand", "model")).strip()),
            (self.tr("Android"), str(identity.get("android_release") or "")),
            (self.tr("Build"), str(identity.get("build") or "")),
            (self.tr("Battery level"), _unit(battery.get("level"), "%")),
            (self.tr("Battery health"), _unit(battery.get("health_percent"), "%")),
            (self.tr("Health read by"), self._source((battery.get("source") or {}).get("health_percent"))),
            (self.tr("Charge cycles"), _unit(battery.get("cycle_count"), "")),
            (self.tr("Temperature"), _unit(battery.get("temperature_c"), " °C")),
        ]
        return rows + [(name, value) for name, value in values if value]

    def _source(self, source: str | None) -> str:
        """How a reading was obtained, in words (the stored value is the identifier)."""
        if source is None:
            return ""
        return {
            "diagnostic_tool": self.tr("the on-phone diagnostic tool"),
            "dumpsys_battery": self.tr("dumpsys battery"),
            "batterystats": self.tr("batterystats (learned capacity)"),
            "cycle_count_broadcast": self.tr("the battery broadcast"),
        }.get(source, source)

    def _function_state(self, state: str) -> str:
        return {
            "collected": self.tr("done"),
            "no_data": self.tr("no data"),
            "not_consented": self.tr("not consented"),
            "pending": self.tr("not finished"),
            "not_run": self.tr("not run"),
        }.get(state, state)


def _unit(value: object, unit: str) -> str:
    return "" if value is None else f"{value}{unit}"
