"""Ticket fixtures over a real SQLCipher store (tests/fixtures_store.py), and a clock the tests set."""

from __future__ import annotations

import pytest

from app.accounts import service
from app.core.roles import Role
from app.storage.ticket_records import Agreement, NewTicket

SIGNED = Agreement("service_agreement", 1, "zh_CN", "Zhang Wei", "ab" * 32)


def walk_in(**changes) -> NewTicket:
    fields = dict(
        service_type="maintenance",
        customer_name="Zhang Wei",
        customer_phone="138 1234 5678",
        device_model="RC-X1",
        imei="860955027785041",
        fault="cracked screen",
        fault_category="screen",
        condition={"screen": "damaged", "housing": "ok"},
        accessories=("charger",),
    )
    return NewTicket(**{**fields, **changes})


@pytest.fixture
def clerk(vault, manager):
    service.add_account(manager, "C001", "Clerk", Role.INTAKE_CLERK, "clerk-pass-123")
    session = service.sign_in(vault, "C001", "clerk-pass-123")
    yield session
    session.store.close()
