"""What a run tells the technician besides its data, in both languages (shown on screen, in the JSON)."""

from __future__ import annotations

from app.core.localized import LocalizedText as T

TOOL_NOT_NEEDED = T(
    "检测工具缺失或版本过旧，本次检测无需该工具：仅使用系统命令读取。",
    "The tool is missing or old and not needed for these checks: shell only.",
)
NO_GENUINE_INSTALLER = T(
    "检测工具缺失或版本过旧，且没有可核验的正式安装包：仅使用系统命令读取。",
    "The tool is missing or old and no genuine installer is known: shell only.",
)
UPDATE_DECLINED = T(
    "客户拒绝更新检测工具：未进行检测。", "The customer declined the tool update: no diagnostics were run."
)
TOOL_DID_NOT_START = T(
    "检测工具未能启动：仅使用系统命令读取。", "The diagnostic tool did not start: shell readings only."
)
TOOL_TIMED_OUT = T(
    "检测工具未在规定时间内完成：仅使用系统命令读取。",
    "The diagnostic tool did not finish in time: shell readings only.",
)
WARRANTY_UNKNOWN = T(
    "保修状态未知（IMEI 未登记）：电池建议按保外处理。",
    "Warranty unknown (no registered IMEI): the battery advice assumes out of warranty.",
)
NOT_CLEANED_UP = T(
    "手机已断开，未能清理：手机上可能残留检测工具的临时文件夹。",
    "The phone could not be cleaned up (disconnected); the tool's folder may remain.",
)
TYPED_IMEI_INVALID = T(
    "输入的 IMEI 校验位错误，未被使用。", "device_info: the typed IMEI failed its check digit and was not used"
)
LOGCAT_FAILED = T("手机上的日志读取命令失败。", "logs: logcat failed on the phone")


def result_failed_checks(category: str) -> T:
    return T(f"{category}：检测工具的结果未通过校验。", f"{category}: the tool's result failed its checks")


def result_too_large(category: str) -> T:
    return T(f"{category}：检测工具的结果超出大小限制。", f"{category}: the tool's result was over the size limit")


def result_not_copied(category: str) -> T:
    return T(f"{category}：检测工具的结果无法复制。", f"{category}: the tool's result could not be copied")


def answer_unreadable(command: str) -> T:
    return T(
        f"{command}：手机的回答无法读取，已忽略。", f"{command}: the phone's answer could not be read and was ignored"
    )
