"""The Diagnostic Tool's wipe action (docs/ARCHITECTURE.md section 7) on simulated phones, over a real adb server."""

from __future__ import annotations

import dataclasses
import json

import pytest

from app.device.errors import DeviceCommandFailed, DeviceGone
from app.device.simulator import load_profile
from tests.integration.device.conftest import HANDSETS, TOOL, Phones

pytestmark = pytest.mark.integration


def _profile(name: str, wipe: str = "success", **device: object):  # type: ignore[no-untyped-def]
    profile = load_profile(HANDSETS / name)
    if profile.diagtool is not None:
        profile = dataclasses.replace(profile, diagtool=dataclasses.replace(profile.diagtool, wipe=wipe))
    return dataclasses.replace(profile, device=dataclasses.replace(profile.device, **device))


def test_the_tool_reports_then_the_phone_resets_and_leaves_the_list(phones: Phones) -> None:
    handset = phones.start(_profile("coloros-oneplus8-tool", accounts=2))
    session = phones.session(handset, timeout=5)
    assert session.crypto_state() == "encrypted"
    assert session.accounts_count() == 2
    session.start_wipe(TOOL, "w1")
    result = json.loads(session.wait_for_wipe_result(TOOL, "w1", timeout=10) or b"{}")
    assert result["status"] == "success"
    assert result["method"] == "factory reset: cryptographic erase of FBE keys"
    assert result["standard"].startswith("NIST SP 800-88")
    assert result["android_version"] == "13" and result["encryption_state"] == "encrypted"
    assert handset.state.wiped is False, "the tool waits until the counter took its result"
    session.release_wipe(TOOL, "w1")
    assert phones.wait_for_state(handset.address, {"absent"}) == "absent"
    assert handset.state.wiped and handset.files.list_dir("/") == []


def test_a_failed_wipe_leaves_the_phone_on_the_cable(phones: Phones) -> None:
    handset = phones.start(_profile("coloros-oneplus8-tool", wipe="failed"))
    session = phones.session(handset, timeout=5)
    session.start_wipe(TOOL, "w2")
    result = json.loads(session.wait_for_wipe_result(TOOL, "w2", timeout=10) or b"{}")
    assert result["status"] == "failed" and result["reason"]
    session.release_wipe(TOOL, "w2")
    assert session.state_in_server() == "device" and not handset.state.wiped


def test_unplugged_before_the_result(phones: Phones) -> None:
    handset = phones.start(_profile("coloros-oneplus8-tool", wipe="unplug"))
    session = phones.session(handset, timeout=5)
    session.start_wipe(TOOL, "w3")
    with pytest.raises(DeviceGone):
        session.wait_for_wipe_result(TOOL, "w3", timeout=10)


def test_an_old_tool_has_no_wipe_action_and_an_unencrypted_phone_says_so(phones: Phones) -> None:
    handset = phones.start(_profile("realme-gt2-old-tool", crypto_state="unencrypted"))
    session = phones.session(handset, timeout=5)
    assert session.crypto_state() == "unencrypted"
    with pytest.raises(DeviceCommandFailed):
        session.start_wipe(TOOL, "w4")
    assert session.state_in_server() == "device"
