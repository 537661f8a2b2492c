"""Reference data defaults and consent texts, parsed with validation (brief item 8)."""

from __future__ import annotations

import copy
import json
import shutil
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.core import reference_data as rd
from app.core.identifiers import luhn_is_valid
from app.core.reference_data import (
    CONSENT_TEXT_IDS,
    ReferenceDataError,
    default_resources_dir,
    load_consent_library,
    load_reference_data,
    parse_benefit_registry,
    parse_diagnostic_tool,
    parse_price_list,
    parse_regions,
    read_json,
)
from app.core.retention import RetentionPeriod, expires_at
from app.core.warranty import WarrantyReason, warranty_verdict

RESOURCES = default_resources_dir()
REFERENCE = RESOURCES / "reference"


def _sample(name: str) -> Any:
    return json.loads((REFERENCE / name).read_text("utf-8"))


def test_the_shipped_defaults_load() -> None:
    data = load_reference_data(RESOURCES)
    tool = data.diagnostic_tool
    assert (tool.package, tool.service, tool.min_version_code, tool.min_version_name) == (
        "com.repaircounter.diagtool",
        ".DiagnosticService",
        300,
        "3.0.0",
    )
    assert tool.component == "com.repaircounter.diagtool/.DiagnosticService"
    assert tool.sessions_dir == "/sdcard/Android/data/com.repaircounter.diagtool/files/sessions"
    assert (
        tool.apk_sha256 == "f40969a25a8f604affdf07019cc7be1571426c10bd29bf0726ed05481f0854dc"
        and tool.apk_file.endswith(".apk")
    )
    assert tool.is_recent_enough(300) and not tool.is_recent_enough(299) and not tool.is_recent_enough(None)
    assert data.price_list.currency == "CNY"
    assert data.price_list.item("BAT-X1").price == Decimal("199.00")
    assert {i.part_id for i in data.price_list.for_model("RC-A5")} == {"SCR-A5", "BAT-A5", "LAB-STD", "LAB-BRD"}
    assert set(data.regions.regions) == {"CN", "EU", "IN"} and data.regions.get().region == "CN"


def test_every_registry_imei_is_luhn_valid_and_benefits_decide_warranty() -> None:
    registry = load_reference_data(RESOURCES).benefits
    assert registry.devices and all(luhn_is_valid(imei) and len(imei) == 15 for imei in registry.devices)
    device = registry.lookup(" 860955027785041 ")
    assert device is not None and device.model == "RC-X1"
    verdict = warranty_verdict(device.purchase_date, date(2027, 6, 1), benefits=device.benefits)
    assert verdict.reason_code is WarrantyReason.EXTENDED_BY_BENEFIT
    assert registry.benefits_for("000000000000000") == ()


def test_region_data_feeds_retention_and_warranty() -> None:
    regions = load_reference_data(RESOURCES).regions
    eu, india = regions.get("eu"), regions.get("IN")
    assert eu.guardian_consent_age == 16 and regions.get("CN").guardian_consent_age == 14
    assert india.warranty_months == 12
    contact = eu.retention_policy().rule("diagnostic_logs")
    assert contact.period == RetentionPeriod(days=14)
    assert india.retention_policy().rule("contact_data").period == RetentionPeriod(months=6)
    assert (
        expires_at(india.retention_policy().rule("device_identifiers"), last_contact=datetime(2026, 1, 1)).year == 2033
    )
    with pytest.raises(ValueError, match="known: CN"):
        regions.get("US")


def test_consent_texts_have_every_id_and_matching_translations() -> None:
    library = load_reference_data(RESOURCES).consents
    for text_id in CONSENT_TEXT_IDS:
        document = library.latest(text_id)
        zh, en = document.text("zh_CN"), document.text("en")
        assert (zh.language, en.language, zh.version) == ("zh_CN", "en", document.version)
        assert len(zh.paragraphs) == len(en.paragraphs), f"{text_id}: a paragraph lacks its translation"
        assert document.text("zh-CN") is zh and document.text("en_GB") is en
    diagnostics = library.latest("diagnostics")
    assert "撤回" in diagnostics.text("zh_CN").body and "withdraw" in diagnostics.text("en").body
    assert "declined" in library.latest("tool_update").text("en").body


def test_a_new_consent_version_is_kept_beside_the_old(tmp_path: Path) -> None:
    folder = tmp_path / "consent"
    shutil.copytree(RESOURCES / "consent", folder)
    newer = json.loads((folder / "diagnostics.v1.json").read_text("utf-8"))
    newer["version"] = 2
    (folder / "diagnostics.v2.json").write_text(json.dumps(newer), "utf-8")
    library = load_consent_library(folder)
    assert library.latest("diagnostics").version == 2
    assert library.version("diagnostics", 1).version == 1
    with pytest.raises(KeyError):
        library.version("diagnostics", 3)


