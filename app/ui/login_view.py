"""Sign-in: pick the account, type the password; or open with the recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts import service
from app.accounts.session import Session
from app.storage.vault import Vault
from app.ui.error_dialogs import show_error
from app.ui.language import on_language_change
from app.ui.named import named
from app.ui.tasks import BackgroundTasks


class LoginView(QWidget):
    """Signals: `signed_in(Session)`."""

    signed_in = Signal(object)

    def __init__(self, vault: Vault, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginView")
        self._vault, self._tasks = vault, tasks
        self._build()
        self.retranslate()
        on_language_change(self, self.retranslate)

    def _build(self) -> None:
        self.title = named(QLabel(), "loginTitle")
        self.title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.account = named(QComboBox(), "accountBox")
        self.password = named(QLineEdit(), "passwordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._on_sign_in_clicked)
        self.sign_in_button = named(QPushButton(), "signInButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._on_sign_in_clicked)
        self.recovery_button = named(QPushButton(), "recoveryButton")
        self.recovery_button.setFlat(True)
        self.recovery_button.clicked.connect(self._on_recovery_clicked)
        self.progress = named(QProgressBar(), "signInProgress")
        self.progress.setRange(0, 0)  # Argon2id takes a fifth of a second: show it is working
        self.progress.hide()
        self.hint = named(QLabel(), "loginHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("background: #fff8e1; border: 1px solid #ffe082; padding: 8px;")
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.account_label, self.password_label = QLabel(), QLabel()
        self.account_label.setBuddy(self.account)  # Alt+A / Alt+P jump to the fields
        self.password_label.setBuddy(self.password)
        self._form = QFormLayout()
        self._form.addRow(self.account_label, self.account)
        self._form.addRow(self.password_label, self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recovery_button)
        buttons.addStretch()
        buttons.addWidget(self.sign_in_button)
        box = QWidget()
        box.setFixedWidth(520)
        inner = QVBoxLayout(box)
        inner.setSpacing(12)
        for widget in (self.title, self.hint):
            inner.addWidget(widget)
        inner.addLayout(self._form)
        inner.addWidget(self.progress)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sign in to Repair Counter"))
        self.account_label.setText(self.tr("&Account"))
        self.password_label.setText(self.tr("&Password"))
        self.sign_in_button.setText(self.tr("Sign &in"))
        self.recovery_button.setText(self.tr("Lost every password? Use the recovery key"))
        self.password.setPlaceholderText(self.tr("Password"))

    def reset(self, hint: str = "", *, account: str = "") -> None:
        """Show the accounts of this store and an empty password field (`account` preselected)."""
        current = account or self.account.currentText()
        self.account.clear()
        self.account.addItems(self._vault.account_names())
        if current:
            self.account.setCurrentText(current)
        self.password.clear()
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        # A wrapped label in a fixed-width box does not grow by itself: give it the height it needs.
        box = self.hint.parentWidget()
        width = box.width() if box is not None else self.hint.width()
        self.hint.setMinimumHeight(self.hint.heightForWidth(width) if hint else 0)
        self.password.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.sign_in_button, self.recovery_button, self.password, self.account):
            widget.setEnabled(not busy)

    def _on_sign_in_clicked(self) -> None:
        account, password = self.account.currentText(), self.password.text()
        if not account or not password:
            return
        self._set_busy(True)
        self._tasks.run(
            lambda: service.sign_in(self._vault, account, password), self._on_session_ready, self._on_failed
        )

    def _on_recovery_clicked(self) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("Recovery key"), self.tr("Type the recovery key printed when this store was set up:")
        )
        if ok and text.strip():
            self._set_busy(True)
            self._tasks.run(
                lambda: service.sign_in_with_recovery(self._vault, text), self._on_session_ready, self._on_failed
            )

    def _on_session_ready(self, session: Session) -> None:
        self._set_busy(False)
        self.password.clear()
        self.signed_in.emit(session)

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password.selectAll()
        self.password.setFocus()
        show_error(self, error)
