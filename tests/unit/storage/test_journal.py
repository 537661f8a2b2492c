"""The audit journal: same-transaction entries, refusing triggers, and tampering caught by verify."""

from __future__ import annotations

import shutil

import pytest

from app.accounts import service
from app.storage import database
from app.storage.errors import JournalBroken
from app.sync.verification import verify_store
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, sample_ticket


def _raw(vault, key):
    """A bare connection that skips the app, as someone editing the file would."""
    return database.open_existing(vault.paths.database, key)


def _write_tickets(session, n: int) -> None:
    for i in range(n):
        open_ticket(session, sample_ticket(i))


def test_every_write_adds_one_journal_entry_and_one_outbox_row_in_its_transaction(manager) -> None:
    before_head = manager.store.journal_head().seq
    before_outbox = manager.store.pending_outbox_count()
    ticket = open_ticket(manager, sample_ticket())
    assert manager.store.journal_head().seq == before_head + 1
    assert manager.store.pending_outbox_count() == before_outbox + 1
    item = manager.store.pending_outbox()[-1]
    assert (item.entity, item.action, item.payload["number"]) == ("ticket", "create", ticket.number)


def test_a_failed_write_leaves_neither_journal_entry_nor_outbox_row(manager) -> None:
    head, pending = manager.store.journal_head().seq, manager.store.pending_outbox_count()
    with pytest.raises(RuntimeError):
        with manager.store.transaction(manager.actor) as work:
            work.record("ticket", "x", "create", {"a": 1})
            raise RuntimeError("the business write failed after the journal entry")
    assert manager.store.journal_head().seq == head
    assert manager.store.pending_outbox_count() == pending


def test_the_journal_holds_digests_not_personal_data(manager) -> None:
    open_ticket(manager, sample_ticket(phone="13987654321", name="Marker Person"))
    rows = manager.store.query("SELECT * FROM audit_journal")
    flat = " ".join(str(v) for row in rows for v in row)
    assert "13987654321" not in flat and "Marker Person" not in flat


def test_triggers_refuse_to_update_or_delete_entries(manager) -> None:
    conn = manager.store.connection
    with pytest.raises(database.IntegrityError, match="cannot be changed"):
        conn.execute("UPDATE audit_journal SET actor = 'someone' WHERE seq = 1")
    with pytest.raises(database.IntegrityError, match="cannot be deleted"):
        conn.execute("DELETE FROM audit_journal WHERE seq = 1")


def _tamper(vault, key, statements: list[str]) -> None:
    conn = _raw(vault, key)
    conn.execute("DROP TRIGGER audit_journal_no_update")
    conn.execute("DROP TRIGGER audit_journal_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.close()


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["UPDATE audit_journal SET actor = 'E0000' WHERE seq = 3"], "entry 3 was edited"),
        (["DELETE FROM audit_journal WHERE seq = 4"], "entry 4 is missing"),
        (
            [  # swap two entries' content, each hash still self-consistent with its own fields
                "UPDATE audit_journal SET seq = -1 WHERE seq = 4",
                "UPDATE audit_journal SET seq = 4 WHERE seq = 5",
                "UPDATE audit_journal SET seq = 5 WHERE seq = -1",
            ],
            "does not follow",
        ),
        (["DELETE FROM audit_journal WHERE seq = 8"], "ends at entry 7"),
    ],
    ids=["edited", "deleted", "reordered", "truncated"],
)
def test_verify_catches_an_edited_deleted_reordered_or_truncated_journal(vault, manager, statements, expected) -> None:
    _write_tickets(manager, 4)
    assert verify_store(manager).ok
    # rows sealed at creation, outlet, signing start, manager, 4 tickets: anchored at lock
    assert manager.store.journal_head().seq == 8
    key = manager.store.key
    manager.lock()
    _tamper(vault, key, statements)
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD, check_anchor=False)
    report = verify_store(session)
    session.lock()
    assert not report.ok
    assert expected in " ".join(report.problems)


def test_a_database_replaced_by_an_older_copy_of_itself_is_caught(vault, manager, tmp_path) -> None:
    _write_tickets(manager, 2)
    manager.lock()  # checkpoints: the file alone is the whole database
    shutil.copy(vault.paths.database, tmp_path / "old.db")
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    _write_tickets(session, 3)
    session.lock()  # locking anchors the newer head in the key file
    shutil.copy(tmp_path / "old.db", vault.paths.database)
    with pytest.raises(JournalBroken, match="older copy"):
        service.sign_in(vault, ADMIN, ADMIN_PASSWORD)


def test_an_edited_anchor_in_the_key_file_is_caught(vault, manager) -> None:
    import json

    _write_tickets(manager, 2)
    manager.lock()
    data = json.loads(vault.paths.key_file.read_text())
    data["anchor"]["seq"] = 1
    vault.paths.key_file.write_text(json.dumps(data))
    with pytest.raises(JournalBroken, match="altered"):
        service.sign_in(vault, ADMIN, ADMIN_PASSWORD)


@pytest.mark.parametrize(
    ("at", "kept_as"),
    [
        ("2026-12-02T10:00:00.123+00:00", "integer"),  # app.clock.iso's form: milliseconds give it back
        ("2026-12-02T18:00:00.123+08:00", "text"),  # another offset
        ("2026-12-02T10:00:00.123456+00:00", "text"),  # finer than milliseconds
        ("not a time", "text"),
    ],
)
def test_an_entry_keeps_its_time_in_the_form_that_gives_back_the_text_it_hashed(manager, at, kept_as) -> None:
    with manager.store.transaction(manager.actor) as work:
        work.at = at
        work.record("note", "1", "create", {"text": "when"}, upstream=False)
    seq = manager.store.journal_head().seq
    assert manager.store.query_one("SELECT typeof(at) FROM audit_journal WHERE seq = ?", (seq,)) == (kept_as,)
    (entry,) = manager.store.journal_entries(after=seq - 1)
    assert entry.at == at
    assert entry.prev_hash == manager.store.journal_entries(after=seq - 2)[0].hash
    report = verify_store(manager)
    assert report.ok, report.problems
