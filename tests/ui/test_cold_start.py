"""The sign-in window shows without loading what only a signed-in counter needs (sync, HTTP, adb).

Those imports took most of the 1.1 s cold start (tests/bench/bench_cold_start.py times it); this
checks, in a fresh process, that they stay out until after sign-in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.demo import make_demo_store

NOT_BEFORE_SIGN_IN = (
    "httpx", "pydantic", "fastapi", "adbutils", "app.sync", "pypinyin", "app.ui.workspace", "cryptography", "argon2",
    "zeroconf", "app.hub",
)  # fmt: skip

SHOW_SIGN_IN = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.ui import main_window

shown = {}
def report(window):
    shown["page"] = window.stack.currentWidget().objectName()
    shown["loaded"] = sorted(name for name in json.loads(sys.argv[2]) if name in sys.modules)
    QApplication.instance().quit()
show = main_window.MainWindow.showMaximized
def show_and_report(window):
    show(window)
    QTimer.singleShot(0, lambda: report(window))
main_window.MainWindow.showMaximized = show_and_report
from app.cli import main
main(["--data-dir", sys.argv[1]])
print(json.dumps(shown))
"""


def test_the_sign_in_window_shows_before_sync_http_and_adb_are_loaded(tmp_path: Path) -> None:
    demo = make_demo_store(tmp_path / "demo", tickets=0)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ADBUTILS_ADB_PATH": str(tmp_path / "no-adb")}
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SIGN_IN, str(demo.paths.root), json.dumps(NOT_BEFORE_SIGN_IN)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["page"] == "loginView"  # it got as far as the sign-in view, through `repair-counter --data-dir`
    assert shown["loaded"] == []


def test_signing_in_builds_the_workspace_and_starts_following_phones(qtbot, vault, manager) -> None:
    from app.settings import Settings
    from app.ui.language import LanguageSwitcher
    from app.ui.main_window import MainWindow
    from app.ui.tasks import ImmediateTasks

    started: list[bool] = []
    window = MainWindow(
        vault, Settings(), ImmediateTasks(), LanguageSwitcher(), start_monitor=lambda: started.append(True)
    )
    qtbot.addWidget(window)
    assert window._workspace is None and started == []  # nothing built or started at the sign-in view
    window.start_session(manager)
    assert started == [True]
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.nav.item(0).text() == "Tickets (Ctrl+1)"
