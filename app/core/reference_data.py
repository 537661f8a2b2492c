"""Reference data and consent texts: parsed and validated into dataclasses.

This is the one module of `app/core/` that reads files: it takes a path (the
`resources/` folder that ships with the app, or a folder the sync service
fills) and nothing else.  The `parse_*` functions take already-decoded JSON,
so the sync service validates what upstream sends with exactly the same
rules before storing it.  Every problem raises `ReferenceDataError` naming the
file and the field, e.g. ``price_list.json: items[3].price: ...``.

Files (see `resources/reference/README.md` for their formats):

* ``reference/price_list.json`` -> `PriceList`
* ``reference/care_benefits.json`` -> `BenefitRegistry`
* ``reference/diagnostic_tool.json`` -> `DiagnosticToolRequirement`
* ``reference/regions.json`` -> `Regions`
* ``reference/sharing_policy.json`` -> `SharingRules` (what may leave the outlet)
* ``consent/<text_id>.v<version>.json`` -> `ConsentDocument`, all versions kept
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any

from app.core.identifiers import luhn_is_valid
from app.core.localized import LANGUAGES, LocalizedText
from app.core.retention import DEFAULT_POLICY, RetentionPeriod, RetentionPolicy
from app.core.sharing_rules import SharingRules, SharingRulesError, parse_sharing_rules
from app.core.warranty import BenefitStatus, CareBenefit
from app.paths import RESOURCES

SUPPORTED_FORMAT = 1
#: Largest reference file read; the registry sample is small, a real one is paged by sync.
MAX_FILE_BYTES = 32 * 1024 * 1024
CONSENT_TEXT_IDS = ("diagnostics", "tool_update", "service_agreement", "data_forgetting")
_CONSENT_FILE = re.compile(r"^([a-z_]+)\.v(\d{1,4})\.json$")
_IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\- ]{0,63}$")
_PACKAGE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
_SERVICE = re.compile(r"^(\.|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\.)[A-Z][A-Za-z0-9_]*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_APK_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}\.apk$")
_REGION = re.compile(r"^[A-Z]{2,8}$")


class ReferenceDataError(ValueError):
    """A reference file that is missing, unreadable or does not follow its format."""


class _Node:
    """A JSON value with the path to it, so every error says where it is."""

    def __init__(self, value: Any, where: str) -> None:
        self.value = value
        self.where = where

    def fail(self, problem: str) -> ReferenceDataError:
        return ReferenceDataError(f"{self.where}: {problem}")

    def field(self, key: str, *, optional: bool = False) -> _Node:
        if not isinstance(self.value, dict):
            raise self.fail("must be an object")
        if key not in self.value and not optional:
            raise self.fail(f"missing field {key!r}")
        return _Node(self.value.get(key), f"{self.where}.{key}")

    def items(self) -> list[_Node]:
        if not isinstance(self.value, list):
            raise self.fail("must be a list")
        return [_Node(v, f"{self.where}[{i}]") for i, v in enumerate(self.value)]

    def entries(self) -> list[tuple[str, _Node]]:
        if not isinstance(self.value, dict):
            raise self.fail("must be an object")
        return [(str(k), _Node(v, f"{self.where}.{k}")) for k, v in self.value.items()]

    def text(self, *, max_length: int = 200, pattern: re.Pattern[str] | None = None) -> str:
        if not isinstance(self.value, str) or not self.value.strip():
            raise self.fail("must be a non-empty string")
        if len(self.value) > max_length:
            raise self.fail(f"longer than {max_length} characters")
        if pattern is not None and not pattern.match(self.value):
            raise self.fail(f"{self.value!r} does not have the expected form")
        return self.value

    def optional_text(self, **kwargs: Any) -> str | None:
        return None if self.value is None else self.text(**kwargs)

    def integer(self, low: int, high: int) -> int:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise self.fail("must be a whole number")
        if not low <= self.value <= high:
            raise self.fail(f"must be between {low} and {high}")
        return self.value

    def day(self) -> date:
        try:
            return date.fromisoformat(self.text(max_length=10))
        except ValueError:
            raise self.fail("must be a date like 2026-11-22") from None

    def optional_day(self) -> date | None:
        return None if self.value is None else self.day()

    def amount(self) -> Decimal:
        text = self.text(max_length=16)
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise self.fail('must be a decimal amount like "399.00"') from None
        if not value.is_finite() or value < 0 or value.as_tuple().exponent < -2:  # type: ignore[operator]
            raise self.fail("must be a non-negative amount with at most 2 decimals")
        return value

    def localized(self, *, max_length: int = 200) -> LocalizedText:
        texts = {lang: self.field(lang).text(max_length=max_length) for lang in LANGUAGES}
        return LocalizedText(**texts)


def _check_format(root: _Node) -> None:
    root.field("format").integer(SUPPORTED_FORMAT, SUPPORTED_FORMAT)


def read_json(path: Path) -> Any:
    """Read one JSON file with a size bound; errors become `ReferenceDataError`."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ReferenceDataError(f"{path.name}: cannot be read ({error.strerror or error})") from error
    if len(raw) > MAX_FILE_BYTES:
        raise ReferenceDataError(f"{path.name}: larger than {MAX_FILE_BYTES} bytes")
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReferenceDataError(f"{path.name}: not valid UTF-8 JSON ({error})") from error


