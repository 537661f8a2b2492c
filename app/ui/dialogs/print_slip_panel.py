"""The slip buttons of the ticket detail page: Print (system printer, with preview), Save PDF,
Thermal (80 mm ESC/POS over serial), and Retry for thermal slips kept after paper out or offline.

Rendering a PDF and talking to the thermal printer run off the GUI thread
(`BackgroundTasks`), with a busy bar and the buttons disabled meanwhile; the system
printer's preview is a Qt dialog and runs on the GUI thread, opened at the page's width.
PDFs are offered in the data directory's slips folder; the thermal printer's port is
picked from the serial ports found (pyserial), never preset.  Every print is journaled by
`app.slip.print_service`, which also checks the print permission.

Signals: `printed(str)` with the ticket number after a slip was printed or saved.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
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
from app.ui.busy import BusyBar
from app.ui.error_dialogs import show_error
from app.ui.file_dialogs import worded_file_dialog
from app.ui.language import on_language_change
from app.ui.live_text import say
from app.ui.named import named
from app.ui.serial_ports import SerialPortChoice, ports_with_hardware
from app.ui.tasks import BackgroundTasks

log = logging.getLogger(__name__)

# Where the thermal printer's port is preset from (e.g. /dev/ttyUSB0 or COM3).
THERMAL_PORT_ENV = "REPAIR_COUNTER_ESCPOS_PORT"
PRINTER_PROBLEMS = (PaperOut, PrinterOffline, PrinterPortError)


class PrintSlipPanel(QGroupBox):
    printed = Signal(str)

    def __init__(
        self,
        tasks: BackgroundTasks,
        parent: QWidget | None = None,
        *,
        list_ports: Callable[[], list[SerialPortChoice]] = ports_with_hardware,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printSlipPanel")
        self._tasks = tasks
        self._session: Session | None = None
        self._number: str | None = None
        self.print_button = named(QPushButton(), "printSlipButton")
        self.pdf_button = named(QPushButton(), "saveSlipPdfButton")
        self.thermal_button = named(QPushButton(), "thermalSlipButton")
        self.retry_button = named(QPushButton(), "retrySlipButton")
        self._list_ports = list_ports
        self.port = named(QComboBox(), "thermalPort")
        self.port.setEditable(True)  # a port not listed (a network bridge, COM20) can still be typed
        self.port.setMinimumContentsLength(14)
        self.refill_ports()
        if os.environ.get(THERMAL_PORT_ENV):
            self.port.setCurrentText(os.environ[THERMAL_PORT_ENV])
        self.status = named(QLabel(), "slipPrintStatus")
        self.status.setWordWrap(True)
        self.busy = BusyBar("slipBusy")
        self.print_button.clicked.connect(self.print_with_preview)
        self.pdf_button.clicked.connect(self.choose_pdf_file)
        self.thermal_button.clicked.connect(self.print_thermal)
        self.retry_button.clicked.connect(self.retry_thermal)
        row = QHBoxLayout()
        for widget in (self.print_button, self.pdf_button, self.port, self.thermal_button, self.retry_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        self.retry_button.hide()
        self.retranslate()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Repair slip"))
        self.print_button.setText(self.tr("Print..."))
        self.pdf_button.setText(self.tr("Save PDF..."))
        self.thermal_button.setText(self.tr("Thermal"))
        self._show_port_hint()
        self._show_waiting()

    # --- the thermal printer's port -----------------------------------------------------------

    def refill_ports(self) -> None:
        """List the serial ports found now; what was typed or chosen stays; nothing is preselected."""
        chosen = self.port.currentText()
        self.port.clear()
        for choice in self._list_ports():
            self.port.addItem(choice.label(), choice.device)
        self.port.setCurrentIndex(-1)
        self.port.setEditText(chosen)
        self._show_port_hint()

    def _show_port_hint(self) -> None:
        field = self.port.lineEdit()
        if field is not None:
            found = self.port.count() > 0
            field.setPlaceholderText(self.tr("Printer port") if found else self.tr("No serial port found"))

    def thermal_port(self) -> str:
        """The device of the chosen port (a listed one's label names its driver too), or what was typed."""
        text = self.port.currentText().strip()
        index = self.port.findText(text)
        return str(self.port.itemData(index)) if index >= 0 else text

    # --- what is shown ------------------------------------------------------------------------

    def set_ticket(self, session: Session | None, number: str | None) -> None:
        self._session, self._number = session, number
        allowed = session is not None and may(session.role, Permission.PRINT_SLIPS)
        for button in (self.print_button, self.pdf_button, self.thermal_button, self.retry_button):
            button.setEnabled(allowed)  # the service checks too; this only spares a refusal
        say(self.status, None)
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
        fit_to_screen(dialog)
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
        self._run(lambda: print_service.record_print(session, record), self._on_printed)

    # --- PDF ----------------------------------------------------------------------------------

    def slips_folder(self) -> Path | None:
        """The data directory's slips folder, made when missing (None when it cannot be made)."""
        if self._session is None:
            return None
        folder = self._session.vault.paths.slips
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("slips folder %s not made: %s", folder, exc)
            return None
        return folder

    def choose_pdf_file(self) -> None:
        """Qt's own save dialog (in the interface language), starting in the slips folder."""
        if self._ready() is None:
            return
        folder = self.slips_folder()
        suggested = str(folder / f"{self._number}.pdf") if folder else f"{self._number}.pdf"
        self.file_dialog = worded_file_dialog(
            self, self.tr("Save the slip as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        self.file_dialog.setObjectName("slipPdfDialog")
        self.file_dialog.setDefaultSuffix("pdf")
        self.file_dialog.fileSelected.connect(lambda chosen: self.save_pdf(Path(chosen)))
        self.file_dialog.open()

    def save_pdf(self, path: Path, slip_format: SlipFormat = "a5") -> None:
        """Render and journal off the GUI thread."""
        ready = self._ready()
        if ready is None:
            return
        session, number = ready
        say(self.status, lambda: self.tr("Saving the slip..."))
        self._run(lambda: print_service.print_to_file(session, number, path, slip_format), self._on_printed)

    # --- thermal ------------------------------------------------------------------------------

    def print_thermal(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        if not self.thermal_port():
            self.refill_ports()  # plugged in since the page opened?
        port = self.thermal_port()
        if not port:
            say(self.status, self._no_port_text)
            return
        session, number = ready
        say(self.status, lambda: self.tr("Sending the slip to the thermal printer..."))
        self._run(lambda: print_service.print_to_thermal(session, number, port), self._on_printed)

    def _no_port_text(self) -> str:
        if self.port.count() == 0:
            return self.tr(
                "No serial port was found on this PC. Plug the thermal printer's USB cable in, "
                "then press Thermal again (or type its port, for example COM3)."
            )
        return self.tr("Choose the thermal printer's port from the list first.")

    def retry_thermal(self) -> None:
        if self._session is None:
            return
        session = self._session
        say(self.status, lambda: self.tr("Sending the kept slips again..."))
        self._run(lambda: print_service.retry_thermal_jobs(session), self._on_retried)

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], object]) -> None:
        """Off the GUI thread, with the busy bar moving and the slip buttons disabled until it ends."""
        buttons = (self.print_button, self.pdf_button, self.thermal_button, self.retry_button, self.port)
        self.busy.run(self._tasks, job, on_done, self._on_failed, buttons)

    # --- outcomes (GUI thread) ----------------------------------------------------------------

    def _on_printed(self, row: PrintRow) -> None:
        say(self.status, lambda: self._printed_text(row))
        self._show_waiting()
        self.printed.emit(row.ticket_number)

    def _on_retried(self, outcome: print_service.RetryOutcome) -> None:
        if outcome.error is not None:
            self._on_failed(outcome.error)
            return
        count = str(len(outcome.printed))
        say(self.status, lambda: self.tr("%1 kept slip(s) printed.").replace("%1", count))
        self._show_waiting()
        if outcome.printed:
            self.printed.emit(outcome.printed[-1].ticket_number)

    def _printed_text(self, row: PrintRow) -> str:
        copy = self.tr(" (copy %1)").replace("%1", str(row.copy_number)) if row.copy_number else ""
        return self.tr("Slip printed%1: %2").replace("%1", copy).replace("%2", row.target)

    def _failed_text(self, error: BaseException) -> str:
        if not isinstance(error, PRINTER_PROBLEMS):
            return self.tr("The slip was not printed.")
        reason = (
            self.tr("The printer is out of paper.")
            if isinstance(error, PaperOut)
            else self.tr("The printer is offline or cannot be reached.")
        )
        return reason + " " + self.tr("The slip is kept: fix the printer, then press Retry.")

    def _on_failed(self, error: BaseException) -> None:
        self._show_waiting()
        say(self.status, lambda: self._failed_text(error))
        self.error_box = show_error(self, error)


def fit_to_screen(dialog: QPrintPreviewDialog) -> None:
    """Most of the screen's height and the page at its full width, so the slip reads without zooming
    (Qt's default is a small window with the whole page in it: 38 % on a 1366x768 counter screen)."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        dialog.resize(min(area.width(), max(900, area.width() * 2 // 3)), area.height() * 9 // 10)
    preview = dialog.findChild(QPrintPreviewWidget)
    if preview is not None:
        preview.fitToWidth()
