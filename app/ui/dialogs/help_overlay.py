"""F1: the keyboard shortcuts of the counter, on one screen.

The list is built from the same (keys, what) pairs the main window binds, so what is shown
is what works.  Esc, F1 or Return closes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QVBoxLayout, QWidget

from app.ui.language import on_language_change
from app.ui.pages.page_base import fill_table, heading_label, read_only_table


class HelpOverlay(QDialog):
    def __init__(self, shortcuts: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.heading = heading_label("helpHeading")
        self.table = read_only_table("shortcutTable", 2, resize=QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().hide()
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to pick: Return closes
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setDefault(True)
            close.clicked.connect(self.reject)
        closing = QShortcut(QKeySequence("F1"), self)
        closing.activated.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.show_shortcuts(shortcuts)
        self.retranslate()
        on_language_change(self, self.retranslate)
        self.resize(560, 420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.heading.setText(self.tr("Keyboard shortcuts (F1)"))

    def show_shortcuts(self, shortcuts: Sequence[tuple[str, str]]) -> None:
        fill_table(self.table, shortcuts)
