"""Chinese text as the counter needs it from Qt: sorted by pinyin, drawn in the bundled font.

The installer cuts Qt's ICU data to Chinese and English (installer/linux/trim_icu.py); the frozen
app's self-test calls these to show that what it kept still sorts and draws Chinese.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontInfo, QImage, QPainter

from app.slip.render_fonts import SLIP_FONT_FAMILY, ensure_gui_application, register_bundled_fonts
from app.ui.language import sorted_as_in

#: Dark pixels out of 256 grey levels count as ink.
_INK_BELOW = 128


def sorted_by_pinyin(words: list[str]) -> list[str]:
    """The words in the order a Chinese reader expects (pinyin), as Qt's collation gives it."""
    return sorted_as_in("zh_CN", words)


def drawn_in_bundled_font(text: str) -> tuple[str, int]:
    """(the family Qt drew with, how many pixels of ink) for the text in the slip's bundled font."""
    app = ensure_gui_application()  # kept alive while drawing
    register_bundled_fonts()
    font = QFont(SLIP_FONT_FAMILY, 24)
    image = QImage(40 * (len(text) + 1), 60, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(10, 45, text)
    finally:
        painter.end()
    ink = sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixelColor(x, y).value() < _INK_BELOW
    )
    del app
    return QFontInfo(font).family(), ink
