"""Staff accounts (managers): list, add, remove.  Removing rotates the database key, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.accounts import service
from app.accounts.session import Session
from app.core.roles import ROLE_LABELS, Role
from app.ui.dialogs.outlet_calendar_dialog import OutletCalendarDialog
from app.ui.error_dialogs import show_error
from app.ui.language import current_language
from app.ui.named import named
from app.ui.pages.page_base import Page, cell_text, fill_table, read_only_table
from app.ui.tasks import BackgroundTasks


def role_label(role: Role, language: str) -> str:
    en, zh = ROLE_LABELS[role]
    return zh if language == "zh_CN" else en


class AddStaffDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addStaffDialog")
        self.setWindowTitle(self.tr("Add a staff account"))
        self.engineer_id = named(QLineEdit(), "newEngineerId")
        self.engineer_id.setMaxLength(32)
        self.display_name = named(QLineEdit(), "newDisplayName")
        self.display_name.setMaxLength(80)
        self.role = named(QComboBox(), "newRole")
        for role in Role:
            self.role.addItem(role_label(role, current_language()), role)
        self.password = named(QLineEdit(), "newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Engineer ID"), self.engineer_id)
        form.addRow(self.tr("Display &name"), self.display_name)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("First &password"), self.password)
        form.addRow(buttons)


class StaffPage(Page):
    """Signals: `store_reopened()` after a removal rotated the key."""

    store_reopened = Signal()
    refill_on_language = True

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__("staffPage", parent)
        self._tasks = tasks
        self.table = read_only_table("staffTable", 3)
        self.add_button = named(QPushButton(), "addStaffButton")
        self.remove_button = named(QPushButton(), "removeStaffButton")
        self.calendar_button = named(QPushButton(), "outletCalendarButton")
        self.calendar_button.clicked.connect(self._on_calendar_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.calendar_button)
        buttons.addStretch()
        layout = self.body
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Staff accounts"))
        self.add_button.setText(self.tr("&Add account..."))
        self.remove_button.setText(self.tr("&Remove account"))
        self.calendar_button.setText(self.tr("Opening &hours..."))
        self.table.setHorizontalHeaderLabels([self.tr("Engineer ID"), self.tr("Name"), self.tr("Role")])

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        language = current_language()
        fill_table(
            self.table,
            ((m.engineer_id, m.display_name, role_label(m.role, language)) for m in service.list_accounts(session)),
        )

    def _on_add_clicked(self) -> None:
        dialog = AddStaffDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted or self._session is None:
            return
        session = self._session
        args = (
            dialog.engineer_id.text().strip(),
            dialog.display_name.text().strip(),
            dialog.role.currentData(),
            dialog.password.text(),
        )
        self._tasks.run(
            lambda: service.add_account(session, *args),
            lambda _: self.show_session(session),
            lambda e: show_error(self, e),
        )

    def _on_calendar_clicked(self) -> None:
        if self._session is not None:
            OutletCalendarDialog(self._session, self).exec()

    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        if row < 0 or self._session is None:
            return
        engineer_id = cell_text(self.table, row, 0)
        answer = QMessageBox.question(
            self,
            self.tr("Remove account"),
            self.tr(
                "Remove %1? The database key will be changed so that this account's old key file copy opens nothing."
            ).replace("%1", engineer_id),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        session = self._session

        def removed(_: object) -> None:
            self.show_session(session)
            self.store_reopened.emit()

        self._tasks.run(lambda: service.remove_account(session, engineer_id), removed, lambda e: show_error(self, e))
