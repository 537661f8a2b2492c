"""`messages ...` and `followup ...`: the messages after the repair from the command line (issue 17).

`messages send --modem PORT` sends what is due through the GSM modem on PORT (`--modem
simulated` starts the simulated modem on a pty, for demo mode).  Exit codes: 0 every
due message went out (or none was due); 136 some were not sent this run (retried later,
uncertain or failed: `messages list` says which); 130 the modem could not be used at all.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app.accounts.session import Session
from app.cli.store_commands import _common, in_session
from app.core.after_repair import CARE_GUIDE_CHOICES, EVENTS, MessageChoice
from app.core.localized import LANGUAGES
from app.device.errors import SmsNotSent
from app.device.serial_modem import SerialLine, open_serial_port
from app.device.simulator.sms_modem import start_simulated_modem
from app.messages import consent, satisfaction, templates
from app.messages.care_guide import shipped_texts
from app.messages.resolve import resolve
from app.messages.sender import ModemTimings, SendRun, send_due
from app.storage import message_repository

#: Some due messages were not sent in this run (the modem itself worked).
NOT_ALL_SENT = 136
STATES = ("queued", "sending", "sent", "uncertain", "failed", "stopped")
SIMULATED = "simulated"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    messages = subparsers.add_parser("messages", help="messages to customers over the GSM modem: list, send, consent")
    actions = messages.add_subparsers(dest="messages_action", required=True)
    listing = actions.add_parser("list", help="the message queue (never a text or a number)")
    _common(listing)
    listing.add_argument("--state", choices=STATES, action="append", default=None)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)
    send = actions.add_parser("send", help="send the due messages through the modem")
    _common(send)
    send.add_argument("--modem", required=True, metavar="PORT", help=f"serial port, or {SIMULATED!r} for demo mode")
    send.add_argument("--reports", type=float, default=5.0, metavar="SECONDS", help="wait for delivery reports")
    send.add_argument("--json", action="store_true")
    send.set_defaults(func=run_send)
    _register_consent_and_resolve(actions)
    _register_templates(actions)
    rate = actions.add_parser("rate", help="the customer's 1-5 rating at pickup, with an optional comment")
    _common(rate)
    rate.add_argument("number", metavar="TICKET_NO")
    rate.add_argument("rating", type=int, choices=range(1, 6))
    rate.add_argument("--comment", default="")
    rate.set_defaults(func=run_rate)
    _register_followup(subparsers)


def _register_consent_and_resolve(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    agree = actions.add_parser("consent", help="give or withdraw the customer's consent to messages on a ticket")
    _common(agree)
    agree.add_argument("number", metavar="TICKET_NO")
    which = agree.add_mutually_exclusive_group(required=True)
    which.add_argument("--give", choices=LANGUAGES, metavar="LANGUAGE", help="consent, messages in zh_CN or en")
    which.add_argument("--withdraw", action="store_true", help="withdraw: queued messages stop")
    agree.add_argument("--care-guide", choices=CARE_GUIDE_CHOICES, default="slip")
    agree.set_defaults(func=run_consent)
    settle = actions.add_parser("resolve", help="settle an uncertain message after asking the customer")
    _common(settle)
    settle.add_argument("message_id", metavar="ID")
    outcome = settle.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--reached", action="store_true", help="the customer got it: it counts as sent")
    outcome.add_argument("--not-reached", action="store_true", help="the customer did not: send it again")
    settle.set_defaults(func=run_resolve)


def _register_templates(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    template = actions.add_parser("template", help="the wording of each event's message (managers edit)")
    steps = template.add_subparsers(dest="template_action", required=True)
    shown = steps.add_parser("list", help="the templates in force")
    _common(shown)
    shown.add_argument("--json", action="store_true")
    shown.set_defaults(func=run_templates)
    change = steps.add_parser("set", help="set (or --reset) one event's template in one language")
    _common(change)
    change.add_argument("event", choices=EVENTS)
    change.add_argument("language", choices=LANGUAGES)
    body = change.add_mutually_exclusive_group(required=True)
    body.add_argument("--text", help="fields: {ticket} {model} {outlet} {address} {guide}")
    body.add_argument("--reset", action="store_true", help="back to the shipped wording")
    change.set_defaults(func=run_set_template)


def _register_followup(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    followup = subparsers.add_parser("followup", help="collected tickets still to be rated, due within an hour")
    steps = followup.add_subparsers(dest="followup_action", required=True)
    listing = steps.add_parser("list", help="tickets to call for a rating, most pressing first")
    _common(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_followups)
    record = steps.add_parser("record", help="the result of the follow-up call")
    _common(record)
    record.add_argument("number", metavar="TICKET_NO")
    record.add_argument("outcome", choices=satisfaction.FOLLOW_UP_OUTCOMES)
    record.add_argument("--rating", type=int, choices=range(1, 6), default=None)
    record.add_argument("--comment", default="")
    record.set_defaults(func=run_record_followup)


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def run_list(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        states = tuple(args.state) if args.state else None
        rows = message_repository.message_rows(session.store, states)
        if args.json:
            _print_json([dataclasses.asdict(row) for row in rows])
            return 0
        for row in rows:
            parts = f"{row.parts_sent}/{row.parts_total or '?'} parts"
            fault = f"  last fault {row.last_fault}" if row.last_fault else ""
            print(f"{row.id}  {row.ticket_number}  {row.event:<17} {row.state:<9} {parts}  tries {row.attempts}{fault}")
        if not rows:
            print("No messages.")
        return 0

    return in_session(args, act)


@contextmanager
def modem_line(port: str) -> Iterator[SerialLine]:
    """The serial port of the modem, or the simulated modem's (demo mode), closed afterwards."""
    simulated = start_simulated_modem() if port == SIMULATED else None
    line = open_serial_port(simulated.port if simulated else port, timeout=0.1)
    try:
        yield line
    finally:
        line.close()
        if simulated is not None:
            simulated.close()


