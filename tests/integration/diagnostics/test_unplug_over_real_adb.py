"""Unplug at ten different moments: the run ends incomplete, keeps what was collected, and never hangs."""

from __future__ import annotations

import time

import pytest

from app.device.simulator import load_profile
from app.diagnostics.flow import RunRequest, ScriptedPrompts
from app.storage import diagnostics_repository as repo
from tests.integration.diagnostics.conftest import HANDSETS, device_session

pytestmark = pytest.mark.integration
FUNCTIONS = ("identity", "battery", "logs")
CATEGORIES = ("device_info", "battery_record", "logs", "software_fault")

#: (moment, how the phone goes: "cmd:<prefix>" drops the link at that command, "step:<name>" pulls the
#: plug when the flow starts that step, "wait" while waiting for the tool), functions collected before it.
MOMENTS = [
    ("tool-version", "cmd:dumpsys package", ()),
    ("tool-start", "cmd:am start-foreground-service", ()),
    ("tool-wait", "wait", ()),
    ("identity-start", "step:identity", ()),
    ("getprop", "cmd:getprop", ()),
    ("battery-start", "step:battery", ("identity",)),
    ("dumpsys-battery", "cmd:dumpsys battery", ("identity",)),
    ("logs-start", "step:logs", ("identity", "battery")),
    ("logcat", "cmd:logcat", ("identity", "battery")),
    ("clean-up", "cmd:rm -rf", ("identity", "battery", "logs")),
]


@pytest.mark.parametrize(("moment", "how", "collected_before"), MOMENTS, ids=[m[0] for m in MOMENTS])
def test_unplug_ends_in_an_incomplete_run(moment, how, collected_before, phones, flow, consent_for, manager) -> None:
    profile = load_profile(HANDSETS / "coloros-oneplus8-tool")
    if how.startswith("cmd:"):
        profile = _with_disconnect(profile, how[4:])
    handset = phones.start(profile)

    def progress(step: str, fraction: float) -> None:
        if (how == "wait" and step == "tool" and 0 < fraction < 1) or (how == f"step:{step}" and fraction == 0):
            handset.stop()  # the cable is pulled: the phone stops answering for good

    started = time.monotonic()
    report = flow.run(
        device_session(phones, handset, timeout=5),
        RunRequest(FUNCTIONS, consent_for(*CATEGORIES)),
        ScriptedPrompts(),
        progress=progress,
    )
    assert time.monotonic() - started < 20, "nothing hangs"
    assert report.status == "incomplete" and not report.complete
    stored = [r.function for r in repo.results_for_run(manager.store, report.run_id)]
    assert stored == list(collected_before)
    assert repo.run_by_id(manager.store, report.run_id).status == "incomplete"
    assert report.to_json()["complete"] is False


def _with_disconnect(profile, prefix: str):  # type: ignore[no-untyped-def]
    import dataclasses

    return dataclasses.replace(profile, faults=dataclasses.replace(profile.faults, disconnect_on_command=(prefix,)))
