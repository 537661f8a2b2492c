"""The Phones page follows real phones through a real adb server: they appear by model, an unauthorised
one gets its guidance, and a phone that goes away disappears."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.device.hub import DeviceHub
from app.ui.device_monitor import DeviceMonitor
from app.ui.pages.devices_page import DevicesPage


def _row_for(page: DevicesPage, serial: str) -> tuple[str, str, str] | None:
    """(what the Phone column shows, state, advice) of the phone with this adb serial."""
    for row in range(page.table.rowCount()):
        if page.serial_at(row) == serial:
            state = page.table.item(row, 1).data(Qt.ItemDataRole.UserRole)
            return page.table.item(row, 0).text(), state, page.table.item(row, 2).text()
    return None


def test_phones_appear_with_their_state_and_what_to_do(qtbot, client, phones) -> None:
    monitor = DeviceMonitor(lambda on_event: DeviceHub(client, on_event, poll_seconds=0.2))
    page = DevicesPage(monitor.model_of)
    qtbot.addWidget(page)
    monitor.device_changed.connect(page.on_device_changed)
    monitor.start()
    try:
        ready = phones.start("coloros-oneplus8-tool")
        locked = phones.start("unauthorised-oppo-reno", wait={"unauthorized"})
        qtbot.waitUntil(
            lambda: _row_for(page, ready.address) is not None and _row_for(page, locked.address) is not None,
            timeout=10_000,
        )
        assert _row_for(page, ready.address)[1] == "device"
        # listed by the model the phone announced and the end of its serial, not as 127.0.0.1:PORT
        assert _row_for(page, ready.address)[0] == f"IN2010 (…{ready.address[-4:]})"
        qtbot.waitUntil(lambda: _row_for(page, locked.address)[1] == "unauthorized", timeout=10_000)
        assert "Allow" in _row_for(page, locked.address)[2] or "allow" in _row_for(page, locked.address)[2]
        assert _row_for(page, locked.address)[0] == f"Phone (…{locked.address[-4:]})"  # no model before allowing
        assert "127.0.0.1" not in _row_for(page, locked.address)[0]
        assert page.empty_hint.isHidden()

        client.disconnect(ready.address)
        qtbot.waitUntil(lambda: _row_for(page, ready.address) is None, timeout=10_000)
    finally:
        monitor.stop()
