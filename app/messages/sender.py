"""Sending the queued messages through the GSM modem, once each (docs/ARCHITECTURE.md section 13).

The rule that keeps a message from going out twice: every part is recorded as
"in flight" (committed) before Ctrl-Z is written, and as sent (with the modem's
message reference) as soon as `+CMGS` answers.  So after any failure the store says
exactly what may be out:

* a failure before Ctrl-Z (no prompt, a refusal, the port gone) sent nothing: the
  message goes back to the queue and is retried with a growing wait;
* a `+CMS ERROR` after Ctrl-Z is the network's refusal: nothing went out either;
* no answer after Ctrl-Z, or a crash of the counter between Ctrl-Z and recording the
  answer, leaves the part "in flight": the message becomes *uncertain* and is never
  sent again automatically; a person asks the customer and settles it (`resolve`).

Parts already accepted are never sent again: a resumed message starts at the first
part not recorded, with the same concatenation reference, so the phone still joins
them.  The text exists only while it is sent: rendered from the template and the
ticket, never stored; the number is forgotten once the message is sent, failed or stopped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.accounts.session import Session
from app.clock import iso
from app.core.after_repair import RETRIED_FAULTS, TemplateProblem, next_attempt
from app.core.reference_data import AfterRepairTexts
from app.core.roles import Permission
from app.core.sms_pdu import PduError, encode_submit
from app.device.errors import SmsNotSent
from app.device.serial_modem import SerialLine
from app.device.sms_modem import SmsModem
from app.messages.templates import message_text
from app.storage import message_repository as repo
from app.storage.message_repository import DueMessage

log = logging.getLogger(__name__)


class _Withdrawn(Exception):
    """The message left the `sending` state under us (consent withdrawn meanwhile): send nothing more."""


@dataclass
class SendRun:
    """What one run did, in counts (never a text or a number)."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    uncertain: int = 0
    parts: int = 0
    delivered_parts: int = 0
    modem_fault: str = ""
    settled_interrupted: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "sent": self.sent,
            "retried": self.retried,
            "failed": self.failed,
            "uncertain": self.uncertain,
            "parts": self.parts,
            "delivered_parts": self.delivered_parts,
            "modem_fault": self.modem_fault,
        }


@dataclass(frozen=True)
class ModemTimings:
    answer: float = 30.0
    prompt: float = 5.0
    reports: float = 0.0


def send_due(
    session: Session, line: SerialLine, texts: AfterRepairTexts, timings: ModemTimings = ModemTimings()
) -> SendRun:
    """Send every message that is due now; retry, give up or hold each failure as its fault says."""
    session.require(Permission.WRITE_TICKETS)
    run = SendRun()
    settle_interrupted(session, run)
    started = iso(session.store.clock())
    due = repo.due_messages(session.store, started)
    if not due:
        return run
    modem = SmsModem(line, answer_timeout=timings.answer, prompt_timeout=timings.prompt)
    try:
        modem.prepare()
    except SmsNotSent as fault:
        run.modem_fault = fault.fault
        for message in due:
            _not_sent(session, message, fault, run)
        return run
    for message in due:
        try:
            _send_one(session, modem, message, texts, run)
        except SmsNotSent as fault:
            _not_sent(session, message, fault, run)
            if fault.fault in ("unplugged", "no_answer"):
                run.modem_fault = fault.fault
                break  # the modem is gone: the others stay queued, untried
    if timings.reports > 0:
        _count_reports(session, modem, timings.reports, started, run)
    return run


def settle_interrupted(session: Session, run: SendRun | None = None) -> None:
    """A message a previous run left in `sending`: back to the queue if no part was in flight, else uncertain."""
    for message_id, in_flight in repo.interrupted(session.store):
        with session.store.transaction(session.actor) as work:
            if in_flight is None:
                repo.set_state(work, message_id, "sending", "queued")
                continue
            if repo.set_state(work, message_id, "sending", "uncertain", fault="interrupted"):
                repo.journal_attempt(work, message_id, "uncertain")
                work.record("message", message_id, "uncertain", {"part": in_flight}, upstream=False)
        if run is not None:
            run.uncertain += 1
            run.settled_interrupted.append(message_id)


def _send_one(session: Session, modem: SmsModem, message: DueMessage, texts: AfterRepairTexts, run: SendRun) -> None:
    try:
        text = message_text(session.store, texts, message)
        pdus = encode_submit(message.phone, text, concat_reference=message.concat_ref)
    except (PduError, TemplateProblem) as problem:
        _give_up(session, message, "bad_number" if isinstance(problem, PduError) else "template", run)
        return
    for part in range(message.parts_sent, len(pdus)):

        def in_flight(part: int = part) -> None:
            with session.store.transaction(session.actor) as work:
                if not repo.mark_in_flight(work, message.id, part, len(pdus)):
                    raise _Withdrawn

        try:
            reference = modem.submit(pdus[part], before_submit=in_flight)
        except _Withdrawn:
            return
        with session.store.transaction(session.actor) as work:
            repo.mark_part_sent(work, message.id, part, reference)
        run.parts += 1
    with session.store.transaction(session.actor) as work:
        # "queued" when every part was already out before this run (a run that stopped after its last answer)
        if repo.set_state(work, message.id, "sending", "sent") or repo.set_state(work, message.id, "queued", "sent"):
            total, _ = repo.journal_attempt(work, message.id, "sent")
            work.record("message", message.id, "sent", {"event": message.event, "parts": total}, upstream=False)
            run.sent += 1
    log.info("message %s (%s) sent", message.id, message.event)


def _not_sent(session: Session, message: DueMessage, fault: SmsNotSent, run: SendRun) -> None:
    with session.store.transaction(session.actor) as work:
        if fault.after_submit:
            repo.set_state(work, message.id, "sending", "uncertain", fault=fault.fault)
            repo.count_attempt(work, message.id)
            repo.journal_attempt(work, message.id, "uncertain", fault.cms)
            run.uncertain += 1
            return
        attempts = message.attempts + 1
        retry = next_attempt(attempts, session.store.clock()) if fault.fault in RETRIED_FAULTS else None
        repo.schedule_retry(work, message.id, fault.fault, iso(retry) if retry else None)
        repo.journal_attempt(work, message.id, fault.fault, fault.cms)
        work.record("message", message.id, "attempt", {"fault": fault.fault, "cms": fault.cms}, upstream=False)
    if retry is None:
        run.failed += 1
    else:
        run.retried += 1


def _give_up(session: Session, message: DueMessage, reason: str, run: SendRun) -> None:
    with session.store.transaction(session.actor) as work:
        repo.schedule_retry(work, message.id, reason, None)
        repo.journal_attempt(work, message.id, reason)
        work.record("message", message.id, "failed", {"reason": reason}, upstream=False)
    run.failed += 1


def _count_reports(session: Session, modem: SmsModem, seconds: float, since: str, run: SendRun) -> None:
    try:
        reports = modem.wait_for_reports(seconds)
    except SmsNotSent:
        return  # the messages are recorded as sent; only their delivery reports are lost
    delivered = [report.message_reference for report in reports if report.delivered]
    if delivered:
        with session.store.transaction(session.actor) as work:
            run.delivered_parts += repo.record_deliveries(work, delivered, since)
