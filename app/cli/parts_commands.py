"""`parts ...`: spare-part stock from the command line (issue 18).

`stock`, `low` and `moves` read; `receive` (by count, or by scanning labels: `--label` or one
label a line on standard input, as a keyboard-wedge scanner types them), `correct`, `count`,
`reserve`, `release`, `use`, `return` and `place` change stock; `dispatch` requests and sends
parts between outlets, and `holders` asks the upstream which outlets of the region hold a part.
`--json` output is for scripts and is stable.

`--wait SECONDS` waits that long for another process holding the store (one writer per store)
instead of refusing at once, so two scripted counters take turns rather than fail.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from app.accounts import service
from app.accounts.session import Session
from app.cli import env_or
from app.cli.store_commands import USER_ENV, _common, read_password, vault_for
from app.errors import UsageError
from app.parts import dispatch, on_ticket, stock
from app.parts.stock import Move
from app.storage import parts_repository
from app.storage.errors import StoreInUse
from app.storage.parts_repository import StockLevel
from app.sync import service as sync_service

MAX_SCANS = 500
MAX_WAIT_SECONDS = 600


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parts = subparsers.add_parser("parts", help="spare parts: stock, receive, correct, reserve, use, low, count ...")
    actions = parts.add_subparsers(dest="parts_action", required=True)
    _register_reads(actions)
    _register_moves(actions)
    _register_ticket(actions)
    _register_dispatch(actions)


def _add(actions: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=text)
    _common(parser)
    parser.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help="wait for a store in use")
    parser.add_argument("--json", action="store_true")
    return parser


def _register_reads(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _add(actions, "stock", "stock per part: on hand, reserved, available, bin, minimum").set_defaults(func=run_stock)
    _add(actions, "low", "parts below their minimum level").set_defaults(func=run_low)
    moves = _add(actions, "moves", "the stock moves, newest first (who, what, why)")
    moves.add_argument("part", nargs="?", default=None)
    moves.add_argument("--limit", type=int, default=50)
    moves.set_defaults(func=run_moves)


def _register_moves(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    receive = _add(actions, "receive", "receive parts by count, or scan their labels (checked genuine)")
    receive.add_argument("part", nargs="?", default=None, help="part number (receiving by count)")
    receive.add_argument("--quantity", type=int, default=1)
    receive.add_argument("--label", action="append", default=[], help="a scanned part label (repeatable)")
    receive.add_argument("--scan-stdin", action="store_true", help="read labels one a line from standard input")
    receive.add_argument("--transfer", action="store_true", help="the parts arrive from another outlet")
    receive.add_argument("--reason", default="received")
    receive.set_defaults(func=run_receive)
    for name, text, kind in (
        ("correct", "correct the stock by a signed change, with the reason (managers)", "correct"),
        ("count", "record a stock count: the stock becomes what was counted (managers)", "count"),
        ("reserve", "reserve parts (a ticket's estimate parts: parts reserve --ticket NO)", "reserve"),
        ("release", "release reserved parts", "release"),
        ("return", "return parts from stock to the maker (managers)", "return_to_maker"),
    ):
        move = _add(actions, name, text)
        move.add_argument("part", nargs="?" if kind == "reserve" else None, default=None)
        if kind in ("correct", "count"):
            move.add_argument("quantity", type=int, help="the change" if kind == "correct" else "the count")
        else:
            move.add_argument("--quantity", type=int, default=1)
        if kind == "reserve":
            move.add_argument("--ticket", default=None, metavar="NO", help="reserve this ticket's estimate parts")
        move.add_argument("--reason", required=kind in ("correct", "return_to_maker"), default=kind)
        move.set_defaults(func=run_move, kind=kind)
    place = _add(actions, "place", "set a part's bin and minimum level (managers)")
    place.add_argument("part")
    place.add_argument("--bin", default=None)
    place.add_argument("--minimum", type=int, default=None)
    place.set_defaults(func=run_place)


def _register_ticket(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    use = _add(actions, "use", "the repair uses a ticket's reserved parts (scan the labels of serialised parts)")
    use.add_argument("ticket")
    use.add_argument("--label", action="append", default=[], help="the fitted part's label (repeatable)")
    use.add_argument("--faulty", action="append", default=[], metavar="PART=SERIAL", help="the replaced part's serial")
    use.set_defaults(func=run_use)


def _register_dispatch(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    request = _add(actions, "dispatch", "dispatch between outlets: request a part, list requests, send parts")
    request.add_argument("part", nargs="?", default=None, help="request this part (without: list open requests)")
    request.add_argument("--quantity", type=int, default=1)
    request.add_argument("--send-to", default=None, metavar="OUTLET", help="send the parts to this outlet (managers)")
    request.add_argument("--reason", default="transfer")
    request.set_defaults(func=run_dispatch)
    holders = _add(actions, "holders", "ask the upstream which outlets of the region hold a part (counts only)")
    holders.add_argument("part")
    holders.set_defaults(func=run_holders)


# --- running -------------------------------------------------------------------------------


def _session(args: argparse.Namespace) -> Session:
    """Sign in, waiting up to --wait seconds while another process has the store open."""
    user = env_or(getattr(args, "user", None), USER_ENV)
    if not user:
        raise UsageError(f"Which account? Use --user ENGINEER_ID or set {USER_ENV}.")
    password = read_password(args)
    deadline = time.monotonic() + min(max(args.wait, 0.0), MAX_WAIT_SECONDS)
    while True:
        try:
            return service.sign_in(vault_for(args), user, password)
        except StoreInUse:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def _in_session(args: argparse.Namespace, action: Callable[[Session], Any]) -> int:
    session = _session(args)
    try:
        result = action(session)
    finally:
        session.lock()
    _print(args, result)
    return 0


def _level_json(level: StockLevel) -> dict[str, Any]:
    return {**asdict(level), "available": level.available, "low": level.low}


def _print(args: argparse.Namespace, result: Any) -> None:
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
        return
    rows = result if isinstance(result, list) else [result]
    for row in rows:
        if isinstance(row, dict) and "on_hand" in row:
            print(
                f"{row['part_id']:<10} on hand {row['on_hand']:>4}  reserved {row['reserved']:>4}"
                f"  available {row['available']:>4}  min {row['minimum']:>3}  bin {row['bin'] or '-'}"
                + (f"  fits {', '.join(row['models'])}" if row.get("models") else "")
                + ("  LOW" if row["low"] else "")
            )
        elif isinstance(row, dict):
            print("  ".join(f"{key}={value}" for key, value in row.items() if value not in (None, "")))
        else:
            print(row)


def _levels_json(session: Session, levels: list[StockLevel]) -> list[dict[str, Any]]:
    models = stock.compatible_models(session)
    return [{**_level_json(level), "models": list(models.get(level.part_id, ()))} for level in levels]


def run_stock(args: argparse.Namespace) -> int:
    return _in_session(args, lambda session: _levels_json(session, stock.stock(session)))


def run_low(args: argparse.Namespace) -> int:
    return _in_session(args, lambda session: _levels_json(session, stock.low_stock(session)))


def run_moves(args: argparse.Namespace) -> int:
    def act(session: Session) -> list[dict[str, Any]]:
        stock.stock(session)  # the read permission
        part = stock.known_part(session, args.part) if args.part else None
        limit = max(1, min(args.limit, parts_repository.MAX_ROWS))
        return [asdict(move) for move in parts_repository.moves(session.store, part, limit)]

    return _in_session(args, act)


def _scans(args: argparse.Namespace) -> list[str]:
    scans = list(args.label)
    if args.scan_stdin:
        for line in sys.stdin:
            if line.strip():
                scans.append(line)
            if len(scans) > MAX_SCANS:
                raise UsageError(f"At most {MAX_SCANS} labels per run.")
    return scans


def run_receive(args: argparse.Namespace) -> int:
    scans = _scans(args)
    if bool(scans) == bool(args.part):
        raise UsageError("Give either a part number (receiving by count) or labels to scan, not both.")

    def act(session: Session) -> list[dict[str, Any]]:
        if args.part:
            kind = "transfer_in" if args.transfer else "receive"
            return [_level_json(stock.make_move(session, Move(args.part, kind, args.quantity, args.reason)))]
        received = []
        for scanned in scans:  # each label its own transaction: a refused one stops the run, the ones before stay
            take = dispatch.receive_transfer if args.transfer else stock.receive_label
            level, label = take(session, scanned, args.reason)
            received.append({**_level_json(level), "serial": label.serial, "genuine": True})
        return received

    return _in_session(args, act)


def run_move(args: argparse.Namespace) -> int:
    def act(session: Session) -> Any:
        if args.kind == "reserve" and args.ticket:
            reservation = on_ticket.reserve_for_ticket(session, args.ticket)
            return asdict(reservation)
        if not args.part:
            raise UsageError("Which part? Give its part number (or --ticket NO to reserve a ticket's parts).")
        return _level_json(stock.make_move(session, Move(args.part, args.kind, args.quantity, args.reason)))

    return _in_session(args, act)


def run_place(args: argparse.Namespace) -> int:
    return _in_session(args, lambda session: _level_json(stock.set_place(session, args.part, args.bin, args.minimum)))


def _faulty(pairs: list[str]) -> dict[str, str]:
    found = {}
    for pair in pairs:
        part, _, serial = pair.partition("=")
        if not part.strip() or not serial.strip():
            raise UsageError(f"--faulty takes PART=SERIAL, not {pair[:40]!r}.")
        found[part.strip().upper()] = serial.strip()[:64]
    return found


def run_use(args: argparse.Namespace) -> int:
    faulty = _faulty(args.faulty)

    def act(session: Session) -> list[dict[str, Any]]:
        used = on_ticket.use_parts(session, args.ticket, args.label, faulty_serials=faulty)
        return [asdict(part) for part in used]

    return _in_session(args, act)


def run_dispatch(args: argparse.Namespace) -> int:
    def act(session: Session) -> Any:
        if args.send_to:
            if not args.part:
                raise UsageError("Which part to send? parts dispatch PART --send-to OUTLET.")
            return _level_json(dispatch.transfer_out(session, args.part, args.quantity, args.send_to, args.reason))
        if args.part:
            return {"dispatch_id": dispatch.request_dispatch(session, args.part, args.quantity)}
        return [asdict(request) for request in dispatch.open_requests(session)]

    return _in_session(args, act)


def run_holders(args: argparse.Namespace) -> int:
    def act(session: Session) -> list[dict[str, Any]]:
        answer = sync_service.part_holders(session, stock.known_part(session, args.part))
        return [holder.model_dump() for holder in answer.holders]

    return _in_session(args, act)
