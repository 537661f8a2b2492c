"""What the diagnostic service may collect, why, and which diagnostic needs what.

This is the catalogue of docs/ARCHITECTURE.md section 8, written once as data so that the
consent dialog, the gate in front of the phone, the Diagnostic Tool contract,
the slip ("what we collected and why") and the retention engine all read the
same lists.  Three tables:

* `CATEGORIES`: every data category under its identifier, with a plain-language
  label, description and purpose in zh_CN and en, and the retention rule
  (see `app.core.retention`) that says how long it is kept;
* `FUNCTIONS`: the diagnostic functions and the categories each one needs.
  Minimum necessary: a function asks only for what its result is computed
  from.  `location` is asked by no function; it is in the catalogue because
  the privacy statement names it, and a customer can never be asked for it
  by a diagnostic here;
* `FAULTS`: the fault categories a technician picks at intake, each
  suggesting the functions worth running (always starting with `identity`,
  since every ticket needs to know which phone it is).

The functions at the bottom answer the questions the services ask: which
categories does this set of functions need, which of them were not consented,
which functions can run under a given consent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from app.core.localized import LocalizedText as T
from app.core.retention import DEFAULT_POLICY, RetentionPolicy


class UnknownIdentifier(ValueError):
    """An identifier that is not in the catalogue (a typo, or input from outside)."""

    def __init__(self, kind: str, identifier: str, known: Iterable[str]) -> None:
        super().__init__(f"unknown {kind} {identifier!r}; known: {', '.join(known)}")
        self.kind = kind
        self.identifier = identifier


@dataclass(frozen=True, slots=True)
class DataCategory:
    """A kind of personal data the diagnostic service may read from a phone."""

    identifier: str
    label: T
    description: T
    purpose: T
    #: Identifier of the retention rule in `app.core.retention.DEFAULT_RULES`.
    retention_rule: str


@dataclass(frozen=True, slots=True)
class DiagnosticFunction:
    """A check the technician can run; `categories` is everything it reads."""

    identifier: str
    label: T
    description: T
    categories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FaultCategory:
    """A fault the customer reports, and the functions that look into it."""

    identifier: str
    label: T
    suggested_functions: tuple[str, ...]


def _category(identifier: str, label: T, description: T, purpose: T, retention_rule: str) -> DataCategory:
    return DataCategory(identifier, label, description, purpose, retention_rule)


_PURPOSE_FAULT = T("找出故障原因并判断维修方案。", "To find the cause of the fault and decide on the repair.")

_CATEGORY_LIST = (
    _category(
        "device_info",
        T("设备信息", "Device information"),
        T("手机的 IMEI、型号、系统版本和序列号。", "The phone's IMEI, model, software version and serial number."),
        T(
            "确认是哪一部手机、是否在保修期内，并记录在维修单上。",
            "To identify the phone, check its warranty and record it on the repair ticket.",
        ),
        "device_identifiers",
    ),
    _category(
        "base_station_id",
        T("基站标识", "Base station ID"),
        T("手机当前连接的移动网络基站编号。", "The ID of the mobile network cell the phone is connected to."),
        T(
            "判断无信号或信号差是手机还是网络的问题。",
            "To tell whether weak or no signal comes from the phone or from the network.",
        ),
        "diagnostic_data",
    ),
    _category(
        "app_version",
        T("应用版本", "App versions"),
        T("已安装应用的版本号。", "The version numbers of the installed apps."),
        T("查找已知有问题的应用版本。", "To look for app versions with known problems."),
        "diagnostic_data",
    ),
    _category(
        "app_usage",
        T("应用使用记录", "App usage record"),
        T(
            "各应用的使用时长和耗电情况，不含应用内的内容。",
            "How long each app was used and how much power it drew; nothing of what is inside the apps.",
        ),
        T("找出耗电过快或发热的原因。", "To find what drains the battery or heats the phone."),
        "diagnostic_data",
    ),
    _category(
        "app_installs",
        T("应用安装与卸载记录", "App installation and deletion records"),
        T("哪些应用在何时被安装或卸载。", "Which apps were installed or removed, and when."),
        T(
            "判断故障是否从某个应用安装后开始，以及存储空间被什么占用。",
            "To see whether a fault began after an app was installed, and what fills the storage.",
        ),
        "diagnostic_data",
    ),
    _category(
        "reboot_time",
        T("重启时间", "Reboot times"),
        T("手机最近几次重启的时间。", "When the phone last restarted."),
        T("判断是否存在异常重启。", "To detect unexpected restarts."),
        "diagnostic_data",
    ),
    _category(
        "software_info",
        T("软件信息", "Software information"),
        T("系统和固件的版本与配置。", "The versions and settings of the system and firmware."),
        T("判断是否需要升级或重新安装系统。", "To decide whether the system needs an update or a reinstall."),
        "diagnostic_data",
    ),
    _category(
        "software_operation",
        T("软件运行数据", "Software operation data"),
        T(
            "系统服务的运行状态，如内存和处理器占用。",
            "How the system services are running, such as memory and processor use.",
        ),
        T("找出卡顿、死机和发热的原因。", "To find the cause of slowness, freezes and heat."),
        "diagnostic_data",
    ),
    _category(
        "software_fault",
        T("软件故障信息", "Software fault information"),
        T("应用和系统崩溃、无响应的记录。", "Records of app and system crashes and hangs."),
        _PURPOSE_FAULT,
        "diagnostic_data",
    ),
    _category(
        "ssid",
        T("无线网络名称 (SSID)", "Wi-Fi network name (SSID)"),
        T("手机连接的无线网络名称。", "The name of the Wi-Fi network the phone is connected to."),
        T("判断无线网络连接问题。", "To diagnose Wi-Fi connection problems."),
        "diagnostic_data",
    ),
    _category(
        "bssid",
        T("无线接入点 (BSSID)", "Wi-Fi access point (BSSID)"),
        T("手机连接的无线路由器的硬件地址。", "The hardware address of the Wi-Fi router the phone is connected to."),
        T("判断无线网络连接问题。", "To diagnose Wi-Fi connection problems."),
        "diagnostic_data",
    ),
    _category(
        "wifi_list",
        T("无线网络列表", "List of Wi-Fi networks"),
        T(
            "手机能搜到的附近无线网络及其信号强度。",
            "The Wi-Fi networks the phone can see nearby, with their strength.",
        ),
        T("检查手机的无线网络天线和接收能力。", "To check the phone's Wi-Fi antenna and reception."),
        "diagnostic_data",
    ),
    _category(
        "bluetooth_record",
        T("蓝牙记录", "Bluetooth record"),
        T("蓝牙的开关状态和配对设备的类型。", "Whether Bluetooth is on and what kinds of devices are paired."),
        T("判断蓝牙连接问题。", "To diagnose Bluetooth connection problems."),
        "diagnostic_data",
    ),
    _category(
        "network_record",
        T("网络记录", "Network record"),
        T(
            "移动网络和无线网络的连接状态、信号强度和断线记录。",
            "Mobile and Wi-Fi connection state, signal strength and drop-outs.",
        ),
        T("判断上网和通话问题。", "To diagnose problems with data and calls."),
        "diagnostic_data",
    ),
    _category(
        "battery_record",
        T("电池记录", "Battery record"),
        T(
            "电池的电量、健康度、充电循环次数、温度和电压。",
            "The battery's charge, health, charge cycles, temperature and voltage.",
        ),
        T(
            "判断电池是否老化、是否可以免费更换。",
            "To judge whether the battery is worn and can be replaced free of charge.",
        ),
        "service_records",
    ),
    _category(
        "location",
        T("位置信息", "Location"),
        T("手机所在的位置，从国家到街道。", "Where the phone is, from country down to street."),
        T("本店的诊断功能不使用位置信息。", "No diagnostic at this counter uses location."),
        "diagnostic_data",
    ),
    _category(
        "photo_record",
        T("拍照记录", "Photo record"),
        T(
            "拍照时的相机参数和结果，不含照片本身。",
            "Camera settings and results when photos are taken; not the photos themselves.",
        ),
        T("判断相机故障。", "To diagnose camera faults."),
        "diagnostic_data",
    ),
    _category(
        "camera_startup",
        T("相机启动记录", "Camera start-up record"),
        T("相机每次启动是否成功以及所用时间。", "Whether each camera start succeeded and how long it took."),
        T("判断相机无法打开或打开缓慢的问题。", "To diagnose a camera that will not open or opens slowly."),
        "diagnostic_data",
    ),
    _category(
        "logs",
        T("设备日志", "Device logs"),
        T(
            "手机系统记录的运行日志；电话号码、邮箱、账号、位置等在保存前会被去除。",
            "The phone's system log; phone numbers, e-mails, accounts and locations are removed before it is stored.",
        ),
        _PURPOSE_FAULT,
        "diagnostic_logs",
    ),
)

#: Every data category, in the order of docs/ARCHITECTURE.md section 8.
CATEGORIES: Mapping[str, DataCategory] = MappingProxyType({c.identifier: c for c in _CATEGORY_LIST})


def _function(identifier: str, label: T, description: T, *categories: str) -> DiagnosticFunction:
    return DiagnosticFunction(identifier, label, description, categories)


_FUNCTION_LIST = (
    _function(
        "identity",
        T("设备识别", "Identity"),
        T("读取型号、IMEI、序列号和系统版本。", "Reads the model, IMEI, serial number and software version."),
        "device_info",
    ),
    _function(
        "battery",
        T("电池检测", "Battery"),
        T("检查电池健康度、循环次数和容量。", "Checks battery health, charge cycles and capacity."),
        "battery_record",
    ),
    _function(
        "charging",
        T("充电检测", "Charging"),
        T("检查充电口、充电电流和充电状态。", "Checks the charging port, current and charging state."),
        "battery_record",
    ),
    _function(
        "display",
        T("屏幕检测", "Display"),
        T("检查触摸、显示坏点和亮度调节。", "Checks touch, dead pixels and brightness control."),
        "software_info",
    ),
    _function(
        "network",
        T("网络检测", "Network"),
        T("检查移动信号、上网和无线网络连接。", "Checks mobile signal, data and Wi-Fi connection."),
        "network_record",
        "base_station_id",
        "ssid",
        "bssid",
        "wifi_list",
    ),
    _function(
        "bluetooth",
        T("蓝牙检测", "Bluetooth"),
        T("检查蓝牙开关和配对。", "Checks Bluetooth switching and pairing."),
        "bluetooth_record",
    ),
    _function(
        "camera",
        T("相机检测", "Camera"),
        T("检查各个相机能否打开和对焦。", "Checks that each camera opens and focuses."),
        "camera_startup",
        "photo_record",
    ),
    _function(
        "logs",
        T("日志分析", "Logs"),
        T("读取系统日志，查找崩溃和错误。", "Reads the system log for crashes and errors."),
        "logs",
        "software_fault",
    ),
    _function(
        "storage",
        T("存储检测", "Storage"),
        T("检查存储空间占用和存储芯片健康。", "Checks what fills the storage and the storage chip's health."),
        "software_info",
        "app_installs",
    ),
    _function(
        "software",
        T("软件检测", "Software"),
        T(
            "检查系统版本、异常重启、应用崩溃和耗电应用。",
            "Checks the system version, unexpected restarts, app crashes and power-hungry apps.",
        ),
        "software_info",
        "software_operation",
        "software_fault",
        "app_version",
        "app_usage",
        "reboot_time",
    ),
)

#: Every diagnostic function, in the order the flow runs them.
FUNCTIONS: Mapping[str, DiagnosticFunction] = MappingProxyType({f.identifier: f for f in _FUNCTION_LIST})

_FAULT_LIST = (
    FaultCategory(
        "battery_drain",
        T("耗电快 / 电池鼓包", "Battery drains fast / swollen battery"),
        ("identity", "battery", "software"),
    ),
    FaultCategory(
        "no_charge", T("无法充电 / 充电慢", "Will not charge / charges slowly"), ("identity", "charging", "battery")
    ),
    FaultCategory(
        "screen", T("屏幕问题（碎屏、触摸、显示）", "Screen (cracked, touch, display)"), ("identity", "display")
    ),
    FaultCategory("no_signal", T("无信号 / 通话问题", "No signal / call problems"), ("identity", "network")),
    FaultCategory(
        "wifi_bluetooth", T("无线网络或蓝牙问题", "Wi-Fi or Bluetooth problems"), ("identity", "network", "bluetooth")
    ),
    FaultCategory("camera", T("相机问题", "Camera problems"), ("identity", "camera")),
    FaultCategory(
        "crash_freeze", T("死机、重启、卡顿", "Crashes, restarts, freezes"), ("identity", "software", "logs")
    ),
    FaultCategory("storage_full", T("存储空间不足", "Storage full"), ("identity", "storage")),
    FaultCategory("water_damage", T("进水", "Water damage"), ("identity", "battery", "charging", "display")),
    FaultCategory("other", T("其他", "Other"), ("identity",)),
)

#: Fault categories offered at intake.
FAULTS: Mapping[str, FaultCategory] = MappingProxyType({f.identifier: f for f in _FAULT_LIST})


def _check(kind: str, identifiers: Iterable[str], known: Mapping[str, object]) -> list[str]:
    checked = []
    for identifier in identifiers:
        if identifier not in known:
            raise UnknownIdentifier(kind, identifier, known)
        if identifier not in checked:
            checked.append(identifier)
    return checked


def check_categories(categories: Iterable[str]) -> tuple[str, ...]:
    """The categories in catalogue order, duplicates dropped; `UnknownIdentifier` for a stranger."""
    wanted = set(_check("data category", categories, CATEGORIES))
    return tuple(c for c in CATEGORIES if c in wanted)


def check_functions(functions: Iterable[str]) -> tuple[str, ...]:
    """The functions in run order, duplicates dropped; `UnknownIdentifier` for a stranger."""
    wanted = set(_check("diagnostic function", functions, FUNCTIONS))
    return tuple(f for f in FUNCTIONS if f in wanted)


def parse_identifier_list(text: str) -> tuple[str, ...]:
    """Split a command-line list such as `identity, battery` into identifiers.

    Only syntax here; pass the result to `check_functions` or `check_categories`.
    """
    if len(text) > 2_000:
        raise ValueError("identifier list too long")
    return tuple(part.strip().lower() for part in text.split(",") if part.strip())


def categories_for(functions: Iterable[str]) -> tuple[str, ...]:
    """Every category the given functions need, in catalogue order."""
    needed = {c for f in check_functions(functions) for c in FUNCTIONS[f].categories}
    return tuple(c for c in CATEGORIES if c in needed)


def refused_categories(functions: Iterable[str], consented: Iterable[str]) -> tuple[str, ...]:
    """Categories the functions need that the customer did not consent to."""
    allowed = set(check_categories(consented))
    return tuple(c for c in categories_for(functions) if c not in allowed)


def runnable_functions(functions: Iterable[str], consented: Iterable[str]) -> tuple[str, ...]:
    """The functions whose every category is consented; the others must not run."""
    allowed = set(check_categories(consented))
    return tuple(f for f in check_functions(functions) if set(FUNCTIONS[f].categories) <= allowed)


def functions_for_fault(fault: str) -> tuple[str, ...]:
    """The functions a fault category suggests, in run order."""
    if fault not in FAULTS:
        raise UnknownIdentifier("fault category", fault, FAULTS)
    return check_functions(FAULTS[fault].suggested_functions)


def functions_for_faults(faults: Iterable[str]) -> tuple[str, ...]:
    """The union of the functions several reported faults suggest, in run order."""
    return check_functions(f for fault in faults for f in functions_for_fault(fault))


@dataclass(frozen=True, slots=True)
class CollectedItem:
    """One line of "what we collected, why, and for how long" (slip and consent dialog)."""

    category: str
    label: T
    description: T
    purpose: T
    kept: T


def describe_collection(
    categories: Iterable[str], policy: RetentionPolicy = DEFAULT_POLICY
) -> tuple[CollectedItem, ...]:
    """The consented (or collected) categories in plain words, with their region's retention."""
    items = []
    for identifier in check_categories(categories):
        category = CATEGORIES[identifier]
        kept = policy.rule(category.retention_rule).describe()
        items.append(CollectedItem(identifier, category.label, category.description, category.purpose, kept))
    return tuple(items)
