"""The outbox forgets: an acknowledged operation keeps its id, sequence and the upstream's digest, not its payload."""

from __future__ import annotations

import pytest

from app.storage.digest_bytes import shown, shown_id
from app.sync import service as sync
from app.tickets.intake import open_ticket
from app.upstream.enrolment import issue_enrol_code
from tests.fixtures_store import sample_ticket
from tests.integration.sync.test_counter_sync import upstream  # noqa: F401 - fixture

pytestmark = pytest.mark.integration
PHONE = "13922223333"


def upstream_digests(server) -> dict[str, str]:  # noqa: ANN001 - the harness's UpstreamServer
    conn = server.store._connection()
    return dict(conn.execute("SELECT op_id, digest FROM operations").fetchall())


def test_acknowledged_operations_keep_id_seq_and_digest_and_drop_the_payload(manager, upstream) -> None:  # noqa: F811
    for i in range(3):
        open_ticket(manager, sample_ticket(i, phone=PHONE, name="Forget Me"))
    sync.enroll(manager, upstream.url, issue_enrol_code(upstream.store, "SZ01"))
    before = manager.store.query("SELECT seq, op_id, payload FROM outbox ORDER BY seq")
    assert any(PHONE in payload for _, _, payload in before), "pending operations carry their payload"

    report = sync.sync_once(manager)
    assert report.errors == [] and report.pushed == 3

    assert manager.store.query("SELECT op_id FROM outbox") == [], "no acknowledged payload stays"
    done = [
        (seq, shown_id(op_id), shown(digest), sent_at)  # op id and digest are kept as bytes (issue 13)
        for seq, op_id, digest, sent_at in manager.store.query(
            "SELECT seq, op_id, digest, sent_at FROM outbox_done ORDER BY seq"
        )
    ]
    assert [(seq, op_id) for seq, op_id, *_ in done] == [(seq, op_id) for seq, op_id, _ in before]
    assert all(sent_at for *_, sent_at in done)
    held = upstream_digests(upstream)
    sent = {op_id: digest for _, op_id, digest, _ in done if digest is not None}
    assert len(sent) == 3 and sent == {op_id: held[op_id] for op_id in sent}, "the digest the upstream holds"
    kept_local = [op_id for _, op_id, digest, _ in done if digest is None]
    assert kept_local and not set(kept_local) & set(held), "what the policy kept here never had a digest upstream"
    assert PHONE not in repr(manager.store.query("SELECT * FROM outbox_done"))


def test_sequence_numbers_keep_growing_after_the_outbox_empties(manager, upstream) -> None:  # noqa: F811
    open_ticket(manager, sample_ticket(1))
    sync.enroll(manager, upstream.url, issue_enrol_code(upstream.store, "SZ01"))
    sync.sync_once(manager)
    (last_done,) = manager.store.query_one("SELECT max(seq) FROM outbox_done") or (0,)
    open_ticket(manager, sample_ticket(2))
    (waiting,) = manager.store.pending_outbox()
    assert waiting.seq == last_done + 1, "a new operation never reuses the seq of one already sent"
    report = sync.sync_once(manager)
    assert report.errors == [] and report.pushed == 1
