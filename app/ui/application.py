"""The GUI's composition root: builds the services once and hands them to the windows."""

from __future__ import annotations

import logging
import signal
import sys
from collections import deque
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from app import APP_NAME, __version__
from app.errors import KnownError
from app.logging_setup import LOG_FILE, configure_logging
from app.paths import DataPaths
from app.settings import load_settings
from app.slip.render_fonts import register_bundled_fonts
from app.storage.vault import Vault
from app.ui.error_dialogs import show_error
from app.ui.language import LanguageSwitcher
from app.ui.main_window import MainWindow
from app.ui.tasks import BackgroundTasks

if TYPE_CHECKING:  # adb (adbutils, requests) loads at the first sign-in, after the window shows
    from app.device.adb_server import AdbServer
    from app.ui.device_monitor import DeviceMonitor

log = logging.getLogger(__name__)


def log_tail(paths: DataPaths, lines: int = 40) -> str:
    try:
        with open(paths.logs / LOG_FILE, encoding="utf-8", errors="replace") as handle:
            return "".join(deque(handle, maxlen=lines))
    except OSError:
        return ""


def install_crash_dialog(paths: DataPaths) -> None:
    """A bug anywhere on the GUI thread gets the crash dialog with the log tail, not a silent exit."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        show_error(QApplication.activeWindow(), exc, log_tail(paths))

    sys.excepthook = hook


def start_device_monitor(adb: AdbServer | None, parent: QApplication) -> DeviceMonitor | None:
    """Follow the phones on `adb` (our own server on the default port when None).

    Without a working adb the counter still works (tickets, slips, sync); the
    Phones page then simply lists nothing, and the log says why.  Called at the first sign-in
    (MainWindow's `start_monitor`): adb is not needed to show the sign-in view.
    """
    from app.device.adb_server import AdbServer
    from app.device.hub import DeviceHub
    from app.ui.device_monitor import DeviceMonitor

    try:
        server = adb or AdbServer()  # finding the adb program can fail too (ADBUTILS_ADB_PATH wrong, none found)
        server.start()  # a no-op when a server already runs there; we never stop one we did not start
    except KnownError as exc:
        log.warning("phones will not be seen: %s", exc.message)
        return None
    monitor = DeviceMonitor(lambda on_event: DeviceHub(server.client(), on_event), parent)
    monitor.start()
    return monitor


def quit_on_termination(app: QApplication) -> QTimer:
    """Ctrl+C or SIGTERM closes the app properly (the store locks, demo phones and adb stop).

    Python runs signal handlers only when it gets control, which Qt's event loop
    does not give it; a short idle timer does.
    """
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.closeAllWindows() or app.quit())
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)
    return wake


def use_bundled_fonts() -> None:
    """Chinese in the window (and in the customer's consent text) needs a CJK font, which a bare counter
    PC may lack: the bundled one is registered for Qt's fallback, as the slip already does."""
    try:
        register_bundled_fonts()
    except KnownError as exc:  # the window still works; Chinese would show as boxes
        log.warning("bundled fonts not loaded: %s", exc.message)


def run_gui(
    data_dir: str | Path | None, *, login_hint: str = "", login_account: str = "", adb: AdbServer | None = None
) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    paths = DataPaths.at(data_dir)
    paths.ensure_root()
    configure_logging(paths.logs)
    install_crash_dialog(paths)
    quit_on_termination(app)
    use_bundled_fonts()
    settings = load_settings(paths.settings)
    languages = LanguageSwitcher(app)
    languages.apply(settings.language)
    tasks = BackgroundTasks(app)
    vault = Vault(paths)
    window = MainWindow(vault, settings, tasks, languages, start_monitor=lambda: start_device_monitor(adb, app))
    app.installEventFilter(window.idle)
    if not vault.is_initialised():
        from app.ui.first_run_wizard import FirstRunWizard  # only on a new counter's first start

        wizard = FirstRunWizard(vault, tasks)
        wizard.store_created.connect(lambda first: window.start_session(first.session))
        if wizard.exec() != QWizard.DialogCode.Accepted and wizard.first_run is None:
            return 1
    else:
        window.login.reset(login_hint, account=login_account)
    window.showMaximized()  # counter screens are small (1366x768): use all of it
    try:
        return app.exec()
    finally:
        if window.monitor is not None:
            window.monitor.stop()
