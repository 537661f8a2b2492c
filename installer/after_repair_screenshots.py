"""Render the after-repair screenshots (en, zh_CN) for the README: the customer's rating prompt at
pickup and the follow-up page, from a demo store whose ready phones were collected unrated
(run under Xvfb for the real xcb platform):

xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python installer/after_repair_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.accounts import service  # noqa: E402
from app.core.after_repair import MessageChoice  # noqa: E402
from app.demo import DEMO_MANAGER, DEMO_PASSWORD, make_demo_store  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.storage.ticket_records import Agreement, NewTicket  # noqa: E402
from app.storage.vault import Vault  # noqa: E402
from app.tickets import moves, pickup, pricing  # noqa: E402
from app.tickets.intake import open_ticket  # noqa: E402
from app.ui.application import use_bundled_fonts  # noqa: E402
from app.ui.dialogs.rating_prompt import RatingPrompt  # noqa: E402
from app.ui.language import LanguageSwitcher  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.pages.followup_page import FollowUpPage  # noqa: E402
from app.ui.tasks import ImmediateTasks  # noqa: E402
from installer.screenshots import OUT, settle, shoot  # noqa: E402

SIZE = (1366, 768)


CUSTOMERS = (("Wang Fang", "13800138001"), ("Li Qiang", "13900139002"), ("Chen Jing", "13700137003"))


def walk_in(name: str, phone: str) -> NewTicket:
    agreement = Agreement("service_agreement", 1, "zh_CN", name, "ab" * 32)
    return NewTicket(
        "maintenance", name, phone, "RC-X1", imei="860955027785041", fault="cracked screen",
        fault_category="screen", agreement=agreement,
    )  # fmt: skip


def collected_unrated(vault: Vault) -> str:
    """Three phones repaired and handed over without a rating (one customer wants messages); a ticket number."""
    session = service.sign_in(vault, DEMO_MANAGER, DEMO_PASSWORD)
    number = ""
    for name, phone in CUSTOMERS:
        number = open_ticket(session, walk_in(name, phone), messages=MessageChoice("zh_CN")).number
        moves.move_ticket(session, number, "diagnosing")
        pricing.add_estimate(session, number, ["SCR-X1"])
        for status in ("repairing", "quality_check", "ready_for_pickup"):
            moves.move_ticket(session, number, status)
        pickup.collect(session, number, phone[-4:], name, b"demo")
    session.lock()
    return number


def main() -> None:
    app = QApplication(sys.argv[:1])
    use_bundled_fonts()
    OUT.mkdir(parents=True, exist_ok=True)
    demo = make_demo_store(Path(tempfile.mkdtemp()) / "data")
    number = collected_unrated(Vault(demo.paths))
    languages = LanguageSwitcher(app)
    window = MainWindow(Vault(demo.paths), Settings(), ImmediateTasks(), languages)
    window.resize(*SIZE)
    window.show()
    window.login.password.setText(DEMO_PASSWORD)
    window.login.account.setCurrentText(DEMO_MANAGER)
    window.login.sign_in_button.click()
    page = window.findChild(FollowUpPage)
    window.workspace.nav.setCurrentRow(window.workspace.pages.indexOf(page))
    for language, suffix in (("en", ""), ("zh_CN", "-zh_CN")):
        languages.apply(language)
        settle(app, 300)
        shoot(app, window, f"followups{suffix}")
        prompt = RatingPrompt(number or "SZ01-00000000-0000", window)
        prompt.open()
        settle(app, 300)
        shoot(app, prompt, f"rating-prompt{suffix}")
        prompt.reject()
    window.lock()


if __name__ == "__main__":
    main()
