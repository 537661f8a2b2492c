"""Render the Reports page screenshots (en, zh_CN) and the first page of the PDF report for the README,
from a demo store with a few thousand seeded tickets (run under Xvfb for the real xcb platform):

xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python installer/report_screenshots.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.accounts import service  # noqa: E402
from app.demo import DEMO_MANAGER, DEMO_PASSWORD, make_demo_store  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.storage.vault import Vault  # noqa: E402
from app.tickets.seeding import seed_tickets  # noqa: E402
from app.ui.language import LanguageSwitcher  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.pages.reports_page import ReportsPage  # noqa: E402
from app.ui.report_render import write_report_pdf  # noqa: E402
from app.ui.tasks import ImmediateTasks  # noqa: E402
from installer.screenshots import OUT, settle, shoot  # noqa: E402

SEEDED = 4000
SIZE = (1366, 768)


def main() -> None:
    app = QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    demo = make_demo_store(Path(tempfile.mkdtemp()) / "data")
    session = service.sign_in(Vault(demo.paths), DEMO_MANAGER, DEMO_PASSWORD)
    seed_tickets(session, SEEDED, seed=16)
    session.lock()
    languages = LanguageSwitcher(app)
    window = MainWindow(Vault(demo.paths), Settings(), ImmediateTasks(), languages)
    window.resize(*SIZE)
    window.show()
    window.login.password.setText(DEMO_PASSWORD)
    window.login.account.setCurrentText(DEMO_MANAGER)
    window.login.sign_in_button.click()
    page = window.findChild(ReportsPage)
    window.workspace.nav.setCurrentRow(window.workspace.pages.indexOf(page))
    page.set_range(date(2026, 11, 1), date(2026, 11, 30))
    page.period.setCurrentIndex(page.period.findData("week"))
    page.by.setCurrentIndex(page.by.findData("fault"))
    page.refresh()
    settle(app, 400)
    shoot(app, window, "reports")
    assert page.report is not None
    for language in ("en", "zh_CN"):
        pdf = Path(tempfile.mkdtemp()) / f"report-{language}.pdf"
        write_report_pdf(page.report, pdf, language)
        stem = OUT / f"report-pdf-{language}"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)], check=True)
        print("wrote", stem.with_suffix(".png"))
    languages.apply("zh_CN")
    settle(app, 400)
    shoot(app, window, "reports-zh_CN")
    window.lock()


if __name__ == "__main__":
    main()
