"""`repair-counter demo`: a throwaway store, simulated phones, and the GUI."""

from __future__ import annotations

import argparse

from app.demo import DEMO_MANAGER, make_demo_store
from app.device.adb_server import AdbServer, free_loopback_port
from app.device.demo_handsets import running_demo_handsets, shipped_profile_dirs


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = subparsers.add_parser("demo", help="open the app on throwaway demo data and simulated phones")
    demo.add_argument("--data-dir", default=None, help="where to put the demo data (default: a new temporary folder)")
    demo.set_defaults(func=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    demo = make_demo_store(args.data_dir)
    print(demo.login_hint, flush=True)
    from app.ui.application import run_gui  # Qt only when a window is wanted

    # Our own adb server on its own port and HOME: the demo never touches a real adb set-up.
    adb_home = demo.paths.root / "adb-home"
    adb_home.mkdir(exist_ok=True)
    with AdbServer(port=free_loopback_port(), home=adb_home) as adb:
        with running_demo_handsets(shipped_profile_dirs(), adb.client()) as phones:
            for serial, profile in phones:
                print(f"simulated phone {profile} on {serial}", flush=True)
            return run_gui(demo.paths.root, login_hint=demo.login_hint, login_account=DEMO_MANAGER, adb=adb)
