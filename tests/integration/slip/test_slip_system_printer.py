"""Printing through QPrinter, the path every system printer (spooler, CUPS) takes.

No physical printer exists here, so the QPrinter writes its PDF output, which is
the same paint path a spooled job takes, and the result is read back.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from app.slip.demo_slip import DEMO_PHONE, DEMO_VERIFICATION_KEY, demo_content
from app.slip.layout import build_layout
from app.slip.render_blocks import A4, A5
from app.slip.render_print import build_print_preview, print_slip, spec_for_printer

pytestmark = pytest.mark.integration


def _pdf_printer(path: Path, size: QPageSize.PageSizeId) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(size))
    return printer


@pytest.mark.parametrize(
    ("size", "expected_spec", "paper"), [(QPageSize.PageSizeId.A5, A5, "A5"), (QPageSize.PageSizeId.A4, A4, "A4")]
)
def test_slip_printed_to_a_qprinter_reads_back(
    qapp: object, tmp_path: Path, size: QPageSize.PageSizeId, expected_spec: object, paper: str
) -> None:
    path = tmp_path / "printed.pdf"
    printer = _pdf_printer(path, size)
    assert spec_for_printer(printer) is expected_spec
    pages = print_slip(build_layout(demo_content("zh_CN"), DEMO_VERIFICATION_KEY), printer)
    assert pages >= 1
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "SZ01-20261122-0042" in text and "138****5678" in text and "工程师工号" in text
    assert DEMO_PHONE not in "".join(text.split())
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert f"({paper})" in info
    assert re.search(rf"^Pages:\s+{pages}$", info, re.MULTILINE)


def test_preview_dialog_draws_the_slip_when_asked(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    layout = build_layout(demo_content("en"), DEMO_VERIFICATION_KEY)
    path = tmp_path / "preview.pdf"
    printer = _pdf_printer(path, QPageSize.PageSizeId.A5)
    dialog = build_print_preview(layout, printer)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QPrintPreviewDialog)
    dialog.paintRequested.emit(printer)  # what the dialog's preview widget and its Print button do
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Repair Service Slip" in text
