"""The background-task helper on real threads: results and errors come back on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop, QTimer

from app.ui.tasks import BackgroundTasks


def test_result_and_error_arrive_on_the_gui_thread(qtbot) -> None:
    tasks = BackgroundTasks()
    gui_thread = threading.current_thread()
    seen: list[tuple[str, object, bool]] = []
    tasks.run(
        lambda: threading.current_thread() is not gui_thread,
        lambda result: seen.append(("done", result, threading.current_thread() is gui_thread)),
        lambda error: seen.append(("error", error, False)),
    )
    tasks.run(
        lambda: 1 / 0,
        lambda result: seen.append(("done", result, False)),
        lambda error: seen.append(("error", type(error).__name__, threading.current_thread() is gui_thread)),
    )
    qtbot.waitUntil(lambda: len(seen) == 2 and not tasks.busy, timeout=5000)
    assert sorted(seen) == [("done", True, True), ("error", "ZeroDivisionError", True)]


def test_a_callback_that_runs_a_nested_event_loop_does_not_crash(qtbot) -> None:
    tasks = BackgroundTasks()
    finished: list[str] = []

    def nested_loop(_result: object) -> None:  # what a modal dialog opened from a callback does
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        finished.append("after the nested loop")

    tasks.run(lambda: "x", nested_loop, lambda error: finished.append(repr(error)))
    qtbot.waitUntil(lambda: finished == ["after the nested loop"], timeout=5000)
    assert not tasks.busy
