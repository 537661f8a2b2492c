"""The priority a new ticket is suggested from its service type and fault (the person may override it).

The after-sales guide has tickets "automatically assigned one of 4 priority
levels"; level 1 is answered within 30 minutes.  Why each fault gets its level:

* water damage is 1: corrosion spreads by the hour, the phone must be opened and dried now;
* a swollen or draining battery, a phone that will not charge, has no signal or a broken
  screen is 2: the customer has no usable phone (and a swollen battery is a safety risk);
* crashes, camera, Wi-Fi/Bluetooth and anything else are 3; a full storage is 4;
* a send-in parcel is not waiting at the counter: one level less urgent (at most 4), except
  water damage; a return or exchange is paperwork first: 3.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.core.deadlines import Priority

FAULT_PRIORITY: Mapping[str, Priority] = MappingProxyType(
    {
        "water_damage": Priority.P1,
        "battery_drain": Priority.P2,
        "no_charge": Priority.P2,
        "no_signal": Priority.P2,
        "screen": Priority.P2,
        "crash_freeze": Priority.P3,
        "camera": Priority.P3,
        "wifi_bluetooth": Priority.P3,
        "storage_full": Priority.P4,
        "other": Priority.P3,
    }
)


def suggest_priority(service_type: str, fault_category: str) -> Priority:
    """The suggested level for this service type and fault category (3 for anything unknown)."""
    if service_type == "return_exchange":
        return Priority.P3
    level = FAULT_PRIORITY.get(fault_category, Priority.P3)
    if service_type == "send_in" and level is not Priority.P1:
        return Priority(min(level + 1, Priority.P4))
    return level
