"""Draw the application icon (a phone with a wrench-shaped check mark) as PNG and ICO.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icon.py

Writes installer/icons/repair-counter.png (256 px, the .deb's hicolor icon) and
repair-counter.ico (16-256 px, the Windows executables and Start-menu entry).  The
files are committed; run this again only to change the drawing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

ICONS = Path(__file__).resolve().parent / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    unit = size / 16
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f5f99"))  # the rounded tile
    painter.drawRoundedRect(QRectF(0, 0, size, size), 3 * unit, 3 * unit)
    painter.setBrush(QColor("#ffffff"))  # the phone
    painter.drawRoundedRect(QRectF(4.5 * unit, 2 * unit, 7 * unit, 12 * unit), 1.2 * unit, 1.2 * unit)
    painter.setBrush(QColor("#1f5f99"))  # its screen
    painter.drawRect(QRectF(5.5 * unit, 3.5 * unit, 5 * unit, 8 * unit))
    pen = QPen(QColor("#4cd07d"), 1.4 * unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)  # the check mark: the phone passed its diagnostics
    check = [QPointF(6.5 * unit, 7.5 * unit), QPointF(7.7 * unit, 8.8 * unit), QPointF(9.7 * unit, 5.8 * unit)]
    painter.drawPolyline(check)
    painter.end()
    return image


def main() -> None:
    _app = QGuiApplication([])
    ICONS.mkdir(exist_ok=True)
    draw(256).save(str(ICONS / "repair-counter.png"))
    # Qt's ICO writer stores one image per file; an ICO holds several, so they are packed here.
    write_ico([draw(size) for size in SIZES], ICONS / "repair-counter.ico")


def write_ico(images: list[QImage], out: Path) -> None:
    """An ICO file of PNG-compressed images (allowed since Windows Vista)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    blobs = []
    for image in images:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        blobs.append(bytes(data.data()))
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(images).to_bytes(2, "little")
    offset = 6 + 16 * len(images)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() % 256  # 0 means 256
        entries += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(blob).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(blob)
    out.write_bytes(header + entries + b"".join(blobs))


if __name__ == "__main__":
    main()
