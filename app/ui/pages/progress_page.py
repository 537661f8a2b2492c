"""The service progress query at the counter: a customer asks "where is my phone?".

A keyboard-first form: the ticket number, then the phone number or IMEI given at intake.  Return
in the number field moves on (a barcode scanner's suffix lands the cursor in the next field);
Return or Enter in the last field asks.  The answer is the ticket's current status in plain
words and its status history in the outlet's local time, and nothing else of the customer: no
names, no notes, no staff (the service answers without them).

The refusal is one sentence whatever was wrong, the number or the phone/IMEI, so the screen
cannot be used to find out which tickets exist (the service refuses the same way for both).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)

from app.accounts.session import Session
from app.tickets.errors import ProgressNotFound
from app.tickets.intake import outlet_clock
from app.tickets.outlet_clock import OutletClock
from app.tickets.progress import ProgressReport, query_progress
from app.ui.error_dialogs import show_error
from app.ui.fields import NextOnReturnLineEdit
from app.ui.named import named
from app.ui.pages.page_base import Page, fill_table, read_only_table
from app.ui.tasks import BackgroundTasks
from app.ui.ticket_words import service_label, status_label

# Longest inputs taken: a ticket number is 18 characters, a phone or IMEI (with spaces) well under 32.
NUMBER_MAX, PROOF_MAX = 40, 32
_TIME_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class _Answer:
    """What the background query hands back: the report and the clock to show its times in."""

    report: ProgressReport
    clock: OutletClock


class ProgressPage(Page):
    """The form and its answer."""

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__("progressPage", parent)
        self._tasks = tasks
        self._asked = 0  # numbers each question, so a late answer to an older one is dropped
        self.report: ProgressReport | None = None
        self._clock: OutletClock | None = None
        self.intro = named(QLabel(), "progressIntro")
        self.intro.setWordWrap(True)
        self.number = named(NextOnReturnLineEdit(), "progressNumber")
        self.number.setMaxLength(NUMBER_MAX)
        self.proof = named(QLineEdit(), "progressProof")
        self.proof.setMaxLength(PROOF_MAX)
        self.proof.returnPressed.connect(self.ask)  # Return and keypad Enter both
        self.ask_button = named(QPushButton(), "progressAsk")  # made in this order: the Tab order
        self.ask_button.clicked.connect(self.ask)
        self.form = QFormLayout()
        self.number_label, self.proof_label = QLabel(), QLabel()
        self.form.addRow(self.number_label, self.number)
        self.form.addRow(self.proof_label, self.proof)
        self.form.addRow("", self.ask_button)
        self.message = named(QLabel(), "progressMessage")  # the refusal or a hint, plainly
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current = named(QLabel(), "progressCurrent")
        self.current.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.facts = named(QLabel(), "progressFacts")
        self.history = self._build_history_table()
        self._layout = layout = self.body
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.current)
        layout.addWidget(self.facts)
        layout.addWidget(self.history, 1)
        layout.addStretch(1)  # holds the form at the top while there is no history to fill the page
        self.clear()
        self.retranslate()

    @staticmethod
    def _build_history_table() -> QTableWidget:
        table = read_only_table("progressHistory", 2, select_rows=False)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes number -> phone/IMEI -> ask, not into it
        return table

    # --- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Service progress"))
        self.intro.setText(
            self.tr(
                "For a customer asking about a repair: type or scan the ticket number, then "
                "the phone number or IMEI given at intake, and press Enter."
            )
        )
        self.number_label.setText(self.tr("Ticket number"))
        self.proof_label.setText(self.tr("Phone number or IMEI"))
        self.number.setPlaceholderText(self.tr("e.g. SZ01-20261123-0042"))
        self.proof.setPlaceholderText(self.tr("as given at intake"))
        self.ask_button.setText(self.tr("Show progress"))
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Status")])
        if self.report is not None and self._clock is not None:
            self._show_answer(self.report, self._clock)
        elif self.message.property("refused"):
            self._show_refusal()

    def refusal_text(self) -> str:
        """The one answer for an unknown number and for a wrong phone/IMEI alike."""
        return (
            self.tr("No ticket matches that number together with that phone number or IMEI.")
            + "\n"
            + self.tr("Check the ticket number on the slip and give the phone number or IMEI used at intake.")
        )

    # --- content -------------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        """A new sign-in starts from an empty form: one customer's answer never waits for the next."""
        super().show_session(session)
        self.number.clear()
        self.proof.clear()
        self.clear()

    def clear(self) -> None:
        """Forget the shown answer (Esc, a new question, a new sign-in)."""
        self.report, self._clock = None, None
        self.message.clear()
        self.message.setProperty("refused", False)
        self.message.hide()
        self.current.clear()
        self.facts.clear()
        self.history.setRowCount(0)
        self.history.hide()
        self._layout.setStretch(self._layout.count() - 1, 1)

    def focus_form(self) -> None:
        self.number.setFocus(Qt.FocusReason.OtherFocusReason)
        self.number.selectAll()

    def ask(self) -> None:
        """Ask the service in the background; the answer or the refusal replaces what is shown."""
        if self._session is None:
            return
        number, proof = self.number.text().strip(), self.proof.text().strip()
        self.clear()
        if not number or not proof:
            self._show_hint(self.tr("Type the ticket number and the phone number or IMEI, then press Enter."))
            (self.number if not number else self.proof).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._asked += 1
        asked, session = self._asked, self._session

        def run() -> _Answer:
            return _Answer(query_progress(session, number, proof), outlet_clock(session))

        self.ask_button.setEnabled(False)
        self._tasks.run(run, lambda answer: self._on_answer(asked, answer), lambda error: self._on_failed(asked, error))

    def _on_answer(self, asked: int, answer: _Answer) -> None:
        if asked != self._asked:
            return
        self.ask_button.setEnabled(True)
        self._show_answer(answer.report, answer.clock)

    def _on_failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        self.ask_button.setEnabled(True)
        if isinstance(error, ProgressNotFound):
            self._show_refusal()
            self.proof.selectAll()
            return
        show_error(self, error)  # not allowed, store locked, a bug: the shared dialogs explain

    def _show_hint(self, text: str) -> None:
        self.message.setStyleSheet("color: #5d4037;")
        self.message.setText(text)
        self.message.show()

    def _show_refusal(self) -> None:
        self._show_hint(self.refusal_text())
        self.message.setStyleSheet("color: #b71c1c; font-weight: 600;")
        self.message.setProperty("refused", True)

    def _show_answer(self, report: ProgressReport, clock: OutletClock) -> None:
        self.report, self._clock = report, clock
        self.message.hide()
        self.current.setText(
            self.tr("Ticket %1: %2").replace("%1", report.number).replace("%2", status_label(report.status))
        )
        service = service_label(report.service_type)
        self.facts.setText(f"{service}  {report.device_model}".strip())
        fill_table(
            self.history, ((self.local_time(step.at, clock), status_label(step.status)) for step in report.history)
        )
        self._layout.setStretch(self._layout.count() - 1, 0)
        self.history.show()

    @staticmethod
    def local_time(at: str, clock: OutletClock) -> str:
        """A stored UTC moment as the outlet's wall-clock time (the customer's time, not the server's)."""
        try:
            return f"{clock.local(datetime.fromisoformat(at)):{_TIME_FORMAT}}"
        except ValueError:
            return at

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:  # the next customer: empty form, cursor in the number
            self.number.clear()
            self.proof.clear()
            self.clear()
            self.focus_form()
            return
        super().keyPressEvent(event)
