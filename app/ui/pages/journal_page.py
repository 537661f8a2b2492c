"""The audit journal (managers and auditors) and `verify` at the press of a button."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.accounts.session import Session
from app.accounts.verification import VerifyReport, read_journal
from app.sync.verification import verify_store
from app.ui.error_dialogs import show_error
from app.ui.tasks import BackgroundTasks


class JournalPage(QWidget):
    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalPage")
        self._tasks = tasks
        self._session: Session | None = None
        self.heading = QLabel(objectName="pageHeading")
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.verify_button = QPushButton(objectName="verifyButton")
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.result = QLabel(objectName="verifyResult")
        self.table = QTableWidget(0, 6, objectName="journalTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        top = QHBoxLayout()
        top.addWidget(self.verify_button)
        top.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Audit journal"))
        self.verify_button.setText(self.tr("&Verify the store"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Time (UTC)"), self.tr("Who"), self.tr("Record"), self.tr("Action"), self.tr("Hash")]
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_session(self, session: Session) -> None:
        self._session = session
        head = session.store.journal_head().seq
        entries = read_journal(session, after=max(0, head - 500), limit=500)
        self.table.setRowCount(len(entries))
        for r, e in enumerate(reversed(entries)):
            values = (str(e.seq), e.at[:19].replace("T", " "), e.actor, e.entity, e.action, e.hash[:16])
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def _on_verify_clicked(self) -> None:
        if self._session is None:
            return
        session = self._session
        self.verify_button.setEnabled(False)
        self.result.setText(self.tr("Verifying..."))
        self._tasks.run(lambda: verify_store(session), self._on_verified, self._on_failed)

    def _on_verified(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            self.result.setText(
                self.tr("Everything holds: %1 journal entries verified.").replace("%1", str(report.journal_entries))
            )
            self.result.setStyleSheet("color: #1b5e20;")
        else:
            self.result.setText("; ".join(report.problems))
            self.result.setStyleSheet("color: #b00020;")

    def _on_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.result.clear()
        show_error(self, error)
