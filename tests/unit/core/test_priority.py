"""The priority suggested from the service type and fault category."""

from __future__ import annotations

import pytest

from app.core.priority import FAULT_PRIORITY, suggest_priority
from app.core.privacy_catalogue import FAULTS


def test_every_fault_category_has_a_suggested_level() -> None:
    assert set(FAULT_PRIORITY) == set(FAULTS)


@pytest.mark.parametrize(
    ("service_type", "fault", "level"),
    [
        ("maintenance", "water_damage", 1),
        ("send_in", "water_damage", 1),
        ("maintenance", "screen", 2),
        ("send_in", "screen", 3),
        ("maintenance", "storage_full", 4),
        ("send_in", "storage_full", 4),
        ("return_exchange", "water_damage", 3),
        ("maintenance", "not_a_fault", 3),
    ],
)
def test_suggested_levels(service_type: str, fault: str, level: int) -> None:
    assert suggest_priority(service_type, fault) == level
