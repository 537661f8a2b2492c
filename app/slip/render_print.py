"""Printing a slip on a system printer (Windows spooler, CUPS) through QPrinter, with a print preview.

The page format follows the printer's paper: A4 paper gets the A4 layout,
anything narrower the A5 layout.  The UI calls `open_print_preview`; a test or
a headless command calls `print_slip` with a QPrinter in PDF output mode.
"""

from __future__ import annotations

from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.slip.layout import SlipLayout
from app.slip.render_blocks import A4, A5, PageSpec, SlipPainter, device_px_per_mm
from app.slip.render_fonts import register_bundled_fonts

#: Paper at least this wide (mm) gets the A4 layout.
A4_MIN_WIDTH_MM = 200.0


def spec_for_printer(printer: QPrinter) -> PageSpec:
    """The slip format that suits the paper loaded in `printer`."""
    width_mm = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter).width()
    return A4 if width_mm >= A4_MIN_WIDTH_MM else A5


def print_slip(layout: SlipLayout, printer: QPrinter) -> int:
    """Draw the slip on `printer` (full-page coordinates, our own margins); returns pages printed."""
    register_bundled_fonts()
    spec = spec_for_printer(printer)
    printer.setFullPage(True)
    printer.setDocName(f"Repair slip {layout.ticket_number}")
    dpi = printer.resolution()
    ppm = device_px_per_mm(dpi)
    page_height = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter).height() * ppm
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterUnavailable(f"The printer {printer.printerName() or ''} cannot start a job")
    try:
        slip = SlipPainter(painter, spec, ppm, page_height, printer.newPage)
        slip.set_footer(layout.ticket_number)
        slip.paint(layout)
        return slip.pages
    finally:
        painter.end()


class PrinterUnavailable(Exception):
    """QPainter could not open the printer (no such printer, spooler stopped)."""


def build_print_preview(layout: SlipLayout, printer: QPrinter, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A preview dialog that draws the slip; the person prints from it with the printer's own dialog."""
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"{layout.ticket_number}")
    # The pages drawn last (the preview, then the real print) are kept for the print journal.
    dialog.paintRequested.connect(lambda target: dialog.setProperty("slipPages", print_slip(layout, target)))
    return dialog


def open_print_preview(layout: SlipLayout, parent: QWidget | None = None) -> bool:
    """Entry point for the UI: preview, then print on the chosen system printer.  True when printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = build_print_preview(layout, printer, parent)
    return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted


def choose_printer_and_print(layout: SlipLayout, parent: QWidget | None = None) -> bool:
    """Print without a preview after the system print dialog (the counter's quick path)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_slip(layout, printer)
    return True
