"""The audit journal (managers and auditors) and `verify` at the press of a button."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QWidget

from app.accounts.session import Session
from app.accounts.verification import VerifyReport, read_journal
from app.sync.verification import verify_store
from app.ui.busy import BusyBar
from app.ui.error_dialogs import show_error
from app.ui.journal_words import action_words, actor_words, entity_words
from app.ui.live_text import say
from app.ui.named import named
from app.ui.pages.page_base import Page, fill_table, read_only_table
from app.ui.tasks import BackgroundTasks


class JournalPage(Page):
    refill_on_language = True

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__("journalPage", parent)
        self._tasks = tasks
        self.verify_button = named(QPushButton(), "verifyButton")
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.result = named(QLabel(), "verifyResult")
        self.busy = BusyBar("verifyBusy")  # verifying reads every journal entry and row seal: seconds at 1M tickets
        self.table = read_only_table(
            "journalTable", 6, resize=QHeaderView.ResizeMode.ResizeToContents, select_rows=False
        )
        top = QHBoxLayout()
        top.addWidget(self.verify_button)
        top.addWidget(self.result, 1)
        layout = self.body
        layout.addLayout(top)
        layout.addWidget(self.busy)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Audit journal"))
        self.verify_button.setText(self.tr("&Verify the store"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Time (UTC)"), self.tr("Who"), self.tr("Record"), self.tr("Action"), self.tr("Hash")]
        )

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        head = session.store.journal_head().seq
        entries = read_journal(session, after=max(0, head - 500), limit=500)
        fill_table(
            self.table,
            (
                (
                    str(e.seq),
                    e.at[:19].replace("T", " "),
                    actor_words(e.actor),
                    entity_words(e.entity),
                    action_words(e.action),
                    e.hash[:16],
                )
                for e in reversed(entries)
            ),
        )

    def _on_verify_clicked(self) -> None:
        if self._session is None:
            return
        session = self._session
        self.result.setStyleSheet("")
        say(self.result, lambda: self.tr("Verifying..."))
        self.busy.run(
            self._tasks, lambda: verify_store(session), self._on_verified, self._on_failed, [self.verify_button]
        )

    def _on_verified(self, report: VerifyReport) -> None:
        if report.ok:
            entries = str(report.journal_entries)
            say(self.result, lambda: self.tr("Everything holds: %1 journal entries verified.").replace("%1", entries))
            self.result.setStyleSheet("color: #1b5e20;")
        else:
            details = "; ".join(report.problems)  # the service's English, with its specifics, for support
            say(
                self.result,
                lambda: self.tr("The store does not verify: keep this folder and call support. Details: %1").replace(
                    "%1", details
                ),
            )
            self.result.setStyleSheet("color: #b00020;")

    def _on_failed(self, error: BaseException) -> None:
        say(self.result, None)
        show_error(self, error)
