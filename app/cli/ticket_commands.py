"""`ticket ...`, `search` and `seed`: the repair-ticket service from the command line.

Every field the intake wizard takes can be given to `ticket new`, so intake
can be scripted; `--json` output is for scripts and is stable.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.accounts.session import Session
from app.cli.store_commands import _common, in_session
from app.core.after_repair import CARE_GUIDE_CHOICES, MessageChoice
from app.core.priority import suggest_priority
from app.core.privacy_catalogue import FAULTS
from app.core.workflow import Status
from app.errors import UsageError
from app.messages import satisfaction
from app.parts import on_ticket
from app.privacy_rules.children import AGE_BRACKETS, AgeDeclaration
from app.storage import slip_repository
from app.storage.ticket_records import (
    CONDITION_ITEMS,
    MAX_PHOTO_BYTES,
    MAX_PHOTOS,
    Agreement,
    ConditionPhoto,
    NewTicket,
    TicketDetail,
    TicketRow,
)
from app.tickets import moves, pickup, pricing, progress, search
from app.tickets.intake import open_ticket, recent
from app.tickets.moves import signature_digest
from app.tickets.seeding import seed_tickets
from app.tickets.service_types import ServiceType
from app.tickets.warranty_check import shipped_reference
from app.tickets.warranty_decision import decision_of

MAX_SIGNATURE_BYTES = 2 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ticket = subparsers.add_parser("ticket", help="repair tickets: new, show, list, move, estimate, pickup ...")
    actions = ticket.add_subparsers(dest="ticket_action", required=True)
    _register_new(actions)
    _register_reads(actions)
    _register_changes(actions)
    find = subparsers.add_parser(
        "search", help="find tickets by number, IMEI (or last 6), phone (or last 4), name, tracking number"
    )
    _common(find)
    find.add_argument("query")
    find.add_argument("--limit", type=int, default=search.DEFAULT_LIMIT)
    find.add_argument("--json", action="store_true")
    find.set_defaults(func=run_search)
    seed = subparsers.add_parser("seed", help="fill the store with realistic synthetic tickets")
    _common(seed)
    seed.add_argument("--tickets", type=int, required=True, metavar="N")
    seed.add_argument("--seed", type=int, default=7)
    seed.set_defaults(func=run_seed)


def _register_new(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = actions.add_parser("new", help="open a ticket (every field the intake wizard takes)")
    _common(new)
    new.add_argument("--type", required=True, choices=[s.value for s in ServiceType], dest="service_type")
    for flag, help_text in (
        ("--name", "customer name"),
        ("--phone", "customer phone"),
        ("--email", "e-mail"),
        ("--address", "full address"),
        ("--model", "device model"),
        ("--imei", "IMEI"),
        ("--imei2", "second IMEI (dual SIM)"),
        ("--serial", "serial number"),
        ("--fault", "fault description"),
        ("--proof", "proof of purchase"),
        ("--courier", "courier"),
        ("--tracking", "courier tracking number"),
        ("--parcel-condition", "parcel condition on arrival"),
        ("--condition-notes", "notes on the condition checklist"),
    ):
        new.add_argument(flag, default="", help=help_text)
    new.add_argument(
        "--customer",
        default="",
        metavar="ID",
        dest="customer_id",
        help="a returning customer's id (ticket show --json gives it); otherwise phone and name must both match",
    )
    new.add_argument("--fault-category", default="other")
    new.add_argument(
        "--priority",
        type=int,
        default=None,
        choices=(1, 2, 3, 4),
        help="1 (most urgent) to 4; default: suggested from the service type and fault category",
    )
    new.add_argument("--purchase-date", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    new.add_argument(
        "--condition",
        default="",
        metavar="ITEM=STATE,...",
        help=f"checklist, items {', '.join(CONDITION_ITEMS)}; states ok, damaged, not_checked",
    )
    new.add_argument("--accessory", action="append", default=[], help="an accessory received (repeatable)")
    new.add_argument(
        "--photo",
        action="append",
        default=[],
        metavar="PART=PATH",
        help="a condition photo (JPEG or PNG, at most 8 MB), e.g. screen=front.jpg (repeatable)",
    )
    new.add_argument("--estimate", type=_amount, default=None)
    new.add_argument("--deposit", type=_amount, default=None)
    new.add_argument(
        "--agreement-signed-by",
        default="",
        metavar="NAME",
        help="the customer signed the service agreement shown to them",
    )
    new.add_argument("--agreement-language", default="zh_CN", choices=("zh_CN", "en"))
    new.add_argument("--signature-file", type=Path, default=None, help="the signature image or strokes")
    _add_guardian_arguments(new)
    new.add_argument(
        "--messages",
        choices=("zh_CN", "en"),
        default=None,
        metavar="LANGUAGE",
        help="the customer agrees to short messages about this repair, in zh_CN or en (default: no messages)",
    )
    new.add_argument(
        "--care-guide",
        choices=CARE_GUIDE_CHOICES,
        default="slip",
        help="the model's care guide on the pickup slip (default) or as a message (needs --messages)",
    )
    new.add_argument("--json", action="store_true")
    new.set_defaults(func=run_new)


def _add_guardian_arguments(new: argparse.ArgumentParser) -> None:
    """The intake's age question and, below the region's age, the guardian's consent (issue 8, 13)."""
    new.add_argument("--age-bracket", choices=tuple(AGE_BRACKETS), default=None, help="the customer's age bracket")
    new.add_argument("--guardian-name", default="", metavar="NAME", help="the guardian present at the counter")
    new.add_argument(
        "--guardian-consents",
        action="store_true",
        help="the guardian agreed, at the counter, to the processing the service needs",
    )


