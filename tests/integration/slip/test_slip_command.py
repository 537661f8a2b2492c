"""`repair-counter slip` end to end, in a child process as a person would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.device.escpos import parse_job
from tests.integration.slip.scripted_printer import STATUS_PAPER_OUT, ScriptedPrinter

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]


def _slip(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "app", "slip", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_demo_slip_to_pdf_in_english(tmp_path: Path) -> None:
    out = tmp_path / "slip.pdf"
    result = _slip("--demo", "--pdf", str(out), "--lang", "en", "--format", "a4")
    assert result.returncode == 0, result.stderr
    assert "sha256=" in result.stdout
    text = _pdftotext(out)
    assert "SZ01-20261122-0042" in text and "Engineer ID" in text and "138****5678" in text


def test_demo_slip_thermal_over_a_serial_port(tmp_path: Path, scripted_printer: ScriptedPrinter) -> None:
    result = _slip("--demo", "--format", "thermal", "--escpos-port", scripted_printer.port)
    assert result.returncode == 0, result.stderr
    (job,) = scripted_printer.wait_for_jobs(1)
    assert parse_job(job).width == 576


def test_paper_out_exits_62_with_the_reason_and_keeps_the_job(scripted_printer: ScriptedPrinter) -> None:
    scripted_printer.state = dict(STATUS_PAPER_OUT)
    result = _slip("--demo", "--format", "thermal", "--escpos-port", scripted_printer.port)
    assert result.returncode == 62
    assert "out of paper" in result.stderr and "code: paper_out" in result.stderr  # the GUI words it in Chinese
    assert "kept to print again" in result.stderr
    assert scripted_printer.jobs == []


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("--demo",), 2, "--pdf"),
        (("--demo", "--pdf", "slip.txt"), 65, ".txt"),
    ],
)
def test_unusable_requests_get_their_exit_code_and_a_next_step(
    tmp_path: Path, args: tuple[str, ...], code: int, words: str
) -> None:
    result = _slip(*(str(tmp_path / a) if a.endswith((".pdf", ".txt")) else a for a in args))
    assert result.returncode == code, result.stderr
    assert words in result.stderr
