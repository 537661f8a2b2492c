"""The gate through a real adb server: nothing of a category reaches the phone without consent."""

from __future__ import annotations

import pytest

from app.core.privacy_catalogue import CATEGORIES, FUNCTIONS
from app.diagnostics.consent import withdraw_consent
from app.diagnostics.errors import CategoryNotConsented, ConsentNotActive
from app.diagnostics.flow import RunRequest, ScriptedPrompts
from app.diagnostics.functions import COLLECTORS, CollectionContext, ToolRun
from app.diagnostics.gate import ConsentGate, ConsentScope
from tests.integration.diagnostics.conftest import Recorder, device_session

pytestmark = pytest.mark.integration
TOOL = "com.repaircounter.diagtool"


def _actions(store, action: str) -> list[str]:
    return [e.entity_id for e in store.journal_entries() if e.action == action]


@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_each_function_is_stopped_at_the_gate_without_its_categories(function, phones, manager) -> None:
    """Everything consented except this function's categories: its collector is refused and the phone hears nothing."""
    handset = phones.start("coloros-oneplus8-tool")
    recorder = Recorder(handset)
    refusals: list[tuple[str | None, str]] = []
    allowed = frozenset(CATEGORIES) - set(FUNCTIONS[function].categories)
    gate = ConsentGate(
        device_session(phones, handset),
        ConsentScope("c1", allowed, lambda: True),
        lambda category, call: refusals.append((category, call)),
    )
    context = CollectionContext(gate, ToolRun(TOOL, "session1", ready=True))
    with pytest.raises(CategoryNotConsented) as refused:
        COLLECTORS[function](context)
    assert refused.value.category in FUNCTIONS[function].categories
    assert refusals and refusals[0][0] in FUNCTIONS[function].categories
    assert recorder.services == [] and recorder.lines == []


@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_each_function_runs_with_exactly_its_categories(function, phones) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    recorder = Recorder(handset)
    scope = ConsentScope("c1", frozenset(FUNCTIONS[function].categories), lambda: True)
    gate = ConsentGate(device_session(phones, handset), scope, lambda *a: pytest.fail(f"refused {a}"))
    COLLECTORS[function](CollectionContext(gate, ToolRun(TOOL, "no-such-session", ready=True)))
    assert recorder.services, "a consented function asks the phone"


def test_no_command_reaches_the_phone_before_consent(phones, flow, consent_for, manager) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    recorder = Recorder(handset)
    consent = consent_for("device_info")
    withdraw_consent(manager, consent.id)  # no active consent at all
    with pytest.raises(ConsentNotActive):
        flow.check_tool(device_session(phones, handset), consent)
    with pytest.raises(ConsentNotActive):
        flow.run(device_session(phones, handset), RunRequest(("identity",), consent), ScriptedPrompts())
    assert recorder.services == []
    assert _actions(manager.store, "refused") == [consent.id]


def test_a_run_asks_the_phone_only_for_consented_categories(phones, flow, consent_for, manager) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    recorder = Recorder(handset)
    consent = consent_for("device_info")
    report = flow.run(
        device_session(phones, handset),
        RunRequest(("identity", "battery", "logs", "network"), consent),
        ScriptedPrompts(),
    )
    assert report.collected == ["device_info"] and report.function_status["identity"] == "collected"
    assert report.function_status["battery"] == report.function_status["logs"] == "not_consented"
    assert set(report.refused) == {
        "battery_record",
        "logs",
        "software_fault",
        "network_record",
        "base_station_id",
        "ssid",
        "bssid",
        "wifi_list",
    }
    commands = " | ".join(recorder.lines)
    assert "dumpsys battery" not in commands and "logcat" not in commands and "batterystats" not in commands
    assert "--es categories device_info " in commands + " "  # the tool is asked for nothing else
    pulled = [line for line in recorder.lines if "rm -rf" in line]
    assert pulled, "the session folder is deleted afterwards"
    assert report.complete and report.status == "complete"


# --- the shell fallbacks (a phone without the tool) ---------------------------------------------------

#: The shell commands each function falls back to without the tool (issue 15 item 1), as the phone sees them.
FALLBACKS = {
    "network": ("dumpsys telephony.registry", "getprop gsm.sim.state", "dumpsys wifi"),
    "storage": ("dumpsys diskstats", "df"),
    "software": ("getprop ro.build.version.security_patch",),
    "charging": ("dumpsys battery", "dumpsys batterystats"),
}


@pytest.mark.parametrize("function", sorted(FALLBACKS))
def test_without_its_categories_no_fallback_command_reaches_a_phone_without_the_tool(function, phones) -> None:
    handset = phones.start("oneplus-nord-n10-no-tool")
    recorder = Recorder(handset)
    allowed = frozenset(CATEGORIES) - set(FUNCTIONS[function].categories)
    gate = ConsentGate(device_session(phones, handset), ConsentScope("c1", allowed, lambda: True), lambda *a: None)
    with pytest.raises(CategoryNotConsented):
        COLLECTORS[function](CollectionContext(gate, None))
    assert recorder.services == [] and recorder.lines == []


@pytest.mark.parametrize("function", sorted(FALLBACKS))
def test_with_exactly_its_categories_the_fallback_commands_run(function, phones) -> None:
    handset = phones.start("oneplus-nord-n10-no-tool")
    recorder = Recorder(handset)
    scope = ConsentScope("c1", frozenset(FUNCTIONS[function].categories), lambda: True)
    gate = ConsentGate(device_session(phones, handset), scope, lambda *a: pytest.fail(f"refused {a}"))
    COLLECTORS[function](CollectionContext(gate, None))
    commands = " | ".join(recorder.lines)
    for command in FALLBACKS[function]:
        assert command in commands, (command, recorder.lines)
