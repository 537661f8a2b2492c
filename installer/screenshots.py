"""Render the README's screenshots from a demo store (run under Xvfb for the real xcb platform):

xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python installer/screenshots.py
"""

from __future__ import annotations

import gc
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.demo import DEMO_MANAGER, DEMO_PASSWORD, make_demo_store  # noqa: E402
from app.device.adb_server import AdbServer, free_loopback_port  # noqa: E402
from app.device.demo_handsets import running_demo_handsets, shipped_profile_dirs  # noqa: E402
from app.device.hub import DeviceHub  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.storage.vault import Vault  # noqa: E402
from app.tickets import pricing  # noqa: E402
from app.tickets.intake import recent  # noqa: E402
from app.tickets.moves import load, move_ticket, sign_agreement  # noqa: E402
from app.tickets.warranty_check import shipped_reference  # noqa: E402
from app.ui.application import use_bundled_fonts  # noqa: E402
from app.ui.device_monitor import DeviceMonitor  # noqa: E402
from app.ui.first_run_wizard import FirstRunWizard  # noqa: E402
from app.ui.language import LanguageSwitcher  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.tasks import ImmediateTasks  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, ms: int = 150) -> None:
    """Let Qt paint; a local loop, because QApplication.quit() would close every window."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(app: QApplication, widget, name: str) -> None:
    settle(app)
    widget.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


def first_run_screens(app: QApplication) -> None:
    wizard = FirstRunWizard(Vault(DataPaths(Path(tempfile.mkdtemp()) / "data")), ImmediateTasks())
    wizard.show()
    wizard.outlet_page.code.setText("SZ01")
    wizard.outlet_page.name.setText("Shenzhen Futian Service Centre")
    shoot(app, wizard, "first-run-outlet")
    wizard.next()
    page = wizard.manager_page
    page.engineer_id.setText("M001")
    page.display_name.setText("Li Na")
    page.password.setText("a-long-password")
    page.confirm.setText("a-long-password")
    wizard.next()
    shoot(app, wizard, "first-run-recovery-key")
    wizard.first_run.session.lock()
    wizard.close()
    del wizard
    # The wizard's Qt objects are cyclic garbage: collect them now, with nothing else running, rather
    # than whenever Python next collects (that crashed inside adb calls of the demo's phones).
    gc.collect()


def main() -> None:
    app = QApplication(sys.argv[:1])
    use_bundled_fonts()
    OUT.mkdir(parents=True, exist_ok=True)
    first_run_screens(app)
    demo = make_demo_store(Path(tempfile.mkdtemp()) / "data")
    home = demo.paths.root / "adb-home"
    home.mkdir()
    with (
        AdbServer(port=free_loopback_port(), home=home) as adb,
        running_demo_handsets(shipped_profile_dirs(), adb.client()),
    ):
        monitor = DeviceMonitor(lambda on_event: DeviceHub(adb.client(), on_event))
        monitor.start()
        try:
            workspace_screens(app, demo, monitor)
        finally:
            monitor.stop()


def workspace_screens(app: QApplication, demo, monitor: DeviceMonitor) -> None:  # noqa: ANN001
    languages = LanguageSwitcher(app)
    window = MainWindow(Vault(demo.paths), Settings(), ImmediateTasks(), languages, monitor)
    window.login.reset(demo.login_hint, account=DEMO_MANAGER)
    window.resize(1366, 768)  # a common counter screen; the app itself opens maximised
    window.show()
    shoot(app, window, "sign-in")
    window.login.password.setText(DEMO_PASSWORD)
    window.login.account.setCurrentText(DEMO_MANAGER)
    window.login.sign_in_button.click()
    shoot(app, window, "tickets")
    number = window.workspace.tickets.queue.model.entries[0].row.number
    settle(app, 2500)  # the phones connect and authorise
    for suffix in ("", "-zh_CN"):
        language_screens(app, window, number, suffix)
        if not suffix:
            window.workspace.nav.setCurrentRow(window.workspace.pages.indexOf(window.workspace.privacy))
            shoot(app, window, "privacy-desk")
            window.language_box.setCurrentIndex(window.language_box.findData("zh_CN"))  # as a person switches
    window.workspace.nav.setCurrentRow(0)
    window.workspace.tickets.tabs.setCurrentWidget(window.workspace.tickets.queue)
    shoot(app, window, "tickets-zh_CN")
    window.lock()


def language_screens(app: QApplication, window: MainWindow, number: str, suffix: str) -> None:
    """The pages this language's screenshots show: queue, ticket with its slip panel, preview, phones, parts,
    journal."""
    workspace = window.workspace
    workspace.nav.setCurrentRow(0)
    workspace.tickets.tabs.setCurrentWidget(workspace.tickets.queue)
    workspace.tickets.queue.table.selectRow(0)
    shoot(app, window, f"queue{suffix}")
    workspace.tickets.open_ticket(number)
    slip = workspace.tickets.detail.slip
    slip.thermal_button.click()  # no printer on this PC: the panel says so, in this language only
    shoot(app, window, f"queue-ticket-detail{suffix}")
    slip.print_button.click()
    slip.preview.move(window.pos())
    shoot(app, slip.preview, f"slip-preview{suffix}")
    slip.preview.reject()
    slip.choose_pdf_file()
    shoot(app, slip.file_dialog, f"slip-save-pdf{suffix}")
    slip.file_dialog.reject()
    estimate_screen(app, window, suffix)
    intake_screens(app, window, suffix)
    workspace.nav.setCurrentRow(workspace.pages.indexOf(workspace.devices))
    shoot(app, window, f"phones{suffix}")
    workspace.nav.setCurrentRow(workspace.pages.indexOf(workspace.parts))
    shoot(app, window, f"spare-parts{suffix}")
    workspace.nav.setCurrentRow(workspace.pages.indexOf(workspace.journal))
    workspace.journal.verify_button.click()
    shoot(app, window, f"journal{suffix}")


def estimate_screen(app: QApplication, window: MainWindow, suffix: str) -> None:
    """A ticket being diagnosed, one part priced: the estimate panel offers the parts that fit its model."""
    session = window.session
    if session is None:
        return
    diagnosing = recent(session, 1, "diagnosing")
    if not diagnosing:  # the demo's tickets wait at received: take one on (a throwaway store)
        received = [t for t in recent(session, 50, "received") if pricing.parts_for(session, load(session, t.number))]
        if not received:
            return
        if not load(session, received[0].number).agreement:
            agreement = shipped_reference().consents.latest("service_agreement")
            name = received[0].customer_name or "-"
            sign_agreement(session, received[0].number, agreement, "zh_CN", name, b"demo")
        move_ticket(session, received[0].number, "diagnosing")
        detail = load(session, received[0].number)
        pricing.add_estimate(session, detail.number, [pricing.parts_for(session, detail)[0].part_id])
        diagnosing = [detail.row]
    window.workspace.tickets.open_ticket(diagnosing[0].number)
    shoot(app, window, f"ticket-estimate{suffix}")


def intake_screens(app: QApplication, window: MainWindow, suffix: str) -> None:
    """The new-ticket wizard's steps as a technician fills them (Ctrl+N, then Ctrl+Return per step)."""
    window.workspace.new_ticket()
    intake = window.workspace.tickets.intake
    intake.phone.setText("13800138000")
    intake.name.setText("王芳" if suffix else "Wang Fang")
    shoot(app, window, f"intake-customer{suffix}")
    intake.advance()
    intake.imei.setText("868915051234565")
    intake.model.setText("RC-X1")
    shoot(app, window, f"intake-device{suffix}")
    intake.advance()
    shoot(app, window, f"intake-fault{suffix}")  # category "not checked" until the technician picks one
    intake.fault_category.setCurrentIndex(1)
    intake.fault.setPlainText("屏幕有裂纹" if suffix else "Cracked screen")
    intake.advance()
    shoot(app, window, f"intake-agreement{suffix}")
    intake.reset()


if __name__ == "__main__":
    main()
