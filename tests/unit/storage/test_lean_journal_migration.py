"""The lean journal migration (issue 13) on a store the previous release left (tests/old_stores/v19):
the journal without its stored previous hashes and with its times as milliseconds, the done outbox
without what nothing reads.  The app reads back what was written, `verify` proves what it proved,
and tampering after the migration is still caught."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
import sqlcipher3

from app.accounts import service
from app.storage import database, journal
from app.storage.digest_bytes import shown, shown_id, stored
from app.storage.errors import JournalBroken
from app.storage.stored_time import shown_time
from app.storage.vault import Vault
from app.sync.verification import verify_store
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, sample_ticket
from tests.old_stores import old_store

#: A time written with another offset: milliseconds would not give this text back, so it stays text.
SHANGHAI_AT = "2026-12-02T18:00:00.000+08:00"
_OLD_ENTRY = "seq, at, actor, entity, entity_id, action, change_digest, prev_hash, hash"
_DONE = "seq, op_id, entity_id, action, digest, sent_at"


def _as_stored(vault: Vault, statements: list[str], params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run statements on the database file itself, without migrating it (the last one's rows)."""
    key = vault.database_key(vault.credentials_for_account(ADMIN, ADMIN_PASSWORD))
    conn = sqlcipher3.connect(str(vault.paths.database), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        rows: list[tuple[Any, ...]] = []
        for statement in statements:
            rows = conn.execute(statement, params).fetchall()
        return rows
    finally:
        conn.close()


def _append_as_then(vault: Vault, at: str) -> None:
    """One more entry as the release of then wrote it (its previous hash stored), at `at`."""
    (seq, prev), *_ = _as_stored(vault, ["SELECT seq, hash FROM audit_journal ORDER BY seq DESC LIMIT 1"])
    fields = (seq + 1, at, ADMIN, "note", "1", "create", "ab" * 32)
    new_hash = journal.entry_hash(shown(prev), *fields)
    row = (*fields[:-1], stored(fields[-1]), prev, stored(new_hash))
    _as_stored(vault, [f"INSERT INTO audit_journal ({_OLD_ENTRY}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"], row)


@pytest.fixture
def store_from_before(tmp_path):
    """The v19 store, one entry written at another offset added as then, and what it holds as stored:
    its journal entries (links from the stored prev_hash) and its done operations."""
    vault, expected = old_store("v19", tmp_path)
    _append_as_then(vault, SHANGHAI_AT)
    rows = _as_stored(vault, [f"SELECT {_OLD_ENTRY} FROM audit_journal ORDER BY seq"])
    entries = [journal.JournalEntry(*r[:4], shown_id(r[4]), r[5], *map(shown, r[6:])) for r in rows]
    done = _as_stored(vault, [f"SELECT {_DONE} FROM outbox_done ORDER BY seq"])
    assert (len(entries), len(done)) == (expected["entries"] + 1, expected["done"])
    return vault, entries, done


def _columns(session, table: str) -> list[str]:  # noqa: ANN001 - a signed-in session
    return [r[1] for r in session.store.query(f"PRAGMA table_info({table})")]


def test_the_journal_reads_back_as_it_was_written_without_its_stored_links(store_from_before) -> None:
    vault, entries, _ = store_from_before
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert "prev_hash" not in _columns(session, "audit_journal")
    assert session.store.journal_entries(limit=len(entries)) == entries, "every field, links and times included"
    for after in range(len(entries)):  # a page starting anywhere links to the entry before it
        assert session.store.journal_entries(after=after, limit=1) == [entries[after]]
    kept = dict(session.store.query("SELECT at, typeof(at) FROM audit_journal WHERE seq <= ?", (len(entries),)))
    assert kept.pop(SHANGHAI_AT) == "text", "a time milliseconds cannot give back stays as it was written"
    assert set(kept.values()) == {"integer"}
    report = verify_store(session)
    assert report.ok, report.problems
    for statement in ("UPDATE audit_journal SET actor = 'x'", "DELETE FROM audit_journal WHERE seq = 1"):
        with pytest.raises(database.IntegrityError, match="audit journal entries cannot be"):
            session.store.connection.execute(statement)
    session.lock()


def test_done_operations_keep_seq_id_digest_and_time_and_lose_their_entity(store_from_before) -> None:
    vault, _, done = store_from_before
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert _columns(session, "outbox_done") == _DONE.split(", ")
    after = session.store.query(f"SELECT {_DONE} FROM outbox_done ORDER BY seq")
    assert {type(row[-1]) for row in after} == {int}
    assert [(*row[:-1], shown_time(row[-1])) for row in after] == done
    session.lock()


def _verify_after(vault: Vault, statements: list[str]) -> str:
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)  # migrates
    last = session.store.journal_head().seq
    assert verify_store(session).ok
    session.lock()
    drop = ["DROP TRIGGER audit_journal_no_update", "DROP TRIGGER audit_journal_no_delete"]
    _as_stored(vault, [*drop, *(s.replace("{last}", str(last)) for s in statements)])
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD, check_anchor=False)
    report = verify_store(session)
    session.lock()
    assert not report.ok
    return " ".join(report.problems)


_COPY_OF = "INSERT INTO audit_journal SELECT {seq}, at, actor, entity, entity_id, action, change_digest, hash"
_SWAP = ["UPDATE audit_journal SET seq = -1 WHERE seq = 4", "UPDATE audit_journal SET seq = 4 WHERE seq = 5"]
_NOT_ITS_PLACE = "was edited, or does not follow entry"


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["UPDATE audit_journal SET at = at + 1 WHERE seq = 3"], "entry 3 was edited"),
        (["UPDATE audit_journal SET at = '2026-01-01T00:00:00.000+00:00' WHERE seq = 3"], "entry 3 was edited"),
        (["UPDATE audit_journal SET entity_id = zeroblob(16) WHERE seq = 3"], "entry 3 was edited"),
        (["DELETE FROM audit_journal WHERE seq = 4"], "entry 4 is missing"),
        ([*_SWAP, "UPDATE audit_journal SET seq = 5 WHERE seq = -1"], f"entry 4 {_NOT_ITS_PLACE} 3"),
        (  # entry 4 replaced by a copy of entry 6, its hash self-consistent with its own fields
            ["DELETE FROM audit_journal WHERE seq = 4", _COPY_OF.format(seq=4) + " FROM audit_journal WHERE seq = 6"],
            f"entry 4 {_NOT_ITS_PLACE} 3",
        ),
        ([_COPY_OF.format(seq=0) + " FROM audit_journal WHERE seq = 1"], "entry 1 does not follow entry 0"),
        (["DELETE FROM audit_journal WHERE seq = {last}"], "ends at entry"),
    ],
    ids=["time-moved", "time-replaced", "id-edited", "deleted", "reordered", "replaced", "put-before", "truncated"],
)
def test_tampering_after_the_migration_is_caught(store_from_before, statements, expected) -> None:
    vault, *_ = store_from_before
    assert expected in _verify_after(vault, statements)


def test_a_migrated_store_replaced_by_its_older_copy_is_caught(store_from_before, tmp_path) -> None:
    vault, *_ = store_from_before
    service.sign_in(vault, ADMIN, ADMIN_PASSWORD).lock()  # migrates, checkpoints and anchors
    shutil.copy(vault.paths.database, tmp_path / "old.db")
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    open_ticket(session, sample_ticket(9))
    session.lock()
    shutil.copy(tmp_path / "old.db", vault.paths.database)
    with pytest.raises(JournalBroken, match="older copy"):
        service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