def age_declaration_from(args: argparse.Namespace) -> AgeDeclaration | None:
    if args.age_bracket is None:
        if args.guardian_name or args.guardian_consents:
            raise UsageError(
                "A guardian is recorded with the customer's age bracket.",
                next_step="Add --age-bracket, e.g. --age-bracket under_14.",
            )
        return None
    return AgeDeclaration(args.age_bracket, args.guardian_name, args.guardian_consents)


def _register_reads(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    show = actions.add_parser("show", help="one ticket with its history")
    _common(show)
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)
    listing = actions.add_parser("list", help="the newest tickets")
    _common(listing)
    listing.add_argument("--status", choices=[s.value for s in Status], default=None)
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)
    query = actions.add_parser("progress", help="service progress by ticket number plus phone or IMEI")
    _common(query)
    query.add_argument("number")
    query.add_argument("phone_or_imei")
    query.add_argument("--json", action="store_true")
    query.set_defaults(func=run_progress)
    parts = actions.add_parser("parts", help="the price list's parts and labour for the ticket's model")
    _common(parts)
    parts.add_argument("number")
    parts.set_defaults(func=run_parts)
    bill = actions.add_parser("invoice", help="invoice the repair (covered lines at zero); prints the balance due")
    _common(bill)
    bill.add_argument("number")
    bill.add_argument("--json", action="store_true")
    bill.set_defaults(func=run_invoice)


