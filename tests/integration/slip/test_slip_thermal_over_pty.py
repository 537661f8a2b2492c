"""A thermal slip sent over a real tty to a scripted printer and read back as a person would see it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.device.escpos import parse_job, raster_job
from app.device.thermal_printer import PaperOut, PrinterOffline, PrinterPortError, PrintRetryQueue, ThermalPrinter
from app.slip.demo_slip import DEMO_VERIFICATION_KEY, demo_content
from app.slip.layout import build_layout
from app.slip.render_thermal import THERMAL_WIDTH_DOTS, render_thermal_raster
from app.ui.problem_words import has_words
from tests.integration.slip.scripted_printer import (
    STATUS_COVER_OPEN,
    STATUS_GARBAGE,
    STATUS_OK,
    STATUS_PAPER_NEAR_END,
    STATUS_PAPER_OUT,
    STATUS_SILENT,
    ScriptedPrinter,
)

pytestmark = pytest.mark.integration
TICKET = "SZ01-20261122-0042"


@pytest.fixture(scope="module")
def slip_job(qapp: object) -> bytes:
    """Rendered once per module (pytest-qt's qapp is session-wide)."""
    return raster_job(render_thermal_raster(build_layout(demo_content("zh_CN"), DEMO_VERIFICATION_KEY)))


def _printer(peer: ScriptedPrinter) -> ThermalPrinter:
    return ThermalPrinter(peer.port, timeout=0.5)


def test_job_arrives_and_reads_back_as_a_576_dot_slip_with_scannable_codes(
    scripted_printer: ScriptedPrinter, slip_job: bytes, tmp_path: Path
) -> None:
    _printer(scripted_printer).print_job(slip_job)
    (received,) = scripted_printer.wait_for_jobs(1)
    assert received == slip_job
    image = parse_job(received)
    assert image.width == THERMAL_WIDTH_DOTS == 576
    assert image.height > 1000
    pbm = tmp_path / "slip.pbm"
    pbm.write_bytes(image.to_pbm())
    decoded = subprocess.run(["zbarimg", "-q", str(pbm)], capture_output=True, text=True, timeout=60).stdout
    assert f"CODE-128:{TICKET}" in decoded.splitlines()
    assert any(line.startswith(f"QR-Code:RC1/{TICKET}/") for line in decoded.splitlines())


def test_status_is_asked_before_the_job(scripted_printer: ScriptedPrinter, slip_job: bytes) -> None:
    _printer(scripted_printer).print_job(slip_job)
    scripted_printer.wait_for_jobs(1)
    assert scripted_printer.queries[:2] == [1, 4]


def test_paper_near_end_still_prints(scripted_printer: ScriptedPrinter, slip_job: bytes) -> None:
    scripted_printer.state = dict(STATUS_PAPER_NEAR_END)
    printer = _printer(scripted_printer)
    assert printer.status().paper_near_end
    printer.print_job(slip_job)
    assert scripted_printer.wait_for_jobs(1) == [slip_job]


@pytest.mark.parametrize(
    ("state", "error", "words"),
    [
        (STATUS_PAPER_OUT, PaperOut, "out of paper"),
        (STATUS_COVER_OPEN, PrinterOffline, "cover open"),
        (STATUS_SILENT, PrinterOffline, "does not answer"),
        (STATUS_GARBAGE, PrinterOffline, "not answering as a receipt printer"),
    ],
)
def test_a_printer_that_cannot_print_gets_a_clear_error_with_its_code_and_no_job(
    scripted_printer: ScriptedPrinter, slip_job: bytes, state: dict[int, int], error: type, words: str
) -> None:
    scripted_printer.state = dict(state)
    with pytest.raises(error) as caught:
        _printer(scripted_printer).print_job(slip_job)
    assert words in caught.value.message
    # The service says it in English with a code and the port; the window words the code in Chinese.
    assert caught.value.params["port"] == scripted_printer.port and has_words(caught.value.code)
    assert scripted_printer.jobs == []


def test_kept_job_prints_in_order_once_paper_is_loaded(scripted_printer: ScriptedPrinter, slip_job: bytes) -> None:
    queue = PrintRetryQueue()
    printer = _printer(scripted_printer)
    scripted_printer.state = dict(STATUS_PAPER_OUT)
    assert isinstance(queue.submit(printer, slip_job, "slip SZ01-0042"), PaperOut)
    second = raster_job(parse_job(slip_job), feed_lines=1)
    assert isinstance(queue.submit(printer, second, "slip SZ01-0043"), PaperOut)
    assert [job.description for job in queue.pending] == ["slip SZ01-0042", "slip SZ01-0043"]
    assert "out of paper" in queue.pending[0].last_error
    scripted_printer.state = dict(STATUS_OK)
    assert queue.retry(printer) is None
    assert queue.pending == ()
    assert scripted_printer.wait_for_jobs(2) == [slip_job, second]


def test_a_port_that_does_not_exist_is_a_port_error(tmp_path: Path) -> None:
    with pytest.raises(PrinterPortError) as caught:
        ThermalPrinter(str(tmp_path / "ttyUSB9")).print_job(b"\x1b@")
    assert caught.value.exit_code == 63


def test_an_unplugged_printer_keeps_the_job_until_discarded(tmp_path: Path) -> None:
    queue = PrintRetryQueue()
    error = queue.submit(ThermalPrinter(str(tmp_path / "ttyUSB0")), b"\x1b@", "slip SZ01-0042")
    assert isinstance(error, PrinterPortError)
    (job,) = queue.pending
    assert job.attempts == 1 and "Cannot open printer port" in job.last_error
    queue.discard(job.job_id)
    assert queue.pending == ()
