"""`report`: the outlet's KPI report from the command line, as JSON, CSV or a PDF (issue 16).

    repair-counter report --from 2026-11-01 --to 2026-11-30 [--period day|week|month]
        [--by technician|service|fault] (--json [FILE] | --csv [FILE] | --pdf FILE) [--lang en|zh_CN]

A FILE is written atomically (a crash leaves the old file or the new one); `-`
or no FILE for JSON and CSV prints to standard output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.accounts.session import Session
from app.cli.store_commands import _common, in_session
from app.errors import UsageError
from app.reports.export import report_csv, report_json
from app.reports.periods import Granularity, parse_day
from app.reports.service import DIMENSIONS, OutletReport, outlet_report
from app.storage.atomic_file import write_atomically

LANGUAGES = ("en", "zh_CN")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = subparsers.add_parser("report", help="the outlet's KPI report (managers and auditors)")
    _common(report)
    add_report_arguments(report)
    report.set_defaults(func=run_report)


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    """The range, split and output options the outlet's and the region's report share."""
    parser.add_argument("--from", dest="first_day", required=True, metavar="DATE", help="first day, e.g. 2026-11-01")
    parser.add_argument("--to", dest="last_day", required=True, metavar="DATE", help="last day (included)")
    parser.add_argument("--period", choices=[g.value for g in Granularity], default="month")
    parser.add_argument("--by", choices=[d for d in DIMENSIONS if d != "none"], default="none")
    output = parser.add_mutually_exclusive_group(required=True)
    output.add_argument("--json", nargs="?", const="-", metavar="FILE", help="JSON (to FILE, or standard output)")
    output.add_argument("--csv", nargs="?", const="-", metavar="FILE", help="CSV, one figure a line")
    output.add_argument("--pdf", metavar="FILE", help="a PDF report with charts")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the PDF")


def run_report(args: argparse.Namespace) -> int:
    first, last = parse_day(args.first_day), parse_day(args.last_day)

    def action(session: Session) -> int:
        report = outlet_report(session, first, last, args.period, args.by)
        return write_report(report, args)

    return in_session(args, action)


def write_report(report: OutletReport, args: argparse.Namespace) -> int:
    """Write the report in the form the options chose."""
    if args.pdf:
        return _write_pdf(report, Path(args.pdf), args.lang)
    text = report_json(report) + "\n" if args.json else report_csv(report)
    target = args.json or args.csv
    if target == "-":
        sys.stdout.write(text)
    else:
        write_atomically(Path(target), text.encode("utf-8"))
        print(f"report written to {target}")
    return 0


def _write_pdf(report: OutletReport, path: Path, language: str) -> int:
    if path.suffix.lower() != ".pdf":
        raise UsageError(f"The PDF file name must end in .pdf, got {path.name!r}.")
    from app.slip.render_fonts import ensure_gui_application  # Qt only when a PDF is asked for
    from app.ui.report_render import write_report_pdf

    _app = ensure_gui_application()
    pages = write_report_pdf(report, path, language)
    print(f"report written to {path} ({pages} pages)")
    return 0
