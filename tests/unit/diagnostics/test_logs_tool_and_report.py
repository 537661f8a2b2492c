"""Log redaction and expiry, the installer digest check, the gate's declarations and the report's JSON."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.core.privacy_catalogue import FUNCTIONS
from app.core.reference_data import default_resources_dir, load_reference_data
from app.diagnostics.errors import ToolApkRejected
from app.diagnostics.functions import COLLECTORS
from app.diagnostics.gate import ConsentGate
from app.diagnostics.logs import log_expiry, purge_expired_logs, read_log, redact_capture, search_lines
from app.diagnostics.report import RunReport, ToolReport
from app.diagnostics.tool_update import default_apk_dir, verified_apk
from app.storage import diagnostics_repository as repo

REFERENCE = load_reference_data(default_resources_dir())


def test_the_shipped_installer_matches_the_digest_in_reference_data() -> None:
    tool = REFERENCE.diagnostic_tool
    data = (default_apk_dir() / tool.apk_file).read_bytes()
    assert tool.apk_sha256 == hashlib.sha256(data).hexdigest()
    assert verified_apk(tool, default_apk_dir()) == data


def test_an_installer_with_another_digest_or_no_digest_is_rejected(tmp_path) -> None:
    tool = REFERENCE.diagnostic_tool
    (tmp_path / tool.apk_file).write_bytes(b"PK\x03\x04 not the genuine tool")
    with pytest.raises(ToolApkRejected):
        verified_apk(tool, tmp_path)
    with pytest.raises(ToolApkRejected):
        verified_apk(replace(tool, apk_sha256=None), default_apk_dir())
    with pytest.raises(ToolApkRejected):
        verified_apk(tool, tmp_path / "missing")


def test_the_gate_declares_the_categories_of_the_shell_readings() -> None:
    declared = ConsentGate.declared_calls()
    assert declared["build_info"] == declared["imei_from_service_call"] == ("device_info",)
    assert {declared[c] for c in ("battery", "battery_cycle_count", "learned_capacity_mah")} == {("battery_record",)}
    assert declared["logcat_text"] == ("logs",)
    assert set(COLLECTORS) == set(FUNCTIONS)


def test_the_gate_declares_the_categories_of_the_new_shell_readings() -> None:
    """Each new command names every category its raw answer can hold, whatever the parser keeps."""
    declared = ConsentGate.declared_calls()
    assert declared["telephony_text"] == ("base_station_id", "network_record")  # it prints cell identities
    assert declared["sim_state_text"] == ("network_record",)
    assert set(declared["wifi_text"]) == {"network_record", "ssid", "bssid", "wifi_list"}
    assert set(declared["diskstats_text"]) == {"software_info", "app_installs"}  # per-app sizes
    assert declared["df_data_text"] == declared["software_property"] == ("software_info",)
    assert declared["charge_history_text"] == ("battery_record",)
    for function, definition in FUNCTIONS.items():  # no command reads beyond what its function asks for
        assert all(set(declared[call]) <= set(definition.categories) for call in _calls_of(function)), function


def _calls_of(function: str) -> tuple[str, ...]:
    return {
        "network": ("telephony_text", "sim_state_text", "wifi_text"),
        "storage": ("diskstats_text", "df_data_text"),
        "software": ("software_property",),
        "charging": ("battery", "charge_history_text"),
    }.get(function, ())


def test_redaction_bounds_lines_and_removes_names() -> None:
    raw = "\n".join(f"line {i} for Chen Jing at 13812345678" for i in range(50))
    redacted = redact_capture(raw, keep_ssid=False, keep_bssid=False, customer_names=("Chen Jing",), max_lines=10)
    assert redacted.line_count == 10 and redacted.text.count("\n") == 9
    assert "Chen Jing" not in redacted.text and "13812345678" not in redacted.text


def test_search_finds_lines_case_insensitively() -> None:
    text = "a FATAL error\nall fine\nfatal again"
    assert search_lines(text, "fatal") == [(1, "a FATAL error"), (3, "fatal again")]
    assert len(search_lines(text, "")) == 3 and search_lines(text, "x", limit=1) == []


def test_logs_expire_after_30_days_and_are_purged_journaled(manager, reference_run) -> None:
    captured = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    assert log_expiry(captured) == captured + timedelta(days=30)
    run_id = reference_run
    with manager.store.transaction(manager.actor) as work:
        row = repo.insert_log(work, run_id, "redacted text", 1, log_expiry(captured).isoformat())
    assert purge_expired_logs(manager, captured + timedelta(days=29)) == 0
    assert read_log(manager, row.id) == "redacted text"
    assert purge_expired_logs(manager, captured + timedelta(days=30)) == 1
    assert read_log(manager, row.id) is None
    assert any(e.entity == "diag_log" and e.action == "delete" for e in manager.store.journal_entries())


@pytest.fixture
def reference_run(manager) -> str:
    from app.diagnostics.consent import ConsentInput, give_consent

    consent = give_consent(manager, REFERENCE.consents, ConsentInput("Chen Jing", ("logs",), method="verbal"))
    with manager.store.transaction(manager.actor) as work:
        return repo.insert_run(
            work,
            consent_id=consent.id,
            ticket_number=None,
            transport="t",
            functions=("logs",),
            categories=("logs",),
            refused=(),
            tool_package=None,
            tool_required_version=None,
        )


def test_a_report_without_data_has_nulls_where_the_issue_lists_fields() -> None:
    report = RunReport(
        "r",
        "c",
        None,
        ("identity", "battery"),
        ("identity",),
        ("battery_record",),
        ToolReport("com.repaircounter.diagtool", required_version=300),
        status="declined",
    )
    out = report.to_json()
    assert out["identity"] is None and out["battery"] is None and out["ticket"] is None
    assert out["complete"] is False and out["diagnostics_declined"] is True and out["refused"] == ["battery_record"]
    assert out["tool"] == {
        "package": "com.repaircounter.diagtool",
        "installed_version": None,
        "required_version": 300,
        "updated": False,
    }
    assert out["functions"] == {"identity": "not_run", "battery": "not_run"}
