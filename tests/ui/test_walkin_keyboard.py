"""A walk-in at the counter driven by key events only, on the demo's simulated phone through a real adb
server: sign in, new ticket (phone, name, fault), consented identity and battery diagnostics on the
plugged phone, filed under the ticket, Save PDF.

Every key the technician presses goes through `Keyboard.press` (or `Keyboard.technician_types`),
which counts it; the customer's own data (name, phone, fault) goes through `Keyboard.customer_types`,
which does not.  No mouse event is sent.  The budget is issue 14's: at most 25 extra keys.
"""
# ruff: noqa: F811 - the adb server fixture is imported from the diagnostics integration conftest

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from app.demo import DEMO_PASSWORD, make_demo_store
from app.device.adb_server import AdbServer
from app.device.demo_handsets import SHIPPED_PROFILES, running_demo_handsets
from app.device.hub import DeviceHub
from app.settings import Settings
from app.storage import diagnostics_repository, slip_repository
from app.storage.vault import Vault
from app.tickets.moves import load
from app.ui.device_monitor import DeviceMonitor
from app.ui.dialogs.consent_dialog import ConsentDialog
from app.ui.language import LanguageSwitcher
from app.ui.main_window import MainWindow
from app.ui.tasks import BackgroundTasks
from tests.integration.diagnostics.conftest import diag_adb_server  # noqa: F401 - a fixture

pytestmark = pytest.mark.integration

#: Issue 14: beyond the customer's own data, the whole walk-in takes at most this many keys.
EXTRA_KEY_BUDGET = 25
TECHNICIAN = "T001"
#: The demo phone with the Diagnostic Tool already installed (no update question).
DEMO_PHONE = SHIPPED_PROFILES / "coloros-oneplus8-tool"
RUN_TIMEOUT_MS = 60_000
CTRL, NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier


@dataclass
class Customer:
    phone: str
    name: str
    fault: str

    @property
    def data_keys(self) -> int:
        return len(self.phone) + len(self.name) + len(self.fault)


@dataclass
class Keyboard:
    """The only way the test touches the window: key events to whatever has the keyboard focus."""

    qtbot: object
    extra: int = 0
    #: Seconds the diagnostics run itself took (its steps' elapsed times), the part no key can shorten.
    run_seconds: float = 0.0
    pressed: list[str] = field(default_factory=list)

    @staticmethod
    def target() -> QWidget:
        widget = QApplication.focusWidget() or QApplication.activeModalWidget() or QApplication.activeWindow()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
        """One key the technician presses (counted)."""
        self.extra += 1
        self.pressed.append(f"{modifier.name}+{key.name}" if modifier != NONE else key.name)
        self.qtbot.keyClick(self.target(), key, modifier)  # type: ignore[attr-defined]

    def technician_types(self, text: str) -> None:
        """The technician's own typing (the password): every character counts."""
        for char in text:
            self.extra += 1
            self.pressed.append(char)
            self.qtbot.keyClicks(self.target(), char)  # type: ignore[attr-defined]

    def customer_types(self, text: str) -> None:
        """The customer's own data: not counted (the issue counts keys beyond it).

        Chinese comes from an input method, which hands the widget the finished characters (QTest
        cannot type them as keys): the same event is sent here."""
        if text.isascii():
            self.qtbot.keyClicks(self.target(), text)  # type: ignore[attr-defined]
            return
        commit = QInputMethodEvent()
        commit.setCommitString(text)
        QApplication.sendEvent(self.target(), commit)


@dataclass
class Counter:
    window: MainWindow
    monitor: DeviceMonitor
    keyboard: Keyboard
    vault: Vault


@pytest.fixture
def counter(qtbot, tmp_path, diag_adb_server: AdbServer, monkeypatch) -> Iterator[Callable[[str], Counter]]:
    """The demo store and one demo phone on a real adb server; the window as `repair-counter demo` opens it."""
    monkeypatch.chdir(tmp_path)  # where a file dialog starts when no slips folder is set
    started: list[tuple[DeviceMonitor, LanguageSwitcher]] = []
    with running_demo_handsets([DEMO_PHONE], diag_adb_server.client()) as phones:
        ((serial, _),) = phones

        def build(language: str) -> Counter:
            demo = make_demo_store(tmp_path / f"demo-{language}", tickets=3)
            languages = LanguageSwitcher()
            languages.apply(language)
            monitor = DeviceMonitor(lambda on_event: DeviceHub(diag_adb_server.client(), on_event))
            monitor.start()
            started.append((monitor, languages))
            qtbot.waitUntil(lambda: monitor.states().get(serial) == "device", timeout=15_000)
            vault = Vault(demo.paths)
            window = MainWindow(vault, Settings(language=language), BackgroundTasks(), languages, monitor)
            qtbot.addWidget(window)
            window.login.reset(account=TECHNICIAN)
            window.resize(1366, 768)
            window.show()
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
            return Counter(window, monitor, Keyboard(qtbot), vault)

        yield build
        for monitor, languages in started:
            monitor.stop()
            languages.apply("en")  # translators are application-wide: leave English behind


