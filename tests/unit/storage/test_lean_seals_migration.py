"""Row seals in fewer bytes (issue 13, schema_lean_seals.py): the stored row names its table by one
letter, a new seal keeps 16 bytes of the row's HMAC-SHA256, a seal logged before keeps its 32, and
`verify` still catches every kind of tampering with the rows or with the seals of either length."""

from __future__ import annotations

import re

import pytest

from app.accounts import service
from app.storage import database, migrations, row_seals
from app.storage.digest_bytes import stored
from app.sync.verification import verify_store
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, sample_ticket
from tests.old_stores import migrated as migrated_store
from tests.old_stores import problems_after_tampering

#: The seals' rows as stored: table letter, id and digest lengths (16-byte ids, "deleted" as text).
SEAL_FORMS = "SELECT DISTINCT entity, typeof(digest) || length(digest) FROM row_seal"


def _tampered(vault, key: bytes, statements: list[str]) -> str:  # noqa: ANN001 - the store's vault
    """The problems `verify` finds after `statements`, the seals' refusing triggers dropped first (as
    anyone holding the key can), joined."""
    refusals = ["DROP TRIGGER row_seal_no_update", "DROP TRIGGER row_seal_no_delete"]
    return " ".join(problems_after_tampering(vault, key, [*refusals, *statements]))


def _last_byte_changed(size: int) -> str:
    """SQL for a seal's digest of `size` bytes with its last byte changed (to 0, or to 1 if it was 0)."""
    return f"substr(digest, 1, {size - 1}) || CASE substr(digest, {size}, 1) WHEN x'00' THEN x'01' ELSE x'00' END"


def _forms(session) -> set[tuple[str, str]]:  # noqa: ANN001 - a signed-in session
    return set(session.store.query(SEAL_FORMS))


# --- a store of today's release: every seal new ---------------------------------------------------


@pytest.fixture
def sealed_today(vault, manager):
    """One ticket (and its customer) written by the app: two new seals; the store locked, its key kept."""
    open_ticket(manager, sample_ticket(1))
    assert _forms(manager) == {("t", "blob16"), ("c", "blob16")}
    key = manager.store.key
    manager.lock()
    return vault, key


def _seal_of(table: str, size: int = 16) -> str:
    """SQL naming the latest seal of the one `table` row (the only one the fixture wrote)."""
    return f"entity = '{row_seals.ENTITY_CODES[table]}' AND length(digest) = {size}"


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["UPDATE ticket SET fault = 'dropped in water'"], "ticket .* was changed outside the journal"),
        (["UPDATE customer SET phone = '13900000000'"], "customer .* was changed outside the journal"),
        (
            [f"UPDATE row_seal SET digest = zeroblob(16) WHERE {_seal_of('ticket')}"],
            "seals logged under journal entry \\d+ are not the ones",
        ),
        (
            [f"UPDATE row_seal SET digest = {_last_byte_changed(16)} WHERE {_seal_of('ticket')}"],
            "seals logged under journal entry \\d+ are not the ones.* ticket .* was changed outside",
        ),
        (
            [f"UPDATE row_seal SET digest = substr(digest, 1, 8) WHERE {_seal_of('customer')}"],
            "customer .* was changed outside the journal",
        ),
        (["UPDATE row_seal SET entity = 'ticket' WHERE entity = 't'"], "seals logged under journal entry"),
        (["DELETE FROM row_seal WHERE entity = 't'"], "ticket .* was written outside the journal"),
        (["DELETE FROM row_seal"], "the row seals have been removed"),
        (["DELETE FROM ticket_event", "DELETE FROM ticket"], "ticket .* was deleted outside the journal"),
    ],
    ids=[
        "ticket-row-edited",
        "customer-row-edited",
        "seal-bytes-replaced",
        "seal-byte-edited",
        "seal-cut-shorter",
        "seal-relettered",
        "seal-removed",
        "all-seals-removed",
        "row-deleted",
    ],
)
def test_tampering_with_rows_under_16_byte_seals_is_caught(sealed_today, statements, expected) -> None:
    vault, key = sealed_today
    assert re.search(expected, _tampered(vault, key, statements))


def test_a_new_seal_is_the_rows_digest_cut_to_128_bits() -> None:
    digest = "0123456789abcdef" * 4
    assert row_seals.new_seal(digest) == digest[:32] and row_seals.new_seal(row_seals.DELETED) == row_seals.DELETED
    assert row_seals.fits(digest[:32], digest) and row_seals.fits(digest, digest), "new and old lengths"
    for other in (digest[:16], digest[:31], digest[:33], "", None, digest[1:33]):
        assert not row_seals.fits(other, digest), other
    assert row_seals.fits(row_seals.DELETED, row_seals.DELETED) and not row_seals.fits(row_seals.DELETED, digest)


