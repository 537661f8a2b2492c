"""The report through the real command line: JSON, CSV and PDF from a real store, and no customer
value in any of them (issue 16: a test plants markers in names, phones and IMEIs and scans every output)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.reports.charts import charts
from app.reports.service import outlet_report
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.unit.reports import known_tickets as week

pytestmark = pytest.mark.integration
RANGE = ("--from", week.FIRST_DAY.isoformat(), "--to", week.LAST_DAY.isoformat())


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REPAIR_COUNTER_PASSWORD": ADMIN_PASSWORD, "REPAIR_COUNTER_USER": ADMIN}
    env["REPAIR_COUNTER_DATA_DIR"] = str(data)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def data(manager, clock, tmp_path) -> Path:
    """The hand-built week in a real store on disk, locked, for the command line to open."""
    week.build(manager, clock)
    manager.lock()
    return tmp_path / "data"


def _assert_no_markers(text: str, where: str) -> None:
    for marker in week.MARKER_VALUES:
        assert marker not in text, f"{marker!r} leaked into {where}"


def test_json_has_the_figures_and_no_customer_value(data: Path) -> None:
    for by in ("technician", "service", "fault"):
        done = run_cli(data, "report", *RANGE, "--period", "day", "--by", by, "--json")
        assert done.returncode == 0, done.stderr
        _assert_no_markers(done.stdout, f"JSON by {by}")
        report = json.loads(done.stdout)
        assert report["overall"]["received"] == 7
        assert report["overall"]["repeat_repairs_90_days"] == 1
    assert "Qmarkername" in week.MARKER_VALUES  # the scan looks for the names that really are stored


def test_csv_file_has_one_figure_a_line_and_no_customer_value(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "week.csv"
    done = run_cli(data, "report", *RANGE, "--period", "week", "--by", "technician", "--csv", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    _assert_no_markers(text, "CSV")
    lines = list(csv.DictReader(io.StringIO(text)))
    totals = {(r["group"], r["figure"]): r["value"] for r in lines if r["table"] == "totals"}
    assert totals["E1001", "received"] == "3"
    assert totals["all", "turnaround_median_minutes"] == "360"
    assert totals["all", "response_by_priority.2.met"] == "2"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize(
    ("language", "title", "figure"),
    [("en", "Outlet KPI report", "Tickets received"), ("zh_CN", "网点 KPI 报表", "接收工单")],
)
def test_pdf_in_both_languages_has_charts_tables_and_no_customer_value(
    data: Path, tmp_path: Path, language: str, title: str, figure: str
) -> None:
    out = tmp_path / f"week-{language}.pdf"
    done = run_cli(data, "report", *RANGE, "--period", "day", "--by", "fault", "--pdf", str(out), "--lang", language)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    _assert_no_markers(text, f"PDF ({language})")
    assert title in text and figure in text
    assert "2026-11-30" in text
    compact = " ".join(text.split())
    assert "5700" in compact or "95" in compact  # the p90 turnaround (minutes in the summary, hours on the chart)


def test_charts_carry_no_customer_value(manager, clock) -> None:
    week.build(manager, clock)
    for by in ("none", "technician", "service", "fault"):
        report = outlet_report(manager, week.FIRST_DAY, week.LAST_DAY, "day", by, clock=week.OUTLET_CLOCK)
        for language in ("en", "zh_CN"):
            for chart in charts(report, language):
                header, rows = chart.table()
                _assert_no_markers(repr((chart, header, rows)), f"chart {chart.key} by {by}")


def test_a_bad_date_is_a_clear_usage_error(data: Path) -> None:
    done = run_cli(data, "report", "--from", "30/11/2026", "--to", "2026-12-06", "--json")
    assert done.returncode == 2
    assert "is not a date like" in done.stderr
