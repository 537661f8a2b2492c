"""The diagnostics page: the phone card, the checks to run, consent, update, progress, results.

The page gets its phone from `set_device(serial, state)` (the device monitor
calls it) and runs each job on that phone's own worker (`PhoneJobs`), so one
phone never serves two jobs at once.  The wait for the worker happens off the
GUI thread, in `BackgroundTasks`; progress
comes back through a signal.  Consent is asked here before the run starts; the
questions the run itself raises (the tool update, an IMEI to scan or type when
the phone gives none) come back from the worker and are shown here too.

A run may be asked for a ticket (`run_for_ticket`, from the intake wizard or
the ticket page): the consent dialog opens holding the customer's name and the
ticket number, on the phone plugged in (the only one, or the one picked), and
when the run ends a ticket's status moves to Diagnosing.

Signals: `run_finished(object)` with the `RunReport`; `ticket_run_ended(object, object)` with the
`TicketRun` and its `RunReport` (None when the customer declined or the run failed).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.session import Session
from app.core.privacy_catalogue import FAULTS, FUNCTIONS, categories_for, functions_for_fault
from app.core.reference_data import ReferenceData
from app.device.tracking import advice_for
from app.device.workers import PhoneJobs
from app.diagnostics.consent import give_consent, withdraw_consent
from app.diagnostics.flow import DiagnosticsFlow, RunRequest, UpdateDecision
from app.diagnostics.gate import CancelToken
from app.diagnostics.logs import read_log
from app.diagnostics.report import RunReport
from app.diagnostics.ticket_binding import start_diagnosing
from app.diagnostics.tool_update import ToolCheck
from app.storage.diagnostics_repository import ConsentRecord
from app.tickets.reference_in_force import reference_in_force
from app.ui.dialogs.consent_dialog import ConsentDialog
from app.ui.dialogs.imei_entry_dialog import ImeiEntryDialog
from app.ui.dialogs.log_viewer import LogViewerDialog
from app.ui.dialogs.tool_update_dialog import ToolUpdateDialog
from app.ui.error_dialogs import show_error
from app.ui.language import current_language
from app.ui.named import named
from app.ui.pages.diagnostics_results import ProgressPanel, ResultsPanel
from app.ui.pages.page_base import Page
from app.ui.phone_names import phone_name
from app.ui.tasks import BackgroundTasks
from app.ui.ticket_run import TicketRun

# How long a run waits for the IMEI question before going on without one (the technician walked away).
IMEI_WAIT_SECONDS = 300.0
_STATE_COLOURS = {"device": "#1b5e20", "unauthorized": "#8a4b00", "offline": "#b00020", "absent": "#555555"}


@runtime_checkable
class _PhoneList(Protocol):
    """Phones that also say which are attached (the device hub; not `NoPhones`)."""

    def states(self) -> dict[str, str]: ...


class _ProgressRelay(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    progressed = Signal(str, float)


class _Answer:
    """One question's answer, given on the GUI thread and read by the worker waiting for it."""

    def __init__(self) -> None:
        self.value: object = None
        self.given = threading.Event()

    def give(self, value: object) -> None:
        self.value = value
        self.given.set()


