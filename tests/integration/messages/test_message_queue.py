"""The outbound queue through the simulated modem on a pty: consent, retries, never a duplicate, retention."""

from __future__ import annotations

import pytest

from app.core.sms_pdu import join_parts
from app.messages import consent, templates
from app.messages.sender import settle_interrupted
from app.storage import message_repository as repo
from app.tickets import moves
from app.tickets.intake import open_ticket
from tests.integration.messages.conftest import PHONE, Modem, consenting_ticket, later, send, to_ready
from tests.integration.tickets.conftest import SIGNED, walk_in


def rows(session):
    return {row.event: row for row in repo.message_rows(session.store)}


def test_received_and_ready_go_out_in_chinese_and_the_number_is_forgotten(manager, clock, modem: Modem, texts) -> None:
    number = consenting_ticket(manager)
    run = send(manager, modem, texts)
    assert (run.sent, run.failed, run.retried) == (1, 0, 0)
    (text,) = modem.sim.messages_to(PHONE)
    assert number in text and "已收到您的RC-X1" in text and "Zhang" not in text
    to_ready(manager, number)
    assert send(manager, modem, texts).sent == 1
    ready = rows(manager)["ready_for_pickup"]
    assert ready.state == "sent" and ready.sent_at and not ready.holds_number
    assert repo.attempts_of(manager.store, ready.id)[-1][3] == "sent"
    stored = manager.store.query("SELECT count(*) FROM message_queue WHERE phone IS NOT NULL")
    assert stored == [(0,)]
    received = modem.sim.received
    assert {part.number for part in received} == {PHONE}
    assert len(modem.sim.messages_to(PHONE)) == 2


def test_no_message_without_consent(manager, clock, modem: Modem, texts) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    to_ready(manager, number)
    assert repo.message_rows(manager.store) == []
    assert send(manager, modem, texts).sent == 0
    assert modem.sim.received == []


def test_a_withdrawn_consent_stops_the_queued_message(manager, clock, modem: Modem, texts) -> None:
    number = consenting_ticket(manager, "en")
    assert rows(manager)["received"].holds_number
    assert consent.withdraw(manager, number) == 1
    stopped = rows(manager)["received"]
    assert stopped.state == "stopped" and not stopped.holds_number
    to_ready(manager, number)
    assert send(manager, modem, texts).sent == 0 and modem.sim.received == []
    assert set(rows(manager)) == {"received"}  # nothing new queued after the withdrawal


@pytest.mark.parametrize(
    ("fault", "recorded"),
    [("cms:42", "busy"), ("cms:331", "no_network"), ("cms:8", "no_credit"), ("silent", "no_answer")],
)
def test_a_modem_fault_is_retried_later_and_sent_once(manager, clock, modem: Modem, texts, fault, recorded) -> None:
    consenting_ticket(manager, "en")
    modem.sim.add_faults(fault)
    run = send(manager, modem, texts)
    assert (run.sent, run.retried) == (0, 1)
    queued = rows(manager)["received"]
    assert (queued.state, queued.attempts, queued.last_fault, queued.holds_number) == ("queued", 1, recorded, True)
    assert modem.sim.received == []
    assert send(manager, modem, texts).sent == 0  # not due yet: the back-off holds it
    later(clock, 2)
    assert send(manager, modem, texts).sent == 1
    assert len(modem.sim.received) == 1
    outcomes = [attempt[3] for attempt in repo.attempts_of(manager.store, queued.id)]
    assert outcomes == [recorded, "sent"]


def test_an_unplugged_modem_keeps_the_message_for_the_next_modem(manager, clock, modem: Modem, texts) -> None:
    consenting_ticket(manager, "en")
    modem.sim.add_faults("unplug")
    run = send(manager, modem, texts)
    assert (run.sent, run.retried, run.modem_fault) == (0, 1, "unplugged")
    modem.replug()
    later(clock, 2)
    assert send(manager, modem, texts).sent == 1 and len(modem.sim.received) == 1


def test_a_long_message_resumes_at_the_part_that_failed(manager, clock, modem: Modem, texts) -> None:
    long_template = "{outlet}：工单 {ticket} 的{model}已可取机。" + "请携带取件单到门店领取，谢谢您的耐心等待。" * 8
    templates.set_template(manager, "received", "zh_CN", long_template)
    number = consenting_ticket(manager)
    modem.sim.add_faults("pass", "cms:42")  # part 1 goes through, part 2 is refused
    assert send(manager, modem, texts).retried == 1
    halfway = rows(manager)["received"]
    assert (halfway.parts_sent, halfway.state) == (1, "queued") and halfway.parts_total >= 3
    later(clock, 2)
    assert send(manager, modem, texts).sent == 1
    parts = modem.sim.texts_to(PHONE)
    sequences = [part.concatenation.sequence for part in parts if part.concatenation]
    assert sequences == list(range(1, halfway.parts_total + 1))  # every part exactly once
    assert number in join_parts(parts) and join_parts(parts).endswith("谢谢您的耐心等待。")


def test_no_answer_after_ctrl_z_is_never_resent_until_a_person_decides(manager, clock, modem: Modem, texts) -> None:
    from app.messages.resolve import resolve

    consenting_ticket(manager, "en")
    modem.sim.add_faults("lost_answer")
    assert send(manager, modem, texts).uncertain == 1
    later(clock, 120)
    assert send(manager, modem, texts).sent == 0 and len(modem.sim.received) == 1
    uncertain = rows(manager)["received"]
    assert uncertain.state == "uncertain" and uncertain.holds_number
    resolve(manager, uncertain.id, reached=True)
    settled = rows(manager)["received"]
    assert (settled.state, settled.holds_number) == ("sent", False)
    assert send(manager, modem, texts).sent == 0 and len(modem.sim.received) == 1


def test_a_crash_between_ctrl_z_and_the_record_makes_the_message_uncertain(manager, clock, modem: Modem, texts) -> None:
    consenting_ticket(manager, "en")
    (message,) = repo.due_messages(manager.store, "9999")
    with manager.store.transaction(manager.actor) as work:  # what a run that died after Ctrl-Z leaves behind
        repo.mark_in_flight(work, message.id, 0, 1)
    assert send(manager, modem, texts).uncertain == 1
    assert modem.sim.received == [] and rows(manager)["received"].state == "uncertain"


def test_a_run_that_stopped_between_parts_resumes_without_a_duplicate(manager, clock, modem: Modem, texts) -> None:
    consenting_ticket(manager, "en")
    (message,) = repo.due_messages(manager.store, "9999")
    with manager.store.transaction(manager.actor) as work:  # died after recording part 1's answer
        repo.mark_in_flight(work, message.id, 0, 1)
        repo.mark_part_sent(work, message.id, 0, 77)
    settle_interrupted(manager)
    assert rows(manager)["received"].state == "queued"
    assert send(manager, modem, texts).sent == 1 and modem.sim.received == []  # its one part was already out


def test_moving_twice_into_waiting_for_parts_queues_one_message(manager, clock, texts) -> None:
    number = consenting_ticket(manager, "en")
    moves.move_ticket(manager, number, "diagnosing")
    moves.move_ticket(manager, number, "waiting_for_parts")
    moves.move_ticket(manager, number, "awaiting_approval")
    moves.move_ticket(manager, number, "waiting_for_parts")
    assert [row.event for row in repo.message_rows(manager.store)].count("waiting_for_parts") == 1


def test_only_managers_word_the_templates(manager, clerk) -> None:
    from app.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        templates.set_template(clerk, "received", "en", "{ticket} received")
    templates.set_template(manager, "received", "en", "{ticket} received")
