"""`hub ...`: the outlet hub (issue 22), its operator's commands and a counter's.

On the hub's machine (`--data-dir` is the hub's folder; the hub's database is encrypted with a
key from the passphrase in $REPAIR_COUNTER_HUB_PASSPHRASE, at least 12 characters):

    repair-counter hub serve --data-dir HUB --outlet SZ01 --region CN [--host 0.0.0.0 --port 8471]
    repair-counter hub add-counter --data-dir HUB --counter B      (one-time code + fingerprint)
    repair-counter hub region --data-dir HUB --upstream URL --outlet SZ01 --code CODE
    repair-counter hub forward --data-dir HUB --region CN           (one round to the region)

On a counter (`--data-dir` is the counter's store, signed in as usual):

    repair-counter hub join --hub https://HOST:PORT --counter B --code CODE --fingerprint HEX
    repair-counter hub sync --once [--json]
    repair-counter hub conflicts [--all] [--json]
    repair-counter hub settle CONFLICT_ID --keep kept|other [--json]
    repair-counter hub status [--json]
    repair-counter hub find [--timeout S]       (hubs that answer on the LAN, by mDNS)

Finding a hub gives its address only: joining still takes the one-time code and the
fingerprint read from the hub's screen, and the certificate is compared with it as ever.
"""

from __future__ import annotations

import argparse
import json
import os
from contextlib import ExitStack
from pathlib import Path

from app.accounts.session import Session
from app.cli import add_data_dir_argument
from app.cli.store_commands import _common, in_session
from app.errors import UsageError
from app.hub import forwarder
from app.hub.certificate import grouped
from app.hub.server import HubServer, hub_key, issue_join_code, open_hub_store
from app.sync import hub_client, hub_settle
from app.sync.policy import policy_for_region

PASSPHRASE_ENV = "REPAIR_COUNTER_HUB_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    hub = subparsers.add_parser("hub", help="the outlet hub: serve it, join it, sync through it")
    actions = hub.add_subparsers(dest="hub_action", required=True)

    serve = actions.add_parser("serve", help="run the outlet hub (TLS, its own certificate)")
    add_data_dir_argument(serve)
    serve.add_argument("--outlet", required=True, help="the outlet's code, e.g. SZ01")
    serve.add_argument("--region", required=True, help="the region whose sharing policy applies upward, e.g. CN")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on (default: every address)")
    serve.add_argument("--port", type=int, default=8471, help="port (default 8471)")
    serve.add_argument("--forward-every", type=float, default=30.0, help="seconds between rounds to the region")
    serve.add_argument("--no-mdns", action="store_true", help="do not announce the hub on the LAN (mDNS)")
    serve.set_defaults(func=run_serve)

    add = actions.add_parser("add-counter", help="print a one-time code and the certificate fingerprint")
    add_data_dir_argument(add)
    add.add_argument("--counter", required=True, help="the counter's code: A, B, K2 ...")
    add.set_defaults(func=run_add_counter)

    region = actions.add_parser("region", help="enrol the hub with the region's upstream (once)")
    add_data_dir_argument(region)
    region.add_argument("--upstream", required=True, metavar="URL")
    region.add_argument("--outlet", required=True)
    region.add_argument("--code", required=True)
    region.set_defaults(func=run_region)

    forward = actions.add_parser("forward", help="send the region what it has not acknowledged (one round)")
    add_data_dir_argument(forward)
    forward.add_argument("--region", required=True)
    forward.set_defaults(func=run_forward)

    join = actions.add_parser("join", help="join this counter to the outlet hub (managers)")
    _common(join)
    join.add_argument("--hub", required=True, metavar="URL", help="https://HOST:PORT as the hub shows it")
    join.add_argument("--counter", required=True, help="this counter's code, as given on the hub")
    join.add_argument("--code", required=True, help="the one-time code shown on the hub")
    join.add_argument("--fingerprint", required=True, help="the certificate fingerprint shown on the hub")
    join.set_defaults(func=run_join)

    sync = actions.add_parser("sync", help="push this counter's changes to the hub and pull the others'")
    _common(sync)
    sync.add_argument("--once", action="store_true", required=True)
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(func=run_sync)

    conflicts = actions.add_parser("conflicts", help="list changes two counters made to one field offline")
    _common(conflicts)
    conflicts.add_argument("--all", action="store_true", help="settled ones too")
    conflicts.add_argument("--json", action="store_true")
    conflicts.set_defaults(func=run_conflicts)

    settle = actions.add_parser("settle", help="settle a conflict: keep one of its two values everywhere")
    _common(settle)
    settle.add_argument("conflict_id", type=int, metavar="CONFLICT_ID", help="the # that `hub conflicts` shows")
    settle.add_argument("--keep", required=True, choices=hub_settle.KEEP_CHOICES, help="which value stays")
    settle.add_argument("--json", action="store_true")
    settle.set_defaults(func=run_settle)

    find = actions.add_parser("find", help="list the outlet hubs that answer on the LAN (mDNS)")
    find.add_argument("--timeout", type=float, default=3.0, metavar="S", help="seconds to listen (default 3)")
    find.add_argument("--interface", action="append", metavar="ADDRESS", help="listen on this address only")
    find.add_argument("--json", action="store_true")
    find.set_defaults(func=run_find)

    status = actions.add_parser("status", help="the counters the hub knows, and what waits")
    _common(status)
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=run_status)


def _hub_folder(args: argparse.Namespace) -> Path:
    if not args.data_dir:
        raise UsageError("Which hub? Give its folder with --data-dir.")
    return Path(args.data_dir).expanduser().resolve()


