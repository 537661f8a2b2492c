"""The privacy desk from the command line: requests, exports, the retention run, logged contacts.

    repair-counter request new --kind KIND (--customer ID | --ticket NUMBER) --identity-check HOW [--json]
    repair-counter request list [--open] [--json]
    repair-counter request close NUMBER --status done|refused --outcome TEXT
    repair-counter request do NUMBER [--name/--phone/--email/--address ...] [--out FILE]
    repair-counter export --customer ID --out FILE [--protect key|password] [--request NUMBER] [--pdf FILE]
    repair-counter purge [--dry-run] [--json]
    repair-counter contact --customer ID --kind call|visit

An export is protected by a key shown once (default) or by a password the
customer chooses: from $REPAIR_COUNTER_EXPORT_PASSWORD, else the line after
the account password on standard input (with --password-stdin), else a prompt.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from app.accounts.session import Session
from app.cli.store_commands import _common, in_session
from app.errors import UsageError
from app.privacy import actions, requests
from app.privacy.export import ExportResult, customer_document, make_export
from app.privacy.retention_engine import purge
from app.privacy_rules.contact import log_contact
from app.storage import staff_repository
from app.storage.privacy_records import CLOSING_STATUSES, REQUEST_KINDS, PrivacyRequest
from app.tickets.reference_in_force import reference_in_force

EXPORT_PASSWORD_ENV = "REPAIR_COUNTER_EXPORT_PASSWORD"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _register_requests(subparsers)
    export = subparsers.add_parser("export", help="encrypted export of one customer's data")
    _common(export)
    export.add_argument("--customer", required=True, metavar="ID")
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--protect",
        choices=("key", "password"),
        default="key",
        help="a key shown once (default) or a password the customer chooses",
    )
    export.add_argument("--request", metavar="NUMBER", help="the access request this answers (closed as done)")
    export.add_argument(
        "--pdf",
        type=Path,
        metavar="FILE",
        help="also write the printable answer, encrypted with the export's password or key",
    )
    export.set_defaults(func=run_export)
    purge_parser = subparsers.add_parser("purge", help="apply the retention periods now")
    _common(purge_parser)
    purge_parser.add_argument("--dry-run", action="store_true", help="count what would go; change nothing")
    purge_parser.add_argument("--json", action="store_true")
    purge_parser.set_defaults(func=run_purge)
    contact = subparsers.add_parser("contact", help="log a customer contact (restarts their retention period)")
    _common(contact)
    contact.add_argument("--customer", required=True, metavar="ID")
    contact.add_argument("--kind", choices=("call", "visit"), default="call")
    contact.set_defaults(func=run_contact)


def _register_requests(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    request = subparsers.add_parser("request", help="data-subject requests: new, list, close, do")
    verbs = request.add_subparsers(dest="request_action", required=True)
    new = verbs.add_parser("new", help="record a request received now")
    _common(new)
    new.add_argument("--kind", required=True, choices=REQUEST_KINDS)
    who = new.add_mutually_exclusive_group(required=True)
    who.add_argument("--customer", metavar="ID")
    who.add_argument("--ticket", metavar="NUMBER", help="the customer of this ticket")
    new.add_argument("--identity-check", required=True, metavar="HOW", help='e.g. "ID card seen"')
    new.add_argument("--json", action="store_true")
    new.set_defaults(func=run_request_new)
    listing = verbs.add_parser("list", help="requests with their due dates; overdue ones marked")
    _common(listing)
    listing.add_argument("--open", action="store_true", dest="open_only")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_request_list)
    close = verbs.add_parser("close", help="close a request answered outside the app")
    _common(close)
    close.add_argument("number")
    close.add_argument("--status", required=True, choices=CLOSING_STATUSES)
    close.add_argument("--outcome", required=True)
    close.set_defaults(func=run_request_close)
    do = verbs.add_parser("do", help="carry out a request (erase, restrict, rectify, object, withdraw, export)")
    _common(do)
    do.add_argument("number")
    for field in actions.RECTIFIABLE:
        do.add_argument(f"--{field}", help=f"corrected {field} (rectification)")
    do.add_argument("--out", type=Path, metavar="FILE", help="where the export goes (access)")
    do.add_argument("--protect", choices=("key", "password"), default="key")
    do.set_defaults(func=run_request_do)


def request_json(request: PrivacyRequest, now_iso: str) -> dict[str, Any]:
    return {**dataclasses.asdict(request), "overdue": request.is_overdue(now_iso), "late": request.is_late(now_iso)}


def _now_iso(session: Session) -> str:
    from app.clock import iso

    return iso(session.store.clock())


def run_request_new(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        if args.customer:
            request = requests.new_request(session, args.kind, args.customer, args.identity_check)
        else:
            request = requests.new_request_for_ticket(session, args.kind, args.ticket, args.identity_check)
        if args.json:
            print(json.dumps(request_json(request, _now_iso(session)), ensure_ascii=False, indent=2))
        else:
            print(
                f"{request.number}  {request.kind}  due {request.due_at[:10]}"
                f" (at the latest {request.latest_due_at[:10]})"
            )
        return 0

    return in_session(args, act)


def run_request_list(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        now = _now_iso(session)
        listed = requests.list_requests(session, open_only=args.open_only)
        if args.json:
            print(json.dumps([request_json(r, now) for r in listed], ensure_ascii=False, indent=2))
            return 0
        for r in listed:
            mark = "OVERDUE 已逾期" if r.is_overdue(now) else ""
            print(f"{r.number}  {r.kind:<13} {r.status:<7} due {r.due_at[:10]}  {mark}".rstrip())
        return 0

    return in_session(args, act)


def run_request_close(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        closed = requests.close_request(session, args.number, args.status, args.outcome)
        print(f"{closed.number}: {closed.status}")
        return 0

    return in_session(args, act)


def _export_password(args: argparse.Namespace) -> str | None:
    if args.protect != "password":
        return None
    if os.environ.get(EXPORT_PASSWORD_ENV):
        return os.environ[EXPORT_PASSWORD_ENV]
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Export password (the customer chooses it)")
    if getpass.getpass("Again") != first:
        raise UsageError("The two passwords differ.")
    return first


def _export(
    session: Session, customer: str, out: Path, password: str | None, request: PrivacyRequest | None
) -> ExportResult:
    result = make_export(session, customer, out, password=password, request=request)
    print(f"{result.path}  sha256={result.sha256[:16]}")
    if result.key_shown_once:
        print("KEY (shown once; give it to the customer, it is not stored)")
        print(f"  {result.key_shown_once}")
    return result


def run_export(args: argparse.Namespace) -> int:
    password = _export_password(args) if args.protect == "password" and not args.password_stdin else None

    def act(session: Session) -> int:
        chosen = password if password is not None else _export_password(args)
        request = requests.find_request(session, args.request) if args.request else None
        result = _export(session, args.customer, args.out, chosen, request)
        if args.pdf:
            from app.slip.render_access import write_access_pdf

            # The PDF opens with the same secret as the export: the customer's password or the key shown.
            secret = chosen if chosen is not None else (result.key_shown_once or "")
            pages = write_access_pdf(customer_document(session, args.customer), args.pdf, password=secret)
            print(f"{args.pdf}  pages={pages}  (encrypted: it opens with the export's password or key)")
        if request is not None:
            requests.close_request(session, request.number, "done", "export handed over")
        return 0

    return in_session(args, act)


def run_request_do(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        request = requests.find_request(session, args.number)
        if request.kind == "access":
            if args.out is None:
                raise UsageError("An access request needs --out FILE for the export.")
            _export(session, request.customer_id, args.out, _export_password(args), request)
            requests.close_request(session, request.number, "done", "export handed over")
        elif request.kind == "erasure":
            report = actions.erase(session, request.number)
            print(json.dumps(dataclasses.asdict(report), indent=2))
        elif request.kind == "rectification":
            corrections = {f: getattr(args, f) for f in actions.RECTIFIABLE if getattr(args, f) is not None}
            actions.rectify(session, request.number, corrections)
        elif request.kind == "restriction":
            actions.restrict(session, request.number)
        elif request.kind == "objection":
            actions.record_objection(session, request.number)
        else:
            withdrawn = actions.withdraw(session, request.number)
            earlier = actions.last_withdrawal(session, request.customer_id) if withdrawn == 0 else None
            if earlier is not None:
                print(f"consents already withdrawn at {earlier} / 同意已于 {earlier} 撤回")
            else:
                print(f"{withdrawn} consents withdrawn / 已撤回 {withdrawn} 项同意")
        print(f"{request.number}: done")
        return 0

    return in_session(args, act)


def run_purge(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        reference = reference_in_force(session.store).data  # region periods pulled by sync are in force
        outlet = staff_repository.outlet(session.store)
        policy = reference.regions.get(outlet.region if outlet else None).retention_policy()
        receipt = purge(session, policy, dry_run=args.dry_run, registry=reference.benefits)
        if args.json:
            print(json.dumps(receipt.as_json(), indent=2))
        else:
            verb = "would go" if receipt.dry_run else "disposed of"
            for rule, count in receipt.counts.items():
                print(f"{rule:<20} {count:>6} {verb}")
            if receipt.receipt_id:
                print(f"receipt {receipt.receipt_id}")
        return 0

    return in_session(args, act)


def run_contact(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        log_contact(session, args.customer, args.kind)
        print(f"{args.kind} logged")
        return 0

    return in_session(args, act)
