"""Screenshots of each step of the diagnostics flow, on demo phones through a real adb server.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \\
        python -m app.ui.pages.diagnostics_screenshots docs/screenshots

A throwaway demo store, an adb server on a free port with its own HOME (stopped at the end), and
simulated phones: an unauthorised one, one with an old tool (consent, update, results), one with
logs (log viewer).  Writes docs/screenshots/diagnostics-*.png.
"""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from app.accounts import service
from app.core.reference_data import default_resources_dir, load_reference_data
from app.demo import DEMO_PASSWORD, make_demo_store
from app.device.adb_client import connect_network_device
from app.device.adb_server import EMULATOR_PORTS, AdbServer
from app.device.demo_handsets import SHIPPED_PROFILES
from app.device.session import DeviceSession
from app.device.simulator import SimulatedHandset, load_profile
from app.device.workers import DeviceWorkers
from app.diagnostics.flow import DiagnosticsFlow
from app.slip.render_fonts import register_bundled_fonts
from app.storage.vault import Vault
from app.ui.language import LanguageSwitcher
from app.ui.pages.diagnostics_page import DiagnosticsPage
from app.ui.tasks import BackgroundTasks


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], object], timeout_ms: int = 20_000) -> None:
    waited = 0
    while not condition():
        settle(50)
        waited += 50
        if waited > timeout_ms:
            raise RuntimeError("the screen did not reach the expected step")


def shoot(widget: QWidget, out: Path, name: str) -> None:
    settle()
    widget.grab().save(str(out / f"diagnostics-{name}.png"))
    print("wrote", out / f"diagnostics-{name}.png")


def _free_port() -> int:
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port: int = probe.getsockname()[1]
        if port not in EMULATOR_PORTS:
            return port


@contextlib.contextmanager
def demo_phone(server: AdbServer, name: str, **tool_changes: Any) -> Iterator[SimulatedHandset]:
    profile = load_profile(SHIPPED_PROFILES / name)
    if tool_changes and profile.diagtool is not None:
        profile = dataclasses.replace(profile, diagtool=dataclasses.replace(profile.diagtool, **tool_changes))
    client = server.client()
    with SimulatedHandset(profile) as handset:
        connect_network_device(client, handset.address)
        try:
            yield handset
        finally:
            client.disconnect(handset.address)


def _state(server: AdbServer, serial: str) -> str:
    wait_for(lambda: serial in {d.serial for d in server.client().list()}, 10_000)
    settle(300)
    return str({d.serial: d.state for d in server.client().list()}.get(serial, "absent"))


_Dialog = TypeVar("_Dialog", bound=QDialog)


def shown(dialog: Callable[[], _Dialog | None]) -> _Dialog:
    """The page's dialog once it is open."""
    wait_for(lambda: (opened := dialog()) is not None and opened.isVisible())
    opened = dialog()
    assert opened is not None
    return opened


def ok(buttons: QDialogButtonBox) -> None:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    button.click()


def sign(page: DiagnosticsPage) -> None:
    dialog = page.consent_dialog
    assert dialog is not None
    dialog.customer.setText("王芳")
    dialog.pad.draw_stroke([(30 + 6 * i, 70 - 25 * ((i % 12) / 12) + (i % 3) * 4) for i in range(40)])
    dialog.pad.draw_stroke([(300 + 5 * i, 55 + (i % 7) * 5) for i in range(20)])


def walkthrough(page: DiagnosticsPage, server: AdbServer, out: Path, languages: LanguageSwitcher) -> None:
    with demo_phone(server, "unauthorised-oppo-reno") as locked:
        page.set_device(locked.address, _state(server, locked.address))
        shoot(page, out, "unauthorised")
    with demo_phone(server, "realme-gt2-old-tool", result_delay_ms=4000) as old:
        page.set_device(old.address, _state(server, old.address))
        page.fault.setCurrentIndex(page.fault.findData("no_charge"))
        page._on_fault_chosen(page.fault.currentIndex())
        shoot(page, out, "phone-ready")
        page.start_button.click()
        consent = shown(lambda: page.consent_dialog)
        consent.language.setCurrentIndex(consent.language.findData("zh_CN"))
        sign(page)
        shoot(consent, out, "consent")
        ok(consent.buttons)
        update = shown(lambda: page.update_dialog)
        update.agree.setChecked(True)
        shoot(update, out, "tool-update-zh_CN")
        ok(update.buttons)
        wait_for(lambda: page.progress.bars.get("tool") is not None and page.progress.bars["tool"].value() > 5)
        shoot(page, out, "progress")
        wait_for(lambda: not page.cancel_button.isEnabled())
        shoot(page, out, "results")
        languages.apply("zh_CN")
        shoot(page, out, "results-zh_CN")
        languages.apply("en")
    with demo_phone(server, "coloros-oneplus8-tool") as phone:
        page.set_device(phone.address, _state(server, phone.address))
        for function, box in page.function_boxes.items():
            box.setChecked(function == "logs")
        page.start_button.click()
        consent = shown(lambda: page.consent_dialog)
        consent.customer.setText("Wang Fang")
        consent.language.setCurrentIndex(consent.language.findData("en"))
        consent.tick.setChecked(True)
        shoot(consent, out, "consent-tick-en")
        ok(consent.buttons)
        wait_for(lambda: page.results.log_button.isVisible())
        page.results.log_button.click()
        assert page.log_viewer is not None
        page.log_viewer.search.setText("PowerManager")
        shoot(page.log_viewer, out, "log-viewer")
        page.log_viewer.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_bundled_fonts()  # the customer's consent text is Chinese: a bare machine has no CJK font
    languages = LanguageSwitcher(app)
    demo = make_demo_store(Path(tempfile.mkdtemp()) / "data", tickets=3)
    session = service.sign_in(Vault(demo.paths), "T001", DEMO_PASSWORD)
    reference = load_reference_data(default_resources_dir())
    server = AdbServer(port=_free_port(), home=Path(tempfile.mkdtemp()))
    server.start()
    tasks = BackgroundTasks(app)
    try:
        client = server.client()
        page = DiagnosticsPage(
            tasks,
            DeviceWorkers(lambda serial: DeviceSession(client, serial, timeout=10)),
            reference,
            lambda s: DiagnosticsFlow(s, reference, tool_timeout=15, poll_seconds=0.1),
        )
        page.resize(1366, 768)
        page.show()
        page.show_session(session)
        walkthrough(page, server, out, languages)
        wait_for(lambda: not tasks.busy)
    finally:
        session.lock()
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
