"""The diagnostics page with pytest-qt, through a real adb server and simulated phones: consent,
update, collection and results on screen; refusals; an unauthorised phone; unplug at ten moments
with a window that keeps answering; the log viewer; cancel."""
# ruff: noqa: F811 - the adb server and phone fixtures are imported from the diagnostics integration conftest

from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox

from app.device.session import DeviceSession
from app.device.simulator import load_profile
from app.device.workers import DeviceWorkers
from app.diagnostics.flow import DiagnosticsFlow
from app.storage import diagnostics_repository as repo
from app.ui.pages.diagnostics_page import DiagnosticsPage
from app.ui.tasks import BackgroundTasks
from tests.integration.device.conftest import inline_profile  # noqa: F401 - a fixture
from tests.integration.diagnostics.conftest import (  # noqa: F401 - fixtures
    HANDSETS,
    Recorder,
    diag_adb_server,
    phones,
    reference,
)

pytestmark = pytest.mark.integration
RUN_TIMEOUT_MS = 20_000


class HookedFlow(DiagnosticsFlow):
    """The real flow; `hook(step, fraction)` runs on the worker thread before each progress report
    (so a test can pull the plug at an exact moment, not whenever the GUI thread gets to it)."""

    hook = None

    def run(self, device, request, prompts, progress=None, cancel=None):  # type: ignore[no-untyped-def]
        def reported(step: str, fraction: float) -> None:
            if HookedFlow.hook is not None:
                HookedFlow.hook(step, fraction)
            if progress is not None:
                progress(step, fraction)

        return super().run(device, request, prompts, reported, cancel)


@pytest.fixture
def page(qtbot, manager, phones, reference):
    tasks = BackgroundTasks()
    HookedFlow.hook = None
    made = DiagnosticsPage(
        tasks,
        DeviceWorkers(lambda serial: DeviceSession(phones.client, serial, timeout=5)),
        reference,
        flow_factory=lambda session: HookedFlow(session, reference, tool_timeout=10, poll_seconds=0.05),
    )
    qtbot.addWidget(made)
    made.resize(1100, 720)
    made.show()
    made.show_session(manager)
    yield made
    qtbot.waitUntil(lambda: not tasks.busy, timeout=RUN_TIMEOUT_MS)  # no worker outlives the test


def choose(page: DiagnosticsPage, *functions: str) -> None:
    for function in functions:
        page.function_boxes[function].setChecked(True)


def sign_consent(qtbot, page: DiagnosticsPage, name: str = "Liu Yang", tick: bool = False) -> None:
    page.start_button.click()
    dialog = page.consent_dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing signed yet
    dialog.customer.setText(name)
    if tick:
        dialog.tick.setChecked(True)
    else:
        dialog.pad.draw_stroke([(20 + 8 * i, 60 + (i % 5) * 6) for i in range(30)])
    assert ok.isEnabled()
    ok.click()


def wait_for_report(qtbot, page: DiagnosticsPage):
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        pass
    return finished.args[0]


def test_consent_update_collection_and_results_on_screen(qtbot, page, phones, manager) -> None:
    handset = phones.start("realme-gt2-old-tool")
    page.set_device(handset.address, "device")
    choose(page, "identity", "battery", "charging")
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        sign_consent(qtbot, page)
        qtbot.waitUntil(lambda: page.update_dialog is not None and page.update_dialog.isVisible(), timeout=10_000)
        page.update_dialog.agree.setChecked(True)
        page.update_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    report = finished.args[0]
    assert report.status == "complete" and report.tool.updated
    cells = {
        page.results.table.item(r, 0).text(): page.results.table.item(r, 1).text()
        for r in range(page.results.table.rowCount())
    }
    assert cells["IMEI"] == "*********122333" and cells["Battery health"] == "88%"
    assert "Battery health 88%" in page.results.verdict.text()
    assert page.results.revoke.isVisible() and "Revoke USB debugging" in page.results.revoke.text()
    assert all(bar.value() == 100 for bar in page.progress.bars.values())
    consent = repo.consent_by_id(manager.store, report.consent_id)
    assert consent.method == "signature" and consent.signature_png.startswith(b"\x89PNG")
    assert consent.categories == ("device_info", "battery_record")


