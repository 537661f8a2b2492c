"""Draws a `SlipLayout` with a QPainter on any paint device: PDF page, printer page, thermal raster.

Geometry is given in millimetres by a `PageSpec` and turned into device units
here, so one drawing routine serves a 1200 dpi PDF and a 203 dpi (8 dots/mm)
thermal head.  Codes are drawn as filled vector rectangles, never bitmaps; on
the thermal raster their modules are snapped to whole dots so scanners read
them.  Text wraps by Qt's Unicode line breaking, which breaks Chinese between
characters and English between words.

Signals: none (a plain helper used by render_pdf, render_thermal and render_print).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QTextLayout

from app.slip.codes import BARCODE_QUIET_MODULES, QR_QUIET_MODULES, code128b_bars, code128b_total_modules, qr_matrix
from app.slip.layout import (
    Block,
    Codes,
    Columns,
    CopyMark,
    Fields,
    Heading,
    Paragraph,
    SignatureBox,
    Signatures,
    SlipLayout,
    Table,
    Title,
)
from app.slip.render_fonts import SLIP_FONT_FAMILY

#: A signature image larger than this is not drawn (it is untrusted input from a signature pad or file).
MAX_SIGNATURE_BYTES = 2_000_000


@dataclass(frozen=True)
class PageSpec:
    """Paper and type sizes for one slip format."""

    name: str
    width_mm: float
    #: None for a continuous roll (thermal): the slip is as long as its content.
    height_mm: float | None
    margin_mm: float
    base_pt: float
    qr_module_mm: float
    bar_module_mm: float
    bar_height_mm: float
    #: Codes stacked under each other (narrow roll) instead of side by side.
    stacked: bool
    #: Black and white only, no anti-aliasing, modules snapped to whole dots (thermal head).
    monochrome: bool


A5 = PageSpec("a5", 148.0, 210.0, 8.0, 8.0, 0.62, 0.25, 11.0, stacked=False, monochrome=False)
A4 = PageSpec("a4", 210.0, 297.0, 15.0, 9.0, 0.9, 0.33, 14.0, stacked=False, monochrome=False)
#: 80 mm roll, 72 mm printable = 576 dots at 8 dots/mm (203 dpi).
THERMAL_80 = PageSpec("thermal", 72.0, None, 1.5, 8.0, 0.75, 0.25, 10.0, stacked=True, monochrome=True)
PAGE_SPECS = {spec.name: spec for spec in (A5, A4, THERMAL_80)}

INK = QColor(0, 0, 0)
SOFT_INK = QColor(70, 70, 70)


class SlipOverflow(Exception):
    """A continuous slip ran past the end of its canvas (a bug or absurd content)."""


class SlipPainter:
    """Lays blocks top to bottom, starting a new page through `new_page` when one is full."""

    def __init__(
        self,
        painter: QPainter,
        spec: PageSpec,
        px_per_mm: float,
        page_height_px: float,
        new_page: Callable[[], object] | None = None,
    ) -> None:
        self.painter = painter
        self.spec = spec
        self.ppm = px_per_mm
        self.left = spec.margin_mm * px_per_mm
        self.right = (spec.width_mm - spec.margin_mm) * px_per_mm
        self.top = spec.margin_mm * px_per_mm
        self.bottom = page_height_px - (spec.margin_mm * px_per_mm if spec.height_mm else 0)
        self.y = self.top
        self.pages = 1
        self._new_page = new_page
        self._footer = ""
        #: Off while drawing side-by-side columns, whose room was made beforehand.
        self._paging = True
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not spec.monochrome)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, not spec.monochrome)

    # --- geometry and type -------------------------------------------------------------------

    @property
    def width(self) -> float:
        return self.right - self.left

    def mm(self, value: float) -> float:
        return value * self.ppm

    def font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(SLIP_FONT_FAMILY)
        font.setPointSizeF(self.spec.base_pt * scale)
        font.setBold(bold)
        if self.spec.monochrome:
            font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.painter.device())

    def line_height(self, font: QFont) -> float:
        return self.metrics(font).lineSpacing() * (1.06 if self.spec.monochrome else 1.0)

    def wrap(self, text: str, font: QFont, width: float) -> list[str]:
        """Split text into lines that fit `width` (explicit newlines kept)."""
        lines: list[str] = []
        for para in text.split("\n"):
            if not para:
                lines.append("")
                continue
            layout = QTextLayout(para, font, self.painter.device())
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                lines.append(para[line.textStart() : line.textStart() + line.textLength()].rstrip())
            layout.endLayout()
        return lines

    # --- paging ---------------------------------------------------------------------------------

    def set_footer(self, text: str) -> None:
        """A line drawn at the foot of every page of a paged slip (the ticket number, page number)."""
        self._footer = text
        self._draw_footer()

    def ensure_room(self, height: float) -> None:
        """Start a new page if `height` does not fit on this one; a continuous roll overflowing is a bug."""
        if not self._paging or self.y + height <= self.bottom:
            return
        if self._new_page is None:
            raise SlipOverflow(f"slip content taller than the {self.spec.name} canvas")
        if self.y <= self.top:  # taller than a whole page: draw it anyway, clipped, rather than loop
            return
        self._new_page()
        self.pages += 1
        self.y = self.top
        self._draw_footer()

    def _draw_footer(self) -> None:
        if not self._footer or self.spec.height_mm is None:
            return
        font = self.font(0.75)
        self.painter.setFont(font)
        self.painter.setPen(SOFT_INK)
        text = f"{self._footer}  ·  {self.pages}"
        baseline = self.bottom + self.mm(self.spec.margin_mm) * 0.55
        advance = self.metrics(font).horizontalAdvance(text)
        self.painter.drawText(QPointF(self.right - advance, baseline), text)

    # --- text primitives -----------------------------------------------------------------------

    def text_lines(
        self, lines: list[str], font: QFont, x: float, width: float, align: str = "left", color: QColor = INK
    ) -> float:
        """Draw lines starting at self.y without paging; returns their height."""
        metrics = self.metrics(font)
        step = self.line_height(font)
        self.painter.setFont(font)
        self.painter.setPen(color)
        for index, line in enumerate(lines):
            advance = metrics.horizontalAdvance(line)
            if align == "right":
                left = x + width - advance
            elif align == "center":
                left = x + (width - advance) / 2
            else:
                left = x
            self.painter.drawText(QPointF(left, self.y + index * step + metrics.ascent()), line)
        return step * len(lines)

    def flowing_text(self, text: str, font: QFont, align: str = "left", color: QColor = INK) -> None:
        """A paragraph across the full width, line by line so it may continue on the next page."""
        step = self.line_height(font)
        for line in self.wrap(text, font, self.width):
            self.ensure_room(step)
            self.y += self.text_lines([line], font, self.left, self.width, align, color)

    def rule(self, weight_mm: float = 0.2, color: QColor = INK) -> None:
        pen = QPen(color)
        pen.setWidthF(max(1.0, self.mm(weight_mm)))
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(self.left, self.y), QPointF(self.right, self.y))

    # --- blocks ---------------------------------------------------------------------------------

    def paint(self, layout: SlipLayout) -> float:
        """Draw every block; returns the y (device units) just below the last one."""
        blocks = list(layout.blocks)
        if not self.spec.stacked:
            blocks = self._paper_header(blocks)
        for block in blocks:
            self.paint_block(block)
        return self.y

    def paint_block(self, block: Block) -> None:
        painters: dict[type, Callable[[Block], None]] = {
            Title: self._title,
            CopyMark: self._copy_mark,
            Heading: self._heading,
            Fields: self._fields,
            Table: self._table,
            Paragraph: self._paragraph,
            Codes: self._codes,
            Signatures: self._signatures,
            Columns: self._columns,
        }
        painters[type(block)](block)

    @contextmanager
    def _region(self, left: float, right: float) -> Iterator[None]:
        """Draw within [left, right] for a while (a column, the space beside a code)."""
        saved = self.left, self.right, self._paging
        self.left, self.right, self._paging = left, right, False
        try:
            yield
        finally:
            self.left, self.right, self._paging = saved

    # --- the header of a paper slip ------------------------------------------------------------

    def _paper_header(self, blocks: list[Block]) -> list[Block]:
        """On paper: title beside the barcode, then the QR code beside the ticket fields.

        Saves a third of a page against drawing the blocks one under another, so
        an A5 slip usually fits one sheet.  Returns the blocks still to draw.
        """
        mark = [b for b in blocks[1:2] if isinstance(b, CopyMark)]
        rest = blocks[1 + len(mark) :]
        if not (
            isinstance(blocks[0], Title)
            and len(rest) >= 2
            and isinstance(rest[0], Codes)
            and isinstance(rest[1], Fields)
        ):
            return blocks
        title, codes, fields = blocks[0], rest[0], rest[1]
        assert isinstance(title, Title) and isinstance(codes, Codes) and isinstance(fields, Fields)
        self._title_with_barcode(title, codes, mark[0] if mark else None)
        self._qr_with_fields(codes, fields)
        return rest[2:]

    def _title_with_barcode(self, title: Title, codes: Codes, mark: CopyMark | None) -> None:
        bar_module = self._module(self.spec.bar_module_mm)
        bar_width = code128b_total_modules(codes.barcode_text) * bar_module
        bar_height = self.mm(self.spec.bar_height_mm)
        quiet = BARCODE_QUIET_MODULES * bar_module
        top = self.y
        with self._region(self.left, self.right - bar_width - quiet):
            self.flowing_text(title.text, self.font(1.9, bold=True))
            self.y += self.mm(0.8)
            for line in title.subtitle_lines:
                self.flowing_text(line, self.font(0.9), color=SOFT_INK)
        text_bottom = self.y
        if mark is not None:  # under the barcode's number, so a reprint costs no extra row
            with self._region(self.right - bar_width, self.right):
                self.y = top + bar_height + self.mm(0.8) + self.line_height(self.font(1.35, bold=True)) + self.mm(1)
                self._copy_mark(mark)
            text_bottom = max(text_bottom, self.y)
        bar_left = self.right - bar_width
        self._draw_barcode(codes.barcode_text, bar_left, top, bar_module, bar_height)
        self.y = top + bar_height + self.mm(0.8)
        self.y += self.text_lines([codes.barcode_text], self.font(1.35, bold=True), bar_left, bar_width, "center")
        self.y = max(self.y, text_bottom) + self.mm(2.5)

    def _qr_with_fields(self, codes: Codes, fields: Fields) -> None:
        matrix = qr_matrix(codes.qr_payload)
        module = self._module(self.spec.qr_module_mm)
        side = matrix.size * module
        top = self.y
        self._draw_qr(matrix.dark_runs(), self.left, top, module)
        self.y = top + side + self.mm(1)
        caption_font = self.font(0.75)
        caption_bottom = self.y + self.text_lines(
            self.wrap(codes.caption, caption_font, side + self.mm(6)),
            caption_font,
            self.left - self.mm(3),
            side + self.mm(6),
            "center",
            SOFT_INK,
        )
        self.y = top
        with self._region(self.left + side + QR_QUIET_MODULES * module + self.mm(3), self.right):
            self._fields(fields)
        self.y = max(self.y, caption_bottom) + self.mm(1)

    def _columns(self, block: Block) -> None:
        assert isinstance(block, Columns)
        if self.spec.stacked:
            for column in block.columns:
                for inner in column:
                    self.paint_block(inner)
            return
        gap = self.mm(6)
        width = (self.width - gap * (len(block.columns) - 1)) / len(block.columns)
        lefts = [self.left + i * (width + gap) for i in range(len(block.columns))]
        heights = []
        for left, column in zip(lefts, block.columns, strict=False):
            with self._region(left, left + width):
                heights.append(sum(self._height_of(inner) for inner in column))
        self.ensure_room(max(heights))
        top = self.y
        bottoms = []
        for left, column in zip(lefts, block.columns, strict=False):
            self.y = top
            with self._region(left, left + width):
                for inner in column:
                    self.paint_block(inner)
            bottoms.append(self.y)
        self.y = max(bottoms)

    def _height_of(self, block: Block) -> float:
        """The height a heading or a field list will take at the current width."""
        if isinstance(block, Heading):
            return self._heading_height()
        if isinstance(block, Fields):
            return sum(height + self.mm(0.4) for _, _, height in self._field_rows(block))
        raise TypeError(f"cannot measure {type(block).__name__} in a column")

    def _title(self, block: Block) -> None:
        assert isinstance(block, Title)
        self.flowing_text(block.text, self.font(1.9, bold=True), "center")
        self.y += self.mm(0.8)
        for line in block.subtitle_lines:
            self.flowing_text(line, self.font(0.9), "center", SOFT_INK)
        self.y += self.mm(1.5)

    def _copy_mark(self, block: Block) -> None:
        assert isinstance(block, CopyMark)
        font = self.font(1.6, bold=True)
        height = self.line_height(font) + self.mm(2)
        self.ensure_room(height)
        box = QRectF(self.left + self.width * 0.2, self.y, self.width * 0.6, height)
        pen = QPen(INK)
        pen.setWidthF(max(2.0, self.mm(0.5)))
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(box)
        self.y += self.mm(1)
        self.text_lines([block.text], font, box.left(), box.width(), "center")
        self.y = box.bottom() + self.mm(2)

    def _heading(self, block: Block) -> None:
        assert isinstance(block, Heading)
        font = self.font(1.1, bold=True)
        # Keep a heading with at least two lines of what follows.
        self.ensure_room(self._heading_height() + 2 * self.line_height(self.font()))
        self.y += self.mm(1.4)
        self.y += self.text_lines([block.text], font, self.left, self.width)
        self.y += self.mm(0.4)
        self.rule(0.25)
        self.y += self.mm(1.1)

    def _heading_height(self) -> float:
        return self.mm(1.4) + self.line_height(self.font(1.1, bold=True)) + self.mm(1.5)

    def _field_fonts(self, block: Fields) -> tuple[QFont, QFont]:
        return self.font(0.95), self.font(1.05 if block.emphasis else 1.0, bold=block.emphasis)

    def _field_label_width(self) -> float:
        return min(self.width * (0.34 if self.spec.stacked else 0.3), self.mm(30))

    def _field_rows(self, block: Fields) -> list[tuple[list[str], list[str], float]]:
        """Each row's wrapped label and value lines and its height, at the current width."""
        label_font, value_font = self._field_fonts(block)
        label_width = self._field_label_width()
        value_width = self.width - label_width - self.mm(1.5)
        rows = []
        for label_text, value in block.rows:
            label_lines = self.wrap(label_text, label_font, label_width)
            value_lines = self.wrap(value, value_font, value_width)
            height = max(
                len(label_lines) * self.line_height(label_font), len(value_lines) * self.line_height(value_font)
            )
            rows.append((label_lines, value_lines, height))
        return rows

    def _fields(self, block: Block) -> None:
        assert isinstance(block, Fields)
        label_font, value_font = self._field_fonts(block)
        label_width = self._field_label_width()
        value_left = self.left + label_width + self.mm(1.5)
        for label_lines, value_lines, height in self._field_rows(block):
            self.ensure_room(height)
            self.text_lines(label_lines, label_font, self.left, label_width, color=SOFT_INK)
            self.text_lines(value_lines, value_font, value_left, self.right - value_left)
            self.y += height + self.mm(0.4)

    def _table(self, block: Block) -> None:
        """Header, rows, then footer rows under a rule; the header is repeated on every new page."""
        assert isinstance(block, Table)
        columns = self._table_columns(block)
        header_font, body_font = self.font(0.9, bold=True), self.font(0.95)
        self._table_header(block, columns, header_font)
        for row in block.rows:
            if self._table_row_breaks_page(row, columns, body_font):
                self._table_header(block, columns, header_font)
            self._table_row(row, block.aligns, columns, body_font)
        if block.footer:
            self.y += self.mm(0.3)
            self.rule(0.15)
            self.y += self.mm(0.8)
            for row in block.footer:
                self._table_row(row, block.aligns, columns, self.font(0.95, bold=True))

    def _table_columns(self, block: Table) -> list[tuple[float, float]]:
        """(left, width) of each column's text, inside its padding."""
        pad = self.mm(1.0)
        columns, x = [], self.left
        for share in block.widths:
            columns.append((x + pad, max(1.0, self.width * share - 2 * pad)))
            x += self.width * share
        return columns

    def _table_header(self, block: Table, columns: list[tuple[float, float]], font: QFont) -> None:
        self._table_row(block.headers, block.aligns, columns, font)
        self.rule(0.15)
        self.y += self.mm(0.8)

    def _wrapped_cells(
        self, cells: tuple[str, ...], columns: list[tuple[float, float]], font: QFont
    ) -> tuple[list[list[str]], float]:
        wrapped = [self.wrap(cell, font, width) for cell, (_, width) in zip(cells, columns, strict=False)]
        return wrapped, max(len(lines) for lines in wrapped) * self.line_height(font)

    def _table_row_breaks_page(self, cells: tuple[str, ...], columns: list[tuple[float, float]], font: QFont) -> bool:
        """Start a new page when the row does not fit; True when one was started."""
        _, height = self._wrapped_cells(cells, columns, font)
        pages = self.pages
        self.ensure_room(height)
        return self.pages != pages

    def _table_row(
        self, cells: tuple[str, ...], aligns: tuple[str, ...], columns: list[tuple[float, float]], font: QFont
    ) -> None:
        wrapped, height = self._wrapped_cells(cells, columns, font)
        self.ensure_room(height)
        for lines, (left, width), align in zip(wrapped, columns, aligns, strict=False):
            self.text_lines(lines, font, left, width, align)
        self.y += height + self.mm(0.3)

    def _paragraph(self, block: Block) -> None:
        assert isinstance(block, Paragraph)
        self.flowing_text(block.text, self.font(0.82 if block.small else 1.0))
        self.y += self.mm(0.8)

    # --- codes ----------------------------------------------------------------------------------

    def _module(self, mm: float) -> float:
        """A code module in device units, whole dots on a thermal head so every bar has the same width."""
        size = self.mm(mm)
        return float(max(1, round(size))) if self.spec.monochrome else size

    def _snap(self, value: float) -> float:
        return float(round(value)) if self.spec.monochrome else value

    def _codes(self, block: Block) -> None:
        """Barcode, its number, then the QR code, centred (the roll; paper draws them in its header)."""
        assert isinstance(block, Codes)
        matrix = qr_matrix(block.qr_payload)
        qr_module = self._module(self.spec.qr_module_mm)
        bar_module = self._module(self.spec.bar_module_mm)
        qr_side = matrix.size * qr_module
        bar_width = code128b_total_modules(block.barcode_text) * bar_module
        bar_height = self.mm(self.spec.bar_height_mm)
        number_font, caption_font = self.font(1.35, bold=True), self.font(0.8)
        quiet = QR_QUIET_MODULES * qr_module
        self.ensure_room(
            bar_height
            + self.line_height(number_font)
            + self.line_height(caption_font)
            + qr_side
            + 2 * quiet
            + self.mm(4)
        )
        self.y += self.mm(1)
        bar_left = self._snap(self.left + (self.width - bar_width) / 2)
        self._draw_barcode(block.barcode_text, bar_left, self._snap(self.y), bar_module, bar_height)
        self.y += bar_height + self.mm(1)
        self.y += self.text_lines([block.barcode_text], number_font, self.left, self.width, "center")
        self.y += quiet
        qr_left = self._snap(self.left + (self.width - qr_side) / 2)
        self._draw_qr(matrix.dark_runs(), qr_left, self._snap(self.y), qr_module)
        self.y += qr_side + self.mm(1)
        self.y += self.text_lines([block.caption], caption_font, self.left, self.width, "center", SOFT_INK)
        self.y += self.mm(2)

    def _draw_qr(self, runs: list[tuple[int, int, int]], left: float, top: float, module: float) -> None:
        path = QPainterPath()
        for row, column, length in runs:
            path.addRect(QRectF(left + column * module, top + row * module, length * module, module))
        self._fill(path)

    def _draw_barcode(self, text: str, left: float, top: float, module: float, height: float) -> None:
        path = QPainterPath()
        for start, width in code128b_bars(text):
            path.addRect(QRectF(left + start * module, top, width * module, height))
        self._fill(path)

    def _fill(self, path: QPainterPath) -> None:
        path.setFillRule(Qt.FillRule.WindingFill)
        self.painter.save()
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.painter.fillPath(path, INK)
        self.painter.restore()

    # --- signatures -----------------------------------------------------------------------------

    def _signatures(self, block: Block) -> None:
        assert isinstance(block, Signatures)
        box_height = self.mm(11)
        caption_font = self.font(0.85)
        caption_height = 2 * self.line_height(caption_font)
        per_row = 1 if self.spec.stacked else len(block.boxes)
        gap = self.mm(6)
        box_width = (self.width - gap * (per_row - 1)) / per_row
        self.y += self.mm(2)
        for first in range(0, len(block.boxes), per_row):
            self.ensure_room(box_height + caption_height)
            top = self.y
            for index, box in enumerate(block.boxes[first : first + per_row]):
                self._signature_box(
                    box, self.left + index * (box_width + gap), top, box_width, box_height, caption_font
                )
            self.y = top + box_height + caption_height + self.mm(2)

    def _signature_box(
        self, box: SignatureBox, left: float, top: float, width: float, height: float, caption_font: QFont
    ) -> None:
        image = _signature_image(box.png)
        if image is not None:
            scale = min(width / image.width(), height / image.height())
            target = QRectF(left, top + height - image.height() * scale, image.width() * scale, image.height() * scale)
            self.painter.drawImage(target, image)
        pen = QPen(INK)
        pen.setWidthF(max(1.0, self.mm(0.2)))
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(left, top + height), QPointF(left + width, top + height))
        saved = self.y
        self.y = top + height + self.mm(0.8)
        self.y += self.text_lines([box.caption], caption_font, left, width, color=SOFT_INK)
        if box.date_text:
            self.text_lines([box.date_text], caption_font, left, width, color=SOFT_INK)
        self.y = saved


def _signature_image(png: bytes | None) -> QImage | None:
    """The signature picture, or None when there is none or it is not a readable image."""
    if not png or len(png) > MAX_SIGNATURE_BYTES:
        return None
    image = QImage.fromData(png)
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return None
    return image


def device_px_per_mm(dots_per_inch: float) -> float:
    """Device units per millimetre for a paint device's resolution."""
    return dots_per_inch / 25.4
