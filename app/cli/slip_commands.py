"""`repair-counter slip`: render or print a ticket's repair slip.

    repair-counter slip TICKET_NO --pdf OUT [--format a5|a4|thermal] [--lang zh_CN|en] [--escpos-port PORT]
    repair-counter slip --retry [--escpos-port PORT]
    repair-counter slip --demo [--pdf OUT] [--format ...] [--lang ...] [--escpos-port PORT]

A real ticket signs in like every headless command (--user / $REPAIR_COUNTER_USER,
--password-stdin / $REPAIR_COUNTER_PASSWORD); each print is journaled and a
reprint says COPY n.  A thermal slip the printer cannot take is kept in the
store; `--retry` sends the kept slips.  `--demo` renders the invented slip
without a store (nothing journaled).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.store_commands import _common, open_session
from app.errors import UsageError
from app.slip.content import LANGUAGES, Language, SlipContent
from app.slip.print_record import SLIP_FORMATS, SlipFormat, SlipPrintRecord

if TYPE_CHECKING:
    from app.device.thermal_printer import PrintRetryQueue


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("slip", help="render or print a repair slip")
    parser.add_argument("ticket", nargs="?", metavar="TICKET_NO", help="ticket number, e.g. SZ01-20261122-0042")
    parser.add_argument(
        "--pdf", metavar="OUT", type=Path, help="write the slip to OUT (.pdf; thermal also .png, .pbm, .bin)"
    )
    parser.add_argument("--format", dest="slip_format", choices=SLIP_FORMATS, default="a5")
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help="slip language (default: the customer's)")
    parser.add_argument("--escpos-port", metavar="PORT", help="print on the ESC/POS printer on this serial port")
    parser.add_argument("--demo", action="store_true", help="use the demonstration slip instead of a ticket")
    parser.add_argument(
        "--retry",
        action="store_true",
        help="send the thermal slips kept after paper out",
    )
    _common(parser)
    parser.set_defaults(func=_on_slip)


def _on_slip(args: argparse.Namespace) -> int:
    if args.retry:
        return _retry(args)
    if not args.pdf and not args.escpos_port:
        raise UsageError("Say where the slip goes: --pdf OUT and/or --escpos-port PORT")
    if not args.demo:
        return _print_ticket(args)
    from app.slip.demo_slip import DEMO_VERIFICATION_KEY, demo_content

    content, key = demo_content(args.lang or "zh_CN"), DEMO_VERIFICATION_KEY
    if args.pdf:
        record = render_slip_file(content, args.pdf, args.slip_format, args.lang, verification_key=key)
        print(f"{record.target.removeprefix('file:')}  pages={record.pages}  sha256={record.sha256[:16]}")
    if args.escpos_port:
        record = print_slip_on_thermal_printer(content, args.escpos_port, args.lang, verification_key=key)
        print(f"printed on {args.escpos_port}  sha256={record.sha256[:16]}")
    return 0


def _print_ticket(args: argparse.Namespace) -> int:
    """A real ticket: sign in, print, journal; the session is locked whatever happens."""
    from app.device.thermal_printer import PaperOut, PrinterOffline, PrinterPortError
    from app.slip import print_service

    if not args.ticket:
        raise UsageError("Give a ticket number, or --demo")
    session = open_session(args)
    try:
        if args.pdf:
            row = print_service.print_to_file(session, args.ticket, args.pdf, args.slip_format, args.lang)
            print(
                f"{row.target.removeprefix('file:')}  copy={row.copy_number}  pages={row.pages}  "
                f"sha256={row.sha256[:16]}"
            )
        if args.escpos_port:
            try:
                row = print_service.print_to_thermal(session, args.ticket, args.escpos_port, args.lang)
            except (PaperOut, PrinterOffline, PrinterPortError):
                waiting = len(print_service.pending_jobs(session))
                print(
                    f"the slip is kept to print again ({waiting} waiting; repair-counter slip --retry) "
                    f"/ 打印任务已保留，可稍后重试",
                    file=sys.stderr,
                )
                raise
            print(f"printed on {args.escpos_port}  copy={row.copy_number}  sha256={row.sha256[:16]}")
    finally:
        session.lock()
    return 0


def _retry(args: argparse.Namespace) -> int:
    from app.slip import print_service

    session = open_session(args)
    try:
        outcome = print_service.retry_thermal_jobs(session, args.escpos_port)
    finally:
        session.lock()
    for row in outcome.printed:
        print(f"printed {row.ticket_number} copy={row.copy_number} on {row.target.removeprefix('escpos:')}")
    if outcome.error is not None:
        print(f"{outcome.still_waiting} slip(s) still waiting", file=sys.stderr)
        raise outcome.error
    print(f"{len(outcome.printed)} printed, none waiting")
    return 0


def render_slip_file(
    content: SlipContent,
    out_path: Path,
    fmt: SlipFormat = "a5",
    lang: Language | None = None,
    *,
    verification_key: bytes,
) -> SlipPrintRecord:
    """Write `content` as a slip file; `lang` overrides the customer's language.  Returns the journal record."""
    from app.slip.layout import build_layout
    from app.slip.render_fonts import ensure_gui_application
    from app.slip.render_output import write_slip

    _app = ensure_gui_application()  # held until rendering is done
    layout = build_layout(_in_language(content, lang), verification_key)
    return write_slip(layout, Path(out_path), fmt)


def print_slip_on_thermal_printer(
    content: SlipContent,
    port: str,
    lang: Language | None = None,
    *,
    verification_key: bytes,
    queue: PrintRetryQueue | None = None,
) -> SlipPrintRecord:
    """Render the thermal slip and send it; returns the journal record.

    On a printer problem the job stays in `queue` (a new one when none is given)
    and the printer's error (PaperOut, PrinterOffline, PrinterPortError) is raised.
    """
    from app.device.thermal_printer import PrintRetryQueue, ThermalPrinter
    from app.slip.layout import build_layout
    from app.slip.print_record import make_record
    from app.slip.render_fonts import ensure_gui_application
    from app.slip.render_output import thermal_job

    _app = ensure_gui_application()  # held until rendering is done
    layout = build_layout(_in_language(content, lang), verification_key)
    job = thermal_job(layout)
    queue = queue if queue is not None else PrintRetryQueue()
    error = queue.submit(ThermalPrinter(port), job, f"slip {layout.ticket_number} copy {layout.copy_number}")
    if error is not None:
        print(
            f"the slip is kept to print again ({len(queue.pending)} waiting)",
            file=sys.stderr,
        )
        raise error
    return make_record(layout.ticket_number, layout.copy_number, layout.language, "thermal", f"escpos:{port}", 1, job)


def _in_language(content: SlipContent, lang: Language | None) -> SlipContent:
    return dataclasses.replace(content, language=lang) if lang and lang != content.language else content
