"""The SMS modem driver against the simulated modem on a pty: PDUs decoded back, faults told apart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import serial

from app.core.sms_pdu import encode_submit, join_parts
from app.device.errors import SmsNotSent
from app.device.serial_modem import open_serial_port
from app.device.simulator.sms_modem import SimulatedModemPort, start_simulated_modem
from app.device.sms_modem import SmsModem, fault_of_cms

NUMBER = "13812345678"
CHINESE = "您的手机已修好，请到门店取机。" * 6


@pytest.fixture
def sim() -> Iterator[tuple[SimulatedModemPort, serial.Serial]]:
    pair = start_simulated_modem()
    port = open_serial_port(pair.port, timeout=0.05)
    try:
        yield pair, port
    finally:
        port.close()
        pair.close()


def test_a_long_chinese_message_arrives_whole_with_reports(sim: tuple[SimulatedModemPort, serial.Serial]) -> None:
    pair, port = sim
    modem = SmsModem(port, answer_timeout=2, prompt_timeout=1)
    modem.prepare()
    pdus = encode_submit(NUMBER, CHINESE, concat_reference=9)
    references = [modem.submit(pdu) for pdu in pdus]
    assert len(pdus) == 2 and references == [1, 2]
    assert join_parts(pair.modem.texts_to(NUMBER)) == CHINESE
    reports = modem.wait_for_reports(1.0)
    assert {report.message_reference for report in reports} <= {1, 2} and all(r.delivered for r in reports)


@pytest.mark.parametrize(
    ("code", "fault"), [(42, "busy"), (331, "no_network"), (8, "no_credit"), (1, "rejected"), (999, "unknown")]
)
def test_cms_errors_are_told_apart_and_nothing_was_received(
    sim: tuple[SimulatedModemPort, serial.Serial], code: int, fault: str
) -> None:
    pair, port = sim
    modem = SmsModem(port, answer_timeout=2, prompt_timeout=1)
    modem.prepare()
    pair.modem.add_faults(f"cms:{code}")
    with pytest.raises(SmsNotSent) as refused:
        modem.submit(encode_submit(NUMBER, "Ready")[0])
    assert (refused.value.fault, refused.value.cms, refused.value.after_submit) == (fault, code, False)
    assert refused.value.code == f"sms_{fault}"
    assert pair.modem.received == []
    assert modem.submit(encode_submit(NUMBER, "Ready")[0]) == 1  # the next try goes through


def test_a_silent_modem_is_no_answer_before_anything_left(sim: tuple[SimulatedModemPort, serial.Serial]) -> None:
    pair, port = sim
    modem = SmsModem(port, answer_timeout=0.5, prompt_timeout=0.3)
    pair.modem.add_faults("silent")
    with pytest.raises(SmsNotSent) as silent:
        modem.prepare()
    assert (silent.value.fault, silent.value.after_submit) == ("no_answer", False)


def test_a_lost_answer_after_ctrl_z_may_have_gone_out(sim: tuple[SimulatedModemPort, serial.Serial]) -> None:
    pair, port = sim
    modem = SmsModem(port, answer_timeout=0.5, prompt_timeout=0.5)
    modem.prepare()
    pair.modem.add_faults("lost_answer")
    marks: list[str] = []
    with pytest.raises(SmsNotSent) as lost:
        modem.submit(encode_submit(NUMBER, "Ready")[0], before_submit=lambda: marks.append("in flight"))
    assert (lost.value.fault, lost.value.after_submit, marks) == ("no_answer", True, ["in flight"])
    assert len(pair.modem.received) == 1


def test_an_unplugged_modem(sim: tuple[SimulatedModemPort, serial.Serial]) -> None:
    pair, port = sim
    modem = SmsModem(port, answer_timeout=0.5, prompt_timeout=0.3)
    modem.prepare()
    pair.modem.add_faults("unplug")
    with pytest.raises(SmsNotSent) as gone:
        modem.submit(encode_submit(NUMBER, "Ready")[0])
    assert (gone.value.fault, gone.value.after_submit) == ("unplugged", False)
    with pytest.raises(SmsNotSent) as still_gone:
        modem.prepare()
    assert still_gone.value.fault == "unplugged"


def test_unknown_codes_are_unknown() -> None:
    assert [fault_of_cms(c) for c in (515, 38, 50, 304, 500)] == [
        "busy",
        "no_network",
        "no_credit",
        "rejected",
        "unknown",
    ]
