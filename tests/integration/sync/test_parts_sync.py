"""Spare-part stock, dispatch requests and transfers syncing from two real counter stores to the real
upstream over loopback HTTP, through the fault-injecting proxy of the upstream tests (connections
reset before and after the upstream applied a batch, answers held past the client's patience,
500s).  Whatever is resent, the upstream ends with each outlet's counts exactly as the counter has
them, each operation once, each transfer once, and answers which outlets hold a part.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

import pytest

from app.accounts import service as accounts
from app.accounts.session import Session
from app.errors import KnownError
from app.parts import dispatch, stock
from app.parts.stock import Move
from app.paths import DataPaths
from app.storage import parts_repository
from app.storage.vault import Vault
from app.sync import service as sync
from app.sync.relay import Backoff, SyncRelay
from app.sync.restriction_hold import RestrictionAwareOutbox
from app.sync.store_source import StoreOutbox
from app.sync.transport import UpstreamEndpoint
from app.upstream.enrolment import issue_enrol_code
from app.upstream.storage import parts_queries
from tests.fixtures_store import FAST_KDF
from tests.integration.cli.store_cli import make_store, run_cli
from tests.integration.upstream.upstream_fault_proxy import FaultPlan, FaultProxy
from tests.integration.upstream.upstream_harness import UpstreamServer
from tests.parts_maker import genuine_label

pytestmark = pytest.mark.integration
PART_ENTITIES = ("part_stock", "part_dispatch", "part_transfer")


@pytest.fixture
def upstream(tmp_path) -> Iterator[UpstreamServer]:
    server = UpstreamServer(f"sqlite:///{tmp_path / 'upstream.db'}")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def luohu(tmp_path) -> Iterator[Session]:
    """A second outlet of the region, with a store of its own."""
    vault = Vault(DataPaths(tmp_path / "luohu"), argon2=FAST_KDF)
    outlet = accounts.OutletInfo("SZ02", "Shenzhen Luohu Service Centre", "CN", "1 Jianshe Road, Luohu")
    first = accounts.initialise_store(vault, outlet, "E2001", "Wang Fang", "manager-pass-2")
    yield first.session
    first.session.store.close()


def push_through(proxy: FaultProxy, session: Session, outlet: str, rounds: int = 20) -> None:
    """Sync rounds through the proxy until nothing is pending (a round cut short is simply repeated)."""
    enrolment = sync.load_enrolment(session)
    source = RestrictionAwareOutbox(StoreOutbox(session.store), session.store)
    backoff = Backoff(base=0.01, cap=0.1, max_attempts=30, rng=random.Random(5))
    for _ in range(rounds):
        endpoint = UpstreamEndpoint(proxy.url, read_timeout=0.4)
        try:
            with SyncRelay(
                source,
                endpoint,
                outlet,
                enrolment.token,
                policy=sync.region_policy(session),
                batch_size=2,
                backoff=backoff,
            ) as relay:
                report = relay.sync_once(kinds=["price_list"])
        except KnownError:
            continue
        if not report.errors and report.pending == 0:
            return
    raise AssertionError(f"{outlet}: still pending after {rounds} rounds")


def journaled_part_changes(session: Session) -> int:
    return sum(1 for e in session.store.journal_entries(limit=100_000) if e.entity in PART_ENTITIES)


def upstream_levels(upstream: UpstreamServer, outlet: str) -> dict[str, tuple[int, int]]:
    levels = {}
    for record in upstream.store.records(outlet):
        if record.entity == "part_stock":
            payload = json.loads(record.payload_json)
            assert payload["part_id"] not in levels, "one record per part and outlet"
            levels[payload["part_id"]] = (payload["on_hand"], payload["reserved"])
    return levels


def local_levels(session: Session) -> dict[str, tuple[int, int]]:
    return {level.part_id: (level.on_hand, level.reserved) for level in parts_repository.stock_levels(session.store)}


def test_stock_and_transfers_survive_the_breaking_proxy_with_no_part_counted_twice(manager, luohu, upstream) -> None:
    for session, outlet in ((manager, "SZ01"), (luohu, "SZ02")):
        sync.enroll(session, upstream.url, issue_enrol_code(upstream.store, outlet))
    for n in range(4):
        stock.receive_label(manager, genuine_label("SCR-X1", f"X1S000010{n}"))
    stock.make_move(manager, Move("SCR-X1", "reserve", 2, "two tickets"))
    stock.make_move(manager, Move("SCR-X1", "consume", 1, "ticket repaired"))
    stock.make_move(manager, Move("BAT-X1", "receive", 3, "delivery 88"))
    dispatch.request_dispatch(luohu, "SCR-X1")
    dispatch.transfer_out(manager, "SCR-X1", 1, "SZ02", "Luohu asked")
    dispatch.receive_transfer(luohu, genuine_label("SCR-X1", "X1S0000103"))

    plan = FaultPlan(
        rates={"reset_before": 0.1, "reset_after": 0.25, "timeout": 0.05, "http500": 0.15}, hold_seconds=0.6, seed=18
    )
    with FaultProxy(upstream.url, plan) as proxy:
        push_through(proxy, manager, "SZ01")
        push_through(proxy, luohu, "SZ02")
    print("faults injected:", dict(proxy.counts))
    assert proxy.counts["reset_after"] >= 1 and proxy.counts["http500"] >= 1, proxy.counts

    assert upstream_levels(upstream, "SZ01") == local_levels(manager) == {"SCR-X1": (2, 1), "BAT-X1": (3, 0)}
    assert upstream_levels(upstream, "SZ02") == local_levels(luohu) == {"SCR-X1": (1, 0)}
    for session, outlet in ((manager, "SZ01"), (luohu, "SZ02")):
        assert upstream.store.outlet_counts(outlet).operations == journaled_part_changes(session), (
            "each stock change reaches the upstream exactly once"
        )
    assert parts_queries.transfers(upstream.store) == [("SZ01", "SZ02", "SCR-X1", 1)]
    (request,) = [r for r in upstream.store.records("SZ02") if r.entity == "part_dispatch"]
    assert json.loads(request.payload_json)["state"] == "received"

    holders = sync.part_holders(luohu, "SCR-X1")
    assert [(h.outlet, h.on_hand, h.available) for h in holders.holders] == [("SZ01", 2, 1), ("SZ02", 1, 1)]
    assert sync.part_holders(luohu, "CAM-X2P").holders == []


def test_nothing_but_counts_and_outlet_codes_of_a_stock_move_leaves(manager, upstream) -> None:
    sync.enroll(manager, upstream.url, issue_enrol_code(upstream.store, "SZ01"))
    stock.receive_label(manager, genuine_label("SCR-X1", "X1S0000555"), "delivery from Li Lei 13812345678")
    stock.make_move(manager, Move("SCR-X1", "reserve", 1, "ticket of Zhang Wei"))
    assert sync.sync_once(manager).errors == []
    sent = " ".join(r.payload_json for r in upstream.store.records("SZ01"))
    for private in ("Li Lei", "13812345678", "Zhang Wei", "X1S0000555", "E1001"):
        assert private not in sent
    (record,) = [r for r in upstream.store.records("SZ01") if r.entity == "part_stock"]
    assert set(json.loads(record.payload_json)) == {
        "part_id",
        "on_hand",
        "reserved",
        "available",
        "minimum",
        "move",
        "local_action",
    }


def test_the_command_line_asks_which_outlets_hold_a_part(tmp_path, upstream) -> None:
    data = make_store(tmp_path / "cli", tickets=0)
    enrolled = run_cli(data, "enroll", "--upstream", upstream.url, "--code", issue_enrol_code(upstream.store, "SZ01"))
    assert enrolled.returncode == 0, enrolled.stderr
    assert run_cli(data, "parts", "receive", "BAT-X2P", "--quantity", "4", "--reason", "delivery").returncode == 0
    assert run_cli(data, "parts", "reserve", "BAT-X2P", "--reason", "ticket").returncode == 0
    assert run_cli(data, "sync", "--once").returncode == 0
    holders = run_cli(data, "parts", "holders", "bat-x2p", "--json")
    assert holders.returncode == 0, holders.stderr
    assert json.loads(holders.stdout) == [{"outlet": "SZ01", "on_hand": 4, "available": 3}]
    unknown = run_cli(data, "parts", "holders", "NOPE-9")
    assert unknown.returncode == 103 and "code: unknown_part" in unknown.stderr
