"""Data forgetting against simulated handsets through a real adb server (the diagnostics tests' server and phones)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from app.device.simulator import load_profile
from app.device.simulator.profile import HandsetProfile
from app.erasure.consent import WipeDecision, record_wipe_decision
from app.erasure.wipe import WipeFlow
from app.tickets.intake import open_ticket
from tests.integration.diagnostics.conftest import (  # noqa: F401 - fixtures
    HANDSETS,
    PNG_SIGNATURE,
    diag_adb_server,
    phones,
    reference,
)
from tests.integration.tickets.conftest import walk_in

#: The IMEIs the simulated phones give (slot 1).
IMEI = {
    "coloros-oneplus8-tool": "868915051234565",
    "realme-gt2-old-tool": "867160061122333",
    "oneplus-nord-n10-no-tool": "864553049876504",
}


def profile(name: str, wipe: str = "success", **device: object) -> HandsetProfile:
    loaded = load_profile(HANDSETS / name)
    if loaded.diagtool is not None:
        loaded = dataclasses.replace(loaded, diagtool=dataclasses.replace(loaded.diagtool, wipe=wipe))
    return dataclasses.replace(loaded, device=dataclasses.replace(loaded.device, **device))


@pytest.fixture
def ticket_for(manager) -> Callable[[str], str]:
    def make(imei: str, model: str = "IN2010") -> str:
        intake = walk_in(customer_name="Zhao Lei", customer_phone="13800138000", device_model=model, imei=imei)
        return open_ticket(manager, intake).number

    return make


def decision(ticket: str, agreed: bool = True) -> WipeDecision:
    return WipeDecision(ticket, "Zhao Lei", agreed, "zh_CN", "signature", PNG_SIGNATURE)


@pytest.fixture
def agree(manager, reference) -> Callable[[str], str]:  # noqa: F811 - the fixture imported above
    def make(ticket: str) -> str:
        return record_wipe_decision(manager, reference.consents, decision(ticket)).id

    return make


@pytest.fixture
def wipe_flow(manager, reference) -> WipeFlow:  # noqa: F811 - the fixture imported above
    return WipeFlow(manager, reference, result_timeout=10, gone_timeout=10, poll_seconds=0.05)