class _DialogPrompts(QObject):
    """The flow's questions answered with dialogs: asked from the worker, shown on the GUI thread.

    The worker waits for the answer, checking for cancel (and, for the IMEI, a deadline: an
    unattended dialog must not hold the run forever); when the flow runs on the GUI thread itself
    (ImmediateTasks), the dialog is shown modally instead.
    """

    # A callable to run on the GUI thread: show a question, or close one nobody answered in time.
    asked = Signal(object)

    def __init__(self, page: DiagnosticsPage, cancel: CancelToken, imei_wait_seconds: float) -> None:
        super().__init__()  # made on the GUI thread, so `asked` is delivered there
        self._page, self._cancel, self._imei_wait = page, cancel, imei_wait_seconds
        self.asked.connect(self._run_here)  # a bound slot of this object: queued to its (GUI) thread

    def _run_here(self, on_gui_thread: Callable[[], None]) -> None:
        on_gui_thread()

    def decide_tool_update(self, check: ToolCheck) -> UpdateDecision | None:
        answer = self._ask(lambda give: self._page.ask_update(check, give), lambda: self._page.update_dialog, None)
        return answer if isinstance(answer, UpdateDecision) else None

    def ask_imei(self) -> str | None:
        """The phone gave none: the technician scans or types it, or skips (None)."""
        answer = self._ask(self._page.ask_imei, lambda: self._page.imei_dialog, self._imei_wait)
        return answer if isinstance(answer, str) else None

    def _ask(
        self,
        show: Callable[[Callable[[object], None]], None],
        dialog: Callable[[], QDialog | None],
        wait_seconds: float | None,
    ) -> object:
        """Show a question with `show(give)` on the GUI thread and wait for `give(answer)`.

        None when `wait_seconds` pass first (the dialog is closed, so a late answer is not taken).
        """
        answer = _Answer()
        if threading.current_thread() is threading.main_thread():
            show(answer.give)
            shown = dialog()
            if shown is not None and not answer.given.is_set():
                if wait_seconds is not None:
                    QTimer.singleShot(int(wait_seconds * 1000), shown, lambda: _close(shown))
                shown.exec()
            return answer.value
        self.asked.emit(lambda: show(answer.give))
        deadline = None if wait_seconds is None else time.monotonic() + wait_seconds
        while not answer.given.wait(0.1):
            self._cancel.raise_if_cancelled()
            if deadline is not None and time.monotonic() > deadline:
                self.asked.emit(lambda: _close(dialog()))
                return None
        return answer.value


def _close(dialog: QDialog | None) -> None:
    if dialog is not None and dialog.isVisible():
        dialog.reject()


