"""Care guide on the slip or as a message, the rating at pickup, and the follow-up list."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.messages import satisfaction
from app.messages.errors import RatingRefused
from app.slip.from_ticket import slip_content_for
from app.storage import message_repository as repo
from app.tickets import pickup
from app.tickets.intake import open_ticket
from tests.integration.messages.conftest import PHONE, Modem, consenting_ticket, send, to_ready
from tests.integration.tickets.conftest import SIGNED, walk_in

X1_GUIDE_EN = "Do not press the new screen for 24 hours"


def collected(session, number: str) -> None:
    to_ready(session, number)
    pickup.collect(session, number, "5678", "Zhang Wei", b"sig")


def test_the_care_guide_is_on_the_pickup_slip_by_default(manager, clock) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    assert not any(X1_GUIDE_EN in note for note in slip_content_for(manager, number, "en").extra_notes)
    to_ready(manager, number)
    notes = slip_content_for(manager, number, "en", override_language=True).extra_notes
    assert any(note.startswith("Care guide: " + X1_GUIDE_EN) for note in notes)
    zh = slip_content_for(manager, number, "zh_CN", override_language=True).extra_notes
    assert any(note.startswith("保养指南: 新屏幕24小时内请勿按压") for note in zh)


def test_the_care_guide_as_a_message_is_sent_at_pickup_and_left_off_the_slip(
    manager, clock, modem: Modem, texts
) -> None:
    number = consenting_ticket(manager, "en", care_guide="message")
    collected(manager, number)
    assert not any("Care guide" in note for note in slip_content_for(manager, number, "en").extra_notes)
    assert send(manager, modem, texts).sent == 3  # received, ready for pickup, care guide
    texts_sent = modem.sim.messages_to(PHONE)
    assert len(texts_sent) == 3
    assert any(X1_GUIDE_EN in text and number not in text for text in texts_sent)


def test_a_rating_at_pickup_is_kept_once(manager, clock) -> None:
    number = consenting_ticket(manager)
    with pytest.raises(RatingRefused) as early:
        satisfaction.record_rating(manager, number, 5)
    assert early.value.code == "rating_not_collected"
    collected(manager, number)
    with pytest.raises(RatingRefused):
        satisfaction.record_rating(manager, number, 6)
    satisfaction.record_rating(manager, number, 4, "  quick\n and friendly ")
    assert satisfaction.rating_of(manager, number) == (4, "quick and friendly", "rated", "pickup")
    with pytest.raises(RatingRefused) as twice:
        satisfaction.record_rating(manager, number, 5)
    assert twice.value.code == "rating_twice"
    assert satisfaction.follow_ups(manager, clock.now) == []


def test_an_unrated_pickup_is_on_the_follow_up_list_until_its_result_is_recorded(manager, clock) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    collected(manager, number)
    (due,) = satisfaction.follow_ups(manager, clock.now)
    assert due.ticket_number == number and not due.overdue
    assert due.due_at == (clock.now + timedelta(hours=1)).isoformat(timespec="milliseconds")
    (late,) = satisfaction.follow_ups(manager, clock.now + timedelta(minutes=61))
    assert late.overdue
    with pytest.raises(RatingRefused):
        satisfaction.record_follow_up(manager, number, "declined", rating=3)
    satisfaction.record_follow_up(manager, number, "no_answer")
    assert satisfaction.follow_ups(manager, clock.now) == []
    assert repo.satisfaction_of(manager.store, moves_id(manager, number)) == (None, None, "no_answer", "follow_up")


def moves_id(session, number: str) -> str:
    from app.tickets.moves import load

    return load(session, number).row.id
