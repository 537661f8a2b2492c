"""The thermal raster: width, polarity (1 = black), and codes on whole dots."""

from __future__ import annotations

import dataclasses

import pytest

from app.device.escpos import MonoRaster
from app.slip.demo_slip import DEMO_VERIFICATION_KEY, demo_content
from app.slip.layout import SlipTooLarge, build_layout
from app.slip.render_thermal import THERMAL_WIDTH_DOTS, render_thermal_raster


@pytest.fixture(scope="module")
def raster(qapp: object) -> MonoRaster:
    return render_thermal_raster(build_layout(demo_content("zh_CN"), DEMO_VERIFICATION_KEY))


def test_raster_is_576_dots_wide_and_as_long_as_its_content(raster: MonoRaster) -> None:
    assert raster.width == THERMAL_WIDTH_DOTS
    last_ink = max(y for y in range(raster.height) if any(raster.rows[y]))
    assert raster.height - last_ink < 40  # no metres of blank paper after the slip


def test_paper_is_white_and_ink_is_sparse(raster: MonoRaster) -> None:
    assert not any(raster.rows[0])  # the top margin is blank paper, so 0 means white
    coverage = raster.black_dots() / (raster.width * raster.height)
    assert 0.03 < coverage < 0.35  # text on paper; inverted polarity would be around 0.9


def test_barcode_bars_are_whole_dots_of_equal_modules(raster: MonoRaster) -> None:
    # The barcode is the first block of at least 60 identical rows crossed by many bars (10 mm = 80 rows).
    barcode_row = next(
        y
        for y in range(raster.height - 60)
        if len(_runs(raster, y)) > 40 and all(raster.rows[y + i] == raster.rows[y] for i in range(60))
    )
    runs = _runs(raster, barcode_row)
    widths = {length for black, length in runs if black}
    assert widths <= {2, 4, 6, 8}  # 1..4 modules of exactly 2 dots
    assert sum(length for _, length in runs) == 2 * (11 * (len("SZ01-20261122-0042") + 3) + 2)


def test_longer_content_makes_a_longer_slip(qapp: object, raster: MonoRaster) -> None:
    content = demo_content("zh_CN")
    longer = dataclasses.replace(content, price_lines=content.price_lines * 5)
    assert render_thermal_raster(build_layout(longer, DEMO_VERIFICATION_KEY)).height > raster.height


def test_an_unreadable_signature_is_left_out_not_fatal(qapp: object) -> None:
    content = dataclasses.replace(demo_content("en"), agreement_signature_png=b"\x89PNG not really")
    assert render_thermal_raster(build_layout(content, DEMO_VERIFICATION_KEY)).width == THERMAL_WIDTH_DOTS


def _runs(raster: MonoRaster, y: int) -> list[tuple[bool, int]]:
    runs: list[tuple[bool, int]] = []
    for x in range(raster.width):
        black = raster.is_black(x, y)
        if runs and runs[-1][0] == black:
            runs[-1] = (black, runs[-1][1] + 1)
        else:
            runs.append((black, 1))
    return runs[1:-1]  # drop the white margins on both sides


def test_a_slip_longer_than_the_roll_limit_is_refused_not_cut(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.slip.render_thermal as render_thermal

    monkeypatch.setattr(render_thermal, "MAX_SLIP_DOTS", 500)
    with pytest.raises(SlipTooLarge):
        render_thermal_raster(build_layout(demo_content("en"), DEMO_VERIFICATION_KEY))
