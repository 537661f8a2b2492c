"""The slip as a PDF file: A5 (default) or A4, fonts embedded, codes as vectors.

QPdfWriter embeds a subset of the bundled font, so the PDF shows Chinese on a
PC with no CJK font and `pdftotext` reads it back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from app.slip.layout import SlipLayout
from app.slip.render_blocks import A5, PageSpec, SlipPainter, device_px_per_mm
from app.slip.render_fonts import register_bundled_fonts

#: Device units per inch of the PDF: fine enough that 0.3 mm bar modules land on exact widths.
PDF_RESOLUTION = 1200
_PAGE_SIZES = {"a5": QPageSize.PageSizeId.A5, "a4": QPageSize.PageSizeId.A4}


def write_pdf(layout: SlipLayout, out_path: Path, spec: PageSpec = A5) -> int:
    """Write the slip to `out_path`; returns the number of pages."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(out_path))
    return _render(writer, layout, spec)


def pdf_bytes(layout: SlipLayout, spec: PageSpec = A5) -> bytes:
    """The slip's PDF in memory (for a preview, an e-mail or a test)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    _render(writer, layout, spec)
    buffer.close()
    return bytes(data.data())


def _render(writer: QPdfWriter, layout: SlipLayout, spec: PageSpec) -> int:
    if spec.name not in _PAGE_SIZES:
        raise ValueError(f"{spec.name!r} is not a PDF page format (use a5 or a4)")
    register_bundled_fonts()
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageSize(QPageSize(_PAGE_SIZES[spec.name]))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(f"Repair slip {layout.ticket_number}")
    writer.setCreator("Repair Counter")
    ppm = device_px_per_mm(PDF_RESOLUTION)
    painter = QPainter(writer)
    try:
        slip = SlipPainter(painter, spec, ppm, spec.height_mm * ppm if spec.height_mm else 0.0, writer.newPage)
        slip.set_footer(layout.ticket_number)
        slip.paint(layout)
        return slip.pages
    finally:
        painter.end()