def test_refused_consent_runs_nothing(qtbot, page, phones) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    recorder = Recorder(handset)
    page.set_device(handset.address, "device")
    choose(page, "identity")
    page.start_button.click()
    qtbot.waitUntil(lambda: page.consent_dialog.isVisible())
    page.consent_dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert recorder.services == [] and page.start_button.isEnabled() and page.last_report is None


def test_refused_update_means_no_diagnostics_on_screen(qtbot, page, phones, manager) -> None:
    handset = phones.start("realme-gt2-old-tool")
    recorder = Recorder(handset)
    page.set_device(handset.address, "device")
    choose(page, "identity", "battery")
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        sign_consent(qtbot, page, tick=True)
        qtbot.waitUntil(lambda: page.update_dialog is not None and page.update_dialog.isVisible(), timeout=10_000)
        page.update_dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    report = finished.args[0]
    assert report.status == "declined" and report.collected == []
    assert "declined the tool update" in page.results.status.text()
    assert not any("getprop" in line or "pm install" in line for line in recorder.lines)


def test_an_unauthorised_phone_shows_guidance(qtbot, page, phones) -> None:
    handset = phones.start("unauthorised-oppo-reno", wait={"unauthorized"})
    state = {d.serial: d.state for d in phones.client.list()}[handset.address]
    page.set_device(handset.address, state)
    choose(page, "identity")
    assert state == "unauthorized"
    assert "Allow" in page.advice_label.text() and "USB debugging" in page.advice_label.text()
    assert not page.start_button.isEnabled()


UNPLUG_MOMENTS = [
    ("tool-version", "cmd:dumpsys package"),
    ("tool-start", "cmd:am start-foreground-service"),
    ("tool-wait", "wait"),
    ("identity-start", "step:identity"),
    ("getprop", "cmd:getprop"),
    ("battery-start", "step:battery"),
    ("dumpsys-battery", "cmd:dumpsys battery"),
    ("logs-start", "step:logs"),
    ("logcat", "cmd:logcat"),
    ("clean-up", "cmd:rm -rf"),
]


@pytest.mark.parametrize(("moment", "how"), UNPLUG_MOMENTS, ids=[m[0] for m in UNPLUG_MOMENTS])
def test_unplug_at_any_moment_ends_incomplete_with_a_responsive_window(qtbot, page, phones, moment, how) -> None:
    profile = load_profile(HANDSETS / "coloros-oneplus8-tool")
    if how.startswith("cmd:"):
        profile = dataclasses.replace(
            profile, faults=dataclasses.replace(profile.faults, disconnect_on_command=(how[4:],))
        )
    handset = phones.start(profile)
    page.set_device(handset.address, "device")
    choose(page, "identity", "battery", "logs")

    threads: set[str] = set()

    def pull_the_plug(step: str, fraction: float) -> None:
        threads.add(threading.current_thread().name)
        if (how == "wait" and step == "tool" and 0 < fraction < 1) or (how == f"step:{step}" and fraction == 0):
            handset.stop()

    HookedFlow.hook = pull_the_plug
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        sign_consent(qtbot, page, tick=True)
    report = finished.args[0]
    assert report.status == "incomplete" and not report.complete
    assert "incomplete" in page.results.status.text()
    assert threads and threading.main_thread().name not in threads, "the phone is read off the GUI thread"
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=500)  # the window still answers
    assert not page.cancel_button.isEnabled() and page.function_boxes["identity"].isEnabled()


def test_the_log_viewer_searches_the_redacted_log(qtbot, page, phones) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    page.set_device(handset.address, "device")
    choose(page, "logs")
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS):
        sign_consent(qtbot, page, tick=True)
    assert page.results.log_button.isVisible()
    page.results.log_button.click()
    viewer = page.log_viewer
    qtbot.waitUntil(lambda: viewer.isVisible())
    assert viewer.count.text() == "40 lines"
    viewer.search.setText("powermanagerservice")
    assert viewer.count.text() != "40 lines" and "PowerManagerService" in viewer.view.toPlainText()
    assert all("PowerManagerService" in line for line in viewer.view.toPlainText().splitlines())


