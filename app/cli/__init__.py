"""Command line: argument parsing only.  Every subcommand is a thin call into a service.

Each area of the app registers its own subcommands from a module in this
package (`register(subparsers)`), so the parser is assembled in one place
without this file knowing every command.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from app import __version__
from app.cli.problem_report import report_known_error
from app.errors import KnownError

#: Modules under app/cli/ that add subcommands, in the order `--help` lists them.
COMMAND_MODULES = (
    "app.cli.store_commands",
    "app.cli.ticket_commands",
    "app.cli.parts_commands",
    "app.cli.slip_commands",
    "app.cli.demo_commands",
    "app.cli.device_commands",
    "app.cli.upstream_commands",
    "app.cli.diagnostics_commands",
    "app.cli.wipe_commands",
    "app.cli.sync_commands",
    "app.cli.policy_commands",
    "app.cli.privacy_commands",
    "app.cli.password_commands",
    "app.cli.outlet_commands",
    "app.cli.report_commands",
    "app.cli.region_commands",
    "app.cli.backup_commands",
    "app.cli.hub_commands",
    "app.cli.messages_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="repair-counter",
        description="Repair Counter: service-outlet counter software.",
    )
    parser.add_argument("--version", action="version", version=f"repair-counter {__version__}")
    add_data_dir_argument(parser)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation headless (store, slip, phone, sync) and exit 0, or name what failed",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a missing dependency is a bug, a missing area is not yet built
                raise
            continue
        module.register(subparsers)
    return parser


def add_data_dir_argument(parser: argparse.ArgumentParser) -> None:
    """`--data-dir`, defaulting to $REPAIR_COUNTER_DATA_DIR (resolved in app.paths)."""
    parser.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="data directory (default: $REPAIR_COUNTER_DATA_DIR or the per-user location)",
    )


def window_only_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when `argv` asks for nothing but the window (`repair-counter [--data-dir D]`), else None.

    Parsed without importing every command module (and the services behind them), so the sign-in
    window shows sooner: tests/bench/bench_cold_start.py measures it.
    """
    quick = argparse.ArgumentParser(prog="repair-counter", add_help=False)
    add_data_dir_argument(quick)
    args, rest = quick.parse_known_args(argv)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    window_args = window_only_arguments(argv)
    if window_args is not None:
        window_args.data_dir = getattr(window_args, "data_dir", None) or None
        return _open_gui(window_args)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "data_dir", None):
        args.data_dir = None
    handler = _self_test if args.self_test else getattr(args, "func", None)
    if handler is None:
        return _open_gui(args)
    try:
        return int(handler(args) or 0)
    except KnownError as exc:
        report_known_error(exc)
        return exc.exit_code


def _self_test(args: argparse.Namespace) -> int:
    from app.cli.self_test import run_self_test

    return run_self_test()


def _open_gui(args: argparse.Namespace) -> int:
    from app.ui.application import (
        run_gui,  # Qt is imported only when a window is wanted
    )

    return run_gui(data_dir=args.data_dir)


def gui_main() -> int:
    """Entry point of the `repair-counter-gui` script."""
    return main(sys.argv[1:] or [])


def env_or(value: str | None, variable: str) -> str | None:
    """A command-line value, else the named environment variable, else None."""
    return value if value else os.environ.get(variable) or None
