"""Migration 20 (issue 13): a working store of the release before it (tests/old_stores/v19) keeps every
ticket as it read, its moments become milliseconds, nothing is resealed, and tampering is still caught.
Foreign keys are off while migrations run; a migration that would break a reference is not kept."""

from __future__ import annotations

import pytest

from app.accounts import service
from app.storage import database, migrations, ticket_repository
from app.sync.verification import verify_store
from app.tickets.moves import load
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.old_stores import migrated as migrated_store
from tests.old_stores import old_store, plain

TIME_COLUMNS = {
    "ticket": ("created_at", "updated_at", "due_at", "responded_at", "closed_at"),
    "customer": ("created_at", "last_contact_at"),
    "ticket_event": ("at",),
}


@pytest.fixture
def migrated(tmp_path):
    with migrated_store("v19", tmp_path) as opened:
        yield opened


def _types(session, table: str, column: str) -> set[str]:  # noqa: ANN001 - a signed-in session
    return {r[0] for r in session.store.query(f"SELECT DISTINCT typeof({column}) FROM {table}")}


def test_every_ticket_reads_as_the_release_before_read_it(migrated) -> None:
    _, session, expected = migrated
    assert len(expected["tickets"]) == 62
    for number, before in expected["tickets"].items():
        assert plain(load(session, number)) == before, number
    assert [r.number for r in ticket_repository.recent_tickets(session.store, limit=500)] == expected["recent"]
    assert [r.number for r in ticket_repository.open_queue(session.store)] == expected["open_queue"]


def test_moments_are_milliseconds_and_the_outlet_is_not_repeated(migrated) -> None:
    _, session, _ = migrated
    for table, columns in TIME_COLUMNS.items():
        for column in columns:
            assert _types(session, table, column) <= {"integer", "null"}, (table, column)
    forms = session.store.query("SELECT DISTINCT typeof(ticket_id) || length(ticket_id) FROM ticket_event")
    assert forms == [("blob16",)]
    columns = {r[1] for r in session.store.query("PRAGMA table_info(ticket)")}
    assert "outlet_id" not in columns and "customer_id" in columns


def test_verify_passes_and_nothing_is_resealed(migrated) -> None:
    _, session, expected = migrated
    report = verify_store(session)
    assert report.ok, report.problems
    assert session.store.query_one("SELECT count(*) FROM row_seal")[0] == expected["seals"]
    assert len(session.store.journal_entries(limit=100_000)) == expected["entries"] + 1, "one seal_all entry"


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE ticket SET due_at = due_at + 60000 WHERE rowid = 5",  # a deadline moved by a minute
        "UPDATE customer SET last_contact_at = last_contact_at + 1 WHERE rowid = 3",
    ],
    ids=["deadline", "last-contact"],
)
def test_a_moment_edited_outside_the_app_is_caught(migrated, statement) -> None:
    vault, session, _ = migrated
    key = session.store.key
    session.lock()
    conn = database.open_existing(vault.paths.database, key)
    conn.execute(statement)
    conn.close()
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD, check_anchor=False)
    report = verify_store(session)
    session.lock()
    assert not report.ok and "changed outside the journal" in " ".join(report.problems)


def test_foreign_keys_are_enforced_again_after_the_migration(migrated) -> None:
    _, session, _ = migrated
    assert session.store.query_one("PRAGMA foreign_keys")[0] == 1
    with pytest.raises(database.DatabaseError):
        session.store.connection.execute(
            "INSERT INTO ticket_line (id, ticket_id, kind, description, quantity, unit_price, created_at)"
            " VALUES ('x', 'no such ticket', 'estimate', 'Screen', 1, '1', '2026-12-02')"
        )


def test_a_migration_that_would_break_references_is_not_kept(tmp_path, monkeypatch) -> None:
    vault, expected = old_store("v19", tmp_path)
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    key = session.store.key
    session.lock()
    version = migrations.LATEST_VERSION
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, ["DELETE FROM customer"]])
    monkeypatch.setattr(migrations, "LATEST_VERSION", version + 1)
    with pytest.raises(migrations.MigrationError, match="refer"):
        database.open_existing(vault.paths.database, key)
    monkeypatch.undo()
    conn = database.open_existing(vault.paths.database, key)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] > 0, "nothing of it was kept"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()
