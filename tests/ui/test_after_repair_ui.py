"""The customer's rating prompt at pickup, the follow-up page and the status bar's messages word."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from app.messages import satisfaction
from app.tickets import pickup
from app.tickets.intake import open_ticket
from app.ui.dialogs.rating_prompt import RatingPrompt
from app.ui.messages_status import MessagesStatus
from app.ui.pages.followup_page import FollowUpPage
from app.ui.pages.page_base import cell_text
from app.ui.pages.ticket_detail_page import TicketDetailPage
from app.ui.tasks import ImmediateTasks
from tests.integration.messages.conftest import consenting_ticket, to_ready
from tests.integration.tickets.conftest import SIGNED, walk_in


def collected(session) -> str:
    number = open_ticket(session, walk_in(agreement=SIGNED)).number
    to_ready(session, number)
    pickup.collect(session, number, "5678", "Zhang Wei", b"sig")
    return number


def test_the_digit_keys_rate_but_not_while_typing_a_comment(qtbot) -> None:
    prompt = RatingPrompt("SZ01-20261123-0001")
    qtbot.addWidget(prompt)
    prompt.open()
    prompt.comment.setFocus()
    qtbot.keyClicks(prompt.comment, "5 stars")
    assert prompt.rating is None and prompt.comment_text == "5 stars"
    prompt.skip.setFocus()
    qtbot.keyClick(prompt, Qt.Key.Key_4)
    assert (prompt.rating, prompt.result()) == (4, RatingPrompt.DialogCode.Accepted)
    assert [button.text() for button in prompt.buttons] == ["1", "2", "3", "4", "5"]


def test_skip_gives_no_rating(qtbot) -> None:
    prompt = RatingPrompt("SZ01-20261123-0001")
    qtbot.addWidget(prompt)
    prompt.open()
    qtbot.mouseClick(prompt.skip, Qt.MouseButton.LeftButton)
    assert prompt.rating is None and prompt.result() == RatingPrompt.DialogCode.Rejected


def test_the_follow_up_page_lists_and_records(qtbot, manager, clock) -> None:
    number = collected(manager)
    page = FollowUpPage(ImmediateTasks())
    qtbot.addWidget(page)
    page.show_session(manager)
    assert page.table.rowCount() == 1 and cell_text(page.table, 0, 0) == number
    assert cell_text(page.table, 0, 3) == "Due"
    clock.now += timedelta(hours=2)
    page.show_session(manager)
    assert cell_text(page.table, 0, 3) == "Overdue"
    page.outcome.setCurrentIndex(page.outcome.findData("rated"))
    page.rating.setValue(3)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 0
    assert satisfaction.rating_of(manager, number) == (3, None, "rated", "follow_up")


def test_the_status_bar_counts_waiting_messages(qtbot, manager, clock) -> None:
    status = MessagesStatus(lambda: manager)
    qtbot.addWidget(status)
    status.refresh()
    assert status.text() == "Messages waiting: 0, modem: not used yet"
    consenting_ticket(manager)
    status.refresh()
    assert status.text().startswith("Messages waiting: 1,")


def test_the_prompt_speaks_the_customers_language_not_the_windows(qtbot, manager, clock) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number  # signed in Chinese
    to_ready(manager, number)
    page = TicketDetailPage(ImmediateTasks())
    qtbot.addWidget(page)
    page.show_session(manager)
    page.show_ticket(number)
    assert page.pickup_button.text() == "Hand over"  # the technician's window is in English
    page.last4.setText("5678")
    page.pickup_signer.setText("Zhang Wei")
    page.pickup_button.click()
    prompt = page.rating_prompt
    assert prompt is not None and prompt.question.text() == "您对我们的服务满意吗？"
    assert prompt.skip.text() == "跳过"
    prompt.reject()
    assert RatingPrompt("SZ01-20261123-0001", language="en").question.text() == "How happy are you with our service?"
