"""The privacy desk page: requests with due dates, overdue highlighted, new request, close, export,
erase, restrict, and the retention run at start-up and daily."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.privacy.export import open_export
from app.privacy_rules.restriction import Purpose, refusal
from app.storage.ticket_records import NewTicket
from app.tickets.intake import open_ticket
from app.ui.pages.privacy_page import DAY_MS, OVERDUE_BACKGROUND, PrivacyPage
from app.ui.tasks import ImmediateTasks

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def desk(qtbot, manager, tmp_path):
    clock = Clock()
    manager.store.clock = clock
    ticket = open_ticket(
        manager,
        NewTicket(
            "maintenance",
            "Zhang Wei",
            "13812345678",
            "RC-X1",
            "490154203237518",
            "cracked screen",
            fault_category="screen",
        ),
    )
    answers = {"confirm": True, "export": (tmp_path / "out.rcx", None)}
    page = PrivacyPage(
        ImmediateTasks(),
        confirm=lambda _q: answers["confirm"],
        choose_export=lambda: answers["export"],
        ask_corrections=lambda: {"name": "Zhang Wei-Corrected"},
    )
    qtbot.addWidget(page)
    page.show_session(manager)
    return page, manager, clock, ticket, answers


def _take(qtbot, page, kind: str, number: str) -> str:
    page.kind.setCurrentIndex(page.kind.findData(kind))
    page.ticket.setText(number.lower())
    page.identity_check.setText("ID card seen")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    return page.result.text().split()[1]


def test_a_new_request_shows_its_due_dates_and_becomes_overdue(qtbot, desk) -> None:
    page, manager, clock, ticket, _ = desk
    number = _take(qtbot, page, "access", ticket.number)
    assert page.table.rowCount() == 1
    assert [page.table.item(0, c).text() for c in (0, 2, 3, 4, 5)] == [
        number,
        "Open",
        "2026-11-23",
        "2026-11-30",
        "2026-12-23",
    ]
    assert page.overdue_label.text() == ""
    clock.now = START + timedelta(days=8)
    page.show_session(manager)
    assert page.table.item(0, 2).text() == "Overdue"
    assert page.table.item(0, 0).background().color() == OVERDUE_BACKGROUND
    assert page.table.item(0, 0).font().bold()
    assert "1 request(s) overdue" in page.overdue_label.text()


def test_export_button_writes_an_export_and_shows_the_key_once(qtbot, desk) -> None:
    page, manager, _, ticket, answers = desk
    number = _take(qtbot, page, "access", ticket.number)
    page.select_request(number)
    assert page.act_button.text() == "&Export..."
    qtbot.mouseClick(page.act_button, Qt.MouseButton.LeftButton)
    key = page.result.text().split("Key (shown once, not stored): ")[1]
    document = open_export(answers["export"][0].read_bytes(), key=key)
    assert document["customer"]["name"] == "Zhang Wei"
    assert page.table.item(0, 2).text() == "Done"


def test_erase_asks_first_then_erases(qtbot, desk) -> None:
    page, manager, _, ticket, answers = desk
    number = _take(qtbot, page, "erasure", ticket.number)
    page.select_request(number)
    answers["confirm"] = False
    qtbot.mouseClick(page.act_button, Qt.MouseButton.LeftButton)
    assert manager.store.query("SELECT name FROM customer") == [("Zhang Wei",)]
    answers["confirm"] = True
    qtbot.mouseClick(page.act_button, Qt.MouseButton.LeftButton)
    assert manager.store.query("SELECT name FROM customer") == []
    assert "1 ticket(s) anonymised" in page.result.text()


def test_restrict_blocks_printing_of_the_ticket(qtbot, desk) -> None:
    page, manager, _, ticket, _ = desk
    number = _take(qtbot, page, "restriction", ticket.number)
    page.select_request(number)
    qtbot.mouseClick(page.act_button, Qt.MouseButton.LeftButton)
    refused = refusal(manager.store, ticket.number, Purpose.PRINTING)
    assert refused is not None and "cannot be printed" in refused.message and refused.code == "restricted_printing"
    assert not page.act_button.isEnabled()  # the request is closed


def test_close_and_rectify(qtbot, desk) -> None:
    page, manager, _, ticket, _ = desk
    objection = _take(qtbot, page, "objection", ticket.number)
    rectification = _take(qtbot, page, "rectification", ticket.number)
    page.select_request(objection)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    page.select_request(rectification)
    qtbot.mouseClick(page.act_button, Qt.MouseButton.LeftButton)
    assert manager.store.query("SELECT name FROM customer") == [("Zhang Wei-Corrected",)]
    assert {page.table.item(r, 2).text() for r in range(2)} == {"Done"}


def test_an_unknown_ticket_is_a_clear_error(qtbot, desk) -> None:
    page, _, _, _, _ = desk
    page.ticket.setText("SZ01-20990101-0001")
    page.identity_check.setText("ID card seen")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    [box] = page.findChildren(QMessageBox)
    assert "No customer found for ticket SZ01-20990101-0001" in box.text()
    box.close()
    assert page.table.rowCount() == 0


def test_retention_runs_at_start_up_and_daily(qtbot, desk) -> None:
    page, manager, clock, _, _ = desk
    clock.now = START.replace(year=2027) + timedelta(days=1)
    page.start_retention(manager)
    assert page.retention_timer.isActive() and page.retention_timer.interval() == DAY_MS
    assert page.last_receipt.counts["contact_data"] == 1
    assert "record(s) deleted or anonymised" in page.retention_label.text()
    first = page.last_receipt.receipt_id
    page.retention_timer.timeout.emit()  # a day later
    assert page.last_receipt.receipt_id != first
    page.stop_retention()
    assert not page.retention_timer.isActive()
