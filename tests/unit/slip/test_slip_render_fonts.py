"""The bundled font: registered once per application, and a clear error when the file is gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.slip.render_fonts import SLIP_FONT_FAMILY, SlipFontMissing, register_bundled_fonts


def test_bundled_font_registers_the_slip_family(qapp: object) -> None:
    families = register_bundled_fonts()
    assert SLIP_FONT_FAMILY in families
    assert register_bundled_fonts() == families  # a second call reuses the first registration


def test_a_missing_font_file_is_a_known_error_with_a_next_step(qapp: object, tmp_path: Path) -> None:
    with pytest.raises(SlipFontMissing) as caught:
        register_bundled_fonts(tmp_path)
    assert caught.value.exit_code == 60 and "Reinstall" in caught.value.next_step


def test_a_damaged_font_file_is_a_known_error(qapp: object, tmp_path: Path) -> None:
    (tmp_path / "wqy-microhei.ttc").write_bytes(b"not a font")
    with pytest.raises(SlipFontMissing):
        register_bundled_fonts(tmp_path)
