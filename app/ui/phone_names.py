"""How a phone is named to the technician: its model and the end of its serial ("Pixel 7 (…5557)"),
not the adb connection name (`127.0.0.1:5557`), which means nothing at the counter.

The model is what the phone announced to the adb server (`DeviceMonitor.model_of`): nothing is read
from the phone for it. The serial itself stays the key everywhere (item data, signals, tests).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

#: How much of the serial tells two phones of the same model apart.
SERIAL_TAIL = 4


def phone_name(serial: str, model: str) -> str:
    """ "Pixel 7 (…5557)"; "Phone (…5557)" while the model is unknown (USB debugging not allowed yet)."""
    tail = serial[-SERIAL_TAIL:]
    if model:
        return f"{model} (…{tail})"
    return translate("PhoneNames", "Phone (…%1)").replace("%1", tail)
