"""`repair-counter slip TICKET_NO` for a real ticket, in child processes as a person would run it.

A store is made with `init`, a ticket opened with `ticket new`, then the slip
is printed and read back: pdftotext for the words, zbarimg for the codes, the
store's own slip key (read by signing in) for the QR verification code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.accounts import service
from app.core.ticket_numbers import verify_qr_payload
from app.device.escpos import parse_job
from app.paths import DataPaths
from app.storage import slip_repository
from app.storage.vault import Vault
from tests.integration.slip.scripted_printer import STATUS_OK, STATUS_PAPER_OUT, ScriptedPrinter

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "manager-pass-1"
PHONE, IMEI = "13812345678", "860955027785041"


def run_cli(data: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "REPAIR_COUNTER_PASSWORD": PASSWORD,
        "REPAIR_COUNTER_USER": "E1001",
        "REPAIR_COUNTER_DATA_DIR": str(data),
    }
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def _tool(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("slipcli") / "data"
    made = run_cli(folder, "init", "--outlet", "SZ01", "--name", "Futian", "--region", "CN", "--admin", "E1001")
    assert made.returncode == 0, made.stderr
    return folder


@pytest.fixture(scope="module")
def number(data: Path) -> str:
    new = run_cli(
        data,
        "ticket",
        "new",
        "--type",
        "maintenance",
        "--name",
        "Zhang Wei",
        "--phone",
        PHONE,
        "--model",
        "RC-X1",
        "--imei",
        IMEI,
        "--fault",
        "cracked screen",
        "--fault-category",
        "screen",
        "--agreement-signed-by",
        "Zhang Wei",
        "--agreement-language",
        "en",
    )
    assert new.returncode == 0, new.stderr
    return new.stdout.strip()


def _store_slip_key(data: Path) -> bytes:
    session = service.sign_in(Vault(DataPaths.at(str(data))), "E1001", PASSWORD)
    try:
        return slip_repository.slip_key(session.store)
    finally:
        session.lock()


def test_a_ticket_slip_reads_back_right_and_its_reprint_says_copy_1(data: Path, number: str, tmp_path: Path) -> None:
    first, second = tmp_path / "slip.pdf", tmp_path / "again.pdf"
    printed = run_cli(data, "slip", number, "--pdf", str(first))
    assert printed.returncode == 0, printed.stderr
    assert "copy=0" in printed.stdout
    text = _tool("pdftotext", str(first), "-")
    assert number in text and "E1001" in text and "138****5678" in text
    assert PHONE not in text and IMEI not in text and "Engineer ID" in text  # the customer read English
    assert "COPY" not in text
    _tool("pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(first), str(tmp_path / "page"))
    (png,) = tmp_path.glob("page*.png")
    codes = dict(line.split(":", 1) for line in _tool("zbarimg", "-q", str(png)).splitlines())
    assert codes["CODE-128"] == number
    assert str(verify_qr_payload(codes["QR-Code"], _store_slip_key(data))) == number
    again = run_cli(data, "slip", number, "--pdf", str(second), "--lang", "zh_CN", "--format", "a4")
    assert again.returncode == 0, again.stderr
    reprint = _tool("pdftotext", str(second), "-")
    assert "COPY 1" in reprint and "工程师工号" in reprint and PHONE not in reprint


def test_thermal_paper_out_keeps_the_slip_and_retry_prints_it(
    data: Path, number: str, scripted_printer: ScriptedPrinter
) -> None:
    scripted_printer.state = dict(STATUS_PAPER_OUT)
    refused = run_cli(data, "slip", number, "--format", "thermal", "--escpos-port", scripted_printer.port)
    assert refused.returncode == 62, refused.stderr
    assert "out of paper" in refused.stderr and "kept to print again (1 waiting" in refused.stderr
    assert scripted_printer.jobs == []
    scripted_printer.state = dict(STATUS_OK)
    retried = run_cli(data, "slip", "--retry")
    assert retried.returncode == 0, retried.stderr
    assert f"printed {number} copy=" in retried.stdout and "none waiting" in retried.stdout
    (job,) = scripted_printer.wait_for_jobs(1)
    assert parse_job(job).width == 576


def test_an_unknown_ticket_gets_its_exit_code_and_no_file(data: Path, tmp_path: Path) -> None:
    missing = run_cli(data, "slip", "SZ01-20200101-0001", "--pdf", str(tmp_path / "x.pdf"))
    assert missing.returncode == 50 and "SZ01-20200101-0001" in missing.stderr
    assert not (tmp_path / "x.pdf").exists()
