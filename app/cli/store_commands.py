"""`init`, `verify`, `staff ...` and `passwd`: the store and its accounts from the command line."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable

from app.accounts import service
from app.accounts.session import Session
from app.cli import add_data_dir_argument, env_or
from app.core.roles import Role
from app.errors import UsageError
from app.logging_setup import configure_logging
from app.paths import DataPaths
from app.storage.errors import DatabaseDamaged, JournalBroken
from app.storage.vault import Vault
from app.sync.verification import verify_store

USER_ENV = "REPAIR_COUNTER_USER"
PASSWORD_ENV = "REPAIR_COUNTER_PASSWORD"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser("init", help="create the store, the outlet and the first manager account")
    _common(init, user=False)
    init.add_argument("--outlet", required=True, help="outlet code, e.g. SZ01")
    init.add_argument("--name", required=True, help="outlet name")
    init.add_argument("--region", required=True, help="region code, e.g. CN")
    init.add_argument("--address", default="", help="the outlet's postal address (printed on slips)")
    init.add_argument("--admin", required=True, metavar="ENGINEER_ID", help="the first manager's engineer ID")
    init.add_argument("--admin-name", default="", help="the first manager's display name")
    init.set_defaults(func=run_init)

    verify = subparsers.add_parser("verify", help="check encryption, structure, journal chain and anchor")
    _common(verify)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=run_verify)

    staff = subparsers.add_parser("staff", help="manage staff accounts (managers)")
    _common(staff)
    actions = staff.add_subparsers(dest="staff_action", required=True)
    add = actions.add_parser("add")
    add.add_argument("engineer_id")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--display-name", default="")
    add.add_argument(
        "--new-password-env",
        default="REPAIR_COUNTER_NEW_PASSWORD",
        help="environment variable holding the new account's password",
    )
    remove = actions.add_parser("remove")
    remove.add_argument("engineer_id")
    actions.add_parser("list").add_argument("--json", action="store_true")
    staff.set_defaults(func=run_staff)


def _common(parser: argparse.ArgumentParser, *, user: bool = True) -> None:
    add_data_dir_argument(parser)
    if user:
        parser.add_argument("--user", help=f"engineer ID (default: ${USER_ENV})")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"read the password from the first line of standard input (default: ${PASSWORD_ENV})",
    )


def vault_for(args: argparse.Namespace) -> Vault:
    paths = DataPaths.at(getattr(args, "data_dir", None))
    if paths.root.is_dir():  # never create a data directory just to log into it
        configure_logging(paths.logs)
    return Vault(paths)


def read_password(args: argparse.Namespace, prompt: str = "Password: ") -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise UsageError(f"No password: use --password-stdin or set {PASSWORD_ENV}.")


def open_session(args: argparse.Namespace, *, check_anchor: bool = True) -> Session:
    """The signed-in session every headless command works in."""
    user = env_or(getattr(args, "user", None), USER_ENV)
    if not user:
        raise UsageError(f"Which account? Use --user ENGINEER_ID or set {USER_ENV}.")
    return service.sign_in(vault_for(args), user, read_password(args), check_anchor=check_anchor)


def in_session(args: argparse.Namespace, action: Callable[[Session], int | None]) -> int:
    """Sign in, run `action(session)`, and lock again whatever happens."""
    session = open_session(args)
    try:
        return int(action(session) or 0)
    finally:
        session.lock()


def run_init(args: argparse.Namespace) -> int:
    password = read_password(args, "Password for the first manager: ")
    outlet = service.OutletInfo(args.outlet, args.name, args.region, args.address)
    first = service.initialise_store(vault_for(args), outlet, args.admin, args.admin_name, password)
    first.session.lock()
    print(f"Created the store for outlet {outlet.code.upper()} in {vault_for(args).paths.root}")
    print(f"Manager account: {args.admin}")
    print()
    print("RECOVERY KEY (shown once; print it and keep it in the outlet safe):")
    print(f"  {first.recovery_key}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    session = open_session(args, check_anchor=False)
    try:
        report = verify_store(session)
    finally:
        session.lock()
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(f"journal: {report.journal_entries} entries, head {report.journal_head[:16]}")
        print("everything holds" if report.ok else "\n".join(f"PROBLEM: {p}" for p in report.problems))
    if report.ok:
        return 0
    return DatabaseDamaged.exit_code if report.damaged_pages else JournalBroken.exit_code


def run_staff(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        return _staff_action(session, args)
    finally:
        session.lock()


def _staff_action(session: Session, args: argparse.Namespace) -> int:
    if args.staff_action == "add":
        password = os.environ.get(args.new_password_env, "")
        service.add_account(session, args.engineer_id, args.display_name, Role(args.role), password)
        print(f"added {args.engineer_id} ({args.role})")
    elif args.staff_action == "remove":
        service.remove_account(session, args.engineer_id)
        print(f"removed {args.engineer_id}; the database key was rotated")
    else:
        members = service.list_accounts(session)
        rows = [{"engineer_id": m.engineer_id, "name": m.display_name, "role": m.role.value} for m in members]
        print(
            json.dumps(rows, indent=2, ensure_ascii=False)
            if args.json
            else "\n".join(f"{r['engineer_id']:<16} {r['role']:<13} {r['name']}" for r in rows)
        )
    return 0
