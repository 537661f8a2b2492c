"""The counter queue: time left and overdue highlighted; search and scanning open tickets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from app.core.ticket_numbers import parse_ticket_number, qr_payload
from app.storage.ticket_records import Agreement, NewTicket
from app.tickets import moves
from app.tickets.intake import open_ticket
from app.ui.pages.queue_page import QueuePage
from tests.fixtures_store import MONDAY_10, SettableClock

KEY = b"example-slip-key-0123"
SIGNED = Agreement("service_agreement", 1, "en", "Zhang Wei", "ab" * 32)


def ticket(priority: int, phone: str, imei: str = "860955027785041") -> NewTicket:
    return NewTicket(
        "maintenance", "Zhang Wei", phone, "RC-X1", imei, "cracked screen", priority=priority, agreement=SIGNED
    )


@pytest.fixture
def queue(qtbot, manager):
    clock = SettableClock(MONDAY_10)
    manager.store.clock = clock
    urgent = open_ticket(manager, ticket(1, "13800000001"))  # due 10:30
    normal = open_ticket(manager, ticket(2, "13800000002"))  # due 12:00
    later = open_ticket(manager, ticket(3, "13800000003", "490154203237518"))
    closed = open_ticket(manager, ticket(2, "13800000004"))
    moves.move_ticket(manager, closed.number, "cancelled")
    clock.now = MONDAY_10 + timedelta(minutes=50)  # 10:50: the level-1 ticket is 20 min late
    page = QueuePage(slip_key=KEY)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show_session(manager)
    return page, {"urgent": urgent.number, "normal": normal.number, "later": later.number, "closed": closed.number}


def cell(page, row: int, column: int) -> str:
    return page.model.data(page.model.index(row, column))


def test_open_tickets_by_deadline_with_time_left_and_overdue_in_red(queue) -> None:
    page, numbers = queue
    assert [cell(page, r, 0) for r in range(page.model.rowCount())] == [
        numbers["urgent"],
        numbers["normal"],
        numbers["later"],
    ]  # the cancelled one is not in the queue
    assert cell(page, 0, 7) == "OVERDUE 0h 20m"
    assert cell(page, 1, 7) == "1h 10m"
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole).color().name() == "#ffcdd2"
    assert page.model.data(page.model.index(2, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert cell(page, 0, 5) == "Z******** 138****0001"  # masked at the counter
    assert page.summary.text() == "Open tickets: 3, overdue: 1"


def test_typing_a_phone_last_4_shows_its_tickets_and_escape_goes_back(qtbot, queue) -> None:
    page, numbers = queue
    qtbot.keyClicks(page.search_box, "0002")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert [cell(page, r, 0) for r in range(page.model.rowCount())] == [numbers["normal"]]
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert page.model.rowCount() == 3


def test_a_scanned_slip_qr_code_opens_its_ticket(qtbot, queue) -> None:
    page, numbers = queue
    with qtbot.waitSignal(page.ticket_requested) as opened:
        page.scanned(qr_payload(parse_ticket_number(numbers["closed"]), KEY) + "\r\n")
    assert opened.args == [numbers["closed"]]


def test_a_keyboard_wedge_barcode_scan_opens_its_ticket(qtbot, queue) -> None:
    page, numbers = queue
    with qtbot.waitSignal(page.ticket_requested) as opened:
        qtbot.keyClicks(page.search_box, numbers["later"].lower())
        qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert opened.args == [numbers["later"]]


def test_an_imei_tail_search_lists_without_opening(qtbot, queue) -> None:
    page, numbers = queue
    requested = []
    page.ticket_requested.connect(requested.append)
    page.scanned("237518")
    assert [cell(page, r, 0) for r in range(page.model.rowCount())] == [numbers["later"]]
    assert requested == []


def test_return_on_a_row_opens_that_ticket(qtbot, queue) -> None:
    page, numbers = queue
    page.show()
    qtbot.waitExposed(page)
    page.table.setFocus()
    page.table.selectRow(1)
    page.table.setCurrentIndex(page.model.index(1, 0))
    with qtbot.waitSignal(page.ticket_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [numbers["normal"]]


def test_the_detail_page_shows_the_verdict_and_moves_and_hands_over(qtbot, queue, manager) -> None:
    from app.ui.pages.ticket_detail_page import TicketDetailPage
    from app.ui.tasks import ImmediateTasks

    page, numbers = queue
    detail = TicketDetailPage(ImmediateTasks())
    qtbot.addWidget(detail)
    detail.show_session(manager)
    detail.show_ticket(numbers["normal"])
    assert detail.heading.text() == f"{numbers['normal']} - Received"
    assert detail.findChild(object, "fact_warranty").text() == "In warranty. In warranty until 2027-03-09."
    assert "2026-11-23 12:00" in detail.findChild(object, "fact_due").text()
    late = TicketDetailPage(ImmediateTasks())
    qtbot.addWidget(late)
    late.show_session(manager)
    moves.move_ticket(manager, numbers["urgent"], "diagnosing")
    late.show_ticket(numbers["urgent"])
    assert late.findChild(object, "fact_due").text() == "Responded 2026-11-23 10:50 (late)"
    for target in ("diagnosing", "repairing", "quality_check", "ready_for_pickup"):
        detail.target.setCurrentIndex(detail.target.findData(target))
        detail.move_button.click()
    assert detail.detail.status == "ready_for_pickup" and detail.pickup_button.isVisibleTo(detail)
    assert detail.target.findData("collected") == -1  # only through the pickup check
    detail.last4.setText("0002")
    detail.pickup_signer.setText("Zhang Wei")
    detail.pickup_button.click()
    assert detail.detail.status == "collected"
    assert detail.history.rowCount() == 6 and not detail.move_button.isEnabled()
    prompt = detail.rating_prompt  # turned toward the customer after the hand-over
    assert prompt is not None and prompt.isVisible()
    qtbot.keyClick(prompt, Qt.Key.Key_5)
    from app.messages.satisfaction import rating_of

    assert rating_of(manager, numbers["normal"]) == (5, None, "rated", "pickup")


def test_the_tickets_page_wires_queue_intake_and_detail(qtbot, manager, queue) -> None:
    from app.ui.pages.tickets_page import TicketsPage
    from app.ui.tasks import ImmediateTasks

    _, numbers = queue
    page = TicketsPage(tasks=ImmediateTasks(), slip_key=KEY)
    qtbot.addWidget(page)
    page.show_session(manager)
    assert page.queue.model.rowCount() == 3 and page.table.rowCount() == 4
    page.scanned(qr_payload(parse_ticket_number(numbers["later"]), KEY))
    assert page.tabs.currentWidget() is page.detail and page.detail.detail.number == numbers["later"]
    page.tabs.setCurrentWidget(page.intake)
    page.scanned("IMEI 490154203237518")
    assert page.intake.imei.text() == "490154203237518"


def test_a_ticket_already_answered_is_not_overdue_and_comes_after_those_waiting(qtbot, queue, manager) -> None:
    page, numbers = queue
    moves.move_ticket(manager, numbers["urgent"], "diagnosing")  # 20 minutes late, but answered now
    page.show_session(manager)
    assert [cell(page, r, 0) for r in range(3)] == [numbers["normal"], numbers["later"], numbers["urgent"]]
    assert cell(page, 2, 7) == "Responded"
    assert page.model.data(page.model.index(2, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert page.summary.text() == "Open tickets: 3, overdue: 0"


def test_the_detail_page_invoices_an_in_warranty_repair_at_zero(qtbot, queue, manager) -> None:
    from app.tickets import pricing
    from app.ui.pages.ticket_detail_page import TicketDetailPage
    from app.ui.tasks import ImmediateTasks

    _, numbers = queue
    pricing.add_estimate(manager, numbers["normal"], ["SCR-X1", "LAB-STD"])
    for target in ("diagnosing", "repairing", "quality_check"):
        moves.move_ticket(manager, numbers["normal"], target)
    detail = TicketDetailPage(ImmediateTasks())
    qtbot.addWidget(detail)
    detail.show_session(manager)
    detail.show_ticket(numbers["normal"])
    assert detail.invoice_button.isVisibleTo(detail)
    detail.invoice_button.click()
    invoice = [line for line in detail.detail.lines if line.kind == "invoice"]
    assert [str(line.total) for line in invoice] == ["0.00", "0.00"]
    assert "guide price 1099.00" in invoice[0].description
    assert not detail.invoice_button.isVisibleTo(detail), "invoiced once"


def test_a_manager_edits_the_opening_hours_and_holidays_in_the_dialog(qtbot, manager) -> None:
    from app.tickets.intake import outlet_clock
    from app.ui.dialogs.outlet_calendar_dialog import OutletCalendarDialog

    dialog = OutletCalendarDialog(manager)
    qtbot.addWidget(dialog)
    assert dialog.hours["sat"].text() == "10:00-16:00"
    dialog.hours["sat"].setText("closed")
    dialog.save_hours_button.click()
    dialog.holiday_day.setText("2026-12-24")
    dialog.holiday_hours.setText("09:00-12:00")
    dialog.add_holiday_button.click()
    assert [dialog.holidays.item(i).text() for i in range(dialog.holidays.count())] == ["2026-12-24  09:00-12:00"]
    calendar = outlet_clock(manager).calendar
    assert calendar.intervals_on(date(2026, 11, 28)) == () and len(calendar.intervals_on(date(2026, 12, 24))) == 1
    dialog.holidays.setCurrentRow(0)
    dialog.remove_holiday_button.click()
    assert dialog.holidays.count() == 0
    actions = [r[0] for r in manager.store.query("SELECT action FROM audit_journal WHERE entity = 'outlet_calendar'")]
    assert actions == ["set_hours", "holiday", "holiday_removed"]


def test_the_detail_page_shows_a_purchase_date_conflict(qtbot, queue, manager) -> None:
    import dataclasses
    from datetime import date as day

    from app.ui.pages.ticket_detail_page import TicketDetailPage
    from app.ui.tasks import ImmediateTasks

    told = open_ticket(manager, dataclasses.replace(ticket(3, "13800000009"), purchase_date=day(2026, 1, 1)))
    detail = TicketDetailPage(ImmediateTasks())
    qtbot.addWidget(detail)
    detail.show_session(manager)
    detail.show_ticket(told.number)
    text = detail.findChild(object, "fact_warranty").text()
    assert "Purchase date per the registry 2025-03-10 (the customer said 2026-01-01)." in text


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("screen_width", [1366, 1100])
def test_every_column_is_as_wide_as_its_text(qtbot, manager, language, screen_width) -> None:
    """The customer column was squeezed to 25 px in a 1100 px window: every cell's text and header fit
    unclipped, and on a 1366x768 counter screen all columns fit side by side."""
    from app.ui.language import LanguageSwitcher

    languages = LanguageSwitcher()
    languages.apply(language)
    try:
        open_ticket(manager, ticket(1, "13800000001"))
        late = open_ticket(manager, ticket(1, "13800000002"))
        moves.move_ticket(manager, late.number, "sent_to_repair_centre")
        manager.store.clock = SettableClock(MONDAY_10 + timedelta(days=9))  # overdue: the longest "time left"
        page = QueuePage(slip_key=KEY)
        qtbot.addWidget(page)
        page.resize(screen_width - 190 - 30, 768 - 120)  # the page's share beside the navigation
        page.show()
        page.show_session(manager)
        header = page.table.horizontalHeader()
        metrics = page.table.fontMetrics()
        for column in range(page.model.columnCount()):
            widest = max(metrics.horizontalAdvance(cell(page, row, column)) for row in range(page.model.rowCount()))
            title = header.fontMetrics().horizontalAdvance(page.headers()[column])
            assert header.sectionSize(column) >= max(widest, title) + 12, page.headers()[column]
        customer = page.headers().index("客户" if language == "zh_CN" else "Customer")
        assert header.sectionSize(customer) > 120
        if screen_width == 1366:
            visible = sum(header.sectionSize(c) for c in range(page.model.columnCount()))
            assert visible <= page.table.viewport().width() + 1  # all of it on the screen, no sideways scrolling
    finally:
        languages.apply("en")
