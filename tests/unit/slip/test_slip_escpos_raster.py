"""ESC/POS raster jobs and status bytes, without a printer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.device.escpos import (
    BAND_ROWS,
    EscPosFormatError,
    MonoRaster,
    parse_job,
    parse_offline_cause,
    parse_paper_status,
    parse_printer_status,
    raster_job,
    status_query,
)


@st.composite
def rasters(draw: st.DrawFn) -> MonoRaster:
    width_bytes = draw(st.integers(1, 9))
    height = draw(st.integers(1, 600))
    seed = draw(st.binary(min_size=width_bytes, max_size=width_bytes))
    rows = tuple(bytes((b + y) & 0xFF for b in seed) for y in range(height))
    return MonoRaster(width_bytes * 8, rows)


@given(rasters(), st.booleans())
def test_a_job_reads_back_to_the_same_image(raster: MonoRaster, cut: bool) -> None:
    assert parse_job(raster_job(raster, cut=cut)) == raster


def test_job_bytes_follow_the_command_layout() -> None:
    raster = MonoRaster(576, tuple(bytes([0xFF] * 72) for _ in range(300)))
    job = raster_job(raster, feed_lines=3)
    assert job.startswith(b"\x1b@\x1dv0\x00\x48\x00\x00\x01")  # 72 bytes wide, first band 256 rows
    second_band = 2 + 8 + 72 * BAND_ROWS
    assert job[second_band : second_band + 8] == b"\x1dv0\x00\x48\x00\x2c\x00"  # 44 rows left
    assert job.endswith(b"\x1bd\x03\x1dVB\x00")


def test_pbm_export_has_the_header_and_the_bits() -> None:
    raster = MonoRaster(10, (b"\x80\x40", b"\x00\x00"))
    assert raster.to_pbm() == b"P4\n10 2\n\x80\x40\x00\x00"
    assert raster.is_black(0, 0) and raster.is_black(9, 0) and not raster.is_black(1, 0)
    assert raster.black_dots() == 2


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        b"hello",
        b"\x1b@",
        b"\x1dv0\x00\x48\x00",
        b"\x1dv0\x00\x02\x00\x02\x00\xff",
        b"\x1dv0\x01\x01\x00\x01\x00\xff",
        b"\x1dv0\x00\x00\x10\x01\x00",
        b"\x1dv0\x00\x01\x00\x01\x00\xff\x1dv0\x00\x02\x00\x01\x00\xff\xff",
    ],
)
def test_malformed_jobs_are_refused(junk: bytes) -> None:
    with pytest.raises(EscPosFormatError):
        parse_job(junk)


@given(st.binary(max_size=200))
def test_any_bytes_give_an_image_or_a_typed_error(data: bytes) -> None:
    try:
        parse_job(data)
    except EscPosFormatError:
        pass


def test_rows_must_match_the_width() -> None:
    with pytest.raises(EscPosFormatError):
        MonoRaster(16, (b"\x00",))


def test_status_queries_are_dle_eot_n() -> None:
    assert [status_query(n) for n in (1, 2, 4)] == [b"\x10\x04\x01", b"\x10\x04\x02", b"\x10\x04\x04"]
    with pytest.raises(ValueError):
        status_query(3)


def test_status_bytes_as_the_printer_reports_them() -> None:
    assert parse_printer_status(0x12).ready
    assert parse_printer_status(0x1A).offline
    cause = parse_offline_cause(0x32)
    assert cause.paper_out and not cause.cover_open
    assert parse_offline_cause(0x16).cover_open
    assert parse_offline_cause(0x52).error
    assert parse_paper_status(0x7E).paper_out
    near = parse_paper_status(0x1E)
    assert near.paper_near_end and not near.paper_out and near.ready


@pytest.mark.parametrize("value", [0x00, 0xFF, 0x13, 0x92, 300])
def test_bytes_outside_the_status_frame_are_refused(value: int) -> None:
    with pytest.raises(EscPosFormatError):
        parse_printer_status(value)
