"""Issue 12 item 7: `ticket new --json` has imei2; an anonymised ticket shows no "None"; purge --dry-run and
the real run count service records the same way."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from app.tickets.intake import open_ticket
from tests.fixtures_store import MONDAY_10, sample_ticket
from tests.integration.record.conftest import json_of, new_ticket, run_cli

pytestmark = pytest.mark.integration


def test_ticket_new_json_includes_the_second_imei(data) -> None:
    created = new_ticket(data, "--imei2", "860955027785207")
    assert created["imei2"] == "860955027785207"


def test_purge_counts_alike_and_an_anonymised_ticket_shows_no_none(manager, clock, vault) -> None:
    clock.now = MONDAY_10 - timedelta(days=2 * 365)  # two years before these commands run
    first = open_ticket(manager, sample_ticket(1))
    open_ticket(manager, dataclasses.replace(sample_ticket(2), customer_name="Zhang Wei"))  # the same customer
    manager.lock()
    data = vault.paths.root

    dry = json_of(run_cli(data, "purge", "--dry-run", "--json"))
    real = json_of(run_cli(data, "purge", "--json"))

    assert dry["counts"]["service_records"] == real["counts"]["service_records"] == 2, (dry, real)
    assert dry["counts"]["contact_data"] == real["counts"]["contact_data"] == 1
    shown = run_cli(data, "ticket", "show", first.number)
    assert shown.returncode == 0, shown.stderr
    assert "None" not in shown.stdout, shown.stdout
    assert "PHN110" in shown.stdout, "what statistics need stays"
