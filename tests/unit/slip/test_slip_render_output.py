"""Which file each format and extension gives, and the journal record of a print."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.device.escpos import parse_job
from app.slip.demo_slip import DEMO_VERIFICATION_KEY, demo_content
from app.slip.layout import SlipLayout, build_layout
from app.slip.print_record import make_record
from app.slip.render_output import SlipOutputError, thermal_job, write_slip


@pytest.fixture(scope="module")
def layout() -> SlipLayout:
    return build_layout(demo_content("en", copy_number=1), DEMO_VERIFICATION_KEY)


@pytest.mark.parametrize(
    ("fmt", "name", "magic"),
    [
        ("a5", "s.pdf", b"%PDF-"),
        ("a4", "s.pdf", b"%PDF-"),
        ("thermal", "s.pdf", b"%PDF-"),
        ("thermal", "s.png", b"\x89PNG"),
        ("thermal", "s.pbm", b"P4\n576 "),
        ("thermal", "s.bin", b"\x1b@\x1dv0"),
    ],
)
def test_each_format_writes_its_file(
    qapp: object, tmp_path: Path, layout: SlipLayout, fmt: str, name: str, magic: bytes
) -> None:
    out = tmp_path / "sub" / name
    record = write_slip(layout, out, fmt)  # type: ignore[arg-type]
    data = out.read_bytes()
    assert data.startswith(magic)
    assert record == make_record(
        layout.ticket_number,
        1,
        "en",
        fmt,
        f"file:{out}",
        record.pages,
        data,  # type: ignore[arg-type]
        record.printed_at,
    )
    assert record.pages >= 1


@pytest.mark.parametrize(("fmt", "name"), [("a5", "s.png"), ("a4", "s"), ("thermal", "s.docx"), ("a3", "s.pdf")])
def test_unsupported_combinations_are_refused(
    qapp: object, tmp_path: Path, layout: SlipLayout, fmt: str, name: str
) -> None:
    with pytest.raises(SlipOutputError) as caught:
        write_slip(layout, tmp_path / name, fmt)  # type: ignore[arg-type]
    assert caught.value.exit_code == 65


def test_unwritable_target_is_a_known_error(qapp: object, tmp_path: Path, layout: SlipLayout) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SlipOutputError):
        write_slip(layout, blocker / "slip.pdf", "a5")


def test_thermal_job_parses_to_576_dots(qapp: object, layout: SlipLayout) -> None:
    assert parse_job(thermal_job(layout)).width == 576
