"""A real SQLCipher store (tests/fixtures_store.py) and the simulated GSM modem on a pty."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
import serial

from app.core.after_repair import MessageChoice
from app.core.reference_data import AfterRepairTexts, default_resources_dir, load_after_repair
from app.device.serial_modem import open_serial_port
from app.device.simulator.sms_modem import SimulatedModemPort, SimulatedSmsModem, start_simulated_modem
from app.messages.sender import ModemTimings, SendRun, send_due
from app.tickets import moves, pricing
from app.tickets.intake import open_ticket
from tests.integration.tickets.conftest import SIGNED, clerk, walk_in  # noqa: F401 (clerk: a fixture for these tests too)

PHONE = "13812345678"
FAST = ModemTimings(answer=0.6, prompt=0.4, reports=0.0)


@dataclass
class Modem:
    """The simulated modem and the counter's serial port on it; `replug` gives a fresh pair."""

    pair: SimulatedModemPort
    port: serial.Serial

    @property
    def sim(self) -> SimulatedSmsModem:
        return self.pair.modem

    def close(self) -> None:
        self.port.close()
        self.pair.close()

    def replug(self) -> None:
        self.close()
        self.pair = start_simulated_modem()
        self.port = open_serial_port(self.pair.port, timeout=0.05)


@pytest.fixture
def modem() -> Iterator[Modem]:
    pair = start_simulated_modem()
    plugged = Modem(pair, open_serial_port(pair.port, timeout=0.05))
    try:
        yield plugged
    finally:
        plugged.close()


@pytest.fixture(scope="session")
def texts() -> AfterRepairTexts:
    return load_after_repair(default_resources_dir())


def consenting_ticket(session, language: str = "zh_CN", care_guide: str = "slip") -> str:
    return open_ticket(session, walk_in(agreement=SIGNED), messages=MessageChoice(language, care_guide)).number


def to_ready(session, number: str) -> None:
    moves.move_ticket(session, number, "diagnosing")
    pricing.add_estimate(session, number, ["SCR-X1"])
    for status in ("repairing", "quality_check", "ready_for_pickup"):
        moves.move_ticket(session, number, status)


def send(session, modem: Modem, texts: AfterRepairTexts, timings: ModemTimings = FAST) -> SendRun:
    return send_due(session, modem.port, texts, timings)


def later(clock, minutes: int) -> None:
    clock.now = clock.now + timedelta(minutes=minutes)
