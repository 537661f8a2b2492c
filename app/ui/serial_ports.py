"""The serial (COM) ports this PC has, as pyserial lists them: nothing is preset, the person picks one."""

from __future__ import annotations

from dataclasses import dataclass

from serial.tools import list_ports


@dataclass(frozen=True)
class SerialPortChoice:
    device: str  # /dev/ttyUSB0, /dev/ttyACM0, COM3
    description: str  # what the driver says it is ("USB Serial Device", a scanner's product name)

    def label(self) -> str:
        known = self.description and self.description != "n/a"
        return f"{self.device} - {self.description}" if known else self.device


def serial_ports() -> list[SerialPortChoice]:
    return sorted(
        (SerialPortChoice(port.device, port.description or "") for port in list_ports.comports()),
        key=lambda choice: choice.device,
    )


def ports_with_hardware() -> list[SerialPortChoice]:
    """The ports a printer can be on: pyserial describes USB ports by product and a PC's real COM port by
    name, and says "n/a" only for a built-in port with no hardware known behind it (the /dev/ttyS0 a Linux
    PC lists even without one), which was the thermal printer's useless preset."""
    return [choice for choice in serial_ports() if choice.description != "n/a"]