# --- a store of the release before: 32-byte seals named by the table's name -------------------------


@pytest.fixture
def migrated(tmp_path):
    """The store of the release before migration 20 (tests/old_stores/v19), migrated to today's."""
    with migrated_store("v19", tmp_path) as opened:
        yield opened


def test_old_seals_are_relettered_keep_their_32_bytes_and_still_verify(migrated) -> None:
    _, session, expected = migrated
    assert session.store.query_one("PRAGMA user_version")[0] == migrations.LATEST_VERSION
    assert {entity for entity, _ in _forms(session)} == {"t", "c"}
    assert {form for _, form in _forms(session)} <= {"blob32", "text7"}, "no old seal was shortened"
    assert session.store.query_one("SELECT count(*) FROM row_seal")[0] == expected["seals"], "nothing resealed"
    report = verify_store(session)
    assert report.ok, report.problems


def test_new_seals_sit_beside_old_ones_and_the_store_verifies(migrated) -> None:
    _, session, expected = migrated
    open_ticket(session, sample_ticket(99, phone="13700000099", name="Wang Fang"))
    new = session.store.query("SELECT entity, length(digest) FROM row_seal WHERE length(digest) = 16")
    assert sorted(new) == [("c", 16), ("t", 16)]
    assert session.store.query_one("SELECT count(*) FROM row_seal")[0] == expected["seals"] + 2
    report = verify_store(session)
    assert report.ok, report.problems


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["UPDATE ticket SET fault = 'dropped in water' WHERE rowid = 7"], "ticket .* was changed outside"),
        (
            [
                f"UPDATE row_seal SET digest = {_last_byte_changed(32)} WHERE length(digest) = 32"
                " AND seq = (SELECT min(seq) FROM row_seal WHERE length(digest) = 32)"
            ],
            "seals logged under journal entry \\d+ are not the ones",
        ),
        (  # an old seal cut to the new length: the journal covers its 32 bytes
            ["UPDATE row_seal SET digest = substr(digest, 1, 16) WHERE length(digest) = 32"],
            "seals logged under journal entry \\d+ are not the ones",
        ),
    ],
    ids=["row-under-old-seal-edited", "old-seal-byte-edited", "old-seal-cut-to-16"],
)
def test_tampering_under_old_32_byte_seals_is_caught(migrated, statements, expected) -> None:
    vault, session, _ = migrated
    key = session.store.key
    session.lock()
    assert re.search(expected, _tampered(vault, key, statements))


def test_a_row_resealed_by_someone_holding_the_key_is_caught_by_the_journal(sealed_today) -> None:
    """The key opens the salt too, so a forger can give an edited row a seal that fits it; the journal
    entry the seal is logged under covers the seal it had, and the hash chain covers that entry."""
    vault, key = sealed_today
    conn = database.open_existing(vault.paths.database, key)
    salt = bytes.fromhex(conn.execute("SELECT value FROM meta WHERE key = 'journal_salt'").fetchone()[0])
    conn.execute("UPDATE ticket SET fault = 'dropped in water'")
    (ticket_id,) = conn.execute("SELECT id FROM ticket").fetchone()
    forged = stored(row_seals.new_seal(row_seals.row_digest(salt, conn, "ticket", ticket_id)))
    conn.close()
    problems = _tampered(vault, key, [f"UPDATE row_seal SET digest = x'{forged.hex()}' WHERE {_seal_of('ticket')}"])
    assert re.search("seals logged under journal entry \\d+ are not the ones", problems)
    assert "changed outside" not in problems, "the forged seal fits the edited row: only the journal can tell"


def test_a_later_migration_reseals_no_row_whose_16_byte_seal_still_fits(sealed_today, monkeypatch) -> None:
    vault, _ = sealed_today
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    seals = session.store.query_one("SELECT count(*) FROM row_seal")[0]
    session.lock()
    later = ["CREATE TABLE later_feature (id INTEGER PRIMARY KEY)"]
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, later])
    monkeypatch.setattr(migrations, "LATEST_VERSION", len(migrations.MIGRATIONS))
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert session.store.query_one("SELECT count(*) FROM row_seal")[0] == seals, "a fitting seal is proof enough"
    report = verify_store(session)
    session.lock()
    assert report.ok, report.problems
