"""What every workspace page shares: a heading, the signed-in session, and one way to follow the language.

A page builds its widgets into `body` (a vertical layout that starts with the heading), then
sets their texts in `retranslate()` (called once at the end of its constructor and again on
every language switch); `show_session(session)` shows the signed-in person's content.  A page
whose content holds translated words (status names in a table) sets `refill_on_language`, so
a switch shows the content again in the new words.
Tables are made by `read_only_table`: nothing edits them in place, and Tab leaves them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.accounts.session import Session
from app.ui.language import on_language_change
from app.ui.named import named

_HEADING_STYLE = "font-size: 18px; font-weight: 600;"


def heading_label(name: str = "pageHeading") -> QLabel:
    """A page's or a dialog's title line."""
    label = named(QLabel(), name)
    label.setStyleSheet(_HEADING_STYLE)
    return label


def read_only_table(
    name: str,
    columns: int,
    *,
    resize: QHeaderView.ResizeMode = QHeaderView.ResizeMode.Stretch,
    select_rows: bool = True,
) -> QTableWidget:
    """A table the person reads and picks rows in; Tab and Shift+Tab move to the next control."""
    table = named(QTableWidget(0, columns), name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # arrows move between cells; Tab must not trap the keyboard here
    if select_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(resize)
    if resize is not QHeaderView.ResizeMode.Stretch:
        table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def fill_table(table: QTableWidget, rows: Iterable[Sequence[str]]) -> list[list[QTableWidgetItem]]:
    """Replace the table's rows with `rows` (texts); the items, for callers that colour some."""
    rows = list(rows)
    table.setRowCount(len(rows))
    items: list[list[QTableWidgetItem]] = []
    for r, values in enumerate(rows):
        items.append([QTableWidgetItem(value) for value in values])
        for c, item in enumerate(items[-1]):
            table.setItem(r, c, item)
    return items


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


class Page(QWidget):
    """Base of the workspace pages (see the module text)."""

    #: Show the session's content again after a language switch.
    refill_on_language = False

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._session: Session | None = None
        self.heading = heading_label()
        self.body = QVBoxLayout(self)  # the page's layout, its heading on top; pages add below it
        self.body.addWidget(self.heading)
        on_language_change(self, self._on_language_changed)

    @property
    def session(self) -> Session | None:
        return self._session

    def open_session(self) -> Session | None:
        """The session while its store is open (None once it locks)."""
        session = self._session
        return session if session is not None and session.store.is_open else None

    def show_session(self, session: Session) -> None:
        self._session = session

    def retranslate(self) -> None:
        """Set every text of the page in the current language."""

    def refill(self, session: Session) -> None:
        """Show the content again after a language switch (the whole session when `refill_on_language`)."""
        if self.refill_on_language:
            self.show_session(session)

    def _on_language_changed(self) -> None:
        self.retranslate()
        session = self.open_session()
        if session is not None:
            self.refill(session)
