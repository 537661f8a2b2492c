"""The consented Diagnostic Tool flow as a service: consent -> tool check/update -> collection -> clean-up.

`DiagnosticsFlow.run` drives one phone through a `ConsentGate` (it never holds
the `DeviceSession` itself), stores each function's findings as soon as they
are read (so an unplug keeps what was collected), and always ends the run
with a status: complete, incomplete (unplug, timeout, bad installer),
declined (the customer refused the tool update: no diagnostics, the ticket
goes on), cancelled, or withdrawn.  Questions for the person (the update,
a typed IMEI) go through `FlowPrompts`: the GUI answers with dialogs before
the run starts, the command line with its flags, tests with scripted answers.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from app.accounts.session import Session
from app.clock import iso
from app.core.battery_verdict import battery_verdict
from app.core.fault_suggestion import suggest_faults
from app.core.function_verdicts import battery_function_verdict, function_verdict
from app.core.privacy_catalogue import categories_for, check_functions, refused_categories, runnable_functions
from app.core.reference_data import DiagnosticToolRequirement, ReferenceData
from app.core.roles import Permission
from app.core.warranty import warranty_verdict
from app.device.errors import DeviceCommandFailed, DeviceError
from app.device.session import DeviceSession
from app.diagnostics import consent as consents
from app.diagnostics import notes as run_notes
from app.diagnostics import ticket_binding, tool_update
from app.diagnostics.errors import (
    CategoryNotConsented,
    ConsentNotActive,
    DiagnosticsCancelled,
    DiagnosticsError,
    ToolApkRejected,
    ToolUpdateNeeded,
)
from app.diagnostics.functions import COLLECTORS, CollectionContext, FunctionResult, ToolRun
from app.diagnostics.gate import CancelToken, ConsentGate, ConsentScope
from app.diagnostics.history import phone_history
from app.diagnostics.logs import log_expiry, purge_expired_logs, redact_capture
from app.diagnostics.report import RunReport, ToolReport
from app.diagnostics.tool_update import ToolCheck
from app.privacy_rules.restriction import Purpose, ensure_may_process
from app.storage import diagnostics_repository as repo
from app.storage.diagnostics_repository import ConsentRecord
from app.storage.ticket_records import TicketDetail
from app.tickets.warranty_decision import decision_for

log = logging.getLogger(__name__)

#: Functions fully served by shell commands: for these alone a missing or old tool is not worth an update.
SHELL_SERVED_FUNCTIONS = frozenset({"charging", "logs"})
#: progress(step, fraction): step is "tool" or a function identifier; fraction 0..1.
Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class UpdateDecision:
    """The customer's answer to the tool update question, with its evidence when they agreed."""

    approved: bool
    method: str = "verbal"
    signature_png: bytes | None = None
    ticked: bool = False
    language: str = "zh_CN"


class FlowPrompts(Protocol):
    def decide_tool_update(self, check: ToolCheck) -> UpdateDecision | None:
        """None: nobody can answer now (the command line without --accept/--refuse-update)."""

    def ask_imei(self) -> str | None:
        """An IMEI from the scanner or typed, when the phone gives none; None to go on without."""


@dataclass(frozen=True)
class ScriptedPrompts:
    """Answers known before the run: the command line's flags, the GUI's dialogs, tests."""

    update: UpdateDecision | None = None
    imei: str | None = None

    def decide_tool_update(self, check: ToolCheck) -> UpdateDecision | None:
        return self.update

    def ask_imei(self) -> str | None:
        return self.imei


@dataclass(frozen=True)
class RunRequest:
    functions: tuple[str, ...]
    consent: ConsentRecord
    ticket_number: str | None = None
    #: None: decided from the benefit registry by the IMEI read (unknown counts as out of warranty).
    in_warranty: bool | None = None


