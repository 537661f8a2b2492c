"""`enroll` and `sync --once`: the counter side of sync from the command line."""

from __future__ import annotations

import argparse
import json

from app.cli.store_commands import _common, open_session
from app.sync import service


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    enroll = subparsers.add_parser("enroll", help="enrol this outlet with an upstream (once)")
    _common(enroll)
    enroll.add_argument("--upstream", required=True, metavar="URL", help="https://... (http:// only on loopback)")
    enroll.add_argument("--code", required=True, help="the one-time enrolment code from the upstream operator")
    enroll.add_argument("--ca-bundle", default=None, help="PEM file of the roots to trust (default: the system store)")
    enroll.set_defaults(func=run_enroll)

    sync = subparsers.add_parser("sync", help="push pending changes, pull reference data, anchor the journal")
    _common(sync)
    sync.add_argument("--once", action="store_true", required=True, help="one round, then exit")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(func=run_sync)


def run_enroll(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        enrolment = service.enroll(session, args.upstream, args.code, args.ca_bundle)
    finally:
        session.lock()
    print(f"outlet {enrolment.outlet} enrolled with {enrolment.upstream} (receipt key {enrolment.key_id[:16]})")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        report = service.sync_once(session)
    finally:
        session.lock()
    result = report.as_json()
    if args.json:
        print(json.dumps(result))
    else:
        print(f"pushed {report.pushed}, pulled {report.pulled}, pending {report.pending}")
        for error in report.errors:
            print(f"error: {error}")
    return 0 if not report.errors else 74
