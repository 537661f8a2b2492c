"""Handset errors a person can act on (exit codes 40-49).

Each class carries an English message and next step (for the command line and
logs) and a Simplified Chinese next step for the counter's GUI.  What a phone
prints never goes into these messages: only our own words and the transport name.
"""

from __future__ import annotations

from typing import Any

from app.errors import KnownError


class DeviceError(KnownError):
    """Something about the phone or the adb connection went wrong."""

    exit_code = 40
    next_step = "Check the cable and that the phone is unlocked, then try again."


class AdbServerUnavailable(DeviceError):
    """No adb program could be found or its server would not start."""

    exit_code = 41
    next_step = "Reinstall Repair Counter, or set ADBUTILS_ADB_PATH to a working adb program."


class DeviceGone(DeviceError):
    """The phone was unplugged, went offline, or is not attached."""

    exit_code = 42
    next_step = "Reconnect the phone (try another cable or port) and keep it unlocked."


class DeviceUnauthorized(DeviceError):
    """The phone has not allowed USB debugging for this PC."""

    exit_code = 43
    next_step = 'On the phone, tap "Allow" in the "Allow USB debugging?" dialog.'


class OutputTooLarge(DeviceError):
    """The phone answered with more data than the app accepts; the answer was cut off."""

    exit_code = 44
    next_step = "Restart the phone and try again; if it repeats, report the phone model."


class DeviceCommandFailed(DeviceError):
    """A command on the phone failed or printed something the app cannot read."""

    exit_code = 45


class TransferFailed(DeviceError):
    """A file could not be copied to or from the phone."""

    exit_code = 46


class InstallFailed(DeviceError):
    """The phone refused to install an app."""

    exit_code = 47
    next_step = "Free some storage on the phone and try again."

    def __init__(self, message: str, reason: str = "", **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.reason = reason


class DeviceTimeout(DeviceError):
    """The phone did not answer in time."""

    exit_code = 48
    next_step = "Unlock the phone, keep it connected, and try again."


class SerialPortError(DeviceError):
    """A serial device (barcode scanner, modem port) could not be used."""

    exit_code = 49
    next_step = "Check that the scanner or modem is plugged in and that no other program uses its port."


class SmsNotSent(KnownError):
    """The GSM modem did not take a short message; `fault` says why, for the queue to decide on a retry.

    Not a DeviceError: the handset range 40-49 is full, and this belongs with the messages'
    codes (130-136, app/messages/errors.py).

    `code` is `sms_<fault>` so each case is worded on its own; `after_submit` is True when the
    message had already been handed to the modem (Ctrl-Z written) before the failure, so it
    may have gone out and must not be sent again blindly.
    """

    exit_code = 130
    next_step = "Check the modem's antenna, SIM card and credit; queued messages are retried."

    def __init__(self, message: str, fault: str, *, after_submit: bool = False, cms: int | None = None) -> None:
        super().__init__(message, code=f"sms_{fault}", params={"fault": fault, "cms": cms})
        self.fault = fault
        self.after_submit = after_submit
        self.cms = cms
