"""`repair-counter handset-sim`: serve simulated handsets for demos, training and manual testing."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from app.device.adb_server import EMULATOR_PORTS
from app.device.simulator import ProfileError, SimulatedHandset, load_profile
from app.errors import UsageError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "handset-sim",
        help="serve simulated phones on the adb wire protocol",
        description=(
            "Serve one simulated phone per --profile folder. Each prints 'listening on 127.0.0.1:PORT'; "
            "connect it with 'adb connect 127.0.0.1:PORT'. Runs until interrupted."
        ),
    )
    parser.add_argument(
        "--profile",
        action="append",
        required=True,
        metavar="DIR",
        type=Path,
        help="handset profile folder (with profile.toml); repeat for more phones",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=0,
        metavar="N",
        help="port of the first phone, the next phones take N+1, N+2... (default: any free port)",
    )
    parser.set_defaults(func=run_handset_sim)


def _ports(first: int, count: int) -> list[int]:
    if first == 0:
        return [0] * count
    ports = list(range(first, first + count))
    if not all(1024 <= p <= 65535 and p not in EMULATOR_PORTS for p in ports):
        raise UsageError("--port must leave room in 1024-65535 and avoid 5555-5585 (adb scans those as emulators).")
    return ports


def run_handset_sim(args: argparse.Namespace, stop: threading.Event | None = None) -> int:
    """Start the phones, print where each listens, serve until SIGINT/SIGTERM (or `stop` is set)."""
    try:
        profiles = [load_profile(folder) for folder in args.profile]
    except ProfileError as exc:
        raise UsageError(str(exc), next_step="Check the profile folder and its profile.toml.") from exc
    stop = stop or _stop_on_signals()
    with ExitStack() as running:
        for profile, port in zip(profiles, _ports(args.port, len(profiles)), strict=False):
            try:
                handset = running.enter_context(SimulatedHandset(profile, port=port))
            except OSError as exc:
                raise UsageError(f"Cannot listen on port {port}: {exc.strerror}.") from exc
            print(f"listening on {handset.address}", flush=True)
            print(
                f"  {profile.name}: {profile.device.brand} {profile.device.model} (auth {profile.auth})",
                file=sys.stderr,
                flush=True,
            )
        stop.wait()
    return 0


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    return stop
