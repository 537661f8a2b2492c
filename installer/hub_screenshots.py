"""Render the "Outlet hub" page's screenshots against a real hub on loopback (run under Xvfb):

xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python installer/hub_screenshots.py

Three counters join a hub; two of them change Monday's and Tuesday's hours apart, so the
page of counter A shows the counters, what waits and two conflicts to settle.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.accounts import service  # noqa: E402
from app.accounts.session import Session  # noqa: E402
from app.hub.server import HubServer, hub_key, issue_join_code  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.storage.sealing import Argon2Params  # noqa: E402
from app.storage.vault import Vault  # noqa: E402
from app.sync import hub_client  # noqa: E402
from app.tickets.outlet_calendar import set_hours  # noqa: E402
from app.ui.application import use_bundled_fonts  # noqa: E402
from app.ui.language import LanguageSwitcher  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.tasks import ImmediateTasks  # noqa: E402
from installer.screenshots import shoot  # noqa: E402

HUB_PASSPHRASE = "screenshots-hub-passphrase"
MANAGER_PASSWORD = "screenshots-password"
CHEAP_KDF = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)  # throwaway stores
OUTLET = service.OutletInfo("SZ01", "Shenzhen Futian Service Centre", "CN", "6008 Shennan Avenue, Futian")
HOURS = {"A": ("09:00-18:00", "09:00-12:00, 13:30-18:00"), "B": ("10:00-19:00", "closed")}


def joined_counter(root: Path, hub: HubServer, code: str) -> Session:
    """A new store (not the demo's: its seeded stock is the same on every demo counter) joined as `code`."""
    vault = Vault(DataPaths(root / f"counter-{code}"), argon2=CHEAP_KDF)
    session = service.initialise_store(vault, OUTLET, "M001", "Li Na", MANAGER_PASSWORD).session
    join_code, fingerprint = issue_join_code(hub.folder, hub.key, code)
    hub_client.join(session, hub.url, code, join_code, fingerprint)
    return session


def main() -> None:
    app = QApplication(sys.argv[:1])
    use_bundled_fonts()
    root = Path(tempfile.mkdtemp(prefix="hub-screens-"))
    with HubServer(root / "hub", "SZ01", hub_key(root / "hub", HUB_PASSPHRASE)) as hub:
        counters = {code: joined_counter(root, hub, code) for code in ("A", "B", "C")}
        for code in ("A", "B"):  # apart: neither has seen the other's hours
            monday, tuesday = HOURS[code]
            set_hours(counters[code], "mon", monday)
            set_hours(counters[code], "tue", tuesday)
        for code in ("B", "C"):
            hub_client.hub_sync_once(counters[code])
            counters[code].lock()
        window = MainWindow(counters["A"].vault, Settings(), ImmediateTasks(), LanguageSwitcher(app))
        window.resize(1366, 768)
        window.show()
        window.start_session(counters["A"])
        page = window.workspace.hub
        window.workspace.go_to(window.workspace.pages.indexOf(page))
        page.sync_now()
        shoot(app, window, "hub")
        window.language_box.setCurrentIndex(window.language_box.findData("zh_CN"))
        shoot(app, window, "hub-zh")
        window.lock()


if __name__ == "__main__":
    main()