# --- price list ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PriceItem:
    """A part or a labour line with its standard guide price."""

    part_id: str
    kind: str  # "part" or "labour"
    name: LocalizedText
    #: Models the part fits; empty for labour and parts that fit every model.
    models: tuple[str, ...]
    price: Decimal

    def fits(self, model: str) -> bool:
        return not self.models or model in self.models


@dataclass(frozen=True, slots=True)
class PriceList:
    version: str
    currency: str
    items: tuple[PriceItem, ...]

    def item(self, part_id: str) -> PriceItem:
        for item in self.items:
            if item.part_id == part_id:
                return item
        raise KeyError(part_id)

    def for_model(self, model: str) -> tuple[PriceItem, ...]:
        """The parts and labour lines that apply to `model`."""
        return tuple(item for item in self.items if item.fits(model))


def _price_item(node: _Node) -> PriceItem:
    kind = node.field("kind").text(max_length=10)
    if kind not in ("part", "labour"):
        raise node.field("kind").fail('must be "part" or "labour"')
    models = tuple(m.text(max_length=64) for m in node.field("models").items())
    return PriceItem(
        node.field("part_id").text(max_length=64, pattern=_IDENTIFIER),
        kind,
        node.field("name").localized(),
        models,
        node.field("price").amount(),
    )


def parse_price_list(data: Any, where: str = "price_list.json") -> PriceList:
    root = _Node(data, where)
    _check_format(root)
    items = tuple(_price_item(n) for n in root.field("items").items())
    seen: set[str] = set()
    for item in items:
        if item.part_id in seen:
            raise root.field("items").fail(f"part {item.part_id!r} is listed twice")
        seen.add(item.part_id)
    currency = root.field("currency").text(max_length=3, pattern=re.compile(r"^[A-Z]{3}$"))
    return PriceList(root.field("version").text(max_length=40), currency, items)


# --- care benefit registry -------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegisteredDevice:
    """What the maker's registry knows about one IMEI."""

    imei: str
    model: str
    purchase_date: date | None
    end_of_life: date | None
    benefits: tuple[CareBenefit, ...]


@dataclass(frozen=True, slots=True)
class BenefitRegistry:
    version: str
    devices: Mapping[str, RegisteredDevice]

    def lookup(self, imei: str) -> RegisteredDevice | None:
        return self.devices.get(imei.strip())

    def benefits_for(self, imei: str) -> tuple[CareBenefit, ...]:
        device = self.lookup(imei)
        return device.benefits if device is not None else ()


def _benefit(node: _Node) -> CareBenefit:
    status_text = node.field("status").text(max_length=16)
    try:
        status = BenefitStatus(status_text)
    except ValueError:
        raise node.field("status").fail(f"unknown status {status_text!r}") from None
    try:
        return CareBenefit(
            node.field("type").text(max_length=64, pattern=_IDENTIFIER),
            status,
            node.field("start").day(),
            node.field("end").day(),
        )
    except ValueError as error:
        if isinstance(error, ReferenceDataError):
            raise
        raise node.fail(str(error)) from None


