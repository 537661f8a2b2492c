"""The region's view: the hand-built week synced from a real counter to a real upstream (SQLite and
PostgreSQL), read back per outlet with an operator token, over HTTP and through the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx
import pytest

from app.sync import service as sync
from app.upstream.enrolment import issue_enrol_code
from app.upstream.reports import issue_operator_token
from tests.integration.upstream.upstream_harness import UpstreamServer
from tests.unit.reports import known_tickets as week

pytestmark = pytest.mark.integration
QUERY = {"from": "2026-11-30", "to": "2026-12-06", "period": "week", "zone": "Asia/Shanghai"}


@pytest.fixture
def synced(manager, clock, upstream: UpstreamServer):
    """The week at outlet SZ01, pushed to the upstream in one sync round."""
    week.build(manager, clock)
    sync.enroll(manager, upstream.url, issue_enrol_code(upstream.store, "SZ01"))
    report = sync.sync_once(manager)
    assert not report.errors and report.pending == 0
    return upstream


def _get(server: UpstreamServer, token: str | None, **params: str) -> httpx.Response:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return httpx.get(f"{server.url}/v1/reports/outlets", params={**QUERY, **params}, headers=headers, timeout=30)


def test_the_outlet_figures_match_the_counter(synced: UpstreamServer) -> None:
    answer = _get(synced, issue_operator_token(synced.store))
    assert answer.status_code == 200, answer.text
    (outlet,) = answer.json()["outlets"]
    assert outlet["outlet"] == "SZ01"
    overall = outlet["overall"]
    assert overall["received"] == 7 and overall["closed"] == 5
    assert overall["turnaround_median_minutes"] == 360 and overall["turnaround_p90_minutes"] == 5700
    assert overall["response_by_priority"]["2"]["met"] == 2  # across the holiday, as at the counter
    assert overall["response_by_priority"]["1"]["missed"] == 2
    assert overall["repeat_repairs_90_days"] == 1
    assert overall["first_time_fixes"] == 1 and overall["collected"] == 3
    assert "technician" in answer.json()["not_synced"]
    for marker in week.MARKER_VALUES:
        assert marker not in answer.text


def test_by_fault_per_outlet(synced: UpstreamServer) -> None:
    answer = _get(synced, issue_operator_token(synced.store), by="fault")
    totals = {row["group"]: row["received"] for row in answer.json()["outlets"][0]["totals"]}
    assert totals == {"battery_drain": 2, "no_charge": 1, "screen": 4}


def test_only_the_operator_may_read(synced: UpstreamServer, manager) -> None:
    assert _get(synced, None).status_code == 401
    outlet_token = sync.load_enrolment(manager).token
    refused = _get(synced, outlet_token)
    assert refused.status_code == 403 and refused.json()["code"] == "not_operator"
    assert _get(synced, "not-a-token").status_code == 401


def test_a_bad_query_is_refused_with_a_reason(synced: UpstreamServer) -> None:
    token = issue_operator_token(synced.store)
    bad_zone = _get(synced, token, zone="Mars/Olympus")
    assert bad_zone.status_code == 400 and "time zone" in bad_zone.json()["detail"]
    assert _get(synced, token, by="technician").status_code == 400
    assert _get(synced, token, **{"from": "30/11/2026"}).status_code == 422


def test_the_region_report_command(synced: UpstreamServer, tmp_path) -> None:
    token = issue_operator_token(synced.store)
    env = {**os.environ, "REPAIR_COUNTER_OPERATOR_TOKEN": token}
    args = ["--upstream", synced.url, "--from", "2026-11-30", "--to", "2026-12-06", "--zone", "Asia/Shanghai"]
    done = subprocess.run(
        [sys.executable, "-m", "app", "region-report", *args, "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outlets"][0]["overall"]["received"] == 7
    out = tmp_path / "region.csv"
    done = subprocess.run(
        [sys.executable, "-m", "app", "region-report", *args, "--csv", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "SZ01,totals,total,all,received,7" in out.read_text(encoding="utf-8")
    env["REPAIR_COUNTER_OPERATOR_TOKEN"] = "wrong"
    refused = subprocess.run(
        [sys.executable, "-m", "app", "region-report", *args, "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert refused.returncode != 0 and "token" in refused.stderr.lower()
