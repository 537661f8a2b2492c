"""Children: the intake takes an age bracket; below the region's age (14 here, CN) a guardian's consent
is recorded, and without it the ticket is not opened."""

from __future__ import annotations

import pytest

from app.accounts import service
from app.core.retention import DEFAULT_POLICY
from app.privacy.retention_engine import run_retention
from app.privacy_rules.children import AgeDeclaration, needs_guardian
from app.privacy_rules.errors import GuardianConsentNeeded
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.integration.privacy.conftest import START, marker_ticket


@pytest.mark.parametrize(
    ("bracket", "age", "needed"),
    [
        ("under_14", 14, True),
        ("14_15", 14, False),
        ("14_15", 16, True),
        ("16_17", 16, False),
        ("16_17", 18, True),
        ("18_plus", 18, False),
    ],
)
def test_the_bracket_against_each_regions_age(bracket, age, needed) -> None:
    assert needs_guardian(bracket, age) is needed


def test_a_child_without_a_guardians_consent_gets_no_ticket(manager, clock) -> None:
    with pytest.raises(GuardianConsentNeeded) as refused:
        open_ticket(manager, marker_ticket(), age=AgeDeclaration("under_14", "Mother Markerfield", False))
    assert "Below 14" in refused.value.message
    assert manager.store.query("SELECT id FROM customer") == []


def test_the_guardians_consent_is_recorded_and_expires_with_the_contact_data(manager, clock) -> None:
    open_ticket(manager, marker_ticket(), age=AgeDeclaration("under_14", "Mother Markerfield", True))
    row = manager.store.query_one("SELECT age_bracket, guardian_name, guardian_consent_at FROM customer_privacy")
    assert row[:2] == ("under_14", "Mother Markerfield") and row[2].startswith("2026-11-23")
    clock.now = START.replace(year=2027, day=24)
    run_retention(manager.store, manager.actor, DEFAULT_POLICY)
    assert manager.store.query("SELECT guardian_name FROM customer_privacy WHERE guardian_name IS NOT NULL") == []


def test_an_adult_records_only_the_bracket(manager, clock) -> None:
    open_ticket(manager, marker_ticket(), age=AgeDeclaration("18_plus", "ignored name", False))
    assert manager.store.query_one("SELECT age_bracket, guardian_name FROM customer_privacy") == ("18_plus", None)


def _ticket_new(vault, *extra: str):  # noqa: ANN202
    import os
    import subprocess
    import sys

    env = {**os.environ, "REPAIR_COUNTER_USER": ADMIN, "REPAIR_COUNTER_PASSWORD": ADMIN_PASSWORD}
    command = [sys.executable, "-m", "app", "--data-dir", str(vault.paths.root), "ticket", "new", "--type"]
    basics = ["maintenance", "--name", "Xiao Ming", "--phone", "13812340000", "--model", "RC-X1"]
    basics += ["--imei", "860955027785041", "--fault", "cracked screen"]
    return subprocess.run([*command, *basics, *extra], capture_output=True, text=True, env=env, timeout=120)


def test_the_guardians_consent_on_the_command_line(vault, manager) -> None:
    manager.lock()
    refused = _ticket_new(vault, "--age-bracket", "under_14")
    assert refused.returncode == 97 and "guardian" in refused.stderr and "监护人" in refused.stderr
    stray = _ticket_new(vault, "--guardian-name", "Xiao Hua")
    assert stray.returncode == 2 and "--age-bracket" in stray.stderr
    made = _ticket_new(vault, "--age-bracket", "under_14", "--guardian-name", "Xiao Hua", "--guardian-consents")
    assert made.returncode == 0, made.stderr
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        row = session.store.query_one("SELECT age_bracket, guardian_name, guardian_consent_at FROM customer_privacy")
    finally:
        session.lock()
    assert row is not None and row[:2] == ("under_14", "Xiao Hua") and row[2]
