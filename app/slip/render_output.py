"""One call per output the counter needs: a slip file in a chosen format, or a thermal job's bytes.

The command line and the UI both come here, so "which renderer for which
format and file type" is decided once.
"""

from __future__ import annotations

from pathlib import Path

from app.device.escpos import raster_job
from app.errors import KnownError
from app.slip.layout import SlipLayout
from app.slip.print_record import SLIP_FORMATS, SlipFormat, SlipPrintRecord, make_record
from app.slip.render_blocks import PAGE_SPECS, THERMAL_80
from app.slip.render_pdf import write_pdf, write_roll_pdf
from app.slip.render_thermal import render_thermal_image, render_thermal_raster

PAPER_SUFFIXES = (".pdf",)
THERMAL_SUFFIXES = (".pdf", ".png", ".pbm", ".bin", ".prn")


class SlipOutputError(KnownError):
    """The slip cannot be written where or how it was asked."""

    exit_code = 65
    next_step = (
        "Choose a .pdf file for A5/A4; for thermal, .pdf, .png, .pbm or .bin (raw ESC/POS), "
        "in a folder you can write to. A5/A4 请选择 .pdf 文件；热敏格式可用 .pdf、.png、.pbm 或 .bin。"
    )


def write_slip(layout: SlipLayout, out_path: Path, slip_format: SlipFormat = "a5") -> SlipPrintRecord:
    """Render the slip to `out_path`; returns what the print journal records."""
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    allowed = THERMAL_SUFFIXES if slip_format == "thermal" else PAPER_SUFFIXES
    if slip_format not in SLIP_FORMATS or suffix not in allowed:
        raise SlipOutputError(f"Cannot write a {slip_format} slip as {suffix or 'a file without extension'}")
    try:
        pages = _write(layout, out_path, slip_format, suffix)
        output = out_path.read_bytes()
    except OSError as exc:
        raise SlipOutputError(f"Cannot write {out_path}: {exc.strerror}") from exc
    return make_record(
        layout.ticket_number, layout.copy_number, layout.language, slip_format, f"file:{out_path}", pages, output
    )


def _write(layout: SlipLayout, out_path: Path, slip_format: SlipFormat, suffix: str) -> int:
    if slip_format != "thermal":
        out_path.parent.mkdir(parents=True, exist_ok=True)
        if not out_path.parent.is_dir():
            raise OSError(20, "not a folder")
        return write_pdf(layout, out_path, PAGE_SPECS[slip_format])
    out_path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".pdf":
        return write_roll_pdf(layout, out_path, THERMAL_80)
    if suffix == ".png":
        if not render_thermal_image(layout).save(str(out_path)):
            raise OSError(5, "the image could not be saved")
        return 1
    raster = render_thermal_raster(layout)
    out_path.write_bytes(raster.to_pbm() if suffix == ".pbm" else raster_job(raster))
    return 1


def thermal_job(layout: SlipLayout) -> bytes:
    """The ESC/POS bytes that print the slip on an 80 mm printer."""
    return raster_job(render_thermal_raster(layout))
