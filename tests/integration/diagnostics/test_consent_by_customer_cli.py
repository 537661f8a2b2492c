"""Consent, restriction and withdrawal by customer, through the real command line (issue 13).

Every command runs as `python -m app ...` against a real SQLCipher store, a real adb
server and simulated phones: a consent names its customer (by ticket or by phone number);
a restricted customer is refused with or without a ticket; a withdrawal reaches consents
given without a ticket; withdrawing twice answers "already withdrawn at ..." and journals
nothing; a category no chosen check reads is refused.
"""

from __future__ import annotations

import subprocess

import pytest

from app.accounts import service as accounts
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.integration.diagnostics.test_diagnose_command import diagnose as run_cli
from tests.integration.tickets.conftest import walk_in

pytestmark = pytest.mark.integration
PHONE = "13800138111"


def cli(server, data_dir, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(server, data_dir, *args)


@pytest.fixture
def counter(manager, vault):
    """A store with one walk-in customer and their ticket; the commands sign in by themselves."""
    number = open_ticket(manager, walk_in(customer_name="Qian Li", customer_phone=PHONE)).number
    manager.lock()
    return vault, number


def store_rows(vault, sql: str) -> list[tuple]:
    session = accounts.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        return session.store.query(sql)
    finally:
        session.lock()


def diagnose(server, vault, address: str, *who: str) -> subprocess.CompletedProcess[str]:
    return cli(
        server,
        vault.paths.root,
        "diagnose",
        "--device",
        address,
        "--functions",
        "identity",
        "--consent",
        "device_info",
        "--customer",
        "Qian Li",
        *who,
    )


def request(server, vault, kind: str, number: str) -> str:
    made = cli(server, vault.paths.root, "request", "new", "--kind", kind, "--ticket", number, "--identity-check", "ID")
    assert made.returncode == 0, made.stderr
    return made.stdout.split()[0]


def test_a_restricted_customer_is_refused_with_or_without_a_ticket(phones, diag_adb_server, counter) -> None:
    vault, number = counter
    handset = phones.start("coloros-oneplus8-tool")
    before = diagnose(diag_adb_server, vault, handset.address, "--phone", PHONE)
    assert before.returncode == 0, before.stderr  # before the restriction, by phone number alone

    restriction = request(diag_adb_server, vault, "restriction", number)
    assert cli(diag_adb_server, vault.paths.root, "request", "do", restriction).returncode == 0
    runs = len(store_rows(vault, "SELECT id FROM diag_run"))

    without_ticket = diagnose(diag_adb_server, vault, handset.address, "--phone", PHONE)
    with_ticket = diagnose(diag_adb_server, vault, handset.address, "--ticket", number)
    for refused in (without_ticket, with_ticket):
        assert refused.returncode == 94, refused.stderr
        assert "restricted the processing" in refused.stderr and "限制处理" in refused.stderr
    assert len(store_rows(vault, "SELECT id FROM diag_run")) == runs, "nothing was read from the phone"


def test_diagnostics_need_a_customer_the_consent_names(phones, diag_adb_server, counter) -> None:
    vault, _ = counter
    handset = phones.start("coloros-oneplus8-tool")
    nobody = diagnose(diag_adb_server, vault, handset.address)
    assert nobody.returncode == 89 and "need a customer" in nobody.stderr
    stranger = diagnose(diag_adb_server, vault, handset.address, "--phone", "13900000000")
    assert stranger.returncode == 89 and "No customer with this phone number" in stranger.stderr
    assert store_rows(vault, "SELECT id FROM diag_consent") == []


def test_a_withdrawal_ends_every_consent_of_the_customer_even_without_a_ticket(
    phones, diag_adb_server, counter
) -> None:
    vault, number = counter
    handset = phones.start("coloros-oneplus8-tool")
    assert diagnose(diag_adb_server, vault, handset.address, "--ticket", number).returncode == 0
    assert diagnose(diag_adb_server, vault, handset.address, "--phone", PHONE).returncode == 0
    consents = store_rows(vault, "SELECT id, ticket_number FROM diag_consent ORDER BY given_at")
    assert [ticket for _, ticket in consents] == [number, None]

    withdrawal = request(diag_adb_server, vault, "withdrawal", number)
    done = cli(diag_adb_server, vault.paths.root, "request", "do", withdrawal)
    assert done.returncode == 0, done.stderr
    assert "2 consents withdrawn" in done.stdout
    assert store_rows(vault, "SELECT id FROM diag_consent WHERE withdrawn_at IS NULL") == []
    assert store_rows(vault, "SELECT count(*) FROM diag_result")[0][0] == 0, "the data collected went with them"

    again = cli(
        diag_adb_server, vault.paths.root, "request", "do", request(diag_adb_server, vault, "withdrawal", number)
    )
    assert again.returncode == 0 and "already withdrawn at" in again.stdout


def test_withdrawing_twice_answers_already_withdrawn_and_journals_nothing(phones, diag_adb_server, counter) -> None:
    vault, number = counter
    handset = phones.start("coloros-oneplus8-tool")
    assert diagnose(diag_adb_server, vault, handset.address, "--ticket", number).returncode == 0
    ((consent_id,),) = store_rows(vault, "SELECT id FROM diag_consent")

    first = cli(diag_adb_server, vault.paths.root, "consent", "withdraw", consent_id)
    assert first.returncode == 0 and " withdrawn at " in first.stdout, first.stderr
    ((withdrawn_at,),) = store_rows(vault, "SELECT withdrawn_at FROM diag_consent")
    journal = store_rows(vault, "SELECT count(*) FROM audit_journal WHERE entity = 'diag_consent'")

    second = cli(diag_adb_server, vault.paths.root, "consent", "withdraw", consent_id)
    assert second.returncode == 0, second.stderr
    assert f"already withdrawn at {withdrawn_at}" in second.stdout
    assert store_rows(vault, "SELECT count(*) FROM audit_journal WHERE entity = 'diag_consent'") == journal
    assert store_rows(vault, "SELECT withdrawn_at FROM diag_consent") == [(withdrawn_at,)]


def test_consent_to_a_category_no_chosen_check_reads_is_refused(phones, diag_adb_server, counter) -> None:
    vault, _ = counter
    handset = phones.start("coloros-oneplus8-tool")
    refused = cli(
        diag_adb_server,
        vault.paths.root,
        "diagnose",
        "--device",
        handset.address,
        "--functions",
        "identity",
        "--consent",
        "location,ssid",
        "--customer",
        "Qian Li",
        "--phone",
        PHONE,
    )
    assert refused.returncode == 87, refused.stderr
    assert "No chosen check reads ssid, location" in refused.stderr and "device_info" in refused.stderr
    assert store_rows(vault, "SELECT id FROM diag_consent") == [], "nothing was recorded"
