"""A busy indicator for actions that can take over 200 ms (a PDF, the thermal printer, verifying the store).

The work runs off the GUI thread (`BackgroundTasks`); meanwhile an indeterminate progress bar moves and
the buttons that would start another such action are disabled, so a second press cannot queue a second
print. Both come back when the job ends, successful or not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QProgressBar, QWidget

from app.ui.tasks import BackgroundTasks


class BusyBar(QProgressBar):
    """Hidden until `run` starts a job; `busy` tells whether one runs."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRange(0, 0)  # no known end: Qt animates it as "busy"
        self.setTextVisible(False)
        self.setMaximumHeight(10)
        self.hide()
        self._disabled: list[QWidget] = []

    @property
    def busy(self) -> bool:
        return not self.isHidden()

    def run(
        self,
        tasks: BackgroundTasks,
        job: Callable[[], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], object],
        controls: Sequence[QWidget],
    ) -> None:
        """Run `job` off the GUI thread with `controls` disabled and the bar moving until it ends."""
        self._disabled = [control for control in controls if control.isEnabled()]
        for control in self._disabled:
            control.setEnabled(False)
        self.show()
        tasks.run(job, lambda result: self._finish(on_done, result), lambda error: self._finish(on_error, error))

    def _finish(self, callback: Callable[[Any], object], value: Any) -> None:
        self.hide()
        for control in self._disabled:
            control.setEnabled(True)
        self._disabled = []
        callback(value)