def _registered_device(imei: str, node: _Node) -> RegisteredDevice:
    if len(imei) != 15 or not luhn_is_valid(imei):
        raise node.fail(f"{imei!r} is not a 15-digit IMEI with a valid check digit")
    return RegisteredDevice(
        imei,
        node.field("model").text(max_length=64),
        node.field("purchase_date").optional_day(),
        node.field("end_of_life", optional=True).optional_day(),
        tuple(_benefit(b) for b in node.field("benefits").items()),
    )


def parse_benefit_registry(data: Any, where: str = "care_benefits.json") -> BenefitRegistry:
    root = _Node(data, where)
    _check_format(root)
    devices = {imei: _registered_device(imei, node) for imei, node in root.field("devices").entries()}
    return BenefitRegistry(root.field("version").text(max_length=40), MappingProxyType(devices))


# --- the Diagnostic Tool contract -------------------------------------------


@dataclass(frozen=True, slots=True)
class DiagnosticToolRequirement:
    """Which on-phone tool the flow needs, and the APK that provides it."""

    package: str
    service: str
    min_version_code: int
    min_version_name: str
    apk_file: str
    #: SHA-256 of the APK in lowercase hex; None while no APK ships (no update possible).
    apk_sha256: str | None

    @property
    def component(self) -> str:
        """`package/service` as `am start-foreground-service -n` wants it."""
        return f"{self.package}/{self.service}"

    @property
    def sessions_dir(self) -> str:
        """Where the tool writes its session folders on the phone (docs/ARCHITECTURE.md section 7)."""
        return f"/sdcard/Android/data/{self.package}/files/sessions"

    def is_recent_enough(self, installed_version_code: int | None) -> bool:
        return installed_version_code is not None and installed_version_code >= self.min_version_code


def parse_diagnostic_tool(data: Any, where: str = "diagnostic_tool.json") -> DiagnosticToolRequirement:
    root = _Node(data, where)
    _check_format(root)
    digest = root.field("apk_sha256").optional_text(max_length=64, pattern=_SHA256)
    return DiagnosticToolRequirement(
        root.field("package").text(max_length=128, pattern=_PACKAGE),
        root.field("service").text(max_length=128, pattern=_SERVICE),
        root.field("min_version_code").integer(1, 2**31 - 1),
        root.field("min_version_name").text(max_length=40),
        root.field("apk_file").text(max_length=132, pattern=_APK_FILE),
        digest,
    )


# --- the rules the diagnostics judge by ---------------------------------------


@dataclass(frozen=True, slots=True)
class DiagnosticRules:
    """Thresholds of the per-function verdicts (`app.core.function_verdicts`); the upstream may change them."""

    version: str = "built-in"
    #: After-sales guide: 3 consecutive abnormal touch detections qualify for a screen replacement.
    touch_abnormal_in_a_row: int = 3
    storage_nearly_full_percent: int = 90
    storage_chip_health_min_percent: int = 70
    #: A slot whose signal level (0-4) is below this has "no signal".
    signal_level_min: int = 1
    security_patch_min: date = date(2024, 1, 1)
    charging_max_temperature_c: int = 45
    charging_voltage_min_mv: int = 3300
    charging_voltage_max_mv: int = 4500


def parse_diagnostic_rules(data: Any, where: str = "diagnostic_rules.json") -> DiagnosticRules:
    root = _Node(data, where)
    _check_format(root)
    rules = DiagnosticRules(
        root.field("version").text(max_length=40),
        root.field("touch_abnormal_in_a_row").integer(1, 100),
        root.field("storage_nearly_full_percent").integer(50, 100),
        root.field("storage_chip_health_min_percent").integer(0, 100),
        root.field("signal_level_min").integer(0, 4),
        root.field("security_patch_min").day(),
        root.field("charging_max_temperature_c").integer(30, 80),
        root.field("charging_voltage_min_mv").integer(2000, 5000),
        root.field("charging_voltage_max_mv").integer(3000, 6000),
    )
    if rules.charging_voltage_min_mv >= rules.charging_voltage_max_mv:
        raise root.fail("charging_voltage_min_mv must be below charging_voltage_max_mv")
    return rules


