"""The migration that rebuilds the journal's tables smaller (issue 13) keeps every entry and seal,
keeps them unchangeable, and adds no seals: the rows it leaves are the rows that were sealed."""

from __future__ import annotations

import pytest

from app.accounts import service
from app.storage import migrations, row_seals
from app.storage.database import DatabaseError
from app.storage.schema_sizes import SIZES_SCHEMA
from app.sync.verification import verify_store
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, OUTLET, sample_ticket


def _counts(session) -> tuple[int, int]:  # noqa: ANN001 - a signed-in session
    return (
        session.store.query_one("SELECT count(*) FROM audit_journal")[0],
        session.store.query_one("SELECT count(*) FROM row_seal")[0],
    )


def test_a_store_from_before_keeps_its_journal_and_seals_in_the_smaller_tables(vault, monkeypatch) -> None:
    before = migrations.MIGRATIONS.index(SIZES_SCHEMA)
    full = migrations.MIGRATIONS
    monkeypatch.setattr(migrations, "MIGRATIONS", full[:before])
    monkeypatch.setattr(migrations, "LATEST_VERSION", before)
    session = service.initialise_store(vault, OUTLET, ADMIN, "Li Na", ADMIN_PASSWORD).session
    # one ticket: today's code numbers a ticket's history within the ticket (migration 19), which the
    # table of before migration 16 (one numbering for all tickets) takes for one ticket only
    open_ticket(session, sample_ticket(0))
    entries, seals = _counts(session)
    assert seals >= 2, "the ticket and its customer were sealed"
    session.lock()

    monkeypatch.setattr(migrations, "MIGRATIONS", full)
    monkeypatch.setattr(migrations, "LATEST_VERSION", len(full))
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    report = verify_store(session)
    assert report.ok, report.problems
    # one more entry (the reseal after the migration, which found no row changed), and not one more seal
    assert _counts(session) == (entries + 1, seals)
    last = session.store.journal_entries(limit=10_000)[-1]
    assert (last.action, last.change_digest.count(":")) == (row_seals.SEAL_ALL, 0)
    schema = dict(
        session.store.query("SELECT name, sql FROM sqlite_master WHERE tbl_name IN ('row_seal', 'audit_journal')")
    )
    assert "WITHOUT ROWID" in schema["row_seal"]
    assert not [name for name in schema if name.startswith("sqlite_autoindex")], "no second copy of keys or hashes"
    for statement in ("UPDATE audit_journal SET actor = 'x'", "DELETE FROM row_seal", "UPDATE row_seal SET seq = 0"):
        with pytest.raises(DatabaseError):
            session.store.connection.execute(statement)
    session.lock()
