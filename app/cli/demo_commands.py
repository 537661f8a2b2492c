"""`repair-counter demo`: a throwaway store, simulated phones, and the GUI."""

from __future__ import annotations

import argparse

from app.demo import make_demo_store


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="open the app on throwaway demo data and simulated phones")
    demo.add_argument("--data-dir", default=None, help="where to put the demo data (default: a new temporary folder)")
    demo.set_defaults(func=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    demo = make_demo_store(args.data_dir)
    print(demo.login_hint, flush=True)
    from app.ui.application import run_gui  # Qt only when a window is wanted

    return run_gui(demo.paths.root, login_hint=demo.login_hint)
