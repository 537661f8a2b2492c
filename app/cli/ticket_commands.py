"""Ticket commands (`seed` for demo data and benchmarks; the full set comes with the tickets service)."""

from __future__ import annotations

import argparse

from app.cli.store_commands import _common, open_session
from app.tickets.intake import open_ticket
from app.tickets.synthetic import synthetic_tickets


def register(subparsers: argparse._SubParsersAction) -> None:
    seed = subparsers.add_parser("seed", help="fill the store with realistic synthetic tickets")
    _common(seed)
    seed.add_argument("--tickets", type=int, required=True, metavar="N")
    seed.add_argument("--seed", type=int, default=7)
    seed.set_defaults(func=run_seed)


def run_seed(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        for new in synthetic_tickets(args.tickets, args.seed):
            open_ticket(session, new)
    finally:
        session.lock()
    print(f"added {args.tickets} tickets")
    return 0