def test_cancel_stops_a_run_waiting_for_the_tool(qtbot, page, phones, inline_profile) -> None:
    slow_tool = {
        "package": "com.repaircounter.diagtool",
        "version_code": 320,
        "version_name": "3.2.0",
        "service": ".DiagnosticService",
        "result_delay_ms": 60_000,
    }
    handset = phones.start(inline_profile(diagtool=slow_tool))
    page.set_device(handset.address, "device")
    choose(page, "identity")
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        sign_consent(qtbot, page, tick=True)
        qtbot.waitUntil(
            lambda: (
                page.cancel_button.isEnabled()
                and page.progress.bars.get("tool") is not None
                and page.progress.bars["tool"].value() > 0
            )
        )
        page.cancel_button.click()
    assert finished.args[0].status == "cancelled"
    assert "cancelled" in page.results.status.text()


def test_withdrawal_on_screen_deletes_the_data(qtbot, page, phones, manager) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    page.set_device(handset.address, "device")
    choose(page, "identity", "battery")
    assert not page.withdraw_button.isEnabled()
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        sign_consent(qtbot, page, tick=True)
    report = finished.args[0]
    assert repo.results_for_run(manager.store, report.run_id) and page.withdraw_button.isEnabled()
    page.withdraw_button.click()
    assert repo.results_for_run(manager.store, report.run_id) == []
    assert repo.battery_for_run(manager.store, report.run_id) is None
    assert "withdrew consent" in page.results.status.text() and not page.withdraw_button.isEnabled()


def test_cancel_while_the_update_question_is_open(qtbot, page, phones) -> None:
    handset = phones.start("realme-gt2-old-tool")
    recorder = Recorder(handset)
    page.set_device(handset.address, "device")
    choose(page, "identity")
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        sign_consent(qtbot, page, tick=True)
        qtbot.waitUntil(lambda: page.update_dialog is not None and page.update_dialog.isVisible(), timeout=10_000)
        page.cancel_button.click()
    assert finished.args[0].status == "cancelled" and not page.update_dialog.isVisible()
    assert not any("pm install" in line for line in recorder.lines)


def _findings(page: DiagnosticsPage) -> dict[str, tuple[str, str]]:
    table = page.results.findings
    return {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())
    }


def test_every_function_is_said_in_words_with_suggestions_and_history(qtbot, page, phones) -> None:
    """Issue 15 item 5: no "done" for a function with a verdict; the faults ranked; the phone's earlier run."""
    handset = phones.start("honor-400-lite-android15")
    page.set_device(handset.address, "device")
    choose(page, "identity", "battery", "charging", "display", "network", "camera", "storage", "software")
    for _ in range(2):  # the second run shows the first in the phone's history
        with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            sign_consent(qtbot, page)
        report = finished.args[0]
    rows = _findings(page)
    assert rows["Display"][0] == "Fault found" and "qualifies for a screen replacement" in rows["Display"][1]
    assert rows["Camera"] == ("Fault found", "The front camera (1) failed to start.")
    assert rows["Storage"][0] == "Fault found" and "nearly full" in rows["Storage"][1]
    assert rows["Software"][0] == "OK" and "security patch 2025-03-01" in rows["Software"][1]
    assert rows["Identity"][1] == "The phone was identified (see above)."
    assert "done" not in {state for state, _ in rows.values()}
    suggestions = page.results.suggestions.text()
    assert suggestions.splitlines()[1].startswith("1. Screen (cracked, touch, display): Touch detection abnormal 3")
    assert page.results.accept_button.isVisible()
    page.results.accept_button.click()
    assert page.fault.currentData() == "screen"  # chosen only now, by the technician
    history = page.results.history.text().splitlines()
    assert len(history) == 2 and "█" in history[1] and len(report.history) == 1
    page.results.show_report(report, "zh_CN")  # the findings follow the customer's language
    chinese = _findings(page)
    assert "符合更换屏幕条件" in chinese["屏幕检测"][1] and chinese["相机检测"][1] == "前置相机（1）无法启动。"
    assert "1. 屏幕问题（碎屏、触摸、显示）：触摸检测连续 3 次异常" in page.results.suggestions.text()
