"""The GUI shell through the keyboard: sign in, lock, idle lock, language, error dialogs, roles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.accounts import service
from app.core.roles import Role
from app.settings import Settings
from app.storage.errors import DatabaseDamaged, DatabaseMissing, JournalBroken, NotRepairCounterFile, WrongPassword
from app.ui.error_dialogs import known_error_box
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD


def _type_password_and_enter(qtbot, window, password: str) -> None:
    window.login.password.setFocus()
    qtbot.keyClicks(window.login.password, password)
    qtbot.keyClick(window.login.password, Qt.Key.Key_Return)


def _open_dialogs(name: str) -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]


def test_sign_in_with_the_keyboard_shows_the_workspace_and_who_is_signed_in(qtbot, manager, make_window) -> None:
    manager.lock()
    window = make_window()
    window.show()
    assert window.login.account.currentText() == ADMIN
    _type_password_and_enter(qtbot, window, ADMIN_PASSWORD)
    assert window.stack.currentWidget() is window.workspace
    assert "E1001" in window.who_label.text() and "Outlet manager" in window.who_label.text()
    assert window.lock_label.text() == "Unlocked"


def test_a_wrong_password_opens_its_dialog_and_keeps_the_sign_in_view(qtbot, manager, make_window) -> None:
    manager.lock()
    window = make_window()
    window.show()
    _type_password_and_enter(qtbot, window, "wrong-password")
    assert window.stack.currentWidget() is window.login
    dialogs = _open_dialogs("wrongPasswordDialog")
    assert dialogs and "password" in dialogs[0].text()
    for dialog in dialogs:
        dialog.close()


def test_ctrl_l_locks_closes_the_connection_and_wipes_the_key(qtbot, manager, make_window) -> None:
    manager.lock()
    window = make_window()
    window.show()
    _type_password_and_enter(qtbot, window, ADMIN_PASSWORD)
    store = window.session.store
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.workspace.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.login
    assert not store.is_open and store._key == bytearray(32)
    assert window.lock_label.text() == "Locked"


def test_the_window_locks_itself_when_idle(qtbot, manager, make_window) -> None:
    manager.lock()
    window = make_window()
    window.show()
    _type_password_and_enter(qtbot, window, ADMIN_PASSWORD)
    window.idle.set_interval_ms(200)
    window.idle.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.login, timeout=3000)
    assert window.session is None


def test_switching_to_chinese_at_run_time_translates_the_shell(qtbot, manager, make_window) -> None:
    window = make_window()
    window.start_session(manager)
    window.language_box.setCurrentIndex(window.language_box.findData("zh_CN"))
    # Qt posts LanguageChange to every widget; they re-set their texts when the events are processed.
    qtbot.waitUntil(lambda: window.workspace.nav.item(0).text() == "工单 (Ctrl+1)", timeout=2000)
    assert window.lock_button.text() == "锁定 (Ctrl+L)"
    assert "网点经理" in window.who_label.text()
    assert window.workspace.tickets.heading.text() == "工单"
    window.language_box.setCurrentIndex(window.language_box.findData("en"))
    qtbot.waitUntil(lambda: window.workspace.nav.item(0).text() == "Tickets (Ctrl+1)", timeout=2000)


def test_a_technician_does_not_see_staff_or_journal(qtbot, vault, manager, make_window) -> None:
    service.add_account(manager, "T100", "Tech", Role.TECHNICIAN, "tech-password")
    manager.lock()
    window = make_window()
    window.login.account.setCurrentText("T100")
    _type_password_and_enter(qtbot, window, "tech-password")
    nav = window.workspace.nav
    visible = [nav.item(i).text() for i in range(nav.count()) if not nav.item(i).isHidden()]
    assert visible == [
        "Tickets (Ctrl+1)", "Phones (Ctrl+2)", "Diagnostics (Ctrl+3)", "Follow-ups (Ctrl+9)", "Outlet hub (Ctrl+H)",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("error", "name", "title"),
    [
        (WrongPassword("x"), "wrongPasswordDialog", "Wrong password"),
        (DatabaseDamaged("damaged (page 3)", pages=(3,)), "databaseDamagedDialog", "The database is damaged"),
        (DatabaseMissing("x"), "databaseMissingDialog", "The database file is missing"),
        (NotRepairCounterFile("x"), "notOurFileDialog", "Not a Repair Counter file"),
        (JournalBroken("x"), "journalBrokenDialog", "The records do not verify"),
    ],
)
def test_each_store_error_has_its_own_dialog(qtbot, error, name, title) -> None:
    box = known_error_box(None, error)
    qtbot.addWidget(box)
    assert (box.objectName(), box.windowTitle()) == (name, title)
    assert box.informativeText().startswith("What to do next: ")


def test_idle_minutes_come_from_the_settings(qtbot, make_window, manager) -> None:
    window = make_window(Settings(idle_lock_minutes=7))
    assert window.idle._timer.interval() == 7 * 60_000
