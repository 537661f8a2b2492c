"""The slip as a PDF file: A5 (default) or A4, fonts embedded, codes as vectors.

QPdfWriter embeds a subset of the bundled font, so the PDF shows Chinese on a
PC with no CJK font and `pdftotext` reads it back.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

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


def write_roll_pdf(layout: SlipLayout, out_path: Path, spec: PageSpec) -> int:
    """The thermal layout as a one-page PDF exactly as long as the slip (a preview of the roll, or an archive).

    The page is 80 mm wide (72 mm print width plus the roll's 4 mm edges); its
    height is measured by drawing once on a throwaway image at the PDF's resolution.
    """
    register_bundled_fonts()
    ppm = device_px_per_mm(PDF_RESOLUTION)
    edge_mm = 4.0
    height_mm = _measure_mm(layout, spec, ppm) + 2 * edge_mm
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(out_path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageSize(
        QPageSize(
            QSizeF(spec.width_mm + 2 * edge_mm, height_mm),
            QPageSize.Unit.Millimeter,
            "Roll",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    )
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(f"Repair slip {layout.ticket_number}")
    writer.setCreator("Repair Counter")
    painter = QPainter(writer)
    try:
        painter.translate(edge_mm * ppm, edge_mm * ppm)
        SlipPainter(painter, _vector(spec), ppm, float("inf")).paint(layout)
    finally:
        painter.end()
    return 1


def _vector(spec: PageSpec) -> PageSpec:
    """The same geometry drawn with anti-aliasing and exact sizes (a PDF is not a thermal head)."""
    return dataclasses.replace(spec, monochrome=False)


def _measure_mm(layout: SlipLayout, spec: PageSpec, ppm: float) -> float:
    probe = QImage(16, 1, QImage.Format.Format_Grayscale8)
    dots_per_metre = round(ppm * 1000)
    probe.setDotsPerMeterX(dots_per_metre)
    probe.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(probe)
    try:
        return SlipPainter(painter, _vector(spec), ppm, float("inf")).paint(layout) / ppm
    finally:
        painter.end()
