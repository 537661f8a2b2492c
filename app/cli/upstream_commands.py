"""Operator commands of the reference upstream: serve it, issue enrolment codes, publish data.

    repair-counter upstream --db URL --host 127.0.0.1 --port N [--signing-key PEM]
                            [--tls-cert PEM --tls-key PEM | --plain-http]
    repair-counter upstream-code --db URL --outlet CODE [--days N]
    repair-counter upstream-publish --db URL FILE [--kind KIND]

`--db` may also come from $REPAIR_COUNTER_UPSTREAM_DB.
"""

from __future__ import annotations

import argparse
import re
from datetime import timedelta
from pathlib import Path

from app.cli import env_or
from app.errors import UsageError
from app.sync.protocol import OUTLET_PATTERN, REFERENCE_KINDS

DB_VARIABLE = "REPAIR_COUNTER_UPSTREAM_DB"
DB_HELP = f"sqlite:///FILE or postgresql://USER@HOST:PORT/DB (default: ${DB_VARIABLE})"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = subparsers.add_parser("upstream", help="run the reference upstream service")
    serve.add_argument("--db", help=DB_HELP)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8470, help="port to listen on (default 8470)")
    serve.add_argument(
        "--signing-key",
        type=Path,
        help="Ed25519 PEM key for anchor receipts, created if absent (default: beside a sqlite database)",
    )
    serve.add_argument("--tls-cert", type=Path, help="PEM certificate chain: serve HTTPS")
    serve.add_argument("--tls-key", type=Path, help="PEM private key of --tls-cert")
    serve.add_argument(
        "--plain-http",
        action="store_true",
        help="allow plain HTTP on a non-loopback address (only behind a reverse proxy that terminates HTTPS)",
    )
    serve.set_defaults(func=run_upstream)

    code = subparsers.add_parser("upstream-code", help="print a one-time enrolment code for an outlet")
    code.add_argument("--db", help=DB_HELP)
    code.add_argument("--outlet", required=True, help="outlet code, e.g. SZ01")
    code.add_argument("--days", type=int, default=7, help="days the code stays valid (default 7)")
    code.set_defaults(func=run_upstream_code)

    publish = subparsers.add_parser("upstream-publish", help="publish reference data from a JSON or CSV file")
    publish.add_argument("--db", help=DB_HELP)
    publish.add_argument("file", type=Path, help="JSON {kind: [items]} or CSV with a 'key' column")
    publish.add_argument("--kind", choices=REFERENCE_KINDS, help="kind of a CSV file (default: its name)")
    publish.set_defaults(func=run_upstream_publish)


def _db_url(args: argparse.Namespace) -> str:
    url = env_or(args.db, DB_VARIABLE)
    if not url:
        raise UsageError("No upstream database given.", next_step=f"Pass --db URL or set ${DB_VARIABLE}.")
    return url


def default_signing_key_path(db_url: str) -> Path | None:
    """Beside an embedded database; a shared PostgreSQL has no natural place, so none."""
    if db_url.startswith("sqlite:///"):
        return Path(db_url[len("sqlite:///") :] + ".signing-key.pem")
    return None


def run_upstream(args: argparse.Namespace) -> int:
    import uvicorn  # only the serving command needs the server

    from app.upstream.service import create_app
    from app.upstream.signing_key import load_or_create_signing_key

    db_url = _db_url(args)
    key_path = args.signing_key or default_signing_key_path(db_url)
    if key_path is None:
        raise UsageError(
            "A PostgreSQL upstream needs --signing-key.",
            next_step="Give every worker the same key file: --signing-key /etc/repair-counter/upstream-key.pem",
        )
    cert, key = _tls_files(args)
    app = create_app(db_url, signing_key=load_or_create_signing_key(key_path))
    uvicorn.run(
        app, host=args.host, port=args.port, log_level="info", access_log=False, ssl_certfile=cert, ssl_keyfile=key
    )
    return 0


def _tls_files(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(certificate, key) for uvicorn, or (None, None) for plain HTTP.

    Plain HTTP off loopback only when the operator says a proxy terminates HTTPS in front,
    since the counters' tokens and records would travel in clear.
    """
    from app.sync.transport import is_loopback_host

    if (args.tls_cert is None) != (args.tls_key is None):
        raise UsageError("--tls-cert and --tls-key go together.")
    if args.tls_cert is not None:
        for path in (args.tls_cert, args.tls_key):
            if not path.is_file():
                raise UsageError(f"{path} is not a readable file.")
        return str(args.tls_cert), str(args.tls_key)
    if not is_loopback_host(args.host) and not args.plain_http:
        raise UsageError(
            f"Refusing plain HTTP on {args.host}: counters would send tokens and records in clear text.",
            next_step="Give --tls-cert and --tls-key, or --plain-http if a reverse proxy terminates HTTPS.",
        )
    return None, None


def run_upstream_code(args: argparse.Namespace) -> int:
    from app.upstream.enrolment import issue_enrol_code
    from app.upstream.storage import open_upstream_store

    if not re.fullmatch(OUTLET_PATTERN, args.outlet):
        raise UsageError(
            f"{args.outlet!r} is not an outlet code.", next_step="Use letters, digits, '-' or '_', e.g. SZ01."
        )
    if not 1 <= args.days <= 365:
        raise UsageError("--days must be between 1 and 365.")
    store = open_upstream_store(_db_url(args))
    try:
        print(issue_enrol_code(store, args.outlet, timedelta(days=args.days)))
    finally:
        store.close()
    return 0


def run_upstream_publish(args: argparse.Namespace) -> int:
    from app.upstream.publishing import publish_reference, read_reference_file
    from app.upstream.storage import open_upstream_store

    references = read_reference_file(args.file, args.kind)
    store = open_upstream_store(_db_url(args))
    try:
        cursors = publish_reference(store, references)
    finally:
        store.close()
    for kind, items in references.items():
        print(f"{kind}: {len(items)} items published (cursor {cursors[kind]})")
    return 0
