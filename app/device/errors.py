"""Handset errors a person can act on (exit codes 40-49).

Each class carries an English message and next step (for the command line and
logs) and a Simplified Chinese next step for the counter's GUI.  What a phone
prints never goes into these messages: only our own words and the transport name.
"""

from __future__ import annotations

from app.errors import KnownError


class DeviceError(KnownError):
    """Something about the phone or the adb connection went wrong."""

    exit_code = 40
    next_step = "Check the cable and that the phone is unlocked, then try again."
    next_step_zh = "请检查数据线并解锁手机，然后重试。"


class AdbServerUnavailable(DeviceError):
    """No adb program could be found or its server would not start."""

    exit_code = 41
    next_step = "Reinstall Repair Counter, or set ADBUTILS_ADB_PATH to a working adb program."
    next_step_zh = "请重新安装本软件，或将 ADBUTILS_ADB_PATH 设为可用的 adb 程序。"


class DeviceGone(DeviceError):
    """The phone was unplugged, went offline, or is not attached."""

    exit_code = 42
    next_step = "Reconnect the phone (try another cable or port) and keep it unlocked."
    next_step_zh = "请重新连接手机（可换一根数据线或接口），并保持解锁。"


class DeviceUnauthorized(DeviceError):
    """The phone has not allowed USB debugging for this PC."""

    exit_code = 43
    next_step = 'On the phone, tap "Allow" in the "Allow USB debugging?" dialog.'
    next_step_zh = "请在手机上的“允许 USB 调试吗？”对话框中点按“允许”。"


class OutputTooLarge(DeviceError):
    """The phone answered with more data than the app accepts; the answer was cut off."""

    exit_code = 44
    next_step = "Restart the phone and try again; if it repeats, report the phone model."
    next_step_zh = "请重启手机后重试；如仍出现，请上报该机型。"


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
    next_step_zh = "请清理手机存储空间后重试。"

    def __init__(self, message: str, reason: str = "", **kwargs: str) -> None:
        super().__init__(message, **kwargs)
        self.reason = reason


class DeviceTimeout(DeviceError):
    """The phone did not answer in time."""

    exit_code = 48
    next_step = "Unlock the phone, keep it connected, and try again."
    next_step_zh = "请解锁手机并保持连接，然后重试。"


class SerialPortError(DeviceError):
    """A serial device (barcode scanner, modem port) could not be used."""

    exit_code = 49
    next_step = "Check that the scanner or modem is plugged in and that no other program uses its port."
    next_step_zh = "请检查扫码枪或调制解调器已连接，且端口未被其他程序占用。"