# --- regions -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegionPolicy:
    """What changes from one region to another."""

    region: str
    name: LocalizedText
    warranty_months: int
    #: Below this age a guardian's consent is recorded (issue 8 item 4).
    guardian_consent_age: int
    retention_overrides: Mapping[str, RetentionPeriod]

    def retention_policy(self) -> RetentionPolicy:
        return DEFAULT_POLICY.with_periods(self.region, self.retention_overrides)


@dataclass(frozen=True, slots=True)
class Regions:
    version: str
    default_region: str
    regions: Mapping[str, RegionPolicy]

    def get(self, region: str | None = None) -> RegionPolicy:
        key = self.default_region if region is None else region.upper()
        try:
            return self.regions[key]
        except KeyError:
            raise ValueError(f"no reference data for region {region!r}; known: {', '.join(self.regions)}") from None


def _period(node: _Node) -> RetentionPeriod:
    unknown = {key for key, _ in node.entries()} - {"years", "months", "days"}
    if unknown:
        raise node.fail(f"unknown period fields {sorted(unknown)}")
    amounts = {key: node.field(key, optional=True) for key in ("years", "months", "days")}
    values = {key: (0 if n.value is None else n.integer(0, 100_000)) for key, n in amounts.items()}
    try:
        return RetentionPeriod(**values)
    except ValueError as error:
        raise node.fail(str(error)) from None


def _region(code: str, node: _Node) -> RegionPolicy:
    if not _REGION.match(code):
        raise node.fail("region codes are 2-8 capital letters")
    overrides = {rule: _period(period) for rule, period in node.field("retention").entries()}
    try:
        DEFAULT_POLICY.with_periods(code, overrides)
    except ValueError as error:
        raise node.field("retention").fail(str(error)) from None
    return RegionPolicy(
        code,
        node.field("name").localized(),
        node.field("warranty_months").integer(1, 240),
        node.field("guardian_consent_age").integer(1, 25),
        MappingProxyType(overrides),
    )


def parse_regions(data: Any, where: str = "regions.json") -> Regions:
    root = _Node(data, where)
    _check_format(root)
    regions = {code: _region(code, node) for code, node in root.field("regions").entries()}
    default = root.field("default_region").text(max_length=8)
    if default not in regions:
        raise root.field("default_region").fail(f"{default!r} is not one of the regions listed")
    return Regions(root.field("version").text(max_length=40), default, MappingProxyType(regions))


# --- consent texts -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConsentText:
    """One consent text in one language, exactly as the customer is shown it."""

    text_id: str
    version: int
    language: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class ConsentDocument:
    """All languages of one version of one consent text."""

    text_id: str
    version: int
    effective: date
    texts: Mapping[str, ConsentText]

    def text(self, language: str) -> ConsentText:
        normalised = "zh_CN" if language.replace("-", "_").startswith("zh") else "en"
        return self.texts[normalised]


def _consent_text(text_id: str, version: int, language: str, node: _Node) -> ConsentText:
    paragraphs = tuple(p.text(max_length=4_000) for p in node.field("paragraphs").items())
    if not paragraphs:
        raise node.field("paragraphs").fail("must hold at least one paragraph")
    return ConsentText(text_id, version, language, node.field("title").text(max_length=200), paragraphs)


def parse_consent_document(data: Any, where: str) -> ConsentDocument:
    root = _Node(data, where)
    _check_format(root)
    text_id = root.field("text_id").text(max_length=40)
    if text_id not in CONSENT_TEXT_IDS:
        raise root.field("text_id").fail(f"must be one of {CONSENT_TEXT_IDS}")
    version = root.field("version").integer(1, 9_999)
    texts = {lang: _consent_text(text_id, version, lang, root.field("texts").field(lang)) for lang in LANGUAGES}
    return ConsentDocument(text_id, version, root.field("effective").day(), MappingProxyType(texts))


@dataclass(frozen=True, slots=True)
class ConsentLibrary:
    """Every version of every consent text; records cite (text_id, version, language)."""

    documents: Mapping[str, tuple[ConsentDocument, ...]]

    def latest(self, text_id: str) -> ConsentDocument:
        versions = self.documents.get(text_id)
        if not versions:
            raise KeyError(f"no consent text {text_id!r}")
        return versions[-1]

    def version(self, text_id: str, version: int) -> ConsentDocument:
        for document in self.documents.get(text_id, ()):
            if document.version == version:
                return document
        raise KeyError(f"no consent text {text_id!r} version {version}")


