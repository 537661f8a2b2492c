"""Follow-ups: collected tickets whose customer left without rating, due within an hour of
collection, most pressing first; the counter calls and records the result (issue 17)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QWidget

from app.accounts.session import Session
from app.messages import satisfaction
from app.messages.satisfaction import FollowUp
from app.ui.error_dialogs import show_error
from app.ui.named import named
from app.ui.pages.page_base import Page, cell_text, fill_table, read_only_table
from app.ui.tasks import BackgroundTasks

_OVERDUE_COLOUR = "#b00020"


class FollowUpPage(Page):
    refill_on_language = True

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__("followUpPage", parent)
        self._tasks = tasks
        self.explanation = named(QLabel(), "followUpExplanation")
        self.explanation.setWordWrap(True)
        self.table = read_only_table("followUpTable", 4, resize=QHeaderView.ResizeMode.ResizeToContents)
        self.outcome = named(QComboBox(), "followUpOutcome")
        for code in satisfaction.FOLLOW_UP_OUTCOMES:
            self.outcome.addItem("", code)
        self.rating = named(QSpinBox(), "followUpRating")
        self.rating.setRange(1, 5)
        self.rating.setValue(5)
        self.record_button = named(QPushButton(), "followUpRecord")
        self.record_button.clicked.connect(self.record)
        self.outcome.currentIndexChanged.connect(lambda _: self.rating.setEnabled(self._outcome() == "rated"))
        row = QHBoxLayout()
        row.addWidget(self.outcome)
        row.addWidget(self.rating)
        row.addWidget(self.record_button)
        row.addStretch(1)
        self.body.addWidget(self.explanation)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Follow-ups"))
        self.explanation.setText(
            self.tr("Customers who left without rating. Call each within an hour of collection and record the result.")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Ticket"), self.tr("Collected (UTC)"), self.tr("Due by (UTC)"), self.tr("State")]
        )
        words = {"rated": self.tr("Rated"), "declined": self.tr("Declined to rate"), "no_answer": self.tr("No answer")}
        for index in range(self.outcome.count()):
            self.outcome.setItemText(index, words[str(self.outcome.itemData(index))])
        self.record_button.setText(self.tr("&Record the result"))

    def _outcome(self) -> str:
        return str(self.outcome.currentData())

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        self.show_due(satisfaction.follow_ups(session, session.store.clock()))

    def show_due(self, due: list[FollowUp]) -> None:
        rows = fill_table(
            self.table,
            (
                (
                    item.ticket_number,
                    item.completed_at[:16].replace("T", " "),
                    item.due_at[:16].replace("T", " "),
                    self.tr("Overdue") if item.overdue else self.tr("Due"),
                )
                for item in due
            ),
        )
        for item, cells in zip(due, rows, strict=True):
            if item.overdue:
                cells[3].setForeground(QColor(_OVERDUE_COLOUR))
        if due:
            self.table.selectRow(0)

    def record(self) -> None:
        session = self.open_session()
        row = self.table.currentRow()
        if session is None or row < 0:
            return
        number, outcome = cell_text(self.table, row, 0), self._outcome()
        rating = self.rating.value() if outcome == "rated" else None
        self._tasks.run(
            lambda: satisfaction.record_follow_up(session, number, outcome, rating),
            lambda _: self.show_session(session),
            lambda error: show_error(self, error),
        )