def _register_changes(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    move = actions.add_parser("move", help="move a ticket to another status")
    _common(move)
    move.add_argument("number")
    move.add_argument("status", choices=[s.value for s in Status])
    move.add_argument("--note", default="")
    move.set_defaults(func=run_move)
    sign = actions.add_parser("sign-agreement", help="record the signed service agreement")
    _common(sign)
    sign.add_argument("number")
    sign.add_argument("--signed-by", required=True)
    sign.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    sign.add_argument("--signature-file", type=Path, default=None)
    sign.set_defaults(func=run_sign)
    estimate = actions.add_parser("estimate", help="add parts/labour to the estimate at guide prices")
    _common(estimate)
    estimate.add_argument("number")
    estimate.add_argument("parts", nargs="+", metavar="PART_ID")
    estimate.set_defaults(func=run_estimate)
    approve = actions.add_parser("approve", help="record the customer's approval of the estimate")
    _common(approve)
    approve.add_argument("number")
    approve.add_argument("--approved-by", required=True)
    approve.add_argument("--signature-file", type=Path, default=None)
    approve.set_defaults(func=run_approve)
    collect = actions.add_parser("pickup", help="hand the phone back: check phone last 4, take the signature")
    _common(collect)
    collect.add_argument("number")
    collect.add_argument("--phone-last4", required=True)
    collect.add_argument("--signed-by", required=True)
    collect.add_argument("--signature-file", type=Path, default=None)
    collect.add_argument(
        "--rating", type=int, choices=range(1, 6), default=None, help="the customer's 1-5 rating, given at the counter"
    )
    collect.add_argument("--comment", default="", help="the customer's comment with the rating")
    collect.set_defaults(func=run_pickup)


def _amount(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount like 199.00") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError("not a finite amount")
    return value


def _signature(args: argparse.Namespace, signer: str) -> bytes:
    """The signature file's bytes, or (typed intake) the signer's typed name as the confirmation."""
    path: Path | None = getattr(args, "signature_file", None)
    if path is None:
        return f"typed:{signer}".encode()
    try:
        data = path.read_bytes()[: MAX_SIGNATURE_BYTES + 1]
    except OSError as error:
        raise UsageError(f"Cannot read the signature file: {error.strerror or error}") from None
    if len(data) > MAX_SIGNATURE_BYTES:
        raise UsageError("The signature file is larger than 2 MB.")
    return data


def _photos(specs: list[str]) -> tuple[ConditionPhoto, ...]:
    """Read each PART=PATH photo, bounded in size (the service checks the format and the part)."""
    photos = []
    for spec in specs[: MAX_PHOTOS + 1]:
        part, _, path = spec.partition("=")
        if not path:
            raise UsageError("--photo takes PART=PATH, e.g. screen=front.jpg")
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_PHOTO_BYTES + 1)
        except OSError as error:
            raise UsageError(f"Cannot read the photo {path}: {error.strerror or error}") from None
        photos.append(ConditionPhoto(part.strip(), data))
    return tuple(photos)


def _condition(text: str) -> dict[str, str]:
    pairs = [p.strip() for p in text.split(",") if p.strip()]
    try:
        return {k.strip(): v.strip() for k, v in (p.split("=", 1) for p in pairs)}
    except ValueError:
        raise UsageError("--condition takes ITEM=STATE pairs, e.g. screen=damaged,housing=ok") from None


def new_ticket_from(args: argparse.Namespace) -> NewTicket:
    agreement = None
    if args.agreement_signed_by:
        document = shipped_reference().consents.latest("service_agreement")
        agreement = Agreement(
            document.text_id,
            document.version,
            args.agreement_language,
            args.agreement_signed_by,
            signature_digest(_signature(args, args.agreement_signed_by)),
        )
    return NewTicket(
        service_type=args.service_type,
        customer_name=args.name,
        customer_phone=args.phone,
        device_model=args.model,
        imei=args.imei,
        fault=args.fault,
        priority=args.priority or suggest_priority(args.service_type, args.fault_category),
        customer_email=args.email,
        customer_address=args.address,
        imei2=args.imei2,
        serial=args.serial,
        fault_category=args.fault_category,
        purchase_date=args.purchase_date,
        purchase_proof=args.proof,
        courier=args.courier,
        tracking_number=args.tracking,
        parcel_condition=args.parcel_condition,
        condition=_condition(args.condition),
        condition_notes=args.condition_notes,
        photos=_photos(args.photo),
        accessories=tuple(args.accessory),
        agreement=agreement,
        estimate=args.estimate,
        deposit=args.deposit,
        customer_id=args.customer_id.strip(),
    )


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def row_json(row: TicketRow) -> dict[str, Any]:
    return dataclasses.asdict(row)


def detail_json(detail: TicketDetail) -> dict[str, Any]:
    data = dataclasses.asdict(detail)
    data.update(data.pop("row"))
    data["lines"] = [{**dataclasses.asdict(line), "unit_price": str(line.unit_price)} for line in detail.lines]
    data["estimate"] = None if detail.estimate is None else str(detail.estimate)
    data["deposit"] = None if detail.deposit is None else str(detail.deposit)
    return data


def run_new(args: argparse.Namespace) -> int:
    new = new_ticket_from(args)
    age = age_declaration_from(args)
    if args.care_guide == "message" and args.messages is None:
        raise UsageError("The care guide goes by message only with the customer's consent to messages (--messages).")
    messages = MessageChoice(args.messages, args.care_guide) if args.messages else None

    def act(session: Session) -> int:
        ticket = open_ticket(session, new, age=age, messages=messages)
        detail = moves.load(session, ticket.number)
        conflict = (detail.warranty or {}).get("purchase_date_conflict")
        if conflict:
            print(
                f"note: the registry has this phone as sold on {conflict['registry']}; that date is used, not the"
                f" customer's {conflict['customer']}.",
                file=sys.stderr,
            )
        if args.json:
            suggested = int(suggest_priority(ticket.service_type, detail.fault_category))
            extra = {"imei2": detail.imei2, "priority_suggested": suggested, "warranty": detail.warranty}
            _print_json({**row_json(ticket), **extra})
        else:
            print(ticket.number)
        return 0

    return in_session(args, act)


def run_show(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        detail = moves.load(session, args.number)
        parts = on_ticket.parts_on_ticket(session, detail.number)
        if args.json:
            _print_json({**detail_json(detail), "parts": [dataclasses.asdict(part) for part in parts]})
        else:
            row = detail.row
            print(f"{row.number}  {row.status}  {row.service_type}  priority {row.priority}  due {row.due_at}")
            shown = (row.customer_name, row.customer_phone, row.device_model, row.imei, detail.imei2)
            print("  " + "  ".join(value for value in shown if value))  # an anonymised ticket has no name
            category = FAULTS.get(detail.fault_category)
            label = f" — {category.label.en}" if category else ""
            print(f"  fault category: {detail.fault_category}{label}" + (f"  {row.fault}" if row.fault else ""))
            warranty = detail.warranty or {}
            if warranty:
                print(f"  warranty: {warranty.get('reason_en', '')}")
            if warranty.get("purchase_date_conflict"):
                conflict = warranty["purchase_date_conflict"]
                print(f"  purchase date: registry {conflict['registry']} (customer said {conflict['customer']})")
            for event in detail.events:
                print(f"  {event.at}  {event.actor:<10} {event.from_status or '-'} -> {event.to_status}")
            for part in parts:
                serial = f"  serial {part.serial}" if part.serial else ""
                genuine = "  genuine part, verified" if part.genuine else ""
                print(f"  part {part.part_id}  {part.state}{serial}{genuine}")
        return 0

    return in_session(args, act)


def run_list(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        rows = recent(session, max(1, min(args.limit, 500)), args.status)
        _print_rows(rows, args.json)
        return 0

    return in_session(args, act)


def _print_rows(rows: list[TicketRow], as_json: bool) -> None:
    if as_json:
        _print_json([row_json(r) for r in rows])
        return
    for r in rows:
        print(f"{r.number}  {r.status:<22} {r.service_type:<16} {r.device_model or '':<10} {r.customer_name}")


def run_search(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        rows = search.search(
            session, args.query, limit=max(1, min(args.limit, 500)), slip_key=slip_repository.slip_key(session.store)
        )
        _print_rows(rows, args.json)
        return 0

    return in_session(args, act)


def run_progress(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        report = progress.query_progress(session, args.number, args.phone_or_imei)
        if args.json:
            _print_json(report.to_json())
        else:
            print(f"{report.number}: {report.status}")
            for step in report.history:
                print(f"  {step.at}  {step.status}")
        return 0

    return in_session(args, act)


def run_parts(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        detail = moves.load(session, args.number)
        items = pricing.parts_for(session, detail)
        decision = decision_of(detail)
        for item in items:
            cover = decision.part_cover(item.part_id) if item.kind == "part" else None
            free = f"  free ({cover})" if cover else ""
            print(f"{item.part_id:<10} {item.kind:<7} {item.price:>9}  {item.name.en}{free}")
        return 0

    return in_session(args, act)


def run_invoice(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        lines = pricing.invoice(session, args.number)
        detail = moves.load(session, args.number)
        total = sum((line.total for line in lines), Decimal("0.00"))
        balance = total - (detail.deposit or Decimal("0.00"))
        if args.json:
            _print_json(
                {
                    "number": detail.number,
                    "lines": [{**dataclasses.asdict(line), "unit_price": str(line.unit_price)} for line in lines],
                    "total": str(total),
                    "deposit": str(detail.deposit or Decimal("0.00")),
                    "balance_due": str(balance),
                }
            )
            return 0
        for line in lines:
            print(f"{line.part_id or '':<10} {line.quantity} x {line.unit_price:>9}  {line.description}")
        print(f"total {total}  balance due {balance}")
        return 0

    return in_session(args, act)


def run_move(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        status, released = on_ticket.move_and_release(session, args.number, args.status, args.note)
        print(f"{args.number.strip().upper()}: {status}")
        if released:
            print(f"{released} reserved part(s) released")
        return 0

    return in_session(args, act)


def run_sign(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        document = shipped_reference().consents.latest("service_agreement")
        moves.sign_agreement(
            session, args.number, document, args.language, args.signed_by, _signature(args, args.signed_by)
        )
        print(f"{args.number.upper()}: agreement v{document.version} signed")
        return 0

    return in_session(args, act)


def run_estimate(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        lines = pricing.add_estimate(session, args.number, args.parts)
        for line in lines:
            print(f"{line.part_id or '':<10} {line.quantity} x {line.unit_price}  {line.description}")
        print(f"total {sum((line.total for line in lines), Decimal('0.00'))}")
        return 0

    return in_session(args, act)


def run_approve(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        signature = _signature(args, args.approved_by)
        reservation = on_ticket.approve_and_reserve(session, args.number, args.approved_by, signature)
        detail = moves.load(session, args.number)
        print(f"{detail.number}: estimate {detail.estimate} approved")
        if reservation.reserved:
            print(f"reserved: {', '.join(reservation.reserved)}")
        if reservation.missing:
            print(f"not in stock, dispatch requested: {', '.join(reservation.missing)} ({reservation.status})")
        return 0

    return in_session(args, act)


def run_pickup(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        detail = pickup.collect(
            session, args.number, args.phone_last4, args.signed_by, _signature(args, args.signed_by)
        )
        print(f"{detail.number}: {detail.status}")
        if args.rating is not None:  # the phone is handed back whatever happens to the rating
            satisfaction.record_rating(session, detail.number, args.rating, args.comment)
            print(f"rated {args.rating} of 5")
        return 0

    return in_session(args, act)


def run_seed(args: argparse.Namespace) -> int:
    def act(session: Session) -> int:
        def report(done: int) -> None:
            print(f"\r{done:,} / {args.tickets:,}", end="", file=sys.stderr, flush=True)

        added = seed_tickets(session, args.tickets, args.seed, progress=report)
        print(file=sys.stderr)
        print(f"added {added} tickets")
        return 0

    return in_session(args, act)
