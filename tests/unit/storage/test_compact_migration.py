"""Migration 19 (issue 13) turns a store's hex digests, UUID ids and JSON text into bytes: the app
reads back what it wrote, `verify` proves what it proved (nothing resealed), and tampering with
the packed forms is still caught."""

from __future__ import annotations

import json

import pytest
import sqlcipher3

from app.accounts import service
from app.storage import digest_bytes, packed_json, row_seals
from app.sync.verification import verify_store
from app.tickets.moves import load
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.old_stores import old_store, plain, problems_after_tampering

ACK_DIGEST = "cd" * 32


@pytest.fixture
def store_from_before(tmp_path):
    """A store at migration 18 written by the release of then (tests/old_stores/make_old_stores.py): hex
    text digests, UUID text ids, plain JSON text; one ticket moved once, one operation acknowledged."""
    vault, expected = old_store("v18", tmp_path)
    return vault, expected["written"], expected["entries"], expected["acknowledged"]


def _types(session, sql: str) -> set[str]:  # noqa: ANN001 - a signed-in session
    return {r[0] for r in session.store.query(sql)}


def test_the_migration_turns_text_into_bytes_and_the_app_reads_what_it_wrote(store_from_before) -> None:
    vault, written, entries, acknowledged = store_from_before
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert _types(session, "SELECT DISTINCT typeof(hash) || length(hash) FROM audit_journal") == {"blob32"}
    assert _types(session, "SELECT DISTINCT typeof(digest) FROM row_seal") == {"blob"}
    assert _types(session, "SELECT DISTINCT typeof(entity_id) || length(entity_id) FROM row_seal") == {"blob16"}
    columns = ", ".join(f"typeof({c})" for c in ("intake_json", "agreement_json", "warranty_json"))
    assert session.store.query(f"SELECT {columns} FROM ticket") == [("blob", "blob", "blob")]
    assert plain(load(session, written["row"]["number"])) == written, "the ticket reads back as it was written"
    assert [plain(e) for e in session.store.journal_entries(limit=len(entries))] == entries, "read back in hex"
    ((op_id, digest),) = session.store.query("SELECT op_id, digest FROM outbox_done")
    assert (digest_bytes.shown_id(op_id), digest_bytes.shown(digest)) == (acknowledged, ACK_DIGEST)
    assert (len(op_id), len(digest)) == (16, 32)
    indexes = _types(session, "SELECT name FROM sqlite_master WHERE tbl_name IN ('ticket_event', 'outbox_done')")
    assert indexes == {"ticket_event", "outbox_done"}, "no index beside the two tables"
    session.lock()


def test_verify_still_passes_and_nothing_is_resealed(store_from_before) -> None:
    vault, _, entries, _ = store_from_before
    seals = sum(1 for e in entries if ":" in e["change_digest"])
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    report = verify_store(session)
    assert report.ok, report.problems
    after = session.store.journal_entries(limit=10_000)
    assert len(after) == len(entries) + 1 and after[-1].change_digest.count(":") == 0, "one empty seal_all"
    assert sum(1 for e in after if ":" in e.change_digest) == seals
    session.lock()


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["UPDATE ticket SET agreement_json = ?packed_signer"], "changed outside the journal"),
        (["UPDATE ticket SET intake_json = x'01ff'"], "changed outside the journal"),
        (["UPDATE audit_journal SET change_digest = zeroblob(32) WHERE seq = 3"], "entry 3 was edited"),
        (["UPDATE audit_journal SET hash = zeroblob(32) WHERE seq = 4"], "entry 4 was edited"),
    ],
    ids=["packed-json-replaced", "packed-json-damaged", "digest-bytes-edited", "hash-bytes-edited"],
)
def test_tampering_with_the_packed_forms_is_caught(store_from_before, statements, expected) -> None:
    vault, written, *_ = store_from_before
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    key = session.store.key
    session.lock()
    forged = packed_json.pack(_agreement_text(written, "Someone Else"))  # well formed, another signer
    assert forged is not None
    sql = [s.replace("?packed_signer", f"x'{forged.hex()}'") for s in statements]
    problems = " ".join(problems_after_tampering(vault, key, ["DROP TRIGGER audit_journal_no_update", *sql]))
    assert expected in problems


def _agreement_text(detail: dict, signer: str) -> str:
    return json.dumps({**detail["agreement"], "signed_by": signer}, sort_keys=True, separators=(",", ":"))


def test_values_that_do_not_fit_the_byte_forms_stay_text() -> None:
    digest = "ab" * 32
    assert digest_bytes.shown(digest_bytes.stored(f"{digest}:{digest}")) == f"{digest}:{digest}"
    for kept in ("deleted", digest.upper(), "abc", f"{digest}:", "SZ01-20261123-0001"):
        assert digest_bytes.stored(kept) == kept and digest_bytes.stored_id(kept) == kept
    assert digest_bytes.stored_id("42") == "42"
    assert digest_bytes.stored_id("0F8FAD5B-D9CB-469F-A165-70867728950E") == "0F8FAD5B-D9CB-469F-A165-70867728950E"
    assert packed_json.unpack('{"plain":"text"}') == '{"plain":"text"}'
    with pytest.raises(ValueError, match="not a packed JSON value"):
        packed_json.unpack(b"\x02abc")


@pytest.mark.parametrize(
    ("stored", "covers"),
    [(b":" * 32, False), (b"\x00" * 64, True), ("ab" * 32, False), ("ab" * 32 + ":" + "cd" * 32, True)],
    ids=["one-digest-with-colon-bytes", "two-digests", "one-hex", "two-hex"],
)
def test_a_journal_covers_seals_only_where_a_digest_is_two(stored, covers) -> None:
    """One digest's bytes may hold 0x3a (":" read as text): that is no sign of seals, or a store without
    a ticket would read as one whose seals were removed."""
    conn = sqlcipher3.connect(":memory:")  # the SQL alone, on the store's own SQLite (the stdlib's LIKE differs)
    conn.execute("CREATE TABLE audit_journal (change_digest BLOB NOT NULL)")
    conn.execute("INSERT INTO audit_journal VALUES (?)", (stored,))
    assert row_seals.journal_covers_seals(conn) is covers


def test_a_packed_value_that_would_inflate_past_any_record_is_refused() -> None:
    record = '{"condition_notes":"' + "x" * 100 + '"}'
    assert packed_json.unpack(packed_json.pack(record)) == record
    bomb = packed_json.pack('{"condition_notes":"' + "x" * (packed_json.MAX_UNPACKED_BYTES + 1) + '"}')
    assert bomb is not None and len(bomb) < 2048  # a little stored, a lot inflated
    with pytest.raises(ValueError, match="inflates past"):
        packed_json.unpack(bomb)
