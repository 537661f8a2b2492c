"""The region operator's side of the reports (issue 16):

    repair-counter upstream-operator-token --db URL      print a new operator token (keep it secret)
    repair-counter region-report --upstream URL --from DATE --to DATE [--period day|week|month]
        [--by service|fault] [--zone Asia/Shanghai] [--ca-bundle PEM] (--json [FILE] | --csv [FILE])

The token is read from $REPAIR_COUNTER_OPERATOR_TOKEN or the first line of standard input
(`--token-stdin`), never from the command line, where other users could see it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

from app.errors import UsageError
from app.reports.export import flatten
from app.reports.periods import Granularity
from app.storage.atomic_file import write_atomically

TOKEN_ENV = "REPAIR_COUNTER_OPERATOR_TOKEN"
REPORT_PATH = "/v1/reports/outlets"
MAX_ANSWER_BYTES = 64 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    token = subparsers.add_parser("upstream-operator-token", help="print a new token for the region's operator")
    token.add_argument("--db", help="upstream database URL (default: $REPAIR_COUNTER_UPSTREAM_DB)")
    token.set_defaults(func=run_operator_token)

    report = subparsers.add_parser("region-report", help="every outlet's figures from the upstream (operator)")
    report.add_argument("--upstream", required=True, metavar="URL", help="https://... (http:// only on loopback)")
    report.add_argument("--from", dest="first_day", required=True, metavar="DATE")
    report.add_argument("--to", dest="last_day", required=True, metavar="DATE")
    report.add_argument("--period", choices=[g.value for g in Granularity], default="month")
    report.add_argument("--by", choices=["service", "fault"], default="none")
    report.add_argument("--zone", default="UTC", help="time zone the days are counted in (default UTC)")
    report.add_argument("--ca-bundle", type=Path, default=None, help="PEM roots to trust (default: system store)")
    report.add_argument("--token-stdin", action="store_true", help=f"read the token from stdin (default: ${TOKEN_ENV})")
    output = report.add_mutually_exclusive_group(required=True)
    output.add_argument("--json", nargs="?", const="-", metavar="FILE")
    output.add_argument("--csv", nargs="?", const="-", metavar="FILE")
    report.set_defaults(func=run_region_report)


def run_operator_token(args: argparse.Namespace) -> int:
    from app.cli.upstream_commands import _db_url
    from app.upstream.reports import issue_operator_token
    from app.upstream.storage import open_upstream_store

    store = open_upstream_store(_db_url(args))
    try:
        print(issue_operator_token(store))
    finally:
        store.close()
    return 0


def _operator_token(args: argparse.Namespace) -> str:
    token = sys.stdin.readline().strip() if args.token_stdin else os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise UsageError(f"Give the operator token in ${TOKEN_ENV} or on standard input with --token-stdin.")
    return token


def run_region_report(args: argparse.Namespace) -> int:
    import httpx

    from app.sync.transport import UpstreamAuthRefused, UpstreamEndpoint, UpstreamUnreachable, open_client

    params = {"from": args.first_day, "to": args.last_day, "period": args.period, "by": args.by, "zone": args.zone}
    try:
        with open_client(UpstreamEndpoint(args.upstream, args.ca_bundle), _operator_token(args)) as client:
            answer = client.get(REPORT_PATH, params=params)
    except httpx.TransportError as exc:
        raise UpstreamUnreachable(f"The upstream did not answer: {exc.__class__.__name__}.") from exc
    if answer.status_code in (401, 403):
        raise UpstreamAuthRefused(_detail(answer))
    if answer.status_code == 400:
        raise UsageError(_detail(answer))
    if answer.status_code != 200 or len(answer.content) > MAX_ANSWER_BYTES:
        raise UpstreamUnreachable(f"The upstream answered {answer.status_code}: {_detail(answer)}")
    report = answer.json()
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n" if args.json else region_csv(report)
    target = args.json or args.csv
    if target == "-":
        sys.stdout.write(text)
    else:
        write_atomically(Path(target), text.encode("utf-8"))
        print(f"region report written to {target}")
    return 0


def _detail(answer: Any) -> str:
    try:
        return str(answer.json().get("detail", ""))[:300]
    except ValueError:
        return str(answer.text)[:300]


def region_csv(report: dict[str, Any]) -> str:
    """One line per figure: outlet,table,period,group,figure,value."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("outlet", "table", "period", "group", "figure", "value"))
    for outlet in report.get("outlets", []):
        for table, rows in (("figures", outlet["rows"]), ("totals", [*outlet["totals"], outlet["overall"]])):
            for row in rows:
                figures = {k: v for k, v in row.items() if k not in ("period", "group")}
                for name, value in flatten(figures):
                    writer.writerow((outlet["outlet"], table, row["period"], row["group"], name, _cell(value)))
    return out.getvalue()


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
