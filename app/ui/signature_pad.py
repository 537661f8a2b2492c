"""A signature pad: the customer draws with the mouse (or a pen tablet acting as one); PNG out.

Signals: `changed()` after each stroke and after `clear()`.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageWriter, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

#: A stroke shorter than this many points is a tap, not writing.
_MIN_POINTS = 6


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setMinimumSize(360, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self._strokes: list[list[QPointF]] = []

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(480, 140)

    @property
    def has_signature(self) -> bool:
        """True once the strokes add up to more than a tap."""
        return sum(len(stroke) for stroke in self._strokes) >= _MIN_POINTS

    def clear(self) -> None:
        self._strokes = []
        self.update()
        self.changed.emit()

    def draw_stroke(self, points: list[tuple[float, float]]) -> None:
        """Add a stroke programmatically (tests, screenshots); a person draws with the mouse."""
        self._strokes.append([QPointF(x, y) for x, y in points])
        self.update()
        self.changed.emit()

    def png_bytes(self) -> bytes:
        """The signature as a PNG (black ink on white), the evidence stored with the consent."""
        image = QImage(self.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._paint_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        QImageWriter(buffer, QByteArray(b"PNG")).write(image)  # QImage.save's stub and runtime disagree on format
        buffer.close()
        return bytes(data.data())

    def _paint_strokes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(QColor("#102a43"), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        for stroke in self._strokes:
            for start, end in zip(stroke, stroke[1:], strict=False):
                painter.drawLine(start, end)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9fb3c8"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() - 28
        painter.drawLine(16, baseline, self.width() - 16, baseline)
        painter.setPen(QPen(QColor("#9fb3c8"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        self._paint_strokes(painter)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._strokes.append([event.position()])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton and self._strokes:
            self._strokes[-1].append(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.changed.emit()
