"""Issue 12 item 1: a customer is matched by phone AND name; a differing name never overwrites a stored one."""

from __future__ import annotations

import pytest

from app.storage.store import Store
from tests.integration.record.conftest import json_of, new_ticket, run_cli, ticket_new_args

pytestmark = pytest.mark.integration


def _customers(store: Store) -> list[tuple[str, str, str]]:
    return [
        (r[0], r[1], r[2] or "") for r in store.query("SELECT name, phone, address FROM customer ORDER BY created_at")
    ]


def test_same_phone_other_name_is_a_new_customer_and_leaves_the_first_untouched(data, reopen) -> None:
    first = new_ticket(data, "--type", "send_in", "--address", "12 Jianshe Road", name="Wang Fang")
    second = new_ticket(data, name="Liu Qiang")

    shown_first = json_of(run_cli(data, "ticket", "show", first["number"], "--json"))
    shown_second = json_of(run_cli(data, "ticket", "show", second["number"], "--json"))
    assert shown_first["customer_name"] == "Wang Fang"
    assert shown_first["customer_address"] == "12 Jianshe Road"
    assert shown_second["customer_name"] == "Liu Qiang"
    assert shown_second["customer_address"] == "", "Liu Qiang does not take Wang Fang's address"
    assert shown_second["customer_id"] != shown_first["customer_id"]

    again = new_ticket(data, name="wang  fang")  # the same person, typed loosely
    assert (
        json_of(run_cli(data, "ticket", "show", again["number"], "--json"))["customer_id"] == shown_first["customer_id"]
    )

    session = reopen()
    assert _customers(session.store) == [
        ("Wang Fang", "13987654321", "12 Jianshe Road"),
        ("Liu Qiang", "13987654321", ""),
    ]


def test_customer_flag_picks_an_existing_customer_and_refuses_another_name(data, reopen) -> None:
    first = new_ticket(data, name="Wang Fang")
    wang = json_of(run_cli(data, "ticket", "show", first["number"], "--json"))["customer_id"]

    picked = new_ticket(data, "--customer", wang, name="", phone="")
    shown = json_of(run_cli(data, "ticket", "show", picked["number"], "--json"))
    assert (shown["customer_id"], shown["customer_name"], shown["customer_phone"]) == (wang, "Wang Fang", "13987654321")

    refused = run_cli(data, *ticket_new_args("--customer", wang, name="Wang Fan", phone=""))
    assert refused.returncode == 52
    assert "registered as 'Wang Fang'" in refused.stderr and "rectification" in refused.stderr
    unknown = run_cli(data, *ticket_new_args("--customer", "no-such-id", name="", phone=""))
    assert unknown.returncode == 52 and "no customer" in unknown.stderr

    session = reopen()
    assert _customers(session.store) == [("Wang Fang", "13987654321", "")]
    assert session.store.query_one("SELECT count(*) FROM ticket")[0] == 2, "the refused intakes wrote nothing"


def test_a_name_is_corrected_only_through_the_privacy_desk_and_journaled(data, reopen) -> None:
    first = new_ticket(data, name="Wang Fan")
    customer = json_of(run_cli(data, "ticket", "show", first["number"], "--json"))["customer_id"]
    request = json_of(
        run_cli(
            data,
            "request",
            "new",
            "--kind",
            "rectification",
            "--customer",
            customer,
            "--identity-check",
            "ID card seen",
            "--json",
        )
    )
    done = run_cli(data, "request", "do", request["number"], "--name", "Wang Fang")
    assert done.returncode == 0, done.stderr

    assert json_of(run_cli(data, "ticket", "show", first["number"], "--json"))["customer_name"] == "Wang Fang"
    session = reopen()
    actions = [e.action for e in session.store.journal_entries(limit=100_000) if e.entity_id == customer]
    assert "rectify" in actions
