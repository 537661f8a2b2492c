"""The log viewer: a stored (already redacted) capture, with search."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.diagnostics.logs import search_lines
from app.ui.named import named


class LogViewerDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logViewer")
        self._text = text
        self.resize(900, 600)
        self.search = named(QLineEdit(), "logSearch")
        self.search.setClearButtonEnabled(True)
        self.count = named(QLabel(), "logCount")
        self.view = named(QPlainTextEdit(), "logText")
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setFont(QFont("monospace", 9))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self._on_search_changed)
        self.retranslate()
        self._on_search_changed("")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Device log (personal data removed)"))
        self.search.setPlaceholderText(self.tr("Search the log, e.g. FATAL or a tag"))

    def _on_search_changed(self, query: str) -> None:
        hits = search_lines(self._text, query)
        self.view.setPlainText("\n".join(f"{number:>6}  {line}" for number, line in hits))
        self.count.setText(self.tr("%1 lines").replace("%1", str(len(hits))))