def _hub_key(folder: Path) -> bytes:
    passphrase = os.environ.get(PASSPHRASE_ENV, "")
    if not passphrase:
        raise UsageError(f"The hub's database is encrypted: set {PASSPHRASE_ENV} to the hub's passphrase.")
    return hub_key(folder, passphrase)


def run_serve(args: argparse.Namespace) -> int:
    folder = _hub_folder(args)
    server = HubServer(folder, args.outlet.upper(), _hub_key(folder), host=args.host, port=args.port)
    print(f"outlet hub for {args.outlet.upper()} on https://{args.host}:{server.port}", flush=True)
    print(f"certificate fingerprint: {server.fingerprint}", flush=True)
    with ExitStack() as announcement:
        if not args.no_mdns:
            _announce(announcement, args, server)
        server.serve_forever(policy_for_region(args.region), args.forward_every)
    return 0


def _announce(stack: ExitStack, args: argparse.Namespace, server: HubServer) -> None:
    """Announce the hub by mDNS while it serves; a LAN without multicast only loses the
    announcement (counters type the address), never the hub."""
    from app.hub import discovery  # zeroconf only for the commands that use it

    try:
        stack.enter_context(discovery.announced(server.outlet, server.port, server.fingerprint, args.host))
    except OSError as exc:
        print(f"not announced on the LAN (mDNS): {exc}; counters type the address", flush=True)
        return
    print(f"announced on the LAN as {discovery.SERVICE_TYPE} (turn off with --no-mdns)", flush=True)


def run_find(args: argparse.Namespace) -> int:
    from app.hub import discovery

    if not 0 < args.timeout <= 60:
        raise UsageError("Listen for between 0 and 60 seconds: --timeout 3")
    hubs = discovery.find_hubs(args.timeout, args.interface)
    if args.json:
        print(json.dumps([hub.to_json() for hub in hubs], indent=2))
        return 0
    for hub in hubs:
        print(f"{hub.url}  outlet {hub.outlet}  certificate {hub.fingerprint_prefix}...")
    print(f"{len(hubs)} hub(s) found; to join, type the one-time code and the fingerprint shown on the hub")
    return 0


def run_add_counter(args: argparse.Namespace) -> int:
    folder = _hub_folder(args)
    code, fingerprint = issue_join_code(folder, _hub_key(folder), args.counter.strip().upper())
    print(f"one-time code for counter {args.counter.upper()}: {code}")
    print(f"certificate fingerprint: {fingerprint}")
    print(f"  (read aloud: {grouped(fingerprint)})")
    return 0


def run_region(args: argparse.Namespace) -> int:
    folder = _hub_folder(args)
    store = open_hub_store(folder, _hub_key(folder))
    try:
        forwarder.enrol_with_region(store, args.upstream, args.outlet.upper(), args.code)
    finally:
        store.close()
    print(f"the hub forwards outlet {args.outlet.upper()} to {args.upstream}")
    return 0


def run_forward(args: argparse.Namespace) -> int:
    folder = _hub_folder(args)
    store = open_hub_store(folder, _hub_key(folder))
    try:
        sent = forwarder.forward_once(store, policy_for_region(args.region))
        waiting = forwarder.HubOutbox(store).pending_count()
    finally:
        store.close()
    print(f"forwarded {sent}, waiting {waiting}")
    return 0


def run_join(args: argparse.Namespace) -> int:
    def join(session: Session) -> int:
        link = hub_client.join(session, args.hub, args.counter, args.code, args.fingerprint)
        print(f"counter {link.counter} joined the outlet hub at {link.url} (certificate {link.fingerprint[:16]}...)")
        return 0

    return in_session(args, join)


def run_sync(args: argparse.Namespace) -> int:
    def sync(session: Session) -> int:
        done = hub_client.hub_sync_once(session)
        if args.json:
            print(json.dumps(done.as_json()))
        else:
            print(
                f"pushed {done.pushed}, pulled {done.pulled}, applied {done.applied}, new conflicts {done.conflicts},"
                f" at hub position {done.position}, pending {done.pending}"
            )
        return 0

    return in_session(args, sync)


def run_conflicts(args: argparse.Namespace) -> int:
    def listing(session: Session) -> int:
        found = hub_client.conflicts(session, include_settled=args.all)
        if args.json:
            print(json.dumps([c.to_json() for c in found], indent=2, ensure_ascii=False))
            return 0
        for c in found:
            settled = f"; settled by counter {c.settled_by} at {c.settled_at}" if c.settled_at else ""
            print(
                f"#{c.id} {c.kind} {c.entity} {c.entity_id} {c.field}: kept {c.kept_value} ({c.kept_author},"
                f" {c.kept_at}); other {c.other_value} ({c.other_author}, {c.other_at}){settled}"
            )
        print(f"{sum(1 for c in found if not c.settled_at)} conflict(s) to settle")
        return 0

    return in_session(args, listing)


def run_settle(args: argparse.Namespace) -> int:
    def settling(session: Session) -> int:
        done = hub_settle.settle(session, args.conflict_id, args.keep)
        if args.json:
            print(json.dumps(done.to_json(), ensure_ascii=False))
        else:
            print(
                f"conflict #{done.conflict_id}: {done.entity} {done.entity_id} {done.field} keeps"
                f" {json.dumps(done.value, ensure_ascii=False)}; sent with the next hub sync"
            )
        return 0

    return in_session(args, settling)


def run_status(args: argparse.Namespace) -> int:
    def status(session: Session) -> int:
        found = hub_client.hub_status(session)
        if args.json:
            print(found.model_dump_json())
            return 0
        print(f"hub of {found.outlet}: position {found.position}, forwarded to the region {found.forwarded_position}")
        for c in found.counters:
            print(f"  counter {c.counter}: last call {c.last_seen_at}, applied up to {c.applied_position}")
        return 0

    return in_session(args, status)
