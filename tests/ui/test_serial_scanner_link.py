"""The serial 2D barcode scanner, wired: a real pseudo-terminal stands in for the scanner's COM port.

The test writes scanner lines (CR LF framed, as scanners send them) to the pty's master end; the
app opens the slave end with pyserial exactly as it opens /dev/ttyUSB0 or COM3.
"""

from __future__ import annotations

import os
import threading

import pytest

from app.settings import load_settings
from app.storage.ticket_records import Agreement, NewTicket
from app.tickets.intake import open_ticket
from app.ui.dialogs.scanner_settings_dialog import ScannerSettingsDialog
from app.ui.serial_ports import SerialPortChoice

IMEI, IMEI2 = "490154203237518", "356938035643809"


@pytest.fixture
def pty_port():
    master, slave = os.openpty()
    yield master, os.ttyname(slave)
    for fd in (master, slave):
        try:
            os.close(fd)
        except OSError:
            pass


@pytest.fixture
def window(qtbot, make_window, manager):
    window = make_window()
    window.start_session(manager)
    yield window
    window.scanner.stop(wait=True)


def listen(qtbot, window, port: str) -> None:
    window.use_scanner_port(port)
    qtbot.waitUntil(lambda: window.scanner.listening, timeout=3000)
    assert window.scanner_button.text() == f"Scanner: {port}"


def test_a_box_label_scan_fills_both_imeis_of_the_new_ticket(qtbot, window, pty_port, vault) -> None:
    master, port = pty_port
    tickets = window.workspace.tickets
    tickets.tabs.setCurrentWidget(tickets.intake)
    listen(qtbot, window, port)
    assert load_settings(vault.paths.settings).scanner_port == port  # kept for the next start
    arrived_on: list[bool] = []
    window.scanner.scanned.connect(lambda _: arrived_on.append(threading.current_thread() is threading.main_thread()))
    os.write(master, f"IMEI1:{IMEI} IMEI2:{IMEI2} SN:R58N12\r\n".encode())
    qtbot.waitUntil(lambda: tickets.intake.imei.text() == IMEI, timeout=3000)
    assert tickets.intake.imei2.text() == IMEI2
    assert tickets.intake.steps.currentIndex() == 1  # the device step shows what was filled
    assert arrived_on == [True]  # handed to the GUI thread, never touched from the reader's


def test_a_scan_outside_the_wizard_searches_the_queue_and_opens_a_slip_ticket(qtbot, window, pty_port, manager) -> None:
    master, port = pty_port
    signed = Agreement("service_agreement", 1, "en", "Zhang Wei", "ab" * 32)
    number = open_ticket(
        manager, NewTicket("maintenance", "Zhang Wei", "13800000009", "RC-X1", IMEI, "cracked", agreement=signed)
    ).number
    window.workspace.nav.setCurrentRow(window.workspace.pages.indexOf(window.workspace.diagnostics))
    listen(qtbot, window, port)
    os.write(master, f"{number}\r\n".encode())
    tickets = window.workspace.tickets
    qtbot.waitUntil(lambda: tickets.tabs.currentWidget() is tickets.detail, timeout=3000)
    assert window.workspace.pages.currentWidget() is tickets
    assert tickets.queue.search_box.text() == number
    assert tickets.detail.heading.text().startswith(number)


def test_a_scan_while_locked_shows_nothing(qtbot, window, pty_port) -> None:
    master, port = pty_port
    listen(qtbot, window, port)
    window.lock()
    os.write(master, b"237518\r\n")
    os.write(master, b"SECOND\r\n")
    qtbot.wait(500)
    assert window.workspace.tickets.queue.search_box.text() == ""


def test_an_unplugged_scanner_is_reported_and_a_missing_port_never_blocks(qtbot, window, pty_port) -> None:
    master, port = pty_port
    listen(qtbot, window, port)
    os.close(master)  # the pty's other end goes away, like a USB scanner pulled out
    qtbot.waitUntil(lambda: "disconnected" in window.scanner_button.text(), timeout=4000)
    assert not window.scanner.listening
    window.use_scanner_port("/dev/no-such-scanner")
    qtbot.waitUntil(lambda: "cannot be opened" in window.scanner_button.text(), timeout=3000)
    window.use_scanner_port("")
    assert window.scanner_button.text() == "Scanner: none"


def test_the_port_is_picked_from_the_listed_ports_and_nothing_is_preset(qtbot, pty_port) -> None:
    _, port = pty_port
    # pyserial's list_ports reads the kernel's list of real serial devices, which never holds a
    # pseudo-terminal; the lister is given the pty here for that reason only.
    dialog = ScannerSettingsDialog("", list_ports=lambda: [SerialPortChoice(port, "2D scanner")])
    qtbot.addWidget(dialog)
    texts = [dialog.ports.item(r).text() for r in range(dialog.ports.count())]
    assert texts == ["No serial scanner", f"{port} - 2D scanner"]
    assert dialog.chosen_port() == ""  # nothing chosen until the person picks
    dialog.ports.setCurrentRow(1)
    assert dialog.chosen_port() == port
    again = ScannerSettingsDialog("/dev/ttyUSB7", list_ports=list)
    qtbot.addWidget(again)
    assert again.chosen_port() == "/dev/ttyUSB7"  # the saved choice stays visible while unplugged
    assert again.ports.currentItem().text() == "/dev/ttyUSB7 (not found now)"


def test_a_bad_scanner_port_in_the_settings_file_is_dropped(tmp_path) -> None:
    import json

    from app.settings import MAX_PORT

    path = tmp_path / "settings.json"
    for bad in (42, ["/dev/ttyUSB0"], "x" * (MAX_PORT + 1)):
        path.write_text(json.dumps({"language": "zh_CN", "scanner_port": bad}), "utf-8")
        settings = load_settings(path)
        assert settings.scanner_port == "" and settings.language == "zh_CN"  # the rest of the file still counts
    path.write_text(json.dumps({"scanner_port": " /dev/ttyACM0 "}), "utf-8")
    assert load_settings(path).scanner_port == "/dev/ttyACM0"
