"""Row seals survive a migration that changes sealed tables: the rows are resealed once, as the
migration left them, and only a migration can make that happen (not a removed meta row)."""

from __future__ import annotations

from app.accounts import service
from app.storage import migrations, row_seals
from app.storage.store import row_seal_problems
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, sample_ticket


def _seal_alls(session) -> int:  # noqa: ANN001 - a signed-in session
    return sum(1 for e in session.store.journal_entries(limit=10_000) if e.action == row_seals.SEAL_ALL)


def test_a_migration_that_adds_a_defaulted_column_reseals_once(vault, manager, monkeypatch) -> None:
    open_ticket(manager, sample_ticket(1))
    manager.lock()
    extra = ["ALTER TABLE ticket ADD COLUMN courtesy_phone INTEGER NOT NULL DEFAULT 0"]
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, extra])
    monkeypatch.setattr(migrations, "LATEST_VERSION", len(migrations.MIGRATIONS))
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert row_seal_problems(session.store) == [], "the defaulted column must not read as tampering"
    assert _seal_alls(session) == 2  # at creation, and after the new migration
    session.lock()


def test_removing_the_fast_path_row_forces_no_reseal(vault, manager) -> None:
    open_ticket(manager, sample_ticket(1))
    key = manager.store.key
    manager.lock()
    store = vault.open_with_raw_key(key)
    store.connection.execute("DELETE FROM meta WHERE key = ?", (row_seals.SEALED_VERSION,))
    store.connection.execute("UPDATE ticket SET fault = 'edited'")
    store.close()
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert _seal_alls(session) == 1
    assert any("changed outside the journal" in p for p in row_seal_problems(session.store))
    session.lock()
