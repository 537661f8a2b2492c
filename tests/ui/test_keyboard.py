"""The counter by keyboard: where focus lands, page shortcuts, F1 help, Tab out of tables, no stray settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.tickets.intake import open_ticket
from app.ui.language import current_language
from tests.fixtures_store import ADMIN_PASSWORD
from tests.integration.tickets.conftest import SIGNED, walk_in

CTRL = Qt.KeyboardModifier.ControlModifier


def signed_in_by_keyboard(qtbot, manager, make_window):
    manager.lock()
    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClicks(window.login.password, ADMIN_PASSWORD)
    qtbot.keyClick(window.login.password, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.workspace
    return window


def focused():
    return QApplication.focusWidget()


def test_after_sign_in_the_cursor_is_in_the_queue_search_box(qtbot, manager, make_window) -> None:
    window = signed_in_by_keyboard(qtbot, manager, make_window)
    qtbot.waitUntil(lambda: focused() is window.workspace.tickets.queue.search_box, timeout=2000)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # a stray arrow: nothing to change here
    assert current_language() == "en"


def test_a_stray_arrow_or_wheel_on_the_language_box_changes_nothing(qtbot, manager, make_window) -> None:
    window = signed_in_by_keyboard(qtbot, manager, make_window)
    window.language_box.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_End, Qt.Key.Key_PageDown):
        qtbot.keyClick(window.language_box, key)
    assert window.language_box.currentData() == "en" and current_language() == "en"
    assert window.workspace.nav.item(0).text() == "Tickets (Ctrl+1)"


def test_every_page_has_its_shortcut_and_new_ticket_starts_on_the_phone(qtbot, manager, make_window) -> None:
    window = signed_in_by_keyboard(qtbot, manager, make_window)
    workspace = window.workspace
    for row, page in enumerate(
        (
            workspace.tickets,
            workspace.devices,
            workspace.diagnostics,
            workspace.staff,
            workspace.journal,
            workspace.privacy,
        )
    ):
        qtbot.keyClick(focused(), Qt.Key(Qt.Key.Key_1 + row), CTRL)
        assert workspace.pages.currentWidget() is page, row
        assert workspace.nav.item(row).text().endswith(f"(Ctrl+{row + 1})")  # shown where the page is listed
    qtbot.keyClick(focused(), Qt.Key.Key_H, CTRL)  # the tenth entry: the digits ran out
    assert workspace.pages.currentWidget() is workspace.hub
    assert workspace.nav.item(workspace.pages.indexOf(workspace.hub)).text() == "Outlet hub (Ctrl+H)"
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    assert workspace.tickets.tabs.currentWidget() is workspace.tickets.intake
    qtbot.waitUntil(lambda: focused() is workspace.tickets.intake.phone, timeout=2000)
    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    assert focused() is workspace.tickets.queue.search_box


def test_f1_lists_the_shortcuts_and_closes_again(qtbot, manager, make_window) -> None:
    window = signed_in_by_keyboard(qtbot, manager, make_window)
    qtbot.keyClick(focused(), Qt.Key.Key_F1)
    overlay = window.help_overlay
    qtbot.waitUntil(lambda: overlay is not None and overlay.isVisible(), timeout=2000)
    keys = [overlay.table.item(r, 0).text() for r in range(overlay.table.rowCount())]
    pages = ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6", "Ctrl+7", "Ctrl+8", "Ctrl+9", "Ctrl+H"]
    assert keys[:11] == [*pages, "Ctrl+N"]
    assert "Ctrl+D" in keys and "Ctrl+S" in keys
    assert "Ctrl+L" in keys and "F1" in keys
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible()


def test_tab_leaves_the_status_history_table(qtbot, manager, make_window) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    window = signed_in_by_keyboard(qtbot, manager, make_window)
    tickets = window.workspace.tickets
    tickets.open_ticket(number)
    history = tickets.detail.history
    assert history.rowCount() == 1
    history.setFocus()
    qtbot.waitUntil(lambda: focused() is history, timeout=2000)
    qtbot.keyClick(history, Qt.Key.Key_Tab)
    assert focused() is not history
    history.setFocus()
    qtbot.keyClick(history, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is not history
