"""The intake's "read from the plugged phone", answered from the last consented diagnostics run.

The intake never reads the phone itself: identity is `device_info`, which the
customer must have agreed to.  So the intake takes what a diagnostics run
collected under that consent, and asks for a scanned or typed IMEI otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

from app.diagnostics.report import RunReport
from app.tickets.device_identity import DeviceIdentity


class ConsentedIdentitySource:
    """A `DeviceIdentitySource` over the latest run report (None when nothing was collected)."""

    def __init__(self, latest_report: Callable[[], RunReport | None]) -> None:
        self._latest_report = latest_report

    def read_identity(self) -> DeviceIdentity | None:
        report = self._latest_report()
        if report is None or not report.identity or "device_info" not in report.collected:
            return None
        found = report.identity
        return DeviceIdentity(
            model=found.get("model") or None,
            imeis=tuple(found.get("imei") or ()),
            serial=found.get("serial") or None,
            software_version=found.get("build") or found.get("rom_version") or None,
        )
