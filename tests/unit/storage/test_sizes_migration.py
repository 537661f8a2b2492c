"""The migration that rebuilds the journal's tables smaller (issue 13) keeps every entry and seal,
keeps them unchangeable, and adds no seals: the rows it leaves are the rows that were sealed."""

from __future__ import annotations

import pytest

from app.accounts import service
from app.storage import row_seals
from app.storage.database import DatabaseError
from app.sync.verification import verify_store
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.old_stores import old_store


def _counts(session) -> tuple[int, int]:  # noqa: ANN001 - a signed-in session
    return (
        session.store.query_one("SELECT count(*) FROM audit_journal")[0],
        session.store.query_one("SELECT count(*) FROM row_seal")[0],
    )


def test_a_store_from_before_keeps_its_journal_and_seals_in_the_smaller_tables(tmp_path) -> None:
    # one ticket, written by the release of before migration 16 (tests/old_stores/make_old_stores.py)
    vault, expected = old_store("v15", tmp_path)
    entries, seals = expected["entries"], expected["seals"]
    assert seals >= 2, "the ticket and its customer were sealed"
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
