"""The slip buttons of the ticket detail page: Print (system printer, with preview), Save PDF,
Thermal (80 mm ESC/POS over serial), and Retry for thermal slips kept after paper out or offline.

Rendering a PDF and talking to the thermal printer run off the GUI thread
(`BackgroundTasks`); the system printer's preview is a Qt dialog and runs on
the GUI thread.  Every print is journaled by `app.slip.print_service`, which
also checks the print permission.

Signals: `printed(str)` with the ticket number after a slip was printed or saved.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.session import Session
from app.core.roles import Permission, may
from app.device.thermal_printer import PaperOut, PrinterOffline, PrinterPortError
from app.errors import KnownError
from app.slip import print_service
from app.slip.layout import SlipLayout
from app.slip.print_record import SlipFormat, make_record
from app.slip.render_blocks import A4, A5
from app.slip.render_pdf import pdf_bytes
from app.slip.render_print import build_print_preview, spec_for_printer
from app.storage.slip_repository import PrintRow
from app.ui.error_dialogs import show_error
from app.ui.language import on_language_change
from app.ui.named import named
from app.ui.serial_ports import serial_port_names
from app.ui.tasks import BackgroundTasks

log = logging.getLogger(__name__)

# Where the thermal printer's port is preset from (e.g. /dev/ttyUSB0 or COM3).
THERMAL_PORT_ENV = "REPAIR_COUNTER_ESCPOS_PORT"
PRINTER_PROBLEMS = (PaperOut, PrinterOffline, PrinterPortError)


class PrintSlipPanel(QGroupBox):
    printed = Signal(str)

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printSlipPanel")
        self._tasks = tasks
        self._session: Session | None = None
        self._number: str | None = None
        self.print_button = named(QPushButton(), "printSlipButton")
        self.pdf_button = named(QPushButton(), "saveSlipPdfButton")
        self.thermal_button = named(QPushButton(), "thermalSlipButton")
        self.retry_button = named(QPushButton(), "retrySlipButton")
        self.port = named(QComboBox(), "thermalPort")
        self.port.setEditable(True)
        self.port.addItems(serial_port_names())
        if os.environ.get(THERMAL_PORT_ENV):
            self.port.setCurrentText(os.environ[THERMAL_PORT_ENV])
        self.status = named(QLabel(), "slipPrintStatus")
        self.status.setWordWrap(True)
        self.print_button.clicked.connect(self.print_with_preview)
        self.pdf_button.clicked.connect(self.choose_pdf_file)
        self.thermal_button.clicked.connect(self.print_thermal)
        self.retry_button.clicked.connect(self.retry_thermal)
        row = QHBoxLayout()
        for widget in (self.print_button, self.pdf_button, self.port, self.thermal_button, self.retry_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.retry_button.hide()
        self.retranslate()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Repair slip"))
        self.print_button.setText(self.tr("Print..."))
        self.pdf_button.setText(self.tr("Save PDF..."))
        self.thermal_button.setText(self.tr("Thermal"))
        port_field = self.port.lineEdit()
        if port_field is not None:
            port_field.setPlaceholderText(self.tr("Printer port"))
        self._show_waiting()

    # --- what is shown ------------------------------------------------------------------------

    def set_ticket(self, session: Session | None, number: str | None) -> None:
        self._session, self._number = session, number
        allowed = session is not None and may(session.role, Permission.PRINT_SLIPS)
        for button in (self.print_button, self.pdf_button, self.thermal_button, self.retry_button):
            button.setEnabled(allowed)  # the service checks too; this only spares a refusal
        self.status.clear()
        self._show_waiting()

    def _waiting_count(self) -> int:
        if self._session is None or not self._session.store.is_open:
            return 0
        try:
            return len(print_service.pending_jobs(self._session))
        except KnownError:  # no print permission: nothing to retry for this person
            return 0

    def _show_waiting(self) -> None:
        waiting = self._waiting_count()
        self.retry_button.setVisible(waiting > 0)
        self.retry_button.setText(self.tr("Retry (%1 waiting)").replace("%1", str(waiting)))

    def _ready(self) -> tuple[Session, str] | None:
        if self._session is None or self._number is None:
            return None
        return self._session, self._number

    # --- system printer -----------------------------------------------------------------------

    def print_with_preview(self) -> None:
        """Preview on the GUI thread (a Qt dialog), print on the chosen printer, journal it."""
        ready = self._ready()
        if ready is None:
            return
        session, number = ready
        try:
            layout = print_service.slip_layout(session, number)
        except Exception as error:  # noqa: BLE001 - known errors explained, bugs reported
            show_error(self, error)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = build_print_preview(layout, printer, self)
        dialog.setObjectName("slipPrintPreview")
        dialog.accepted.connect(
            lambda: self._journal_system_print(session, layout, printer, int(dialog.property("slipPages") or 1))
        )
        dialog.open()
        self.preview = dialog

    def _journal_system_print(self, session: Session, layout: SlipLayout, printer: QPrinter, pages: int = 1) -> None:
        spec = spec_for_printer(printer)
        output = pdf_bytes(layout, A4 if spec is A4 else A5)  # what was drawn, as a digest the journal keeps
        name = printer.printerName() or printer.outputFileName() or "system"
        record = make_record(
            layout.ticket_number,
            layout.copy_number,
            layout.language,
            "a4" if spec is A4 else "a5",
            f"printer:{name}",
            pages,
            output,
        )
        self._tasks.run(lambda: print_service.record_print(session, record), self._on_printed, self._on_failed)

    # --- PDF ----------------------------------------------------------------------------------

    def choose_pdf_file(self) -> None:
        if self._ready() is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the slip as PDF"), f"{self._number}.pdf", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path, slip_format: SlipFormat = "a5") -> None:
        """Render and journal off the GUI thread."""
        ready = self._ready()
        if ready is None:
            return
        session, number = ready
        self.status.setText(self.tr("Saving the slip..."))
        self._tasks.run(
            lambda: print_service.print_to_file(session, number, path, slip_format),
            self._on_printed,
            self._on_failed,
        )

    # --- thermal ------------------------------------------------------------------------------

    def print_thermal(self) -> None:
        ready = self._ready()
        port = self.port.currentText().strip()
        if ready is None:
            return
        if not port:
            self.status.setText(self.tr("Type the thermal printer's port first (for example COM3 or /dev/ttyUSB0)."))
            return
        session, number = ready
        self.status.setText(self.tr("Sending the slip to the thermal printer..."))
        self._tasks.run(
            lambda: print_service.print_to_thermal(session, number, port), self._on_printed, self._on_failed
        )

    def retry_thermal(self) -> None:
        if self._session is None:
            return
        session = self._session
        self.status.setText(self.tr("Sending the kept slips again..."))
        self._tasks.run(lambda: print_service.retry_thermal_jobs(session), self._on_retried, self._on_failed)

    # --- outcomes (GUI thread) ----------------------------------------------------------------

    def _on_printed(self, row: PrintRow) -> None:
        copy = self.tr(" (copy %1)").replace("%1", str(row.copy_number)) if row.copy_number else ""
        self.status.setText(self.tr("Slip printed%1: %2").replace("%1", copy).replace("%2", row.target))
        self._show_waiting()
        self.printed.emit(row.ticket_number)

    def _on_retried(self, outcome: print_service.RetryOutcome) -> None:
        if outcome.error is not None:
            self._on_failed(outcome.error)
            return
        self.status.setText(self.tr("%1 kept slip(s) printed.").replace("%1", str(len(outcome.printed))))
        self._show_waiting()
        if outcome.printed:
            self.printed.emit(outcome.printed[-1].ticket_number)

    def _on_failed(self, error: BaseException) -> None:
        self._show_waiting()
        if isinstance(error, PRINTER_PROBLEMS):
            reason = (
                self.tr("The printer is out of paper.")
                if isinstance(error, PaperOut)
                else self.tr("The printer is offline or cannot be reached.")
            )
            self.status.setText(reason + " " + self.tr("The slip is kept: fix the printer, then press Retry."))
        else:
            self.status.setText(self.tr("The slip was not printed."))
        self.error_box = show_error(self, error)
