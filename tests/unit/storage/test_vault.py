"""The encrypted store and its key slots, on real SQLCipher files."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from app.accounts import service
from app.core.roles import Role
from app.storage import sealing
from app.storage.errors import AccountError, DatabaseMissing, WrongPassword
from app.storage.keyfile import KeyFile
from app.tickets.intake import find_ticket, open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, make_vault, sample_ticket


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_written_ticket_is_there_after_locking_and_signing_in_again(vault, manager) -> None:
    ticket = open_ticket(manager, sample_ticket())
    manager.lock()
    again = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    found = find_ticket(again, ticket.number)
    assert found is not None and found.customer_phone == "13812345678"
    assert ticket.number.startswith("SZ01-") and ticket.number.endswith("-0001")
    again.lock()


def test_the_database_is_sqlcipher_4_in_wal_with_synchronous_full_and_our_application_id(manager) -> None:
    conn = manager.store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x52436E74
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    assert manager.store.path.read_bytes()[:16] != b"SQLite format 3\x00"


def test_a_wrong_password_is_refused(vault, manager) -> None:
    manager.lock()
    with pytest.raises(WrongPassword):
        service.sign_in(vault, ADMIN, "not-the-password")
    with pytest.raises(WrongPassword):
        service.sign_in(vault, "E9999", ADMIN_PASSWORD)


def test_a_password_change_leaves_the_database_untouched(vault, manager) -> None:
    manager.lock()
    before = _digest(vault.paths.database)
    service.change_own_password(vault, ADMIN, ADMIN_PASSWORD, "a-new-password")
    assert _digest(vault.paths.database) == before
    with pytest.raises(WrongPassword):
        service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    service.sign_in(vault, ADMIN, "a-new-password").lock()


def test_removing_an_account_rotates_the_key_so_an_old_key_file_copy_opens_nothing(vault, manager, tmp_path) -> None:
    service.add_account(manager, "E2002", "Wang Fang", Role.TECHNICIAN, "tech-pass-22")
    open_ticket(manager, sample_ticket())
    old_keys = tmp_path / "stolen.keys"
    shutil.copy(vault.paths.key_file, old_keys)
    generation = KeyFile.load(vault.paths.key_file).generation

    service.remove_account(manager, "E2002")
    assert KeyFile.load(vault.paths.key_file).generation == generation + 1
    assert "E2002" not in vault.account_names()
    assert len(open_ticket(manager, sample_ticket(2)).number) > 0  # the session goes on under the new key
    manager.lock()

    with pytest.raises(WrongPassword):
        service.sign_in(vault, "E2002", "tech-pass-22")
    shutil.copy(old_keys, vault.paths.key_file)  # put the stolen copy back
    with pytest.raises(Exception) as caught:
        service.sign_in(vault, "E2002", "tech-pass-22")
    assert "not this store's database" in str(caught.value) or "damaged" in str(caught.value)


def test_the_recovery_key_opens_the_store_when_every_password_is_lost(vault, first_run) -> None:
    open_ticket(first_run.session, sample_ticket())
    first_run.session.lock()
    recovered = service.sign_in_with_recovery(vault, first_run.recovery_key.lower().replace("-", " "))
    service.reset_password(recovered, ADMIN, "brand-new-pass")
    recovered.lock()
    service.sign_in(vault, ADMIN, "brand-new-pass").lock()


def test_a_wrong_recovery_key_is_refused(vault, first_run) -> None:
    first_run.session.lock()
    other_private, _ = sealing.new_key_pair()
    with pytest.raises(WrongPassword):
        service.sign_in_with_recovery(vault, sealing.format_recovery_key(other_private))
    with pytest.raises(WrongPassword):
        service.sign_in_with_recovery(vault, "not a key")


def test_a_missing_database_is_reported_and_never_recreated(vault, manager) -> None:
    manager.lock()
    vault.paths.database.unlink()
    with pytest.raises(DatabaseMissing):
        service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert not vault.paths.database.exists()


def test_the_last_account_cannot_be_removed_nor_yourself(vault, manager) -> None:
    with pytest.raises(AccountError):
        service.remove_account(manager, ADMIN)


def test_a_second_init_on_the_same_directory_is_refused(tmp_path, manager) -> None:
    from app.storage.errors import AlreadyInitialised
    from tests.fixtures_store import OUTLET

    with pytest.raises(AlreadyInitialised):
        service.initialise_store(make_vault(tmp_path), OUTLET, "E5", "", "another-pass")
