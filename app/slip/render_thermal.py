"""The slip as an 80 mm thermal raster: 576 dots wide at 8 dots/mm, 1 bit per dot.

Qt draws the slip (bundled font, so Chinese prints on any ESC/POS printer
whatever code pages it has) onto a greyscale image without anti-aliasing,
which is then thresholded to black and white.  The roll has no page length:
a first pass measures how tall the slip is, the second draws it on an image
exactly that tall.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from app.device.escpos import MonoRaster
from app.slip.layout import SlipLayout, SlipTooLarge
from app.slip.render_blocks import THERMAL_80, PageSpec, SlipPainter
from app.slip.render_fonts import register_bundled_fonts

DOTS_PER_MM = 8
THERMAL_WIDTH_DOTS = 576
#: The longest slip we print (2 m of paper): a guard against runaway content, not a real limit.
MAX_SLIP_DOTS = 16_000
_DOTS_PER_METRE = DOTS_PER_MM * 1000
#: Hard threshold, no dithering: text was drawn without anti-aliasing, so grey is rare and dither would fray it.
_MONO_FLAGS = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.MonoOnly


def render_thermal_image(layout: SlipLayout, spec: PageSpec = THERMAL_80) -> QImage:
    """The slip as a black-and-white QImage (Format_Mono), 576 dots wide."""
    register_bundled_fonts()
    width = round(spec.width_mm * DOTS_PER_MM)
    height = _measure(layout, spec, width)
    if height > MAX_SLIP_DOTS:
        raise SlipTooLarge(
            f"The slip would be {height // (DOTS_PER_MM * 10)} cm of paper",
            next_step="Print it on A5 or A4 instead.",
        )
    image = _canvas(width, height)
    _paint(image, layout, spec)
    return image.convertToFormat(QImage.Format.Format_Mono, _MONO_FLAGS)


def render_thermal_raster(layout: SlipLayout, spec: PageSpec = THERMAL_80) -> MonoRaster:
    """The slip as rows of bits for `app.device.escpos.raster_job`."""
    return mono_image_to_raster(render_thermal_image(layout, spec))


def mono_image_to_raster(image: QImage) -> MonoRaster:
    """Copy a QImage's pixels into a MonoRaster (1 = black), whatever Qt's colour table order is."""
    mono = image.convertToFormat(QImage.Format.Format_Mono, _MONO_FLAGS)
    row_bytes = (mono.width() + 7) // 8
    black_is_one = QColor(mono.color(1)).lightness() < 128
    flip = bytes(range(256)) if black_is_one else bytes(b ^ 0xFF for b in range(256))
    pad_mask = (0xFF << (8 - mono.width() % 8)) & 0xFF if mono.width() % 8 else 0xFF
    rows = []
    for y in range(mono.height()):
        row = bytearray(cast(memoryview, mono.constScanLine(y)).tobytes()[:row_bytes].translate(flip))
        row[-1] &= pad_mask
        rows.append(bytes(row))
    return MonoRaster(mono.width(), tuple(rows))


def _canvas(width: int, height: int) -> QImage:
    image = QImage(width, max(1, height), QImage.Format.Format_Grayscale8)
    image.setDotsPerMeterX(_DOTS_PER_METRE)
    image.setDotsPerMeterY(_DOTS_PER_METRE)
    image.fill(QColor(255, 255, 255))
    return image


def _measure(layout: SlipLayout, spec: PageSpec, width: int) -> int:
    """Height in dots, found by drawing once on a one-dot-high image (everything is clipped away)."""
    probe = _canvas(width, 1)
    return int(_paint(probe, layout, spec)) + 1


def _paint(image: QImage, layout: SlipLayout, spec: PageSpec) -> float:
    painter = QPainter(image)
    try:
        slip = SlipPainter(painter, spec, DOTS_PER_MM, float("inf"))
        return slip.paint(layout)
    finally:
        painter.end()
