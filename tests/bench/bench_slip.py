"""Benchmark: one A5 slip to PDF, against a blank page written with QPdfWriter in the same run.

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_slip.py
Prints rows `name | value | baseline | ratio`.  Target: the A5 slip's median under 150 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QGuiApplication, QPageSize, QPainter, QPdfWriter  # noqa: E402

from app.device.escpos import raster_job  # noqa: E402
from app.slip.demo_slip import DEMO_VERIFICATION_KEY, demo_content  # noqa: E402
from app.slip.layout import build_layout  # noqa: E402
from app.slip.render_blocks import A4, A5  # noqa: E402
from app.slip.render_fonts import register_bundled_fonts  # noqa: E402
from app.slip.render_pdf import write_pdf  # noqa: E402
from app.slip.render_thermal import render_thermal_raster  # noqa: E402

RUNS = 25


def ticket_session(folder: Path):  # noqa: ANN201 - a signed-in Session on a fresh store with one diagnosed ticket
    """A real SQLCipher store (cheap KDF) holding one ticket with a diagnostics run and an estimate."""
    from app.accounts import service
    from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, OUTLET, make_vault
    from tests.integration.slip.ticket_setup import diagnose, estimate, open_ticket

    first = service.initialise_store(make_vault(folder), OUTLET, ADMIN, "Li Na", ADMIN_PASSWORD)
    session = first.session
    number = open_ticket(session).number
    diagnose(session, number)
    estimate(session, number)
    return session, number


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    action()  # warm-up: font loading, glyph caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def blank_page(path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    painter.end()


def main() -> int:
    app = QGuiApplication([])
    register_bundled_fonts()
    folder = Path(tempfile.mkdtemp(prefix="bench-slip-"))
    zh = build_layout(demo_content("zh_CN"), DEMO_VERIFICATION_KEY)
    en = build_layout(demo_content("en"), DEMO_VERIFICATION_KEY)
    baseline = median_ms(lambda: blank_page(folder / "blank.pdf"))
    rows = [
        ("blank A5 page, QPdfWriter (baseline)", baseline),
        ("A5 slip zh_CN to PDF", median_ms(lambda: write_pdf(zh, folder / "zh-a5.pdf", A5))),
        ("A5 slip en to PDF", median_ms(lambda: write_pdf(en, folder / "en-a5.pdf", A5))),
        ("A4 slip zh_CN to PDF", median_ms(lambda: write_pdf(zh, folder / "zh-a4.pdf", A4))),
        ("thermal slip zh_CN to ESC/POS job", median_ms(lambda: raster_job(render_thermal_raster(zh)))),
        (
            "demo content + layout (pure Python) zh_CN",
            median_ms(lambda: build_layout(demo_content("zh_CN"), DEMO_VERIFICATION_KEY)),
        ),
    ]
    from app.slip import print_service
    from app.slip.from_ticket import slip_content_for

    session, number = ticket_session(folder / "store")
    rows += [
        (
            "ticket slip content from the store (slip_content_for)",
            median_ms(lambda: slip_content_for(session, number, copy=0)),
        ),
        (
            "ticket A5 slip to PDF, journaled (print_to_file)",
            median_ms(lambda: print_service.print_to_file(session, number, folder / "ticket.pdf")),
        ),
    ]
    session.lock()
    print("name | value | baseline | ratio")
    for name, value in rows:
        print(f"{name} | {value:.2f} ms | {baseline:.2f} ms | {value / baseline:.1f}x")
    a5 = rows[1][1]
    print(f"A5 zh_CN median {a5:.1f} ms: {'within' if a5 < 150 else 'OVER'} the 150 ms target")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
