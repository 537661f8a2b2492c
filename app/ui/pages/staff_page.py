"""Staff accounts (managers): list, add, remove.  Removing rotates the database key, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.accounts import service
from app.accounts.session import Session
from app.core.roles import ROLE_LABELS, Role
from app.ui.dialogs.outlet_calendar_dialog import OutletCalendarDialog
from app.ui.error_dialogs import show_error
from app.ui.tasks import BackgroundTasks


def role_label(role: Role, language: str) -> str:
    en, zh = ROLE_LABELS[role]
    return zh if language == "zh_CN" else en


class AddStaffDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addStaffDialog")
        self.setWindowTitle(self.tr("Add a staff account"))
        self.engineer_id = QLineEdit(objectName="newEngineerId", maxLength=32)
        self.display_name = QLineEdit(objectName="newDisplayName", maxLength=80)
        self.role = QComboBox(objectName="newRole")
        for role in Role:
            self.role.addItem(ROLE_LABELS[role][0], role)
        self.password = QLineEdit(objectName="newPassword", echoMode=QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Engineer ID"), self.engineer_id)
        form.addRow(self.tr("Display &name"), self.display_name)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("First &password"), self.password)
        form.addRow(buttons)


class StaffPage(QWidget):
    """Signals: `store_reopened()` after a removal rotated the key."""

    store_reopened = Signal()

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffPage")
        self._tasks = tasks
        self._session: Session | None = None
        self.heading = QLabel(objectName="pageHeading")
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.table = QTableWidget(0, 3, objectName="staffTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.add_button = QPushButton(objectName="addStaffButton")
        self.remove_button = QPushButton(objectName="removeStaffButton")
        self.calendar_button = QPushButton()
        self.calendar_button.setObjectName("outletCalendarButton")
        self.calendar_button.clicked.connect(self._on_calendar_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.calendar_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Staff accounts"))
        self.add_button.setText(self.tr("&Add account..."))
        self.remove_button.setText(self.tr("&Remove account"))
        self.calendar_button.setText(self.tr("Opening &hours..."))
        self.table.setHorizontalHeaderLabels([self.tr("Engineer ID"), self.tr("Name"), self.tr("Role")])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._session:
                self.show_session(self._session)
        super().changeEvent(event)

    def show_session(self, session: Session) -> None:
        self._session = session
        members = service.list_accounts(session)
        language = QLocale().name()  # the switcher sets the default locale with the language
        self.table.setRowCount(len(members))
        for r, m in enumerate(members):
            for c, value in enumerate((m.engineer_id, m.display_name, role_label(m.role, language))):
                self.table.setItem(r, c, QTableWidgetItem(value))

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
        engineer_id = self.table.item(row, 0).text()
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
        self._tasks.run(
            lambda: service.remove_account(session, engineer_id),
            lambda _: (self.show_session(session), self.store_reopened.emit()),
            lambda e: show_error(self, e),
        )
