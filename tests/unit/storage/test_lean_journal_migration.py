"""The lean journal migration (issue 13): the journal without its stored previous hashes and with its
times as milliseconds, the done outbox without what nothing reads.  The app reads back what it wrote,
`verify` proves what it proved, and tampering after the migration is still caught."""

from __future__ import annotations

import shutil

import pytest

from app.accounts import service
from app.storage import database, migrations
from app.storage.errors import JournalBroken
from app.storage.schema_lean_journal import LEAN_JOURNAL_SCHEMA
from app.storage.stored_time import shown_time
from app.sync.verification import verify_store
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, OUTLET, sample_ticket
from tests.unit.storage.writers_before_lean_journal import use_writers_before_lean_journal

ACK_DIGEST = "cd" * 32
#: A moment written with another offset: milliseconds would not give this text back, so it stays text.
SHANGHAI_AT = "2026-12-02T18:00:00.000+08:00"


@pytest.fixture
def store_from_before(vault, monkeypatch):
    """A store at the version before, written by the code of then: entries with their previous hash
    and ISO text times, done outbox rows with their entity and ISO text sent_at."""
    full = migrations.MIGRATIONS
    before = full.index(LEAN_JOURNAL_SCHEMA)
    monkeypatch.setattr(migrations, "MIGRATIONS", full[:before])
    monkeypatch.setattr(migrations, "LATEST_VERSION", before)
    with monkeypatch.context() as old_code:
        use_writers_before_lean_journal(old_code)
        session = service.initialise_store(vault, OUTLET, ADMIN, "Li Na", ADMIN_PASSWORD).session
        for i in range(3):
            open_ticket(session, sample_ticket(i))
        with session.store.transaction(session.actor) as work:
            work.at = SHANGHAI_AT
            work.record("note", "1", "create", {"text": "written at another offset"}, upstream=False)
        sent, kept = (op.op_id for op in session.store.pending_outbox()[:2])
        session.store.mark_outbox_sent([sent, kept], {sent: ACK_DIGEST})
        entries = session.store.journal_entries(limit=10_000)
        done = session.store.query("SELECT seq, op_id, entity_id, action, digest, sent_at FROM outbox_done")
        session.lock()
    monkeypatch.setattr(migrations, "MIGRATIONS", full)
    monkeypatch.setattr(migrations, "LATEST_VERSION", len(full))
    return entries, done


def _columns(session, table: str) -> list[str]:  # noqa: ANN001 - a signed-in session
    return [r[1] for r in session.store.query(f"PRAGMA table_info({table})")]


def test_the_journal_reads_back_as_it_was_written_without_its_stored_links(vault, store_from_before) -> None:
    entries, _ = store_from_before
    assert all(isinstance(e.prev_hash, str) and len(e.prev_hash) == 64 for e in entries)
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert "prev_hash" not in _columns(session, "audit_journal")
    assert session.store.journal_entries(limit=len(entries)) == entries, "every field, links and times included"
    for after in range(len(entries)):  # a page starting anywhere links to the entry before it
        assert session.store.journal_entries(after=after, limit=1) == [entries[after]]
    types = dict(session.store.query("SELECT at, typeof(at) FROM audit_journal WHERE seq <= ?", (len(entries),)))
    assert types.pop(SHANGHAI_AT) == "text", "a time milliseconds cannot give back stays as it was written"
    assert set(types.values()) == {"integer"}
    assert verify_store(session).ok
    for statement in ("UPDATE audit_journal SET actor = 'x'", "DELETE FROM audit_journal WHERE seq = 1"):
        with pytest.raises(database.IntegrityError, match="audit journal entries cannot be"):
            session.store.connection.execute(statement)
    session.lock()


def test_done_operations_keep_seq_id_digest_and_time_and_lose_their_entity(vault, store_from_before) -> None:
    _, done = store_from_before
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert _columns(session, "outbox_done") == ["seq", "op_id", "entity_id", "action", "digest", "sent_at"]
    after = session.store.query("SELECT seq, op_id, entity_id, action, digest, sent_at FROM outbox_done")
    assert {type(row[-1]) for row in after} == {int}
    assert [(*row[:-1], shown_time(row[-1])) for row in after] == done
    session.lock()


def _verify_after(vault, statements: list[str]) -> str:  # noqa: ANN001 - the vault fixture
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)  # migrates
    key, last = session.store.key, session.store.journal_head().seq
    assert verify_store(session).ok
    session.lock()
    conn = database.open_existing(vault.paths.database, key)
    conn.execute("DROP TRIGGER audit_journal_no_update")
    conn.execute("DROP TRIGGER audit_journal_no_delete")
    for statement in statements:
        conn.execute(statement.replace("{last}", str(last)))
    conn.close()
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD, check_anchor=False)
    report = verify_store(session)
    session.lock()
    assert not report.ok
    return " ".join(report.problems)


_SWAP = ["UPDATE audit_journal SET seq = -1 WHERE seq = 4", "UPDATE audit_journal SET seq = 4 WHERE seq = 5"]


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["UPDATE audit_journal SET at = at + 1 WHERE seq = 3"], "entry 3 was edited"),
        (["UPDATE audit_journal SET at = '2026-01-01T00:00:00.000+00:00' WHERE seq = 3"], "entry 3 was edited"),
        (["UPDATE audit_journal SET entity_id = zeroblob(16) WHERE seq = 3"], "entry 3 was edited"),
        (["DELETE FROM audit_journal WHERE seq = 4"], "entry 4 is missing"),
        ([*_SWAP, "UPDATE audit_journal SET seq = 5 WHERE seq = -1"], "entry 4 was edited, or does not follow entry 3"),
        (
            [  # entry 4 replaced by a copy of entry 6, its hash self-consistent with its own fields
                "DELETE FROM audit_journal WHERE seq = 4",
                "INSERT INTO audit_journal SELECT 4, at, actor, entity, entity_id, action, change_digest, hash"
                " FROM audit_journal WHERE seq = 6",
            ],
            "entry 4 was edited, or does not follow entry 3",
        ),
        (
            [
                "INSERT INTO audit_journal SELECT 0, at, actor, entity, entity_id, action, change_digest, hash"
                " FROM audit_journal WHERE seq = 1"
            ],
            "entry 1 does not follow entry 0",
        ),
        (["DELETE FROM audit_journal WHERE seq = {last}"], "ends at entry"),
    ],
    ids=["time-moved", "time-replaced", "id-edited", "deleted", "reordered", "replaced", "put-before", "truncated"],
)
def test_tampering_after_the_migration_is_caught(vault, store_from_before, statements, expected) -> None:
    assert expected in _verify_after(vault, statements)


def test_a_migrated_store_replaced_by_its_older_copy_is_caught(vault, store_from_before, tmp_path) -> None:
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)  # migrates
    session.lock()  # checkpoints and anchors
    shutil.copy(vault.paths.database, tmp_path / "old.db")
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    open_ticket(session, sample_ticket(9))
    session.lock()
    shutil.copy(tmp_path / "old.db", vault.paths.database)
    with pytest.raises(JournalBroken, match="older copy"):
        service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