def run_send(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        with modem_line(args.modem) as line:
            run = send_due(session, line, shipped_texts(), ModemTimings(reports=max(0.0, min(args.reports, 60.0))))
        _report_run(run, args.json)
        if run.modem_fault and not run.sent:
            raise SmsNotSent(f"The modem on {args.modem} could not send ({run.modem_fault}).", run.modem_fault)
        return NOT_ALL_SENT if run.retried or run.failed or run.uncertain else 0

    return in_session(args, act)


def _report_run(run: SendRun, as_json: bool) -> None:
    if as_json:
        _print_json(run.as_dict())
        return
    print(
        f"sent {run.sent} ({run.parts} parts), to retry {run.retried}, uncertain {run.uncertain},"
        f" failed {run.failed}, delivered parts reported {run.delivered_parts}"
    )


def run_consent(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        if args.withdraw:
            stopped = consent.withdraw(session, args.number)
            print(f"{args.number}: consent to messages withdrawn; {stopped} queued messages stopped")
        else:
            consent.give(session, args.number, MessageChoice(args.give, args.care_guide))
            print(f"{args.number}: consent to messages in {args.give}; care guide by {args.care_guide}")
        return 0

    return in_session(args, act)


def run_resolve(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        print(f"{args.message_id}: {resolve(session, args.message_id, reached=args.reached)}")
        return 0

    return in_session(args, act)


def run_templates(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        found = templates.templates(session, shipped_texts())
        if args.json:
            _print_json([dataclasses.asdict(template) for template in found])
        for template in [] if args.json else found:
            edited = " (edited)" if template.edited else ""
            print(f"{template.event} [{template.language}]{edited}: {template.body}")
        return 0

    return in_session(args, act)


def run_set_template(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        templates.set_template(session, args.event, args.language, None if args.reset else args.text)
        print(f"{args.event} [{args.language}]: {'reset' if args.reset else 'set'}")
        return 0

    return in_session(args, act)


def run_rate(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        satisfaction.record_rating(session, args.number, args.rating, args.comment)
        print(f"{args.number}: rated {args.rating}")
        return 0

    return in_session(args, act)


def run_followups(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        due = satisfaction.follow_ups(session, session.store.clock())
        if args.json:
            _print_json([item.as_dict() for item in due])
            return 0
        for item in due:
            overdue = "  OVERDUE" if item.overdue else ""
            print(f"{item.ticket_number}  collected {item.completed_at}  due {item.due_at}{overdue}")
        if not due:
            print("No follow-ups due.")
        return 0

    return in_session(args, act)


def run_record_followup(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        satisfaction.record_follow_up(session, args.number, args.outcome, args.rating, args.comment)
        print(f"{args.number}: follow-up {args.outcome}")
        return 0

    return in_session(args, act)
