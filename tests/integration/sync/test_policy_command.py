"""`repair-counter policy show`: the allow-list printed from the shipped reference data, in a real process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration


def policy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "policy", "show", *args], capture_output=True, text=True, timeout=60
    )


def test_policy_show_prints_what_leaves_per_entity_and_service_type() -> None:
    shown = policy("--region", "CN", "--json")
    assert shown.returncode == 0, shown.stderr
    document = json.loads(shown.stdout)
    assert document["region"] == "CN" and document["version"]
    rules = {(r["entity"], r["action"], r["service_type"]): r for r in document["rules"]}
    walk_in, send_in = rules[("ticket", "create", "maintenance")], rules[("ticket", "create", "send_in")]
    assert (
        not any(f.startswith("customer_") for f in walk_in["fields"]) and "agreement.signed_by" not in walk_in["fields"]
    )
    assert {"customer_name", "customer_phone", "customer_address"} <= set(send_in["fields"])
    assert "customer_email" not in send_in["fields"] and walk_in["free_text"] == ["fault", "condition_notes"]
    text = policy("--region", "cn")
    assert text.returncode == 0 and "ticket create [maintenance]" in text.stdout and "数据外发策略" in text.stdout


def test_an_unknown_region_is_refused_with_the_known_ones() -> None:
    refused = policy("--region", "XX")
    assert refused.returncode == 2 and "CN, EU, IN" in refused.stderr