def load_consent_library(folder: Path) -> ConsentLibrary:
    """Read every `<text_id>.v<version>.json` of `folder`; each text id must be present."""
    found: dict[str, list[ConsentDocument]] = {}
    paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    for path in paths:
        match = _CONSENT_FILE.match(path.name)
        if match is None:
            raise ReferenceDataError(f"{path.name}: consent files are named <text_id>.v<version>.json")
        document = parse_consent_document(read_json(path), path.name)
        if (document.text_id, document.version) != (match.group(1), int(match.group(2))):
            raise ReferenceDataError(f"{path.name}: its text_id and version do not match its name")
        found.setdefault(document.text_id, []).append(document)
    missing = [text_id for text_id in CONSENT_TEXT_IDS if text_id not in found]
    if missing:
        raise ReferenceDataError(f"{folder.name}: no consent text for {', '.join(missing)}")
    ordered = {k: tuple(sorted(v, key=lambda d: d.version)) for k, v in found.items()}
    return ConsentLibrary(MappingProxyType(ordered))


# --- everything together ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReferenceData:
    price_list: PriceList
    benefits: BenefitRegistry
    diagnostic_tool: DiagnosticToolRequirement
    regions: Regions
    consents: ConsentLibrary
    sharing: SharingRules
    diagnostic_rules: DiagnosticRules = DiagnosticRules()


def default_resources_dir() -> Path:
    """The shipped `resources/` folder, also inside the frozen app (a path; nothing is read)."""
    return RESOURCES


def load_reference_data(resources_dir: Path) -> ReferenceData:
    """Load and validate all reference data under `resources_dir`."""
    reference = resources_dir / "reference"
    return ReferenceData(
        parse_price_list(read_json(reference / "price_list.json")),
        parse_benefit_registry(read_json(reference / "care_benefits.json")),
        parse_diagnostic_tool(read_json(reference / "diagnostic_tool.json")),
        parse_regions(read_json(reference / "regions.json")),
        load_consent_library(resources_dir / "consent"),
        load_sharing_rules(resources_dir),
        _diagnostic_rules(reference / "diagnostic_rules.json"),
    )


def _diagnostic_rules(path: Path) -> DiagnosticRules:
    """The shipped rules; an outlet whose data predates the file judges by the built-in defaults."""
    return parse_diagnostic_rules(read_json(path)) if path.exists() else DiagnosticRules()


def load_sharing_rules(resources_dir: Path) -> SharingRules:
    """The sharing policy under `resources_dir` (read alone by sync, which needs nothing else)."""
    try:
        return parse_sharing_rules(read_json(resources_dir / "reference" / "sharing_policy.json"))
    except SharingRulesError as error:
        raise ReferenceDataError(str(error)) from None


# --- after the repair: message templates and care guides (issue 17) ---------------------------


@dataclass(frozen=True, slots=True)
class AfterRepairTexts:
    """Message templates per event and care guides per model (a "default" guide for any other model)."""

    version: str
    templates: Mapping[str, LocalizedText]
    care_guides: Mapping[str, LocalizedText]

    def care_guide(self, model: str) -> LocalizedText:
        wanted = model.strip().casefold()
        for name, guide in self.care_guides.items():
            if name.casefold() == wanted:
                return guide
        return self.care_guides["default"]


def parse_after_repair(data: Any, where: str = "after_repair.json") -> AfterRepairTexts:
    root = _Node(data, where)
    _check_format(root)
    templates = {event: node.localized(max_length=400) for event, node in root.field("templates").entries()}
    guides = {model: node.localized(max_length=600) for model, node in root.field("care_guides").entries()}
    if "default" not in guides:
        raise root.field("care_guides").fail("missing the 'default' guide")
    return AfterRepairTexts(
        root.field("version").text(max_length=40), MappingProxyType(templates), MappingProxyType(guides)
    )


def load_after_repair(resources_dir: Path) -> AfterRepairTexts:
    return parse_after_repair(read_json(resources_dir / "reference" / "after_repair.json"))
