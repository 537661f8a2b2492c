"""The results panel of the diagnostics page: per-function progress, findings, battery verdict, log access.

Every function's finding is shown in words (its verdict's reason in the chosen language), the likely
fault categories ranked with the findings behind them, and, for a phone seen before, its earlier runs
with battery health and cycles as a small bar chart.

Signals: `log_requested(str)` with the stored log capture's id; `suggestion_accepted(str)` with the
fault category the technician accepted (nothing is chosen for them).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor
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
from app.core.localized import LocalizedText
from app.core.masking import mask_imei
from app.core.privacy_catalogue import FAULTS, FUNCTIONS
from app.diagnostics.report import REVOKE_USB_DEBUGGING, RunReport
from app.ui.named import named
from app.ui.pages.page_base import fill_table, read_only_table

_COLON = LocalizedText("：", ": ")  # a domain line in the customer's language, so its punctuation too
_STATUS_COLOURS = {"ok": "#1b5e20", "fault": "#b3261e", "unknown": "#555555"}
#: Width of the longest bar of the battery-history chart, in block characters.
_BAR_WIDTH = 20
_ADVICE_COLOURS = {
    BatteryAdvice.FREE_REPLACEMENT: "#1b5e20",
    BatteryAdvice.PAID_REPLACEMENT: "#8a4b00",
    BatteryAdvice.HEALTHY: "#1b5e20",
    BatteryAdvice.UNKNOWN: "#555555",
}


class ProgressPanel(QGroupBox):
    """One row per step ("tool" and each chosen function): a bar and the seconds it has taken.

    A step reports 0 when it starts and 1 when it ends, with fractions between when it knows them
    (the tool's wait).  While a started step has no fraction yet its bar runs as busy, so a step
    that takes a while never looks stuck at 0 %; the seconds tick until it ends.
    """

    TICK_MS = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.bars: dict[str, QProgressBar] = {}
        self.labels: dict[str, QLabel] = {}
        self.times: dict[str, QLabel] = {}
        self._started: dict[str, float] = {}
        self._ended: dict[str, float] = {}
        self._grid = QGridLayout(self)
        self._ticker = QTimer(self)
        self._ticker.setInterval(self.TICK_MS)
        self._ticker.timeout.connect(self._show_times)

    def relabel(self, labels: dict[str, str]) -> None:
        """New texts for the rows (after a language switch)."""
        for step, label in self.labels.items():
            label.setText(labels.get(step, label.text()))
        self._show_times()

    def reset(self, steps: list[tuple[str, str]]) -> None:
        """(step id, label) rows, all at 0."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.bars, self.labels, self.times = {}, {}, {}
        self._started, self._ended = {}, {}
        for row, (step, label) in enumerate(steps):
            name = QLabel(label)
            bar = named(QProgressBar(), f"progress_{step}")
            bar.setRange(0, 100)
            bar.setValue(0)
            seconds = named(QLabel(), f"elapsed_{step}")
            seconds.setMinimumWidth(56)
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(bar, row, 1)
            self._grid.addWidget(seconds, row, 2)
            self.bars[step], self.labels[step], self.times[step] = bar, name, seconds
        self._ticker.stop()

    def set_progress(self, step: str, fraction: float) -> None:
        bar = self.bars.get(step)
        if bar is None:
            return
        now = time.monotonic()
        self._started.setdefault(step, now)
        percent = int(round(fraction * 100))
        if percent >= 100:
            self._ended.setdefault(step, now)
            bar.setRange(0, 100)
            bar.setValue(100)
        elif percent > 0:
            bar.setRange(0, 100)
            bar.setValue(max(bar.value(), percent))
        elif step not in self._ended:
            bar.setRange(0, 0)  # started, no fraction known yet: a busy bar
        if any(s not in self._ended for s in self._started):
            self._ticker.start()
        else:
            self._ticker.stop()
        self._show_times()

    def stop(self) -> None:
        """The run ended (done, cancelled, unplugged): no bar stays busy, no clock keeps ticking."""
        now = time.monotonic()
        for step, bar in self.bars.items():
            if step in self._started and step not in self._ended:
                self._ended[step] = now
            if bar.maximum() == 0:
                bar.setRange(0, 100)
        self._ticker.stop()
        self._show_times()

    def elapsed(self, step: str) -> float | None:
        """Seconds the step took (or has taken so far); None when it has not started."""
        if step not in self._started:
            return None
        return self._ended.get(step, time.monotonic()) - self._started[step]

    def _show_times(self) -> None:
        for step, label in self.times.items():
            seconds = self.elapsed(step)
            label.setText("" if seconds is None else self.tr("%1 s").replace("%1", f"{seconds:.1f}"))


class ResultsPanel(QGroupBox):
    log_requested = Signal(str)
    suggestion_accepted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsPanel")
        self.status = named(QLabel(), "runStatus")
        self.status.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.status.setWordWrap(True)
        self.table = named(QTableWidget(0, 2), "resultsTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.verdict = named(QLabel(), "batteryVerdict")
        self.verdict.setWordWrap(True)
        self.findings = read_only_table("findingsTable", 3, resize=QHeaderView.ResizeMode.ResizeToContents)
        self.findings.setWordWrap(True)
        self.suggestions = named(QLabel(), "faultSuggestions")
        self.suggestions.setWordWrap(True)
        self.accept_button = named(QPushButton(), "acceptSuggestionButton")
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.history = named(QLabel(), "phoneHistory")
        self.history.setWordWrap(True)
        self.history.setStyleSheet("font-family: monospace;")
        self._top_fault: str | None = None
        self.notes = named(QLabel(), "runNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #555555;")
        self.revoke = named(QLabel(), "revokeReminder")
        self.revoke.setWordWrap(True)
        self.revoke.setStyleSheet("background: #fff4ce; padding: 6px; border-radius: 4px;")
        self.placeholder = named(QLabel(), "resultsPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #555555;")
        self.log_button = named(QPushButton(), "viewLogButton")
        self.log_button.clicked.connect(self._on_log_clicked)
        self._log_id: str | None = None
        layout = QVBoxLayout(self)
        for widget in (
            self.placeholder,
            self.status,
            self.table,
            self.verdict,
            self.findings,
            self.suggestions,
            self.accept_button,
            self.history,
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
        self.accept_button.setText(self.tr("Use the top suggestion as the fault category"))
        self.findings.setHorizontalHeaderLabels([self.tr("Check"), self.tr("Result"), self.tr("Finding")])
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
        self.findings.setRowCount(0)
        self.findings.hide()
        self.suggestions.clear()
        self.accept_button.hide()
        self.history.clear()
        self._top_fault = None
        self.notes.clear()
        self.revoke.hide()
        self.log_button.hide()
        self._log_id = None

    def _on_accept_clicked(self) -> None:
        if self._top_fault:
            self.suggestion_accepted.emit(self._top_fault)

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
        self._show_findings(report, language)
        self._show_suggestions(report, language)
        self.history.setText(self._history_text(report))
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

    def _show_findings(self, report: RunReport, language: str) -> None:
        """One row per chosen function: its result in a word and its finding in a sentence."""
        rows, colours = [], []
        for function in report.functions:
            verdict = report.verdicts.get(function)
            state = report.function_status.get(function, "not_run")
            if verdict is not None:
                word, finding = self._verdict_word(verdict.status.value), verdict.reason.get(language)
                colour: str | None = _STATUS_COLOURS[verdict.status.value]
            else:
                word, finding, colour = self._function_state(state), self._state_finding(function, state), None
            rows.append((FUNCTIONS[function].label.get(language), word, finding))
            colours.append(colour)
        items = fill_table(self.findings, rows)
        for row, colour in zip(items, colours, strict=True):
            if colour:
                row[1].setForeground(QColor(colour))
        self.findings.resizeRowsToContents()
        self.findings.setFixedHeight(
            self.findings.horizontalHeader().height() + self.findings.verticalHeader().length() + 4
        )
        self.findings.setVisible(bool(rows))

    def _verdict_word(self, status: str) -> str:
        return {"ok": self.tr("OK"), "fault": self.tr("Fault found"), "unknown": self.tr("No verdict")}[status]

    def _state_finding(self, function: str, state: str) -> str:
        if function == "identity" and state == "collected":
            return self.tr("The phone was identified (see above).")
        if function == "logs" and state == "collected":
            return self.tr("The device log was read and stored without personal data.")
        return {
            "no_data": self.tr("The phone gave no reading for this check."),
            "not_consented": self.tr("Not run: the customer did not consent to what it reads."),
        }.get(state, "")

    def _show_suggestions(self, report: RunReport, language: str) -> None:
        if not report.suggestions:
            return
        lines = [self.tr("Likely faults, most likely first:")]
        for rank, suggestion in enumerate(report.suggestions, start=1):
            label = FAULTS[suggestion["fault"]].label.get(language)
            because = "; ".join(LocalizedText(**reason["text"]).get(language) for reason in suggestion["because"])
            lines.append(f"{rank}. {label}{_COLON.get(language)}{because}")
        self.suggestions.setText("\n".join(lines))
        self._top_fault = str(report.suggestions[0]["fault"])
        self.accept_button.show()

    def _history_text(self, report: RunReport) -> str:
        """The phone's earlier runs: date, battery health as a bar, cycles; empty for a phone not seen before."""
        if not report.history:
            return ""
        lines = [self.tr("This phone was seen before (battery health and charge cycles):")]
        for entry in report.history:
            health = entry.get("health_percent")
            bar = "█" * round((health or 0) / 100 * _BAR_WIDTH)
            health_text = f"{health:.0f}%" if health is not None else "—"
            cycles = entry.get("cycle_count")
            cycles_text = self.tr("%1 cycles").replace("%1", str(int(cycles))) if cycles is not None else ""
            lines.append(f"{str(entry['started_at'])[:10]}  {bar:<{_BAR_WIDTH}} {health_text:>5}  {cycles_text}")
        return "\n".join(lines)

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
            "collected": self.tr("read"),
            "no_data": self.tr("no data"),
            "not_consented": self.tr("not consented"),
            "pending": self.tr("not finished"),
            "not_run": self.tr("not run"),
        }.get(state, state)


def _unit(value: object, unit: str) -> str:
    return "" if value is None else f"{value}{unit}"
