"""Guard against the PySide6 6.12.0 regression (docs/ARCHITECTURE.md section 12).

On Python 3.11, PySide6 6.12.0 leaked one reference to None/True on every
void Qt call and signal emit; a counter PC open all day then aborted.  If the
pin ever drifts to a build with that bug, these counts move by thousands.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 5000
#: Unrelated code (the test runner, the GC) may move the counts a little; the bug moves them by CALLS.
TOLERANCE = 50


class _Emitter(QObject):
    happened = Signal(int)


def test_void_calls_and_emits_leave_none_and_true_counts_alone(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    received: list[int] = []
    emitter.happened.connect(received.append)

    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(CALLS):
        label.setText("x")  # void
        label.setEnabled(True)  # void, takes True
        label.setVisible(False)  # void
        emitter.happened.emit(i)
    none_after, true_after = sys.getrefcount(None), sys.getrefcount(True)

    assert len(received) == CALLS
    assert abs(none_after - none_before) < TOLERANCE
    assert abs(true_after - true_before) < TOLERANCE