class DiagnosticsFlow:
    def __init__(
        self,
        session: Session,
        reference: ReferenceData,
        *,
        apk_dir: Path | None = None,
        tool_timeout: float = 60.0,
        poll_seconds: float = 0.2,
        today: Callable[[], date] | None = None,
    ) -> None:
        self._session = session
        self._reference = reference
        self._apk_dir = apk_dir or tool_update.default_apk_dir()
        self._tool_timeout = tool_timeout
        self._poll = poll_seconds
        self._today = today or (lambda: session.store.clock().date())

    @property
    def requirement(self) -> DiagnosticToolRequirement:
        return self._reference.diagnostic_tool

    # --- consent state and journal ------------------------------------------------------------------

    def _consent_active(self, consent_id: str) -> bool:
        return repo.consent_withdrawn_at(self._session.store, consent_id) is None

    def _gate(
        self, device: DeviceSession, consent: ConsentRecord, entity: str, entity_id: str, cancel: CancelToken | None
    ) -> ConsentGate:
        def refused(category: str | None, call: str) -> None:
            with self._session.store.transaction(self._session.actor) as work:
                work.record(entity, entity_id, "refused", {"category": category, "call": call, "consent": consent.id})
            log.warning("gate refused %s (%s) under consent %s", call, category or "inactive consent", consent.id)

        scope = ConsentScope(consent.id, frozenset(consent.categories), lambda: self._consent_active(consent.id))
        return ConsentGate(device, scope, refused, cancel)

    # --- before the run: the tool check the GUI shows ---------------------------------------------

    def check_tool(self, device: DeviceSession, consent: ConsentRecord) -> ToolCheck:
        """The tool's version against the requirement (needs an active consent; reads no personal data)."""
        self._session.require(Permission.RUN_DIAGNOSTICS)
        gate = self._gate(device, consent, "diag_consent", consent.id, None)
        return tool_update.check_tool(gate, self.requirement, self._apk_dir)

    # --- the run -------------------------------------------------------------------------------------

    def run(
        self,
        device: DeviceSession,
        request: RunRequest,
        prompts: FlowPrompts,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> RunReport:
        self._session.require(Permission.RUN_DIAGNOSTICS)
        consent = request.consent
        # A customer who restricted processing: nothing is read from the phone (issue 8).
        ensure_may_process(
            self._session.store,
            request.ticket_number or consent.ticket_number,
            Purpose.DIAGNOSTICS,
            consent.customer_id,
        )
        if not self._consent_active(consent.id):
            raise ConsentNotActive("This consent was withdrawn; record a new one.")
        # A run for a ticket: the ticket must exist, and the phone's identity is read (and checked) first.
        ticket = ticket_binding.ticket_for_run(self._session, request.ticket_number) if request.ticket_number else None
        purge_expired_logs(self._session)  # captures past their 30 days go before new ones come in
        functions = check_functions(request.functions)
        if ticket is not None:
            functions = ticket_binding.identity_first(functions, consent.categories)
        report = RunReport(
            "",
            consent.id,
            request.ticket_number or consent.ticket_number,
            functions,
            runnable_functions(functions, consent.categories),
            refused_categories(functions, consent.categories),
            ToolReport(self.requirement.package, required_version=self.requirement.min_version_code),
        )
        report.run_id = self._start(device.serial, report)
        for function in functions:
            report.function_status[function] = "not_consented" if function not in report.runnable else "pending"
        gate = self._gate(device, consent, "diag_run", report.run_id, cancel)
        pending_error: BaseException | None = None
        try:
            self._steps(gate, report, request, prompts, progress or _no_progress, ticket)
        except ticket_binding.PhoneNotThisTicket as exc:
            self._end(report, "incomplete", exc)
            pending_error = exc
        except DiagnosticsCancelled as exc:
            self._end(report, "cancelled", exc)
        except ConsentNotActive as exc:
            self._end(report, "withdrawn", exc)
        except ToolUpdateNeeded as exc:
            self._end(report, "incomplete", exc)
            pending_error = exc
        except (DeviceError, ToolApkRejected, CategoryNotConsented) as exc:
            self._end(report, "incomplete", exc)
        finally:
            if gate.tool_started is not None:
                report.cleaned_up = self._clean_up(gate, report, *gate.tool_started)
                if not report.cleaned_up and report.status == "complete":
                    report.status = "incomplete"  # the phone went away before it was cleaned up
            self._finish(report)
        if pending_error is not None:
            raise pending_error
        return report

    def _steps(
        self,
        gate: ConsentGate,
        report: RunReport,
        request: RunRequest,
        prompts: FlowPrompts,
        progress: Progress,
        ticket: TicketDetail | None = None,
    ) -> ToolRun | None:
        if not report.runnable:
            report.status = "complete"
            return None
        tool = self._prepare_tool(gate, report, request.consent, prompts, progress)
        if report.status == "declined":
            return None
        context = CollectionContext(gate, tool, prompts.ask_imei, report.notes)  # one per run: shared readings
        for function in report.runnable:
            progress(function, 0.0)
            self._store(report, request, function, COLLECTORS[function](context))
            if ticket is not None and function == ticket_binding.IDENTITY:
                ticket_binding.check_phone(self._session, ticket, report.identity or {}, report.run_id)
            progress(function, 1.0)
        report.suggestions = [s.to_json() for s in suggest_faults(report.verdicts.values())]
        report.history = self._history(report)
        report.status = (
            "complete" if all(report.function_status[f] == "collected" for f in report.runnable) else "incomplete"
        )
        return tool

    # --- the tool ------------------------------------------------------------------------------------

    def _prepare_tool(
        self, gate: ConsentGate, report: RunReport, consent: ConsentRecord, prompts: FlowPrompts, progress: Progress
    ) -> ToolRun | None:
        progress("tool", 0.0)
        check = tool_update.check_tool(gate, self.requirement, self._apk_dir)
        report.tool.installed_version = check.installed_version
        if check.needs_update:
            if set(report.runnable) <= SHELL_SERVED_FUNCTIONS:
                report.notes.append(run_notes.TOOL_NOT_NEEDED)
                progress("tool", 1.0)
                return None
            if not check.update_possible:
                report.notes.append(run_notes.NO_GENUINE_INSTALLER)
                progress("tool", 1.0)
                return None
            if not self._update(gate, report, consent, prompts, check):
                return None
        return self._start_tool(gate, report, consent, progress)

    def _update(
        self, gate: ConsentGate, report: RunReport, consent: ConsentRecord, prompts: FlowPrompts, check: ToolCheck
    ) -> bool:
        decision = prompts.decide_tool_update(check)
        if decision is None:
            raise ToolUpdateNeeded(
                "The diagnostic tool on the phone must be updated first; the customer was not asked."
            )
        if not decision.approved:
            report.status = "declined"
            report.notes.append(run_notes.UPDATE_DECLINED)
            with self._session.store.transaction(self._session.actor) as work:
                work.record("diag_run", report.run_id, "update_declined", {"installed": check.installed_version})
            return False
        update_consent = consents.give_consent(
            self._session,
            self._reference.consents,
            consents.ConsentInput(
                consent.customer_name,
                (),
                decision.language,
                decision.method,
                decision.signature_png,
                decision.ticked,
                consent.ticket_number,
                consents.TOOL_UPDATE_TEXT,
                customer_id=consent.customer_id,  # the same customer, so withdrawal reaches it too
            ),
        )
        gate.allow_update()
        staging = self._session.vault.paths.staging
        tool_update.install_verified(gate.install_tool, self.requirement, self._apk_dir, staging)
        after = tool_update.check_tool(gate, self.requirement, self._apk_dir)
        if not after.recent_enough:
            raise DeviceCommandFailed("The phone still has an old diagnostic tool after the update.")
        report.tool.installed_version, report.tool.updated = after.installed_version, True
        with self._session.store.transaction(self._session.actor) as work:
            repo.update_run_tool(
                work,
                report.run_id,
                installed_version=after.installed_version,
                updated=True,
                update_consent_id=update_consent.id,
            )
            work.record("diag_run", report.run_id, "tool_updated", {"version": after.installed_version})
        return True

    def _start_tool(
        self, gate: ConsentGate, report: RunReport, consent: ConsentRecord, progress: Progress
    ) -> ToolRun | None:
        requirement = self.requirement
        session_id = uuid.uuid4().hex
        wanted = categories_for(report.runnable)
        try:
            gate.start_tool(requirement.package, requirement.service, session_id, wanted)
        except DeviceCommandFailed:
            report.notes.append(run_notes.TOOL_DID_NOT_START)
            return None
        ready = gate.wait_for_tool(
            requirement.package, session_id, self._tool_timeout, self._poll, lambda fraction: progress("tool", fraction)
        )
        if not ready:
            report.notes.append(run_notes.TOOL_TIMED_OUT)
        report.tool.used = ready
        return ToolRun(requirement.package, session_id, ready)

    # --- storing -------------------------------------------------------------------------------------

    def _store(self, report: RunReport, request: RunRequest, function: str, result: FunctionResult | None) -> None:
        if result is None:
            report.function_status[function] = "no_data"
            return
        consent = request.consent
        data = dict(result.data)
        redacted = None
        if result.log_text is not None:  # redact outside the transaction: it is the slow part
            redacted = redact_capture(
                result.log_text,
                keep_ssid="ssid" in consent.categories,
                keep_bssid="bssid" in consent.categories,
                customer_names=(consent.customer_name,),
            )
        verdict = self._verdict(report, request, result) if function == "battery" else None
        judged = (
            battery_function_verdict(verdict)
            if function == "battery"
            else function_verdict(function, data, self._reference.diagnostic_rules)
        )
        if judged is not None:
            data["verdict"] = judged.to_json()
        store = self._session.store
        with store.transaction(self._session.actor) as work:
            if repo.consent_withdrawn_at(store, consent.id) is not None:
                raise ConsentNotActive("The consent was withdrawn while the phone was being read.")
            if redacted is not None:
                row = repo.insert_log(
                    work, report.run_id, redacted.text, redacted.line_count, iso(log_expiry(store.clock()))
                )
                data.update(log_id=row.id, lines=redacted.line_count, expires_at=row.expires_at)
                report.log_id, report.log_lines = row.id, redacted.line_count
            repo.upsert_result(work, report.run_id, function, result.categories, result.source, data)
            if verdict is not None:
                repo.insert_battery(
                    work,
                    report.run_id,
                    advice=verdict.advice.value,
                    health_percent=verdict.health_percent,
                    health_basis=verdict.health_basis,
                    in_warranty=verdict.in_warranty,
                    readings=data.get("source", {}),
                )
            work.record(
                "diag_run",
                report.run_id,
                "collected",
                {"function": function, "categories": list(result.categories), "source": result.source},
            )
        report.function_status[function] = "collected"
        report.findings[function] = data
        if judged is not None:
            report.verdicts[function] = judged
        for category in result.categories:
            if category not in report.collected:
                report.collected.append(category)
        if function == "identity":
            report.identity = data
        elif function == "battery":
            report.battery, report.verdict = data, verdict

    def _verdict(self, report: RunReport, request: RunRequest, result: FunctionResult):  # type: ignore[no-untyped-def]
        if result.readings is None:
            return None
        return battery_verdict(result.readings, in_warranty=self._in_warranty(report, request))

    def _in_warranty(self, report: RunReport, request: RunRequest) -> bool:
        if request.in_warranty is not None:
            return request.in_warranty
        if request.ticket_number:  # the ticket's warranty decision is the one verdict (issue 12)
            return decision_for(self._session, request.ticket_number).battery_free
        imeis = (report.identity or {}).get("imei") or []
        for imei in imeis:
            device = self._reference.benefits.lookup(imei)
            if device is not None:
                months = self._reference.regions.get().warranty_months
                return warranty_verdict(
                    device.purchase_date, self._today(), months=months, benefits=device.benefits
                ).in_warranty
        report.notes.append(run_notes.WARRANTY_UNKNOWN)
        return False

    def _history(self, report: RunReport) -> list[dict[str, Any]]:
        """This phone's earlier runs (by the IMEIs just read), oldest first, within retention."""
        seen: dict[str, dict[str, Any]] = {}
        for imei in (report.identity or {}).get("imei") or []:
            policy = self._reference.regions.get().retention_policy()
            for entry in phone_history(self._session, imei, policy=policy, exclude_run=report.run_id):
                seen[entry.run_id] = entry.to_json()
        return sorted(seen.values(), key=lambda entry: str(entry["started_at"]))

    # --- run rows -----------------------------------------------------------------------------------

    def _start(self, transport: str, report: RunReport) -> str:
        with self._session.store.transaction(self._session.actor) as work:
            run_id = repo.insert_run(
                work,
                consent_id=report.consent_id,
                ticket_number=report.ticket,
                transport=transport,
                functions=report.functions,
                categories=categories_for(report.runnable),
                refused=report.refused,
                tool_package=report.tool.package,
                tool_required_version=report.tool.required_version,
            )
            work.record(
                "diag_run",
                run_id,
                "start",
                {"functions": list(report.functions), "refused": list(report.refused), "consent": report.consent_id},
            )
        return run_id

    def _end(self, report: RunReport, status: str, error: BaseException) -> None:
        report.status = status
        report.error = f"{type(error).__name__}: {getattr(error, 'message', str(error))}"
        log.info("run %s ended %s (%s)", report.run_id, status, type(error).__name__)

    def _clean_up(self, gate: ConsentGate, report: RunReport, package: str, session_id: str) -> bool:
        """Delete the session folder and stop the tool; a phone that is gone cannot be cleaned (said so)."""
        try:
            gate.clean_up(package, session_id)
            return True
        except DeviceError:
            report.notes.append(run_notes.NOT_CLEANED_UP)
            return False

    def _finish(self, report: RunReport) -> None:
        status = report.status if report.status != "running" else "incomplete"
        if status == "complete" and not report.complete and report.runnable:
            status = "incomplete"
        report.status = status
        with self._session.store.transaction(self._session.actor) as work:
            repo.finish_run(work, report.run_id, status, report.error)
            work.record(
                "diag_run",
                report.run_id,
                "finish",
                {
                    "status": status,
                    "complete": report.complete,
                    "collected": report.collected,
                    "refused": list(report.refused),
                },
            )


def _no_progress(step: str, fraction: float) -> None:
    return None


__all__ = ["DiagnosticsFlow", "FlowPrompts", "RunRequest", "ScriptedPrompts", "UpdateDecision", "DiagnosticsError"]
