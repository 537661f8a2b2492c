"""The service progress screen, typed only with the keyboard: a right pair shows the history in the
outlet's local time; a wrong phone and an unknown number get the very same refusal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.storage.ticket_records import Agreement, NewTicket
from app.tickets import moves
from app.tickets.intake import open_ticket
from app.ui.pages.progress_page import ProgressPage
from app.ui.tasks import ImmediateTasks
from tests.fixtures_store import MONDAY_10

SIGNED = Agreement("service_agreement", 1, "en", "Zhang Wei", "ab" * 32)
PHONE, IMEI = "13812345678", "490154203237518"


@pytest.fixture
def ticket_number(manager, clock) -> str:
    """A ticket taken in at 10:00 Shanghai time, diagnosed at 10:20, awaiting approval from 11:05."""
    row = open_ticket(
        manager,
        NewTicket("maintenance", "Zhang Wei", PHONE, "RC-X1", IMEI, "cracked screen", priority=2, agreement=SIGNED),
    )
    clock.now = MONDAY_10 + timedelta(minutes=20)
    moves.move_ticket(manager, row.number, "diagnosing", "glass and frame bent")
    clock.now = MONDAY_10 + timedelta(minutes=65)
    moves.move_ticket(manager, row.number, "awaiting_approval")
    return row.number


@pytest.fixture
def page(qtbot, manager, ticket_number) -> ProgressPage:
    shown = ProgressPage(ImmediateTasks())
    qtbot.addWidget(shown)
    shown.resize(800, 500)
    shown.show_session(manager)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    shown.focus_form()
    qtbot.waitUntil(shown.number.hasFocus)
    return shown


def type_and_press(qtbot, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Keys go wherever the focus is, as a person's keyboard (or a scanner) would send them."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)
    qtbot.keyClick(focused, key)


def ask_by_keyboard(qtbot, page: ProgressPage, number: str, proof: str) -> None:
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # the next customer: empty form, cursor in the number
    assert page.number.hasFocus() and page.number.text() == "" and page.proof.text() == ""
    type_and_press(qtbot, number)  # Return moves on ...
    assert page.proof.hasFocus()
    type_and_press(qtbot, proof, Qt.Key.Key_Enter)  # ... and Enter on the last field asks


def history_rows(page: ProgressPage) -> list[tuple[str, str]]:
    return [(page.history.item(r, 0).text(), page.history.item(r, 1).text()) for r in range(page.history.rowCount())]


def test_the_right_number_and_phone_show_the_status_and_its_history_in_local_time(qtbot, page, ticket_number):
    ask_by_keyboard(qtbot, page, ticket_number.lower(), "138 1234 5678")
    assert page.current.text() == f"Ticket {ticket_number}: Awaiting approval"
    assert page.facts.text() == "Walk-in repair  RC-X1"
    assert history_rows(page) == [
        ("2026-11-23 10:00", "Received"),
        ("2026-11-23 10:20", "Diagnosing"),
        ("2026-11-23 11:05", "Awaiting approval"),
    ]  # Shanghai time, not UTC
    assert page.history.isVisible() and not page.message.isVisible()
    shown = " ".join([page.current.text(), page.facts.text(), *(t for row in history_rows(page) for t in row)])
    assert "Zhang" not in shown and "glass" not in shown and PHONE not in shown  # no name, note or phone


def test_the_imei_works_as_well_as_the_phone(qtbot, page, ticket_number):
    ask_by_keyboard(qtbot, page, ticket_number, IMEI)
    assert page.current.text() == f"Ticket {ticket_number}: Awaiting approval" and len(history_rows(page)) == 3


def test_a_wrong_phone_and_an_unknown_number_get_the_same_refusal(qtbot, page, ticket_number):
    ask_by_keyboard(qtbot, page, ticket_number, IMEI)
    assert page.history.rowCount() == 3
    ask_by_keyboard(qtbot, page, ticket_number, "13800000000")
    wrong_phone = (page.message.text(), page.message.isVisible(), page.current.text(), page.history.rowCount())
    unknown = ticket_number[:-4] + ("0099" if not ticket_number.endswith("0099") else "0098")
    ask_by_keyboard(qtbot, page, unknown, PHONE)
    unknown_number = (page.message.text(), page.message.isVisible(), page.current.text(), page.history.rowCount())
    ask_by_keyboard(qtbot, page, "not a ticket", PHONE)
    malformed = (page.message.text(), page.message.isVisible(), page.current.text(), page.history.rowCount())
    assert wrong_phone == unknown_number == malformed == (page.refusal_text(), True, "", 0)
    assert page.refusal_text().startswith("No ticket matches that number together with that phone number or IMEI.")
    assert not page.history.isVisible()  # the earlier answer is gone, not left under the refusal


def test_an_empty_field_asks_nothing_and_puts_the_cursor_there(qtbot, page, ticket_number):
    type_and_press(qtbot, ticket_number)
    type_and_press(qtbot, "", Qt.Key.Key_Return)
    assert page.message.isVisible() and page.message.text() != page.refusal_text()
    assert page.proof.hasFocus() and page.report is None


def test_the_tickets_page_has_the_progress_tab_with_the_cursor_in_the_number(qtbot, manager, ticket_number):
    from app.ui.pages.tickets_page import TicketsPage

    tickets = TicketsPage(tasks=ImmediateTasks())
    qtbot.addWidget(tickets)
    tickets.show_session(manager)
    tickets.show()
    qtbot.waitExposed(tickets)
    tickets.activateWindow()
    tickets.tabs.setCurrentWidget(tickets.progress)
    assert tickets.tabs.tabText(tickets.tabs.currentIndex()) == "Service progress"
    qtbot.waitUntil(tickets.progress.number.hasFocus)
    type_and_press(qtbot, ticket_number)
    type_and_press(qtbot, PHONE)
    assert tickets.progress.current.text() == f"Ticket {ticket_number}: Awaiting approval"


def test_the_answer_and_the_refusal_follow_the_counter_language(qtbot, page, ticket_number):
    from app.ui.language import LanguageSwitcher

    switcher = LanguageSwitcher()
    try:
        ask_by_keyboard(qtbot, page, ticket_number, PHONE)
        switcher.apply("zh_CN")  # Qt posts LanguageChange; the page re-renders the answer when it arrives
        qtbot.waitUntil(lambda: page.current.text() == f"工单 {ticket_number}：待客户确认", timeout=2000)
        assert [page.history.item(r, 1).text() for r in range(3)][2] == "待客户确认"
        assert page.history.item(0, 0).text() == "2026-11-23 10:00"
        ask_by_keyboard(qtbot, page, ticket_number, "13800000000")
        assert page.message.text().startswith("没有与该工单号及该手机号或 IMEI 相符的工单。")
        switcher.apply("en")
        qtbot.waitUntil(lambda: page.message.text().startswith("No ticket matches"), timeout=2000)
        assert page.message.text() == page.refusal_text() and page.message.isVisible()
    finally:
        switcher.apply("en")
