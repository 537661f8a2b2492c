"""`repair-counter password`: a person changes their own password (no manager needed).

The old password proves who is asking; the new one must follow the same rules as any
other.  Only that account's key slot changes: nobody else's password, and not the
database key.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from app.accounts.service import change_own_password
from app.cli import env_or
from app.cli.store_commands import PASSWORD_ENV, USER_ENV, _common, read_password, vault_for
from app.errors import UsageError

NEW_PASSWORD_ENV = "REPAIR_COUNTER_NEW_PASSWORD"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    change = subparsers.add_parser(
        "password",
        help="change your own password",
        description=(
            f"Change your own password. With --password-stdin, standard input gives the current password "
            f"on its first line and the new one on its second; otherwise ${PASSWORD_ENV} and "
            f"${NEW_PASSWORD_ENV}, or a prompt."
        ),
    )
    _common(change)
    change.set_defaults(func=run_change_password)


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get(NEW_PASSWORD_ENV):
        return os.environ[NEW_PASSWORD_ENV]
    if sys.stdin.isatty():
        first = getpass.getpass("New password: ")
        if getpass.getpass("New password again: ") != first:
            raise UsageError("The two new passwords differ; nothing was changed.")
        return first
    raise UsageError(f"No new password: use --password-stdin or set {NEW_PASSWORD_ENV}.")


def run_change_password(args: argparse.Namespace) -> int:
    user = env_or(getattr(args, "user", None), USER_ENV)
    if not user:
        raise UsageError(f"Which account? Use --user ENGINEER_ID or set {USER_ENV}.")
    old = read_password(args, "Current password: ")
    change_own_password(vault_for(args), user, old, _new_password(args))
    print(f"The password of {user} is changed. The old one no longer opens the store.")
    return 0
