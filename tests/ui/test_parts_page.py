"""The Spare parts page: managers only (Ctrl+8), scan-to-receive checks the label, low-stock filter, Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.accounts import service
from app.core.roles import Role
from app.parts import on_ticket, stock
from app.parts.stock import Move
from app.storage import parts_repository
from app.tickets import moves, pricing
from app.tickets.intake import open_ticket
from app.ui.pages.ticket_detail_page import TicketDetailPage
from app.ui.tasks import ImmediateTasks
from tests.integration.tickets.conftest import SIGNED, walk_in
from tests.parts_maker import forged_label, genuine_label
from tests.ui.test_keyboard import focused, signed_in_by_keyboard


def rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def open_dialogs(name: str) -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == name]


def test_a_manager_opens_parts_with_ctrl_8_and_receives_by_scanning(qtbot, manager, make_window) -> None:
    window = signed_in_by_keyboard(qtbot, manager, make_window)
    parts = window.workspace.parts
    qtbot.keyClick(focused(), Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.pages.currentWidget() is parts
    assert window.workspace.nav.item(7).text() == "Spare parts (Ctrl+8)"

    parts.scan.setFocus()
    qtbot.keyClicks(parts.scan, genuine_label("SCR-X1", "X1S0000042"))
    qtbot.keyClick(parts.scan, Qt.Key.Key_Return)  # what a keyboard-wedge scanner types last
    assert rows(parts.table) == [["SCR-X1", "Screen assembly", "", "1", "0", "1", "0"]]
    assert "Genuine part, verified: SCR-X1 serial X1S0000042" in parts.result.text()
    assert parts.scan.text() == ""


def test_a_forged_label_is_refused_in_words_and_nothing_enters_stock(qtbot, manager, make_window) -> None:
    window = signed_in_by_keyboard(qtbot, manager, make_window)
    parts = window.workspace.parts
    window.workspace.go_to(7)
    parts.scan.setText(forged_label("SCR-X1", "X1S0000043"))
    parts.receive_button.click()
    (box,) = [b for b in open_dialogs("knownErrorDialog") if b.isVisible()]
    assert box.text() == "The label is not signed by the part's maker: it is forged or was altered."
    box.close()
    assert rows(parts.table) == []


def test_the_low_stock_filter_and_the_chinese_names(qtbot, manager, make_window) -> None:
    stock.set_place(manager, "SCR-X1", "A-01", 2)
    stock.make_move(manager, Move("SCR-X1", "receive", 1, "delivery"))
    stock.make_move(manager, Move("BAT-X1", "receive", 4, "delivery"))
    window = signed_in_by_keyboard(qtbot, manager, make_window)
    parts = window.workspace.parts
    window.workspace.go_to(7)
    assert [r[0] for r in rows(parts.table)] == ["BAT-X1", "SCR-X1"]
    parts.low_only.setChecked(True)
    assert [r[:3] for r in rows(parts.table)] == [["SCR-X1", "Screen assembly", "A-01"]]
    window.language_box.setCurrentIndex(window.language_box.findData("zh_CN"))
    qtbot.waitUntil(lambda: parts.heading.text() == "备件", timeout=2000)  # Qt delivers the switch as an event
    assert rows(parts.table)[0][1] == "屏幕总成"


def test_a_technician_does_not_see_the_parts_page(qtbot, vault, manager, make_window) -> None:
    service.add_account(manager, "T001", "Tech", Role.TECHNICIAN, "tech-pass-1234")
    window = make_window()
    window.start_session(service.sign_in(vault, "T001", "tech-pass-1234"))
    assert window.workspace.nav.item(7).isHidden()
    assert not window.workspace.go_to(7)


def test_cancelling_a_ticket_on_its_page_gives_its_reserved_parts_back(qtbot, manager, clock) -> None:
    stock.make_move(manager, Move("BAT-A5", "receive", 1, "delivery"))
    number = open_ticket(manager, walk_in(agreement=SIGNED, imei="861234040000013", device_model="RC-A5")).number
    moves.move_ticket(manager, number, "diagnosing")
    moves.move_ticket(manager, number, "awaiting_approval")
    pricing.add_estimate(manager, number, ["BAT-A5"])
    on_ticket.approve_and_reserve(manager, number, "Zhang Wei", b"strokes")
    detail = TicketDetailPage(ImmediateTasks())
    qtbot.addWidget(detail)
    detail.show_session(manager)
    detail.show_ticket(number)
    detail.target.setCurrentIndex(detail.target.findData("cancelled"))
    detail.move_button.click()
    assert detail.detail.status == "cancelled"
    level = parts_repository.stock_level(manager.store, "BAT-A5")
    assert level is not None and (level.on_hand, level.reserved) == (1, 0)


def test_the_estimate_is_priced_and_approved_on_the_ticket_page_by_keyboard(qtbot, manager, clock) -> None:
    """The counter's estimate without the command line: parts that fit the model at guide prices,
    the customer's approval reserves what is in stock and requests the rest (issue 18)."""
    stock.make_move(manager, Move("BAT-A5", "receive", 1, "delivery"))
    number = open_ticket(manager, walk_in(agreement=SIGNED, imei="861234040000013", device_model="RC-A5")).number
    moves.move_ticket(manager, number, "diagnosing")
    detail = TicketDetailPage(ImmediateTasks())
    qtbot.addWidget(detail)
    detail.show_session(manager)
    detail.show_ticket(number)
    detail.show()
    panel = detail.estimating
    assert panel.isVisible() and not panel.approve_button.isEnabled()  # nothing priced, nobody asked yet
    offered = [panel.part.itemData(i) for i in range(panel.part.count())]
    assert "BAT-A5" in offered and "SCR-X1" not in offered  # only what fits the ticket's model
    for part in ("BAT-A5", "SCR-A5"):
        panel.part.setFocus()
        panel.part.setCurrentIndex(panel.part.findData(part))
        panel.add_button.setFocus()
        qtbot.keyClick(panel.add_button, Qt.Key.Key_Space)
    assert [line.part_id for line in detail.detail.lines] == ["BAT-A5", "SCR-A5"]
    assert detail._fact_labels["estimate"][1].text().startswith(f"¥{detail.detail.estimate}")
    detail.target.setCurrentIndex(detail.target.findData("awaiting_approval"))
    detail.move_button.click()
    assert panel.approve_button.isEnabled() and panel.approved_by.text() == ""  # never preset: the page masks names
    panel.approved_by.setFocus()
    qtbot.keyClicks(panel.approved_by, "Zhang Wei")
    qtbot.keyClick(panel.approved_by, Qt.Key.Key_Return)  # signs with the typed name
    assert detail.detail.status == "waiting_for_parts" and detail.detail.approval["approved_by"] == "Zhang Wei"
    summary = detail._fact_labels["estimate"][1].text()
    assert "approved by Zhang Wei" in summary and "reserved BAT-A5" in summary
    assert "not in stock, requested SCR-A5" in summary
    assert not panel.isVisible()  # approved: nothing left to price
