"""The slip's blocks: what is printed, in which language, and that nothing unmasked gets through."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.ticket_numbers import verify_qr_payload
from app.slip.demo_slip import DEMO_IMEIS, DEMO_PHONE, DEMO_VERIFICATION_KEY, demo_content
from app.slip.layout import MAX_FIELD_CHARS, Codes, CopyMark, Heading, Paragraph, SlipTooLarge, Table, build_layout


def _layout(**changes: object):
    content = dataclasses.replace(demo_content("en"), **changes)
    return build_layout(content, DEMO_VERIFICATION_KEY)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_full_phone_or_imei_in_any_text(language: str) -> None:
    joined = "\n".join(build_layout(demo_content(language), DEMO_VERIFICATION_KEY).texts())  # type: ignore[arg-type]
    assert DEMO_PHONE not in joined
    assert not any(imei in joined for imei in DEMO_IMEIS)
    assert "138****5678" in joined and "*********237518" in joined and "z***@example.cn" in joined


@settings(max_examples=40, deadline=None)
@given(
    phone=st.from_regex(r"\A1[3-9][0-9]{9}\Z", fullmatch=True),
    imei=st.from_regex(r"\A[0-9]{15}\Z", fullmatch=True),
    language=st.sampled_from(["zh_CN", "en"]),
)
def test_a_full_phone_or_imei_is_never_laid_out(phone: str, imei: str, language: str) -> None:
    content = dataclasses.replace(demo_content(language), customer_phone=phone, imeis=(imei,))  # type: ignore[arg-type]
    joined = "\n".join(build_layout(content, DEMO_VERIFICATION_KEY).texts())
    assert phone not in joined and imei not in joined


def test_original_has_no_copy_mark_and_reprint_says_copy_n() -> None:
    assert not any(isinstance(b, CopyMark) for b in _layout().blocks)
    marks = [b.text for b in _layout(copy_number=3).blocks if isinstance(b, CopyMark)]
    assert marks == ["COPY 3"]
    zh = build_layout(demo_content("zh_CN", copy_number=2), DEMO_VERIFICATION_KEY)
    assert [b.text for b in zh.blocks if isinstance(b, CopyMark)] == ["副本 2  COPY 2"]


def test_chinese_slip_uses_chinese_labels() -> None:
    headings = [
        b.text for b in build_layout(demo_content("zh_CN"), DEMO_VERIFICATION_KEY).blocks if isinstance(b, Heading)
    ]
    assert "我们收集了什么数据及原因" in headings and "费用" in headings


def test_collected_section_lists_each_category_with_purpose_and_retention() -> None:
    layout = _layout()
    index = [b.text for b in layout.blocks if isinstance(b, Heading)].index("What we collected and why")
    assert index >= 0
    tables = [b for b in layout.blocks if isinstance(b, Table) and b.headers == ("Data", "Why", "Kept for")]
    assert len(tables) == 1
    assert ("Device logs", "Find the cause of the restarts", "30 days") in tables[0].rows
    assert any("CNS-SZ01-20261122-0042-v3" in t for t in layout.texts())


def test_declined_diagnostics_says_so_and_lists_nothing() -> None:
    layout = build_layout(demo_content("en", declined=True), DEMO_VERIFICATION_KEY)
    paragraphs = [b.text for b in layout.blocks if isinstance(b, Paragraph)]
    assert "Diagnostics declined: no data was read from the phone." in paragraphs
    assert not any(isinstance(b, Table) and b.headers[0] == "Data" for b in layout.blocks)


def test_codes_carry_the_ticket_number_and_a_verifiable_payload() -> None:
    (codes,) = [b for b in _layout().blocks if isinstance(b, Codes)]
    assert codes.barcode_text == "SZ01-20261122-0042"
    assert str(verify_qr_payload(codes.qr_payload, DEMO_VERIFICATION_KEY)) == "SZ01-20261122-0042"


def test_totals_are_summed_and_formatted() -> None:
    (prices,) = [b for b in _layout().blocks if isinstance(b, Table) and b.headers[0] == "Item"]
    assert prices.footer[0] == ("Total", "", "CNY", "39.00")
    assert prices.footer[2] == ("Balance due", "", "CNY", "39.00")


def test_engineer_id_and_ticket_number_are_on_the_slip() -> None:
    texts = _layout().texts()
    assert "E10327" in texts and "SZ01-20261122-0042" in texts


def test_a_ticket_number_the_codes_cannot_carry_is_refused() -> None:
    with pytest.raises(ValueError):
        _layout(ticket_number="SZ01 0042")


def test_control_characters_are_dropped_and_long_text_is_clipped() -> None:
    layout = _layout(customer_name="Zhang\x1b[31m Wei\x00", fault="x" * 5000)
    texts = layout.texts()
    assert "Zhang[31m Wei" in texts
    (fault,) = [t for t in texts if t.startswith("xxx")]
    assert len(fault) == MAX_FIELD_CHARS and fault.endswith("…")


def test_lists_are_never_cut_silently() -> None:
    content = demo_content("en")
    with pytest.raises(SlipTooLarge) as caught:
        build_layout(dataclasses.replace(content, price_lines=content.price_lines * 60), DEMO_VERIFICATION_KEY)
    assert "240 price lines" in caught.value.message and caught.value.exit_code == 66