def walk_in(qtbot, counter: Counter, customer: Customer) -> tuple[str, Path]:
    """The scripted walk-in; returns the ticket number and the saved slip."""
    window, keys = counter.window, counter.keyboard
    workspace = window.workspace
    intake, detail = workspace.tickets.intake, workspace.tickets.detail

    assert QApplication.focusWidget() is window.login.password
    keys.technician_types(DEMO_PASSWORD)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is workspace.tickets.queue.search_box, timeout=10_000)

    keys.press(Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is intake.phone, timeout=2000)
    keys.customer_types(customer.phone)
    keys.press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is intake.name
    keys.customer_types(customer.name)

    keys.press(Qt.Key.Key_D, CTRL)  # diagnostics for this customer, on the plugged phone
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ConsentDialog), timeout=5000)
    consent = QApplication.activeModalWidget()
    assert isinstance(consent, ConsentDialog)
    assert consent.customer.text() == customer.name and consent.ticket.text() == ""  # no ticket number yet
    qtbot.waitUntil(lambda: QApplication.focusWidget() is consent.tick, timeout=2000)
    keys.press(Qt.Key.Key_Space)  # the customer ticks (no signature pad at this counter)
    keys.press(Qt.Key.Key_Return)  # "Customer agrees"
    qtbot.waitUntil(lambda: workspace.pages.currentWidget() is workspace.tickets, timeout=RUN_TIMEOUT_MS)
    assert intake.imei.text() and intake.model.text(), intake.message.text()  # filled by the run
    qtbot.waitUntil(lambda: QApplication.focusWidget() is intake.model, timeout=2000)
    progress = workspace.diagnostics.progress
    keys.run_seconds = sum(progress.elapsed(step) or 0.0 for step in progress.bars)

    keys.press(Qt.Key.Key_Return, CTRL)  # the device step is complete
    assert intake.steps.currentIndex() == 2 and QApplication.focusWidget() is intake.fault_category
    keys.press(Qt.Key.Key_Down)  # the fault category: battery drains fast
    keys.press(Qt.Key.Key_Tab)
    keys.customer_types(customer.fault)
    keys.press(Qt.Key.Key_Return, CTRL)
    assert intake.steps.currentIndex() == 3 and intake.signed_by.text() == customer.name
    keys.press(Qt.Key.Key_Space)  # the customer has read and signed the agreement
    keys.press(Qt.Key.Key_Return, CTRL)  # save
    qtbot.waitUntil(
        lambda: workspace.tickets.tabs.currentWidget() is detail and detail.detail is not None, timeout=10_000
    )
    assert detail.detail is not None
    number = detail.detail.number
    qtbot.waitUntil(lambda: QApplication.focusWidget() is detail.slip.pdf_button, timeout=2000)

    def accept_the_file_name() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, accept_the_file_name)
            return
        keys.press(Qt.Key.Key_Return)  # the slip's own name, in the folder offered

    QTimer.singleShot(50, accept_the_file_name)
    keys.press(Qt.Key.Key_S, CTRL)  # Save PDF (the file dialog runs its own loop until Return)
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: bool(slip_repository.prints_for_ticket(session.store, number)), timeout=30_000)
    saved = Path(slip_repository.prints_for_ticket(session.store, number)[-1].target.removeprefix("file:"))
    assert saved.is_file()
    return number, saved


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def check_the_ticket(counter: Counter, number: str, customer: Customer) -> None:
    session = counter.window.session
    assert session is not None
    ticket = load(session, number)
    assert ticket.status == "diagnosing"  # the run started the diagnosis
    assert (ticket.row.customer_name, ticket.fault_category) == (customer.name, "battery_drain")
    (consent,) = diagnostics_repository.consents_for_ticket(session.store, number)
    assert consent.customer_name == customer.name and consent.customer_id is not None  # the ticket's customer
    assert consent.method == "tick" and consent.categories == ("device_info", "battery_record")
    assert all(box.currentData() == "not_checked" for box in counter.window.workspace.tickets.intake.condition.values())


def report(language: str, keys: Keyboard, customer: Customer, seconds: float) -> None:
    """One line tests/bench/bench_walkin.py reads (keep its form)."""
    print(
        f"\nwalk-in ({language}): {keys.extra} extra keys beyond {customer.data_keys} keys of customer data, "
        f"{seconds:.2f} s wall, diagnostics run {keys.run_seconds:.2f} s: {' '.join(keys.pressed)}"
    )


def test_a_walk_in_by_keyboard_in_english(qtbot, counter) -> None:
    built = counter("en")
    customer = Customer("13812345678", "Zhang Wei", "battery empty by noon")
    started = time.monotonic()
    number, slip = walk_in(qtbot, built, customer)
    report("en", built.keyboard, customer, time.monotonic() - started)
    check_the_ticket(built, number, customer)
    text = pdf_text(slip)
    assert number in text
    assert "Diagnostics complete" in text and "Not diagnosed yet" not in text  # the slip names the run
    assert "Identity" in text and "Battery" in text
    assert "Condition at intake: OK" not in text  # nobody checked the condition
    consent = diagnostics_repository.consents_for_ticket(built.window.session.store, number)[0]
    assert consent.id[:8].upper() in text  # the consent the run was made under
    assert built.keyboard.extra <= EXTRA_KEY_BUDGET, built.keyboard.pressed


def test_a_walk_in_by_keyboard_in_chinese(qtbot, counter) -> None:
    built = counter("zh_CN")
    customer = Customer("13912345678", "李娜", "电池半天就没电")
    started = time.monotonic()
    number, slip = walk_in(qtbot, built, customer)
    report("zh_CN", built.keyboard, customer, time.monotonic() - started)
    check_the_ticket(built, number, customer)
    assert built.window.workspace.tickets.detail.diagnose_button.text() == "运行检测 (Ctrl+D)"
    text = pdf_text(slip)
    assert number in text
    assert "检测完成" in text and "尚未检测" not in text  # the slip names the run, in the customer's language
    consent = diagnostics_repository.consents_for_ticket(built.window.session.store, number)[0]
    assert consent.id[:8].upper() in text
    assert built.keyboard.extra <= EXTRA_KEY_BUDGET, built.keyboard.pressed
