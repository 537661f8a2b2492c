"""Children: the intake takes an age bracket; below the region's age (14 here, CN) a guardian's consent
is recorded, and without it the ticket is not opened."""

from __future__ import annotations

import pytest

from app.core.retention import DEFAULT_POLICY
from app.privacy.retention_engine import run_retention
from app.privacy_rules.children import AgeDeclaration, needs_guardian
from app.privacy_rules.errors import GuardianConsentNeeded
from app.tickets.intake import open_ticket
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
