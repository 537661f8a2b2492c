"""`repair-counter diagnose` and `repair-counter consent withdraw`: the diagnostics flow headless.

Consent given on the command line is recorded as given verbally to the signed-in
technician (method "verbal").  The adb server is the one on the default port,
or on ANDROID_ADB_SERVER_PORT when set; if none answers, one is started for this
command and stopped afterwards (a server this command did not start is never stopped).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator

from app.accounts.session import Session
from app.cli.store_commands import _common, in_session, open_session
from app.core.privacy_catalogue import (
    UnknownIdentifier,
    check_categories,
    check_functions,
    parse_identifier_list,
)
from app.core.reference_data import ConsentLibrary
from app.device.adb_client import CounterAdbClient
from app.device.adb_server import DEFAULT_PORT, AdbServer
from app.device.errors import AdbServerUnavailable, DeviceGone, DeviceUnauthorized
from app.device.session import DeviceSession
from app.diagnostics.consent import ConsentInput, check_consent, give_consent, withdraw_consent
from app.diagnostics.errors import DiagnosticsError, NoConsentingCustomer
from app.diagnostics.fault_acceptance import NoSuggestionToAccept, accept_fault_suggestion
from app.diagnostics.flow import (
    DiagnosticsFlow,
    RunRequest,
    ScriptedPrompts,
    UpdateDecision,
)
from app.diagnostics.report import RunReport
from app.diagnostics.ticket_binding import ticket_for_run
from app.errors import UsageError
from app.tickets.reference_in_force import reference_in_force

PORT_ENV = "ANDROID_ADB_SERVER_PORT"
#: Exit status of a run that produced a report but is not complete (unplug, cancel, withdrawal).
INCOMPLETE_EXIT = DiagnosticsError.exit_code


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diagnose = subparsers.add_parser(
        "diagnose",
        help="run the consented diagnostics on a connected phone",
        description="Record the customer's (verbal) consent for CATEGORIES, then run FUNCTIONS on the phone. "
        "Exit 0 when the run is complete or the customer declined the tool update, "
        f"{INCOMPLETE_EXIT} when it ended incomplete (the JSON says what was collected).",
    )
    _common(diagnose)
    diagnose.add_argument("--device", required=True, metavar="SERIAL", help="adb serial (as `adb devices` shows it)")
    diagnose.add_argument("--functions", required=True, metavar="LIST", help="e.g. identity,battery,logs")
    diagnose.add_argument("--consent", required=True, metavar="CATEGORIES", help="e.g. device_info,battery_record")
    diagnose.add_argument("--customer", required=True, metavar="NAME")
    update = diagnose.add_mutually_exclusive_group()
    update.add_argument("--accept-update", action="store_true", help="the customer agrees to update the tool")
    update.add_argument("--refuse-update", action="store_true", help="the customer refuses the update")
    diagnose.add_argument("--ticket", metavar="NO", default=None, help="the ticket, whose customer consents")
    diagnose.add_argument(
        "--phone", metavar="NUMBER", default=None, help="without --ticket: the phone number of a known customer"
    )
    diagnose.add_argument("--imei", default=None, help="scanned or typed IMEI, used when the phone gives none")
    diagnose.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN", help="language of the consent text")
    diagnose.add_argument("--tool-timeout", type=float, default=60.0, metavar="SECONDS")
    diagnose.add_argument("--json", action="store_true")
    diagnose.set_defaults(func=run_diagnose)

    suggestion = subparsers.add_parser("suggestion", help="a run's fault suggestions (accept one for its ticket)")
    suggestion_actions = suggestion.add_subparsers(dest="suggestion_action", required=True)
    accept = suggestion_actions.add_parser(
        "accept",
        help="the run's ticket takes the suggested fault category",
        description="The technician accepts a fault suggestion of RUN_ID (printed by diagnose): the run's ticket "
        "takes that fault category, journaled with the run and its findings. "
        f"Exit {NoSuggestionToAccept.exit_code} when the run has no such suggestion or no ticket.",
    )
    _common(accept)
    accept.add_argument("run_id", metavar="RUN_ID")
    accept.add_argument(
        "--fault", default=None, metavar="CATEGORY", help="another of the run's suggestions (default: the top one)"
    )
    accept.add_argument("--json", action="store_true")
    suggestion.set_defaults(func=run_accept_suggestion)

    consent = subparsers.add_parser("consent", help="customer consents (withdraw)")
    _common(consent)
    actions = consent.add_subparsers(dest="consent_action", required=True)
    withdraw = actions.add_parser("withdraw", help="withdraw a consent and delete its diagnostic data")
    withdraw.add_argument("consent_id")
    consent.set_defaults(func=run_consent)


def _identifiers(text: str, check, what: str) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    try:
        return tuple(check(parse_identifier_list(text)))
    except UnknownIdentifier as exc:
        raise UsageError(f"Unknown {what} {exc.identifier!r}.") from exc
    except ValueError as exc:
        raise UsageError(f"The {what} list is not usable: {exc}.") from exc


def adb_port() -> int:
    text = os.environ.get(PORT_ENV, "")
    if not text:
        return DEFAULT_PORT
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise UsageError(f"{PORT_ENV} must be a port number.")
    return int(text)


@contextlib.contextmanager
def adb_client(port: int) -> Iterator[CounterAdbClient]:
    """A client of the server on `port`; a server started here is stopped on exit, no other."""
    client = CounterAdbClient(port=port, socket_timeout=15)
    started: AdbServer | None = None
    try:
        client.server_version()
    except AdbServerUnavailable:
        started = AdbServer(port=port).start()
    try:
        yield client
    finally:
        if started is not None:
            started.stop()


def _check_device(client: CounterAdbClient, serial: str) -> None:
    states = {info.serial: info.state for info in client.list()}
    state = states.get(serial)
    if state == "unauthorized":
        raise DeviceUnauthorized(f"The phone {serial} has not allowed USB debugging.")
    if state != "device":
        raise DeviceGone(f"The phone {serial} is {state or 'not connected'}.")


def run_diagnose(args: argparse.Namespace) -> int:
    functions = _identifiers(args.functions, check_functions, "diagnostic function")
    categories = _identifiers(args.consent, check_categories, "data category")
    if not functions or not categories:
        raise UsageError("Give at least one function and one consented category.")
    update = (
        UpdateDecision(True, "verbal", language=args.language)
        if args.accept_update
        else (UpdateDecision(False) if args.refuse_update else None)
    )
    session = open_session(args)
    try:
        if args.ticket:  # an unknown ticket is refused before any consent is recorded or the phone is read
            ticket_for_run(session, args.ticket)
        reference = reference_in_force(session.store).data  # what the last sync brought is in force
        given = ConsentInput(
            args.customer,
            categories,
            args.language,
            "verbal",
            ticket_number=args.ticket,
            customer_id=_customer_by_phone(session, args.phone),
            functions=functions,
        )
        _check_consent_first(session, reference.consents, given)
        with adb_client(adb_port()) as client:
            _check_device(client, args.device)
            consent = give_consent(session, reference.consents, given)
            flow = DiagnosticsFlow(session, reference, tool_timeout=args.tool_timeout)
            device = DeviceSession(client, args.device, timeout=15)
            report = flow.run(device, RunRequest(functions, consent, args.ticket), ScriptedPrompts(update, args.imei))
    finally:
        session.lock()
    _print_report(report, args.json)
    return 0 if report.complete or report.declined else INCOMPLETE_EXIT


def _check_consent_first(session: Session, library: ConsentLibrary, given: ConsentInput) -> None:
    """Refuse before the phone is touched: no customer, a restricted one, or categories beyond need."""
    if check_consent(session, library, given)[2] is None:
        raise NoConsentingCustomer(
            "Diagnostics need a customer: the consent must name who gives it. / 诊断须关联客户。",
            next_step="Give --ticket NO of a stored ticket, or --phone NUMBER of a customer known here.",
        )


def _customer_by_phone(session: Session, phone: str | None) -> str | None:
    if not phone:
        return None
    from app.tickets.intake import returning_customer

    found = returning_customer(session, phone)
    if found is None:
        raise NoConsentingCustomer(
            "No customer with this phone number is known here. / 未找到该手机号的客户。",
            next_step="Open a ticket for the customer first (repair-counter ticket new), or give --ticket NO.",
        )
    return found.customer_id


def _print_report(report: RunReport, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        return
    print(f"run {report.run_id}: {report.status}")
    print(f"collected: {', '.join(report.collected) or 'nothing'}")
    if report.refused:
        print(f"not consented: {', '.join(report.refused)}")
    if report.verdict is not None:
        print(f"battery: {report.verdict.reason.en}")
    for function, verdict in report.verdicts.items():
        if function != "battery":
            print(f"{function}: {verdict.status.value}: {verdict.reason.en}")
    for rank, suggestion in enumerate(report.suggestions, start=1):
        because = "; ".join(reason["text"]["en"] for reason in suggestion["because"])
        print(f"suggested fault {rank}: {suggestion['fault']} ({suggestion['label']['en']}), because: {because}")
    if report.suggestions and report.ticket:
        print(f"accept: repair-counter suggestion accept {report.run_id}")
    for note in report.notes:
        print(f"note: {note.en}", file=sys.stderr)
    if report.reached_phone:
        print(f"next: {report.to_json()['revoke_usb_debugging']['en']}")


def run_accept_suggestion(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        accepted = accept_fault_suggestion(session, args.run_id, args.fault)
        ticket, suggestion = accepted.ticket, accepted.suggestion
        if args.json:
            out = {"ticket": ticket.number, "from": accepted.previous, "to": ticket.fault_category}
            print(json.dumps({**out, "suggestion": suggestion.to_json()}, indent=2, ensure_ascii=False))
        else:
            print(
                f"ticket {ticket.number}: fault category {accepted.previous} -> {ticket.fault_category} "
                f"— {suggestion.label.en}"
            )
        return 0

    return in_session(args, act)


def run_consent(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        withdrawal = withdraw_consent(session, args.consent_id)
    finally:
        session.lock()
    print(withdrawal.describe())
    return 0