@pytest.mark.parametrize(
    ("name", "body", "problem"),
    [
        ("diagnostics.v3.json", "diagnostics.v1.json", "do not match its name"),
        ("notes.json", "diagnostics.v1.json", "named <text_id>"),
    ],
)
def test_badly_named_consent_files_are_refused(tmp_path: Path, name: str, body: str, problem: str) -> None:
    folder = tmp_path / "consent"
    shutil.copytree(RESOURCES / "consent", folder)
    shutil.copy(folder / body, folder / name)
    with pytest.raises(ReferenceDataError, match=problem):
        load_consent_library(folder)


def test_a_missing_consent_text_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "consent"
    shutil.copytree(RESOURCES / "consent", folder)
    (folder / "tool_update.v1.json").unlink()
    with pytest.raises(ReferenceDataError, match="tool_update"):
        load_consent_library(folder)


def _mutated(name: str, change: Any) -> Any:
    data = copy.deepcopy(_sample(name))
    change(data)
    return data


PARSERS = {
    "price_list.json": parse_price_list,
    "care_benefits.json": parse_benefit_registry,
    "diagnostic_tool.json": parse_diagnostic_tool,
    "regions.json": parse_regions,
}


@pytest.mark.parametrize(
    ("name", "change", "where"),
    [
        ("price_list.json", lambda d: d["items"][1].update(price=199.0), "items[1].price"),
        ("price_list.json", lambda d: d["items"][1].update(price="19.999"), "items[1].price"),
        ("price_list.json", lambda d: d["items"][1].update(price="-1"), "items[1].price"),
        ("price_list.json", lambda d: d["items"][2].update(part_id="BAT-X1"), "listed twice"),
        ("price_list.json", lambda d: d["items"][0]["name"].pop("zh_CN"), "items[0].name"),
        ("price_list.json", lambda d: d.update(format=2), "format"),
        (
            "care_benefits.json",
            lambda d: d["devices"].update({"860955027785042": d["devices"]["860955027785041"]}),
            "check digit",
        ),
        (
            "care_benefits.json",
            lambda d: d["devices"]["860955027785041"]["benefits"][0].update(status="gold"),
            "benefits[0].status",
        ),
        (
            "care_benefits.json",
            lambda d: d["devices"]["860955027785041"]["benefits"][0].update(end="2020-01-01"),
            "ends before it starts",
        ),
        (
            "care_benefits.json",
            lambda d: d["devices"]["352099001761481"].update(purchase_date="18/06/2024"),
            "purchase_date",
        ),
        ("diagnostic_tool.json", lambda d: d.update(apk_sha256="ABC" * 21 + "D"), "apk_sha256"),
        ("diagnostic_tool.json", lambda d: d.update(apk_file="../../etc/passwd"), "apk_file"),
        ("diagnostic_tool.json", lambda d: d.update(package="com.x;rm -rf /"), "package"),
        ("diagnostic_tool.json", lambda d: d.update(min_version_code="300"), "min_version_code"),
        ("diagnostic_tool.json", lambda d: d.update(min_version_code=True), "min_version_code"),
        ("regions.json", lambda d: d["regions"]["EU"]["retention"].update(nope={"days": 1}), "retention"),
        ("regions.json", lambda d: d["regions"]["EU"]["retention"].update(diagnostic_logs={"weeks": 2}), "weeks"),
        ("regions.json", lambda d: d["regions"]["EU"]["retention"].update(diagnostic_logs={}), "empty"),
        ("regions.json", lambda d: d.update(default_region="US"), "default_region"),
        ("regions.json", lambda d: d["regions"]["CN"].update(guardian_consent_age=0), "guardian_consent_age"),
    ],
)
def test_each_broken_field_is_named(name: str, change: Any, where: str) -> None:
    with pytest.raises(ReferenceDataError) as caught:
        PARSERS[name](_mutated(name, change))
    assert name in str(caught.value) and where in str(caught.value)


def test_a_real_digest_is_accepted() -> None:
    tool = parse_diagnostic_tool(_mutated("diagnostic_tool.json", lambda d: d.update(apk_sha256="ab" * 32)))
    assert tool.apk_sha256 == "ab" * 32


def test_unreadable_files_are_reference_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ReferenceDataError, match="cannot be read"):
        read_json(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe{")
    with pytest.raises(ReferenceDataError, match="UTF-8 JSON"):
        read_json(bad)
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"x": "y" * 100}), "utf-8")
    monkeypatch.setattr(rd, "MAX_FILE_BYTES", 50)
    with pytest.raises(ReferenceDataError, match="larger than"):
        read_json(big)


def test_luhn() -> None:
    assert luhn_is_valid("860955027785041") and not luhn_is_valid("860955027785042")
    assert not luhn_is_valid("８６０９５５０２７７８５０４１") and not luhn_is_valid("")
