"""Requests: received and due dates, identity check, who handled it, overdue ones stand out; only
managers take them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.accounts import service
from app.core.roles import Role
from app.errors import PermissionDenied
from app.privacy import actions, requests
from app.privacy_rules.errors import IdentityNotChecked, RequestClosed, UnknownCustomer
from app.storage import privacy_repository as repo
from tests.integration.privacy.conftest import MARKERS, START


def customer_id(manager) -> str:
    return manager.store.query_one("SELECT id FROM customer")[0]


def test_a_request_gets_a_seven_day_aim_and_a_one_month_limit(manager, clock, marked) -> None:
    request = requests.new_request(manager, "access", customer_id(manager), "ID card seen")
    assert request.number == "PR-20261123-0001"
    assert request.received_at.startswith("2026-11-23T02:00")
    assert request.due_at.startswith("2026-11-30T02:00")
    assert request.latest_due_at.startswith("2026-12-23T02:00")
    assert (request.status, request.identity_check, request.identity_checked_by) == ("open", "ID card seen", "E1001")


def test_overdue_requests_stand_out_and_come_first(manager, clock, marked) -> None:
    cid = customer_id(manager)
    older = requests.new_request(manager, "access", cid, "ID card seen")
    clock.now = START + timedelta(days=3)
    newer = requests.new_request(manager, "objection", cid, "phone + slip")
    clock.now = START + timedelta(days=8)
    listed = requests.list_requests(manager)
    assert [r.number for r in listed] == [older.number, newer.number]
    assert [r.number for r in requests.overdue(listed, clock.now)] == [older.number]
    clock.now = START + timedelta(days=32)
    assert listed[0].is_late("2026-12-25T00:00:00.000+00:00")


def test_closing_records_who_and_when_and_a_closed_request_stays_closed(manager, clock, marked) -> None:
    request = requests.new_request(manager, "access", customer_id(manager), "ID card seen")
    clock.now = START + timedelta(days=2)
    closed = requests.close_request(manager, request.number, "done", "export handed over")
    assert (closed.status, closed.handled_by, closed.outcome) == ("done", "E1001", "export handed over")
    assert closed.closed_at.startswith("2026-11-25")
    with pytest.raises(RequestClosed):
        requests.close_request(manager, request.number, "done", "again")


def test_no_request_without_an_identity_check_or_a_known_customer(manager, clock, marked) -> None:
    with pytest.raises(IdentityNotChecked):
        requests.new_request(manager, "access", customer_id(manager), "   ")
    with pytest.raises(UnknownCustomer):
        requests.new_request(manager, "access", "no-such-customer", "ID card seen")


def test_a_technician_may_not_take_requests(vault, manager, clock, marked) -> None:
    service.add_account(manager, "E2002", "Wang Fang", Role.TECHNICIAN, "tech-pass-22")
    technician = service.sign_in(vault, "E2002", "tech-pass-22")
    try:
        with pytest.raises(PermissionDenied):
            requests.new_request(technician, "access", customer_id(manager), "ID card seen")
    finally:
        technician.store.close()


def test_rectification_corrects_the_contact_and_closes_the_request(manager, clock, marked) -> None:
    request = requests.new_request(manager, "rectification", customer_id(manager), "ID card seen")
    actions.rectify(manager, request.number, {"name": "Ottoline Rightname", "phone": "139 0755 1111"})
    row = manager.store.query_one("SELECT name, phone FROM customer")
    assert row == ("Ottoline Rightname", "13907551111")
    assert manager.store.query_one("SELECT phone_tail FROM ticket")[0] == "1111"
    assert requests.find_request(manager, request.number).status == "done"


def test_objection_is_recorded(manager, clock, marked) -> None:
    request = requests.new_request(manager, "objection", customer_id(manager), "ID card seen")
    actions.record_objection(manager, request.number)
    assert manager.store.query_one("SELECT objected_at FROM customer_privacy")[0].startswith("2026-11-23")


def test_withdrawal_withdraws_the_customers_consents_and_deletes_their_diagnostic_data(manager, clock, marked) -> None:
    from tests.integration.privacy.conftest import add_diagnostics

    add_diagnostics(manager, marked.number, MARKERS["name"])
    request = requests.new_request(manager, "withdrawal", customer_id(manager), "ID card seen")
    assert actions.withdraw(manager, request.number) == 1
    assert manager.store.query_one("SELECT withdrawn_at FROM diag_consent")[0] is not None
    assert manager.store.query("SELECT 1 FROM diag_log UNION ALL SELECT 1 FROM diag_result") == []
    assert repo.request_by_number(manager.store, request.number).status == "done"
