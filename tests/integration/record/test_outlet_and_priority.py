"""Issue 12 item 6: the outlet calendar edited by managers (journaled, in force for deadlines), a
priority suggested from the service type and fault (overridable), the IMEI's TAC checked against the model."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.accounts import service
from app.core.roles import Role
from app.tickets.intake import open_ticket, outlet_clock
from tests.fixtures_store import ADMIN_PASSWORD, MONDAY_10, SettableClock, sample_ticket
from tests.integration.record.conftest import json_of, new_ticket, run_cli, ticket_new_args

pytestmark = pytest.mark.integration

TUESDAY = date(2026, 11, 24)


@pytest.fixture
def with_clerk(vault, manager):
    service.add_account(manager, "C001", "Chen Jing", Role.INTAKE_CLERK, ADMIN_PASSWORD)
    manager.lock()
    return vault.paths.root


def test_managers_edit_the_calendar_journaled_and_deadlines_count_it(with_clerk, reopen) -> None:
    data = with_clerk
    refused = run_cli(data, "outlet", "holiday", "add", TUESDAY.isoformat(), user="C001")
    assert refused.returncode == 13, "a clerk may not change the calendar"
    bad = run_cli(data, "outlet", "hours", "mon", "9 to 6")
    assert bad.returncode == 2 and "09:00-18:00" in bad.stderr
    assert run_cli(data, "outlet", "hours", "sat", "closed").returncode == 0
    assert run_cli(data, "outlet", "holiday", "add", TUESDAY.isoformat(), "--note", "staff day").returncode == 0
    assert run_cli(data, "outlet", "holiday", "add", "2026-12-24", "--hours", "09:00-12:00").returncode == 0
    assert run_cli(data, "outlet", "holiday", "add", "2026-12-31").returncode == 0
    assert run_cli(data, "outlet", "holiday", "remove", "2026-12-31").stdout.strip() == "2026-12-31 removed"

    hours = run_cli(data, "outlet", "hours").stdout
    assert "sat closed" in hours and "mon 09:00-18:00" in hours
    listed = run_cli(data, "outlet", "holiday", "list").stdout.splitlines()
    assert listed == ["2026-11-24 closed staff day", "2026-12-24 09:00-12:00"]
    session = reopen()
    journaled = session.store.query("SELECT action FROM audit_journal WHERE entity = 'outlet_calendar' ORDER BY seq")
    assert [r[0] for r in journaled] == ["set_hours", "holiday", "holiday", "holiday", "holiday_removed"]
    session.store.clock = SettableClock(MONDAY_10)
    ticket = open_ticket(session, sample_ticket())  # priority 3: 24 business hours from Monday 10:00
    due = outlet_clock(session).local(datetime.fromisoformat(ticket.due_at))
    assert (due.date(), due.hour) == (date(2026, 11, 26), 16), "Mon 8 h + Wed 9 h + Thu 7 h: Tuesday is closed"


def test_a_priority_is_suggested_from_service_type_and_fault_and_may_be_overridden(data) -> None:
    water = new_ticket(data, "--fault-category", "water_damage")
    assert (water["priority"], water["priority_suggested"]) == (1, 1)
    overridden = new_ticket(data, "--fault-category", "water_damage", "--priority", "3", name="Liu Qiang")
    assert (overridden["priority"], overridden["priority_suggested"]) == (3, 1)
    storage = new_ticket(data, "--fault-category", "storage_full", name="Zhao Lei")
    assert storage["priority"] == 4
    parcel = new_ticket(
        data, "--type", "send_in", "--address", "12 Jianshe Road", "--fault-category", "screen", name="Sun Li"
    )
    assert parcel["priority"] == 3, "a send-in screen is one level below a walk-in one (2)"


def test_an_imei_of_another_model_is_refused_and_nothing_is_written(data, reopen) -> None:
    result = run_cli(data, *ticket_new_args("--imei", "861234040000013"))  # an RC-A5's IMEI, model RC-X1
    assert result.returncode == 52
    assert "861234040000013"[:8] in result.stderr and "is a RC-A5, not a RC-X1" in result.stderr
    assert "请核对" in result.stderr
    assert reopen().store.query_one("SELECT count(*) FROM ticket")[0] == 0
    assert json_of(run_cli(data, *ticket_new_args("--model", "RC-A5", "--imei", "861234040000013"), "--json"))
