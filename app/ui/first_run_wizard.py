"""First run: the outlet, the first manager account, and the recovery key shown once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.accounts import service
from app.accounts.service import FirstRun, OutletInfo
from app.storage.vault import Vault
from app.ui.error_dialogs import show_error
from app.ui.named import named
from app.ui.tasks import BackgroundTasks

REGIONS = ("CN", "HK", "IN", "EU", "UK", "SG", "ID", "MY", "TH", "VN", "PH")


class OutletPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your outlet"))
        self.setSubTitle(self.tr("The outlet code starts every ticket number, e.g. SZ01-20261122-0042."))
        self.code = named(QLineEdit(), "outletCode")
        self.code.setMaxLength(8)
        self.code.setPlaceholderText("SZ01")
        self.name = named(QLineEdit(), "outletName")
        self.name.setMaxLength(80)
        self.region = named(QComboBox(), "outletRegion")
        self.region.addItems(REGIONS)
        self.address = named(QLineEdit(), "outletAddress")
        self.address.setMaxLength(200)
        form = QFormLayout(self)
        form.addRow(self.tr("Outlet &code"), self.code)
        form.addRow(self.tr("Outlet &name"), self.name)
        form.addRow(self.tr("&Region"), self.region)
        form.addRow(self.tr("&Address (printed on slips)"), self.address)
        for field in (self.code, self.name):
            field.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.code.text().strip().isalnum() and bool(self.name.text().strip())


class ManagerPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("The first manager account"))
        self.setSubTitle(self.tr("The manager adds the other staff accounts later."))
        self.engineer_id = named(QLineEdit(), "managerId")
        self.engineer_id.setMaxLength(32)
        self.display_name = named(QLineEdit(), "managerName")
        self.display_name.setMaxLength(80)
        self.password = named(QLineEdit(), "managerPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = named(QLineEdit(), "managerConfirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = named(QLabel(), "managerProblem")
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(self.tr("&Engineer ID"), self.engineer_id)
        form.addRow(self.tr("Display &name"), self.display_name)
        form.addRow(self.tr("&Password (8 or more characters)"), self.password)
        form.addRow(self.tr("&Confirm password"), self.confirm)
        form.addRow(self.problem)
        for field in (self.engineer_id, self.password, self.confirm):
            field.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        matches = self.password.text() == self.confirm.text()
        long_enough = len(self.password.text()) >= service.MIN_PASSWORD_LENGTH
        if self.confirm.text() and not matches:
            self.problem.setText(self.tr("The two passwords differ."))
        elif self.password.text() and not long_enough:
            self.problem.setText(self.tr("The password is too short."))
        else:
            self.problem.clear()
        return bool(self.engineer_id.text().strip()) and matches and long_enough

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self._wizard.create_store_then_continue()


class RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Recovery key"))
        self.setSubTitle(
            self.tr(
                "It opens the store when every password is lost. It is shown only now: print it or write it down, and "
                "keep it in the outlet safe."
            )
        )
        self.key_label = named(QLabel(), "recoveryKey")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        font.setPointSize(14)
        self.key_label.setFont(font)
        self.key_label.setWordWrap(True)
        self.print_button = named(QPushButton(self.tr("&Print the recovery key...")), "printRecovery")
        self.confirmed = named(
            QCheckBox(self.tr("I have printed or written down the recovery key")), "recoveryConfirmed"
        )
        self.confirmed.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()
        layout.addWidget(self.confirmed)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.confirmed.isChecked()


class FirstRunWizard(QWizard):
    """Signals: `store_created(FirstRun)` once the store exists (before the recovery page)."""

    store_created = Signal(object)

    def __init__(self, vault: Vault, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Set up Repair Counter"))
        self._vault, self._tasks = vault, tasks
        self.first_run: FirstRun | None = None
        self._creating = False
        self.outlet_page, self.manager_page, self.recovery_page = OutletPage(), ManagerPage(self), RecoveryPage()
        for page in (self.outlet_page, self.manager_page, self.recovery_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.recovery_page.print_button.clicked.connect(self._on_print_clicked)
        self.resize(640, 420)

    def create_store_then_continue(self) -> bool:
        """Let the page go only once the store exists; create it off the GUI thread first."""
        if self.first_run is not None:
            return True
        if not self._creating:
            self._creating = True
            self.button(QWizard.WizardButton.NextButton).setEnabled(False)
            outlet = OutletInfo(
                self.outlet_page.code.text().strip(),
                self.outlet_page.name.text().strip(),
                self.outlet_page.region.currentText(),
                self.outlet_page.address.text().strip(),
            )
            page = self.manager_page
            args = (outlet, page.engineer_id.text().strip(), page.display_name.text().strip(), page.password.text())
            self._tasks.run(lambda: service.initialise_store(self._vault, *args), self._on_created, self._on_failed)
        return self.first_run is not None

    def _on_created(self, first_run: FirstRun) -> None:
        self._creating = False
        self.first_run = first_run
        self.recovery_page.key_label.setText(first_run.recovery_key)
        self.store_created.emit(first_run)
        if self.currentPage() is self.manager_page:
            self.next()

    def _on_failed(self, error: BaseException) -> None:
        self._creating = False
        self.button(QWizard.WizardButton.NextButton).setEnabled(True)
        show_error(self, error)

    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec():
            print_recovery_key(printer, self.recovery_page.key_label.text(), self.outlet_page.code.text())


def print_recovery_key(printer: QPrinter, key: str, outlet_code: str) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(printer)
    try:
        rect = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
        painter.setFont(QFont("sans", 14))
        painter.drawText(
            rect.adjusted(0, 0, 0, -rect.height() // 2),
            Qt.AlignmentFlag.AlignLeft,
            f"Repair Counter - recovery key - outlet {outlet_code}\n\n{key}\n\n"
            "Keep this sheet in the outlet safe. Anyone holding it can open the store.",
        )
    finally:
        painter.end()
