"""Slip PDFs read back with poppler and zbar, as a customer or an auditor would read them."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.ticket_numbers import verify_qr_payload
from app.slip.demo_slip import DEMO_IMEIS, DEMO_PHONE, DEMO_VERIFICATION_KEY, demo_content
from app.slip.layout import build_layout
from app.slip.render_blocks import A4, A5, PageSpec
from app.slip.render_pdf import pdf_bytes, write_pdf

pytestmark = pytest.mark.integration
TICKET = "SZ01-20261122-0042"
CASES = [("zh_CN", A5), ("en", A5), ("zh_CN", A4), ("en", A4)]


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=120).stdout


@pytest.fixture(scope="module")
def slips(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """One PDF per language and format (a reprint, so COPY shows), rendered once for the module."""
    folder = tmp_path_factory.mktemp("slips")
    paths = {}
    for language, spec in CASES:
        layout = build_layout(demo_content(language, copy_number=2), DEMO_VERIFICATION_KEY)  # type: ignore[arg-type]
        path = folder / f"slip-{language}-{spec.name}.pdf"
        write_pdf(layout, path, spec)
        paths[(language, spec.name)] = path
    return paths


def _text(path: Path) -> str:
    return _run("pdftotext", "-enc", "UTF-8", str(path), "-")


@pytest.mark.parametrize(("language", "spec"), CASES, ids=lambda v: getattr(v, "name", v))
def test_text_has_ticket_engineer_and_masked_contacts_but_no_full_phone_or_imei(
    slips: dict[tuple[str, str], Path], language: str, spec: PageSpec
) -> None:
    text = _text(slips[(language, spec.name)])
    assert TICKET in text
    assert "E10327" in text
    assert "138****5678" in text
    assert "237518" in text and "z***@example.cn" in text
    flat = "".join(text.split())  # a number split over a line break or spaces is still a leak
    assert DEMO_PHONE not in flat
    assert not any(imei in flat for imei in DEMO_IMEIS)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh_CN", ["维修服务单", "工程师工号", "我们收集了什么数据及原因", "设备日志", "30 天", "副本 2"]),
        ("en", ["Repair Service Slip", "Engineer ID", "What we collected and why", "Device logs", "30 days", "COPY 2"]),
    ],
)
def test_slip_reads_in_the_customers_language(
    slips: dict[tuple[str, str], Path], language: str, words: list[str]
) -> None:
    text = _text(slips[(language, "a5")])
    for word in words:
        assert word in text


def test_declined_diagnostics_are_stated(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "declined.pdf"
    write_pdf(build_layout(demo_content("en", declined=True), DEMO_VERIFICATION_KEY), path)
    text = _text(path)
    assert "Diagnostics declined: no data was read from the phone." in " ".join(text.split())
    assert "Device logs" not in text


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_cjk_font_is_embedded(slips: dict[tuple[str, str], Path], language: str) -> None:
    rows = _run("pdffonts", str(slips[(language, "a5")])).splitlines()[2:]
    wqy = [row for row in rows if "WenQuanYi" in row]
    assert wqy, rows
    columns = wqy[0].split()
    assert columns[-5] == "yes"  # the "emb" column


@pytest.mark.parametrize(("language", "spec"), CASES, ids=lambda v: getattr(v, "name", v))
def test_qr_and_barcode_scan_to_the_documented_content(
    slips: dict[tuple[str, str], Path], tmp_path: Path, language: str, spec: PageSpec
) -> None:
    _run(
        "pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(slips[(language, spec.name)]), str(tmp_path / "page")
    )
    (png,) = tmp_path.glob("page*.png")
    decoded = _run("zbarimg", "-q", str(png)).splitlines()
    codes = dict(line.split(":", 1) for line in decoded)
    assert codes["CODE-128"] == TICKET
    assert str(verify_qr_payload(codes["QR-Code"], DEMO_VERIFICATION_KEY)) == TICKET
    assert codes["QR-Code"].startswith(f"RC1/{TICKET}/")


def test_the_original_print_carries_no_copy_mark(qapp: object, tmp_path: Path) -> None:
    original = tmp_path / "original.pdf"
    write_pdf(build_layout(demo_content("en"), DEMO_VERIFICATION_KEY), original)
    assert "COPY" not in _text(original)


def test_long_content_flows_onto_more_pages_with_the_ticket_number_on_each(qapp: object, tmp_path: Path) -> None:
    content = demo_content("en")
    long = dataclasses.replace(content, price_lines=content.price_lines * 30, terms=content.terms * 3)
    path = tmp_path / "long.pdf"
    pages = write_pdf(build_layout(long, DEMO_VERIFICATION_KEY), path)
    assert pages >= 3
    for page in range(1, pages + 1):
        page_text = _run("pdftotext", "-f", str(page), "-l", str(page), str(path), "-")
        assert f"{TICKET}  ·  {page}" in page_text or f"{TICKET} · {page}" in page_text
    second_page = _run("pdftotext", "-f", "2", "-l", "2", str(path), "-")
    assert "Screen protector" in second_page and "Unit price" in second_page  # the header follows the rows


def test_pdf_bytes_match_a_pdf_file(qapp: object) -> None:
    data = pdf_bytes(build_layout(demo_content("en"), DEMO_VERIFICATION_KEY))
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    phone=st.from_regex(r"\A1[3-9][0-9]{9}\Z", fullmatch=True),
    imei=st.from_regex(r"\A[0-9]{15}\Z", fullmatch=True),
    language=st.sampled_from(["zh_CN", "en"]),
)
def test_no_generated_phone_or_imei_reaches_the_pdf_text(
    qapp: object, tmp_path: Path, phone: str, imei: str, language: str
) -> None:
    content = dataclasses.replace(demo_content(language), customer_phone=phone, imeis=(imei,))  # type: ignore[arg-type]
    path = tmp_path / f"{phone}.pdf"
    write_pdf(build_layout(content, DEMO_VERIFICATION_KEY), path)
    flat = "".join(_text(path).split())
    assert phone not in flat and imei not in flat
    assert f"{phone[:3]}****{phone[-4:]}" in flat and imei[-6:] in flat