class DiagnosticsPage(Page):
    run_finished = Signal(object)
    ticket_run_ended = Signal(object, object)

    def __init__(
        self,
        tasks: BackgroundTasks,
        phones: PhoneJobs,
        reference: ReferenceData,
        flow_factory: Callable[[Session], DiagnosticsFlow] | None = None,
        parent: QWidget | None = None,
        imei_wait_seconds: float = IMEI_WAIT_SECONDS,
    ) -> None:
        super().__init__("diagnosticsPage", parent)
        self._tasks, self._phones, self._reference = tasks, phones, reference
        self._flow_factory = flow_factory or (
            lambda session: DiagnosticsFlow(session, reference_in_force(session.store, reference).data)
        )
        self._serial: str | None = None
        self._state = "absent"
        self._consent: ConsentRecord | None = None
        self._cancel: CancelToken | None = None
        self._running = False
        self._imei_wait = imei_wait_seconds
        self.consent_dialog: ConsentDialog | None = None
        self.update_dialog: ToolUpdateDialog | None = None
        self.imei_dialog: ImeiEntryDialog | None = None
        self.log_viewer: LogViewerDialog | None = None
        self.last_report: RunReport | None = None
        self.ticket_run: TicketRun | None = None
        self._relay = _ProgressRelay(self)
        self._build()
        self.retranslate()
        self._refresh()

    # --- building ------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.card = named(QGroupBox(), "phoneCard")
        self.phone_label = named(QLabel(), "phoneSerial")
        self.state_label = named(QLabel(), "phoneState")
        self.advice_label = named(QLabel(), "phoneAdvice")
        self.advice_label.setWordWrap(True)
        card_layout = QVBoxLayout(self.card)
        for widget in (self.phone_label, self.state_label, self.advice_label):
            card_layout.addWidget(widget)
        self.checks = named(QGroupBox(), "functionChoice")
        self.fault = named(QComboBox(), "faultChoice")
        self.function_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self.checks)
        grid.addWidget(self.fault, 0, 0, 1, 2)
        for index, function in enumerate(FUNCTIONS):
            box = named(QCheckBox(), f"function_{function}")
            box.toggled.connect(lambda _: self._refresh())
            self.function_boxes[function] = box
            grid.addWidget(box, 1 + index // 2, index % 2)
        self.start_button = named(QPushButton(), "startDiagnostics")
        self.cancel_button = named(QPushButton(), "cancelDiagnostics")
        self.withdraw_button = named(QPushButton(), "withdrawConsent")
        self.withdraw_button.clicked.connect(self._on_withdraw_clicked)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.fault.activated.connect(self._on_fault_chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 1)
        buttons.addWidget(self.cancel_button)
        self.progress = ProgressPanel()
        self.results = ResultsPanel()
        self.results.log_requested.connect(self._on_log_requested)
        self.results.suggestion_accepted.connect(self._on_suggestion_accepted)
        self._relay.progressed.connect(self.progress.set_progress)
        left = QVBoxLayout()
        left.addWidget(self.card)
        left.addWidget(self.checks)
        left.addLayout(buttons)
        left.addWidget(self.withdraw_button)
        left.addWidget(self.progress)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(self.results, 3)
        layout = self.body
        layout.addLayout(columns, 1)

    def retranslate(self) -> None:
        language = current_language()
        self.heading.setText(self.tr("Diagnostics"))
        self.card.setTitle(self.tr("Phone"))
        self.checks.setTitle(self.tr("Checks to run"))
        self.fault.clear()
        self.fault.addItem(self.tr("Choose by the reported fault..."), "")
        for fault in FAULTS.values():
            self.fault.addItem(fault.label.get(language), fault.identifier)
        for function, box in self.function_boxes.items():
            box.setText(FUNCTIONS[function].label.get(language))
            box.setToolTip(FUNCTIONS[function].description.get(language))
        self.start_button.setText(self.tr("Ask for consent and start"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.withdraw_button.setText(self.tr("Customer withdraws consent (deletes the data)"))
        self.progress.setTitle(self.tr("Progress"))
        self.progress.relabel(self._step_labels())
        self.results.retranslate()
        if self.last_report is not None:
            self.results.show_report(self.last_report, current_language())
        self._refresh()

    # --- state ---------------------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        self.pick_up_connected()
        self._refresh()

    def connected_phones(self) -> list[str]:
        """Serials of the phones attached and ready (adb state "device"), as the device hub last saw them."""
        states = self._phones.states() if isinstance(self._phones, _PhoneList) else {}
        return sorted(serial for serial, state in states.items() if state == "device")

    def pick_up_connected(self) -> None:
        """A phone plugged in before the page was opened (or before sign-in) is the page's phone."""
        if self._running or (self._serial is not None and self._state == "device"):
            return
        ready = self.connected_phones()
        if ready:
            self.set_device(ready[0], "device")

    @property
    def current_serial(self) -> str | None:
        return self._serial

    def set_device(self, serial: str | None, state: str) -> None:
        """The phone to work on and its adb state (device, unauthorized, offline, absent...)."""
        self._serial, self._state = serial, state
        self._refresh()

    def chosen_functions(self) -> tuple[str, ...]:
        return tuple(f for f, box in self.function_boxes.items() if box.isChecked())

    def _state_text(self, state: str) -> str:
        return {
            "device": self.tr("Connected"),
            "unauthorized": self.tr("Waiting for USB debugging permission"),
            "offline": self.tr("Not answering"),
            "absent": self.tr("No phone connected"),
        }.get(state, state)

    def _refresh(self) -> None:
        if not hasattr(self, "start_button"):
            return
        en, zh = advice_for(self._state)
        self.phone_label.setText(self._phone_name(self._serial) if self._serial else self.tr("No phone selected"))
        self.state_label.setText(self._state_text(self._state))
        self.state_label.setStyleSheet(f"font-weight: 600; color: {_STATE_COLOURS.get(self._state, '#555555')};")
        self.advice_label.setText(self.tr("What to do: ") + (zh if current_language() == "zh_CN" else en))
        ready = self._session is not None and self._serial is not None and self._state == "device"
        self.start_button.setEnabled(ready and not self._running and bool(self.chosen_functions()))
        self.cancel_button.setEnabled(self._running)
        self.withdraw_button.setEnabled(self._consent is not None and self._consent.active)
        self.checks.setEnabled(not self._running)

    def _on_fault_chosen(self, index: int) -> None:
        fault = self.fault.itemData(index)
        if fault:
            wanted = set(functions_for_fault(fault))
            for function, box in self.function_boxes.items():
                box.setChecked(function in wanted)

    # --- consent, update, run ------------------------------------------------------------------------

    def _on_start_clicked(self) -> None:
        waiting = self.ticket_run  # a ticket's request that waited for its phone
        if waiting is None:
            self._ask_consent()
        else:
            self._ask_consent(waiting.customer_name, waiting.ticket_number or "")

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        """Leaving the page drops a ticket's request still waiting for its phone (a later Start is a new run)."""
        asking = self.consent_dialog is not None and self.consent_dialog.isVisible()
        if not self._running and not asking:
            self.ticket_run = None
        super().hideEvent(event)

    def _ask_consent(self, customer_name: str = "", ticket_number: str = "") -> None:
        functions = self.chosen_functions()
        if not functions or self._session is None:
            return
        self.consent_dialog = ConsentDialog(
            self._reference.consents,
            categories_for(functions),
            current_language(),
            customer_name=customer_name,
            ticket_number=ticket_number,
            parent=self,
        )
        self.consent_dialog.accepted.connect(self._on_consent_given)
        self.consent_dialog.rejected.connect(self._on_consent_refused)
        self.consent_dialog.open()

    def _on_consent_refused(self) -> None:
        self._end_ticket_run(None)

    def _end_ticket_run(self, report: RunReport | None) -> None:
        request, self.ticket_run = self.ticket_run, None
        if request is not None:
            self.ticket_run_ended.emit(request, report)

    def run_for_ticket(self, request: TicketRun) -> None:
        """The consent dialog for this ticket's customer on the plugged phone, the ticket's checks chosen.

        With no phone ready the request waits here, saying what to do; Start then asks the same consent.
        """
        if self._running or self._session is None:
            self.ticket_run_ended.emit(request, None)
            return
        self.ticket_run = request
        wanted = set(request.functions())
        for function, box in self.function_boxes.items():
            box.setChecked(function in wanted)
        serial = self._phone_for_ticket()
        if serial is None:
            self.results.status.setText(
                self.tr("Plug in the customer's phone and allow USB debugging, then press Ask for consent and start.")
            )
            self.start_button.setFocus()
            return
        self.set_device(serial, "device")
        self._ask_consent(request.customer_name, request.ticket_number or "")

    def _phone_for_ticket(self) -> str | None:
        """The only phone ready, or the one the technician picks; None when none is ready."""
        ready = self.connected_phones()
        if self._serial is not None and self._state == "device" and self._serial not in ready:
            ready.append(self._serial)  # set by the device monitor though the hub list lags
        if len(ready) <= 1:
            return ready[0] if ready else None
        current = ready.index(self._serial) if self._serial in ready else 0
        names = [self._phone_name(serial) for serial in ready]
        question = self.tr("Several phones are plugged in: pick the customer's.")
        chosen, ok = QInputDialog.getItem(self, self.tr("Which phone?"), question, names, current, False)
        return ready[names.index(chosen)] if ok and chosen in names else None

    def _phone_name(self, serial: str) -> str:
        """The phone by the model it announced to the adb server, as the Phones page names it."""
        model_of = getattr(self._phones, "model_of", None)  # NoPhones and the hub have it; test doubles may not
        return phone_name(serial, model_of(serial) if model_of else "")

    def _on_consent_given(self) -> None:
        assert self.consent_dialog is not None and self._session is not None
        try:
            self._consent = give_consent(self._session, self._reference.consents, self.consent_dialog.consent_input())
        except Exception as error:  # noqa: BLE001 - shown by class: a known error or the crash dialog
            show_error(self, error)
            self._end_ticket_run(None)
            return
        self._start_run()

    def _start_run(self) -> None:
        """One background job for the whole run; the update question comes back here through `_prompts`."""
        assert self._session is not None and self._consent is not None
        functions = self.chosen_functions()
        labels = self._step_labels()
        self.progress.reset([(step, labels[step]) for step in ("tool", *functions)])
        self.results.clear()
        self._cancel = CancelToken()
        self._set_running(True)
        flow, phones, serial = self._flow_factory(self._session), self._phones, self._serial or ""
        request = RunRequest(functions, self._consent, self._consent.ticket_number)
        cancel, relay, prompts = self._cancel, self._relay, _DialogPrompts(self, self._cancel, self._imei_wait)
        self._tasks.run(
            lambda: phones.run(
                serial, lambda device: flow.run(device, request, prompts, relay.progressed.emit, cancel)
            ),
            self._on_run_finished,
            self._on_failed,
        )

    def ask_update(self, check: ToolCheck, answer: Callable[[UpdateDecision], None]) -> None:
        """Show the update dialog (GUI thread); `answer` gets the customer's decision when it closes."""
        language = self._consent.language if self._consent is not None else current_language()
        self.update_dialog = ToolUpdateDialog(self._reference.consents, check, language, parent=self)
        dialog = self.update_dialog
        dialog.finished.connect(lambda _: answer(dialog.decision()))
        dialog.open()

    def ask_imei(self, answer: Callable[[str | None], None]) -> None:
        """Show the IMEI dialog (GUI thread); `answer` gets the checked digits, or None when skipped."""
        self.imei_dialog = ImeiEntryDialog(parent=self)
        dialog = self.imei_dialog

        def closed(result: int) -> None:
            imei = dialog.imei() if result == QDialog.DialogCode.Accepted.value else None
            answer(imei.digits if imei is not None else None)

        dialog.finished.connect(closed)
        dialog.open()

    def _close_questions(self) -> None:
        """The run ended (cancel, unplug, error) while a question was open: nobody needs its answer now."""
        for dialog in (self.update_dialog, self.imei_dialog):
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    def _step_labels(self) -> dict[str, str]:
        language = current_language()
        return {"tool": self.tr("Diagnostic tool"), **{f: FUNCTIONS[f].label.get(language) for f in FUNCTIONS}}

    def _on_cancel_clicked(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def _on_run_finished(self, report: RunReport) -> None:
        self._set_running(False)
        self._close_questions()
        self.last_report = report
        self.results.show_report(report, current_language())
        self.run_finished.emit(report)
        number = report.ticket if self.ticket_run is not None else None
        if number and self._session is not None and report.collected:
            session = self._session
            self._tasks.run(
                lambda: start_diagnosing(session, number), lambda _: self._end_ticket_run(report), self._on_failed
            )
        else:
            self._end_ticket_run(report)

    def _on_failed(self, error: BaseException) -> None:
        self._set_running(False)
        self._close_questions()
        show_error(self, error)
        self._end_ticket_run(None)

    def _set_running(self, running: bool) -> None:
        self._running = running
        if not running:
            self.progress.stop()
        self._refresh()

    def _on_withdraw_clicked(self) -> None:
        """Withdrawal at any time: a running job stops at its next phone call; the data is deleted now."""
        if self._session is None or self._consent is None:
            return
        try:
            withdraw_consent(self._session, self._consent.id)
        except Exception as error:  # noqa: BLE001 - shown by class
            show_error(self, error)
            return
        self._consent = dataclasses.replace(self._consent, withdrawn_at="withdrawn")
        if not self._running:
            self.results.clear()
            self.results.status.setText(self.results.status_text_for("withdrawn"))
        self._refresh()

    def _on_suggestion_accepted(self, fault: str) -> None:
        """The technician accepted the top suggestion: it becomes the fault chosen here (never by itself)."""
        index = self.fault.findData(fault)
        if index >= 0:
            self.fault.setCurrentIndex(index)

    def _on_log_requested(self, log_id: str) -> None:
        if self._session is None:
            return
        text = read_log(self._session, log_id)
        self.log_viewer = LogViewerDialog(text or self.tr("This log has expired or was deleted."), self)
        self.log_viewer.open()
