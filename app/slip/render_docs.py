"""Writes the README's slip pictures: `python -m app.slip.render_docs [OUT_DIR]`.

Each A5 slip is rendered to PDF, its pages rasterised with poppler's
`pdftoppm` (the same path the tests read back), and the pages set side by side
in one PNG.  The thermal slip is the raster the printer receives.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter

from app.slip.demo_slip import DEMO_VERIFICATION_KEY, demo_content
from app.slip.layout import build_layout
from app.slip.render_fonts import ensure_gui_application
from app.slip.render_pdf import write_pdf
from app.slip.render_thermal import render_thermal_image

DOCS_DIR = Path(__file__).resolve().parents[2] / "docs" / "slips"
DPI = 110
GAP = 24


def side_by_side(pages: list[QImage]) -> QImage:
    """Pages next to each other on a grey ground, as a person lays out the sheets."""
    width = sum(page.width() for page in pages) + GAP * (len(pages) + 1)
    height = max(page.height() for page in pages) + 2 * GAP
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor(200, 200, 200))
    painter = QPainter(sheet)
    x = GAP
    for page in pages:
        painter.drawImage(x, GAP, page)
        x += page.width() + GAP
    painter.end()
    return sheet


def write_pictures(out_dir: Path = DOCS_DIR) -> list[Path]:
    """slip-en.png, slip-zh_CN.png (A5, both pages) and slip-thermal-zh_CN.png."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        for language in ("en", "zh_CN"):
            pdf = Path(scratch) / f"slip-{language}.pdf"
            write_pdf(build_layout(demo_content(language), DEMO_VERIFICATION_KEY), pdf)
            subprocess.run(
                ["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(Path(scratch) / language)], check=True, timeout=120
            )
            pages = [QImage(str(p)) for p in sorted(Path(scratch).glob(f"{language}-*.png"))]
            target = out_dir / f"slip-{language}.png"
            side_by_side(pages).save(str(target))
            written.append(target)
    thermal = out_dir / "slip-thermal-zh_CN.png"
    render_thermal_image(build_layout(demo_content("zh_CN", copy_number=1), DEMO_VERIFICATION_KEY)).save(str(thermal))
    written.append(thermal)
    return written


def main(argv: list[str]) -> int:
    _app = ensure_gui_application()  # held while rendering
    for path in write_pictures(Path(argv[0]) if argv else DOCS_DIR):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
