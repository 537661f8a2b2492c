"""The upstream's endpoints over real loopback HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx
import pytest

from app.core.sharing_rules import parse_sharing_rules
from app.sync.anchors import verify_receipt
from app.sync.policy import SharingPolicy, imei_hash
from app.sync.protocol import AnchorReceipt, AnchorRequest, SigningKeyInfo
from app.sync.relay import AnchorRefusedError, SyncRelay, enrol
from app.sync.transport import EnrolmentRefused, UpstreamAuthRefused, UpstreamEndpoint
from app.upstream.enrolment import issue_enrol_code, secret_hash
from app.upstream.publishing import publish_reference
from tests.integration.upstream.upstream_harness import OUTLET, TRANSPORT_POLICY, UpstreamServer, enrol_outlet
from tests.integration.upstream.upstream_sqlite_outbox import SqliteOutbox

pytestmark = pytest.mark.integration
HEAD_A, HEAD_B, HEAD_C = "a" * 64, "b" * 64, "c" * 64


def relay_for(server: UpstreamServer, outbox: SqliteOutbox, token: str, **kwargs: object) -> SyncRelay:
    kwargs.setdefault("policy", TRANSPORT_POLICY)
    return SyncRelay(outbox, UpstreamEndpoint(server.url), OUTLET, token, **kwargs)  # type: ignore[arg-type]


def new_id() -> str:
    return str(uuid.uuid4())


def test_an_enrolment_code_works_once_and_only_for_its_outlet(upstream: UpstreamServer) -> None:
    code = issue_enrol_code(upstream.store, OUTLET)
    with pytest.raises(EnrolmentRefused):
        enrol(UpstreamEndpoint(upstream.url), "GZ02", code)
    enrolment, key = enrol(UpstreamEndpoint(upstream.url), OUTLET, code)
    assert upstream.store.outlet_for_token(secret_hash(enrolment.token)) == OUTLET
    assert upstream.store.outlet_for_token(enrolment.token) is None, "the token itself is not what is stored"
    assert len(key.public_key_bytes()) == 32
    with pytest.raises(EnrolmentRefused):
        enrol(UpstreamEndpoint(upstream.url), OUTLET, code)


def test_one_outlets_token_is_refused_for_another_outlets_data(upstream: UpstreamServer, token: str) -> None:
    other_token = enrol_outlet(upstream, "GZ02")
    with httpx.Client(base_url=upstream.url) as client:
        mine = {"authorization": f"Bearer {token}"}
        for method, path in [
            ("GET", "summary"),
            ("GET", "reference/price_list"),
            ("GET", "anchors/latest"),
            ("POST", "push"),
            ("POST", "anchors"),
        ]:
            response = client.request(method, f"/v1/outlets/GZ02/{path}", headers=mine, json={})
            assert response.status_code == 403, path
            assert response.json()["code"] == "wrong_outlet"
        assert client.get(f"/v1/outlets/{OUTLET}/summary").status_code == 401
        assert client.get(f"/v1/outlets/{OUTLET}/summary", headers={"authorization": "Bearer nope"}).status_code == 401
        ok = client.get("/v1/outlets/GZ02/summary", headers={"authorization": f"Bearer {other_token}"})
        assert ok.status_code == 200 and ok.json()["outlet"] == "GZ02"


def test_relay_with_another_outlets_token_stops_with_a_known_error(
    upstream: UpstreamServer, outbox: SqliteOutbox
) -> None:
    other_token = enrol_outlet(upstream, "GZ02")
    outbox.add("ticket", new_id(), "upsert", {"status": "open"})
    with relay_for(upstream, outbox, other_token) as relay:
        with pytest.raises(UpstreamAuthRefused):
            relay.push_pending()
        report = relay.sync_once(kinds=["price_list"])
    assert report.pending == 1 and report.pushed == 0 and len(report.errors) == 2
    assert upstream.store.outlet_counts("GZ02").operations == 0


def test_summary_counts_live_and_removed_records_per_entity(
    upstream: UpstreamServer, token: str, outbox: SqliteOutbox
) -> None:
    tickets = [new_id() for _ in range(3)]
    for ticket in tickets:
        outbox.add("ticket", ticket, "upsert", {"status": "open"})
    outbox.add("device", new_id(), "upsert", {"model": "X1"})
    outbox.add("ticket", tickets[0], "delete", {})
    with relay_for(upstream, outbox, token) as relay:
        assert relay.sync_once(kinds=[]).as_json() == {"pushed": 5, "pulled": 0, "pending": 0, "errors": []}
    summary = httpx.get(f"{upstream.url}/v1/outlets/{OUTLET}/summary", headers={"authorization": f"Bearer {token}"})
    assert summary.json() == {
        "outlet": OUTLET,
        "records": {"ticket": 2, "device": 1},
        "removed": {"ticket": 1},
        "operations": 5,
        "last_anchor_seq": None,
    }


def test_an_erasure_scrubs_earlier_and_late_arriving_payloads(
    upstream: UpstreamServer, token: str, outbox: SqliteOutbox
) -> None:
    customer = new_id()
    outbox.add("customer", customer, "upsert", {"service_type": "send_in", "name": "Li Lei", "phone": "13800000000"})
    late = outbox.pending(1)[0]  # this first upsert will also arrive again, after the erasure
    outbox.add("customer", customer, "rectify", {"service_type": "send_in", "name": "Li Lei", "phone": "13900000000"})
    outbox.add("customer", customer, "erase", {"request_id": "R-7", "name": "Li Lei"})
    with relay_for(upstream, outbox, token) as relay:
        relay.push_pending()
    outbox.conn.execute("UPDATE outbox SET sent = 0, op_id = ? WHERE op_id = ?", (new_id(), late.op_id))
    with relay_for(upstream, outbox, token) as relay:
        relay.push_pending()
    stored = upstream.store.operation_payloads(OUTLET, "customer", customer)
    assert len(stored) == 4
    assert not any("13800000000" in p or "13900000000" in p or "Li Lei" in p for p in stored)
    (record,) = upstream.store.records(OUTLET)
    assert (record.action, record.payload_json) == ("erase", "{}")


def test_an_op_id_reused_with_other_content_is_reported_as_a_conflict(
    upstream: UpstreamServer, token: str, outbox: SqliteOutbox
) -> None:
    op_id = outbox.add("ticket", new_id(), "upsert", {"status": "open"})
    with relay_for(upstream, outbox, token) as relay:
        relay.push_pending()
    outbox.conn.execute("UPDATE outbox SET sent = 0, payload = ? WHERE op_id = ?", (json.dumps({"status": "x"}), op_id))
    with relay_for(upstream, outbox, token) as relay:
        report = relay.sync_once(kinds=[])
    assert report.errors == [f"operation {op_id} conflicts with one the upstream already holds"]
    assert json.loads(upstream.store.records(OUTLET)[0].payload_json) == {"status": "open"}


def test_policy_decides_what_reaches_the_upstream(upstream: UpstreamServer, token: str, outbox: SqliteOutbox) -> None:
    walk_in, send_in, device = new_id(), new_id(), new_id()
    outbox.add("customer", walk_in, "upsert", {"service_type": "walk_in", "name": "Han Meimei", "phone": "1"})
    outbox.add("customer", send_in, "upsert", {"service_type": "send_in", "name": "Li Lei", "phone": "2", "email": "x"})
    outbox.add("device", device, "upsert", {"imei": "356938035643809", "model": "X1"})
    outbox.add("payment", new_id(), "upsert", {"amount": 199})
    rules = parse_sharing_rules(
        {
            "format": 1,
            "version": "t",
            "default_region": "EU",
            "regions": {
                "EU": {
                    "entities": {
                        "customer": {"upsert": {"send_in": {"fields": ["service_type", "phone", "name"]}}},
                        "device": {"upsert": {"*": {"fields": ["imei", "model"]}}},
                    }
                }
            },
        }
    )
    policy = SharingPolicy(region="EU", rules=rules.regions["EU"], deidentify=True, imei_key=b"k" * 32)
    with relay_for(upstream, outbox, token, policy=policy) as relay:
        report = relay.sync_once(kinds=[])
    assert (report.pushed, report.withheld, report.pending) == (2, 2, 0)
    records = {r.entity_id: json.loads(r.payload_json) for r in upstream.store.records(OUTLET)}
    assert records == {
        send_in: {"service_type": "send_in", "phone": "2"},
        device: {"imei": imei_hash("356938035643809", b"k" * 32), "model": "X1"},
    }


def test_anchors_go_up_with_signed_receipts_and_never_back(
    upstream: UpstreamServer, token: str, outbox: SqliteOutbox
) -> None:
    key = SigningKeyInfo.model_validate_json(httpx.get(f"{upstream.url}/v1/signing-key").content)
    with relay_for(upstream, outbox, token) as relay:
        assert relay.latest_anchor() is None
        first = relay.anchor(AnchorRequest(seq=10, head=HEAD_A))
        assert verify_receipt(first, key.public_key_bytes())
        assert relay.anchor(AnchorRequest(seq=10, head=HEAD_A)) == first, "a repeat gets the same receipt"
        second = relay.anchor(AnchorRequest(seq=20, head=HEAD_B, prev_seq=10, prev_head=HEAD_A))
        assert verify_receipt(second, key.public_key_bytes())
        refused = {
            "backwards": AnchorRequest(seq=15, head=HEAD_C, prev_seq=10, prev_head=HEAD_A),
            "fork at the same seq": AnchorRequest(seq=20, head=HEAD_C, prev_seq=10, prev_head=HEAD_A),
            "grown from an older copy": AnchorRequest(seq=30, head=HEAD_C, prev_seq=10, prev_head=HEAD_A),
            "no previous receipt named": AnchorRequest(seq=30, head=HEAD_C),
        }
        for why, request in refused.items():
            with pytest.raises(AnchorRefusedError):
                relay.anchor(request)
                pytest.fail(why)
        assert relay.latest_anchor() == second
    forged = second.model_copy(update={"seq": 21})
    assert not verify_receipt(AnchorReceipt.model_validate(forged.model_dump()), key.public_key_bytes())


def test_pull_stores_new_reference_data_with_its_cursor(
    upstream: UpstreamServer, token: str, outbox: SqliteOutbox
) -> None:
    publish_reference(
        upstream.store,
        {
            "price_list": [{"key": "BAT-X1", "price": 199}, {"key": "LCD-X1", "price": 899}],
            "diagtool": [{"key": "min_version", "version": "3.2.0", "sha256": "0" * 64}],
        },
    )
    with relay_for(upstream, outbox, token) as relay:
        assert relay.pull_reference() == 3
        cursor = outbox.reference_cursor("price_list")
        assert relay.pull_reference() == 0, "nothing new after the cursor"
        publish_reference(upstream.store, {"price_list": [{"key": "BAT-X1", "price": 179}]})
        assert relay.pull_reference(["price_list"]) == 1
    assert int(outbox.reference_cursor("price_list") or 0) > int(cursor or 0)
    assert outbox.reference_items("price_list") == {
        "BAT-X1": {"key": "BAT-X1", "price": 179},
        "LCD-X1": {"key": "LCD-X1", "price": 899},
    }
    assert outbox.reference_items("diagtool")["min_version"]["version"] == "3.2.0"
    assert outbox.reference_cursor("retention") is None


def test_bounds_on_requests(upstream: UpstreamServer, token: str) -> None:
    headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}
    with httpx.Client(base_url=upstream.url, headers=headers, timeout=30) as client:
        huge = client.post(f"/v1/outlets/{OUTLET}/push", content=b"[" + b" " * (17 * 1024 * 1024) + b"]")
        assert huge.status_code == 413
        op = {
            "op_id": new_id(),
            "seq": 1,
            "entity": "ticket",
            "entity_id": new_id(),
            "action": "upsert",
            "payload": {},
            "created_at": "2026-11-23T10:00:00Z",
        }
        too_many = client.post(f"/v1/outlets/{OUTLET}/push", json={"operations": [op] * 1001})
        assert too_many.status_code == 422
        bad_action = client.post(f"/v1/outlets/{OUTLET}/push", json={"operations": [{**op, "action": "drop"}]})
        assert bad_action.status_code == 422
        assert client.get(f"/v1/outlets/{OUTLET}/reference/passwords").status_code == 422
        assert client.get(f"/v1/outlets/{OUTLET}/reference/price_list", params={"after": "-1"}).status_code == 422
    assert upstream.store.outlet_counts(OUTLET).operations == 0


def test_openapi_document_is_published(upstream: UpstreamServer) -> None:
    document = httpx.get(f"{upstream.url}/openapi.json").json()
    assert {
        "/v1/enrol",
        "/v1/outlets/{outlet}/push",
        "/v1/outlets/{outlet}/reference/{kind}",
        "/v1/outlets/{outlet}/anchors",
        "/v1/outlets/{outlet}/summary",
    } <= set(document["paths"])
    push_schema = document["components"]["schemas"]["Operation"]
    assert {"op_id", "seq", "entity", "entity_id", "action", "payload", "created_at"} <= set(push_schema["required"])


def test_token_is_not_stored_in_the_database_file(tmp_path: Path) -> None:
    server = UpstreamServer(f"sqlite:///{tmp_path / 'up.db'}")
    server.start()
    try:
        token = enrol_outlet(server)
    finally:
        server.stop()
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("up.db"))
    assert token.encode() not in stored
    assert secret_hash(token).encode() in stored


def test_expired_codes_are_refused_and_re_enrolment_replaces_the_old_token(upstream: UpstreamServer) -> None:
    from datetime import timedelta

    expired = issue_enrol_code(upstream.store, OUTLET, timedelta(seconds=-1))
    with pytest.raises(EnrolmentRefused):
        enrol(UpstreamEndpoint(upstream.url), OUTLET, expired)
    old_token = enrol_outlet(upstream)
    new_token = enrol_outlet(upstream)
    with httpx.Client(base_url=upstream.url) as client:
        assert (
            client.get(f"/v1/outlets/{OUTLET}/summary", headers={"authorization": f"Bearer {old_token}"}).status_code
            == 401
        )
        assert (
            client.get(f"/v1/outlets/{OUTLET}/summary", headers={"authorization": f"Bearer {new_token}"}).status_code
            == 200
        )


def test_an_item_outside_the_protocol_stops_the_queue_after_everything_before_it(
    upstream: UpstreamServer, token: str, outbox: SqliteOutbox
) -> None:
    outbox.add_many([("ticket", new_id(), "upsert", {"n": n}) for n in range(30)])
    outbox.conn.execute("UPDATE outbox SET entity_id = 'not-a-uuid' WHERE seq = 21")
    with relay_for(upstream, outbox, token, batch_size=10) as relay:
        report = relay.sync_once(kinds=[])
    assert report.pushed == 20 and report.pending == 10
    assert len(report.errors) == 1 and "does not fit the sync protocol" in report.errors[0]
    assert upstream.store.outlet_counts(OUTLET).operations == 20


def test_a_locked_database_is_unavailable_not_a_crash(tmp_path: Path) -> None:
    import sqlite3

    from app.upstream.storage import SqliteUpstreamStore, UpstreamDatabaseUnavailable

    store = SqliteUpstreamStore(tmp_path / "up.db", busy_timeout=0.1)
    store.create_schema()
    blocker = sqlite3.connect(tmp_path / "up.db", isolation_level=None)
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        with pytest.raises(UpstreamDatabaseUnavailable) as caught:
            store.add_enrol_code(OUTLET, "h", "2026-01-01", "2027-01-01")
        assert caught.value.exit_code == 71
        blocker.execute("ROLLBACK")
        store.add_enrol_code(OUTLET, "h", "2026-01-01", "2027-01-01")  # the same store works again
    finally:
        blocker.close()
        store.close()
