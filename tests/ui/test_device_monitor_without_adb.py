"""The counter opens without a usable adb program: tickets, slips and sync still work."""

from __future__ import annotations

from app.ui.application import start_device_monitor


def test_a_wrong_adb_path_leaves_the_counter_without_phones_instead_of_crashing(qapp, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("ADBUTILS_ADB_PATH", str(tmp_path / "no-such-adb"))
    assert start_device_monitor(None, qapp) is None
