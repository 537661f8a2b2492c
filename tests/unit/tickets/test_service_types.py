"""Each service type asks only what it needs; a value for a field not asked is refused."""

from __future__ import annotations

from datetime import date

import pytest

from app.storage.ticket_records import NewTicket
from app.tickets.service_types import FIELDS, Need, ServiceType, field_problems

TODAY = date(2026, 11, 23)
BASE = dict(
    customer_name="Zhang Wei",
    customer_phone="13812345678",
    device_model="RC-X1",
    imei="860955027785041",
    fault="cracked screen",
)


def test_maintenance_needs_name_phone_device_fault_and_nothing_more() -> None:
    assert field_problems(NewTicket("maintenance", **BASE), TODAY) == {}
    asked = FIELDS[ServiceType.MAINTENANCE]
    assert {k for k, v in asked.items() if v is Need.REQUIRED} == {
        "customer_name",
        "customer_phone",
        "device_model",
        "imei",
        "fault",
    }
    problems = field_problems(NewTicket("maintenance", **BASE, customer_address="88 Shennan Road"), TODAY)
    assert problems == {"customer_address": "not asked for this service type; leave it empty"}


def test_send_in_adds_address_and_parcel_details() -> None:
    problems = field_problems(NewTicket("send_in", **BASE), TODAY)
    assert problems == {"customer_address": "required"}
    ok = NewTicket(
        "send_in",
        **BASE,
        customer_address="88 Shennan Road",
        courier="SF Express",
        tracking_number="SF123456789012",
        parcel_condition="box dented",
        customer_email="z@example.com",
    )
    assert field_problems(ok, TODAY) == {}


def test_return_exchange_needs_contact_purchase_date_and_proof_but_no_fault() -> None:
    bare = dict(BASE, fault="")
    problems = field_problems(NewTicket("return_exchange", **bare), TODAY)
    assert set(problems) == {"customer_email", "customer_address", "purchase_date", "purchase_proof"}
    ok = NewTicket(
        "return_exchange",
        **bare,
        customer_email="z@example.com",
        customer_address="88 Shennan Road",
        purchase_date=date(2026, 11, 20),
        purchase_proof="invoice 0012",
    )
    assert field_problems(ok, TODAY) == {}
    with_courier = NewTicket(
        "return_exchange",
        **bare,
        customer_email="z@example.com",
        customer_address="x",
        purchase_date=date(2026, 11, 20),
        purchase_proof="i",
        courier="SF",
    )
    assert "courier" in field_problems(with_courier, TODAY)


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"customer_phone": "call me"}, "customer_phone", "not a phone number"),
        ({"imei": "860955027785042"}, "imei", "check digit"),
        ({"imei2": "860955027785041"}, "imei2", "the same as the first IMEI"),
        ({"purchase_date": date(2026, 12, 1)}, "purchase_date", "after today"),
        ({"condition": {"screen": "shattered"}}, "condition", "each item is one of"),
        ({"condition": {"antenna": "ok"}}, "condition", "unknown checklist items"),
        ({"priority": 5}, "priority", "1 (most urgent) to 4"),
    ],
)
def test_bad_values_are_named_by_field(changes: dict, field: str, problem: str) -> None:
    problems = field_problems(NewTicket("maintenance", **{**BASE, **changes}), TODAY)
    assert problem in problems[field]


def test_an_unknown_service_type_is_refused() -> None:
    assert "unknown service type" in field_problems(NewTicket("repair", **BASE), TODAY)["service_type"]
