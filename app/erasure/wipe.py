"""One consented wipe of a ticket's phone, step by step, ending in a certificate or a reason.

Order (docs/ARCHITECTURE.md section 7, "The wipe action"): the phone must be the
ticket's (IMEI), encrypted (`ro.crypto.state`), its accounts are counted; the tool
must have the wipe action (updated first only with the customer's separate
consent); the tool is started, its result read and checked, then released; the
phone must leave the cable.  Every step is journaled as it happens (`wipe_job`
step rows, one journal entry each).  A certificate is issued only when the tool
reported success and the phone left; any other ending records the job as failed
with its code and raises the matching WipeError, and no certificate exists.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.accounts.session import Session
from app.core.canonical_json import canonical_json
from app.core.masking import mask_imei
from app.core.reference_data import ReferenceData
from app.core.roles import Permission
from app.device.errors import DeviceCommandFailed, DeviceError, DeviceGone, DeviceTimeout
from app.device.session import DeviceSession
from app.diagnostics import tool_update
from app.erasure import certificate as cert
from app.erasure.consent import WipeDecision, tool_update_consent
from app.erasure.errors import (
    PhoneNotEncrypted,
    PhoneStayedConnected,
    WipeError,
    WipeImeiMismatch,
    WipeInterrupted,
    WipeRecordMissing,
    WipeReportedFailure,
    WipeToolUnavailable,
)
from app.storage import diagnostics_repository, erasure_repository, staff_repository
from app.storage.erasure_repository import WipeJobRow
from app.storage.ticket_records import TicketDetail
from app.tickets.moves import load

log = logging.getLogger(__name__)
#: States in the adb server's list that mean the phone left the cable (a network phone stays "offline").
GONE_STATES = frozenset({"absent", "offline"})
_RESULT_TEXT_FIELDS = ("method", "standard", "android_version", "encryption_state", "time")


@dataclass(frozen=True)
class WipeOutcome:
    job_id: str
    certificate_id: str
    document: dict[str, Any]


class WipeFlow:
    """Runs agreed wipe jobs on phones; one instance per counter session."""

    def __init__(
        self,
        session: Session,
        reference: ReferenceData,
        *,
        apk_dir: Path | None = None,
        result_timeout: float = 60.0,
        gone_timeout: float = 30.0,
        poll_seconds: float = 0.1,
    ) -> None:
        self._session = session
        self._reference = reference
        self._apk_dir = apk_dir or tool_update.default_apk_dir()
        self._result_timeout = result_timeout
        self._gone_timeout = gone_timeout
        self._poll = poll_seconds

    def run(self, device: DeviceSession, job_id: str, decision: WipeDecision, accept_update: bool) -> WipeOutcome:
        """Wipe the phone for an agreed job; WipeError (job recorded as failed, no certificate) otherwise."""
        self._session.require(Permission.RUN_DIAGNOSTICS)
        job = erasure_repository.job_by_id(self._session.store, job_id)
        if job is None or job.decision != "agreed" or job.status != "agreed":
            raise WipeRecordMissing("There is no agreed wipe waiting to run with that id.")
        self._set_running(job)
        try:
            return self._wipe(device, job, decision, accept_update)
        except WipeError as failure:
            self._fail(job, failure)
            raise
        except DeviceError as lost:  # a phone error that no step turned into a reason of its own
            interrupted = WipeInterrupted(f"The phone stopped answering during the wipe ({lost.code}).")
            self._fail(job, interrupted)
            raise interrupted from lost

    # --- the steps -------------------------------------------------------------------------------

    def _wipe(self, device: DeviceSession, job: WipeJobRow, decision: WipeDecision, accept: bool) -> WipeOutcome:
        ticket = load(self._session, job.ticket_number)
        imei = self._check_imei(device, job, ticket)
        encryption = self._check_encryption(device, job)
        accounts = self._count_accounts(device, job)
        tool_version = self._ensure_tool(device, job, decision, accept)
        session_id = job.id.replace("-", "")
        result = self._run_tool(device, job, session_id)
        after = self._wait_gone(device, job)
        before: list[dict[str, Any]] = [
            {"check": "imei_matches_ticket", "result": "match"},
            {"check": "encryption", "result": encryption},
            {"check": "accounts", "result": accounts},
        ]
        return self._issue(job, ticket, imei, dict(result, tool_version=tool_version), before, [after])

    def _check_imei(self, device: DeviceSession, job: WipeJobRow, ticket: TicketDetail) -> str:
        on_ticket = {i for i in (ticket.row.imei, ticket.imei2) if i}
        read = {str(i) for i in (device.imei_from_service_call(0), device.imei_from_service_call(1)) if i}
        params = {"ticket": job.ticket_number}
        if not on_ticket:
            self._step(job, "imei", {"result": "ticket_has_no_imei"})
            raise WipeImeiMismatch(
                f"Ticket {job.ticket_number} has no IMEI, so the phone cannot be checked against it.",
                code="wipe_ticket_has_no_imei",
                params=params,
            )
        if not read:
            self._step(job, "imei", {"result": "unreadable"})
            raise WipeImeiMismatch("The phone gave no IMEI to check against the ticket.", code="wipe_imei_unreadable")
        matched = sorted(read & on_ticket)
        self._step(job, "imei", {"result": "match" if matched else "mismatch", "read": [mask_imei(i) for i in read]})
        if not matched:
            raise WipeImeiMismatch(
                f"This phone is not the phone of ticket {job.ticket_number} (its IMEI differs); nothing was erased.",
                params=params,
            )
        return matched[0]

    def _check_encryption(self, device: DeviceSession, job: WipeJobRow) -> str:
        state = device.crypto_state()
        self._step(job, "encryption", {"ro.crypto.state": state or "unknown"})
        if state != "encrypted":
            raise PhoneNotEncrypted(
                f"The phone's storage is {state or 'of unknown state'}, not encrypted: destroying its keys "
                "would not erase its data, so no wipe was started.",
                params={"state": state or "unknown"},
            )
        return state

    def _count_accounts(self, device: DeviceSession, job: WipeJobRow) -> int | None:
        try:
            count: int | None = device.accounts_count()
        except DeviceCommandFailed:
            count = None  # recorded as unknown: the count informs, it does not decide
        self._step(job, "accounts", {"count": count})
        return count

    def _ensure_tool(self, device: DeviceSession, job: WipeJobRow, decision: WipeDecision, accept: bool) -> int:
        requirement = self._reference.diagnostic_tool
        record = device.tool_version(requirement.package)
        installed = (record.version_code or None) if record else None
        self._step(job, "tool", {"installed": installed, "required": requirement.min_version_code})
        if installed is not None and installed >= requirement.min_version_code:
            return installed
        code = "wipe_tool_missing" if installed is None else "wipe_tool_too_old"
        if not accept or not tool_update.update_possible(requirement, self._apk_dir):
            self._step(job, "tool_update", {"result": "refused" if not accept else "no_installer"})
            raise WipeToolUnavailable(
                "The phone's diagnostic tool is missing or too old for the wipe, and it was not updated.",
                code=code,
                params={"installed": installed or 0, "required": requirement.min_version_code},
            )
        consent_id = tool_update_consent(self._session, self._reference.consents, job, decision)
        staging = self._session.vault.paths.staging
        tool_update.install_verified(device.install, requirement, self._apk_dir, staging)
        record = device.tool_version(requirement.package)
        updated = (record.version_code if record else None) or 0
        self._step(job, "tool_update", {"result": "installed", "version": updated, "consent": consent_id})
        if updated < requirement.min_version_code:
            raise WipeToolUnavailable("The tool is still too old after the update.", code="wipe_tool_too_old")
        return updated

    def _run_tool(self, device: DeviceSession, job: WipeJobRow, session_id: str) -> dict[str, Any]:
        package = self._reference.diagnostic_tool.package
        try:
            device.start_wipe(package, session_id)
        except DeviceCommandFailed as exc:
            self._step(job, "start", {"result": "no_wipe_action"})
            raise WipeToolUnavailable("The tool on the phone has no wipe action.", code="wipe_tool_too_old") from exc
        self._step(job, "start", {"result": "started", "session": session_id})
        try:
            raw = device.wait_for_wipe_result(package, session_id, self._result_timeout, self._poll)
        except (DeviceGone, DeviceTimeout) as exc:
            self._step(job, "result", {"result": "phone_left_before_result"})
            raise WipeInterrupted(
                "The phone was unplugged (or stopped answering) before the tool reported: nobody can say what "
                "was erased, so no certificate was issued."
            ) from exc
        result = _checked_result(raw)
        self._step(job, "result", {k: result.get(k) for k in ("status", "method", "standard", "time")})
        if result["status"] != "success":
            raise WipeReportedFailure("The tool on the phone reported that the wipe failed; the phone was not reset.")
        try:
            device.release_wipe(package, session_id)
        except (DeviceGone, DeviceTimeout):
            pass  # the tool did not wait for the release (its grace period ended): the reset is under way
        return result

    def _wait_gone(self, device: DeviceSession, job: WipeJobRow) -> dict[str, Any]:
        deadline = time.monotonic() + self._gone_timeout
        state = "device"
        while time.monotonic() < deadline:
            state = device.state_in_server()
            if state in GONE_STATES:
                after = {"check": "left_usb", "result": state, "at": _now_iso()}
                self._step(job, "left_usb", {"state": state})
                return after
            time.sleep(self._poll)
        self._step(job, "left_usb", {"state": state})
        raise PhoneStayedConnected(
            "The tool reported success but the phone did not reset and leave the cable; nothing was certified."
        )

    # --- certificate -------------------------------------------------------------------------------

    def _issue(
        self,
        job: WipeJobRow,
        ticket: TicketDetail,
        imei: str,
        result: dict[str, Any],
        before: list[dict[str, Any]],
        after: list[dict[str, Any]],
    ) -> WipeOutcome:
        store = self._session.store
        outlet = staff_repository.outlet(store)
        consent = diagnostics_repository.consent_by_id(store, job.consent_id or "")
        key = cert.signing_key_from_seed(erasure_repository.signing_seed(store))
        body = {
            "id": str(uuid.uuid4()),
            "ticket": job.ticket_number,
            "outlet": outlet.code if outlet else "",
            "imei_masked": mask_imei(imei),
            "model": ticket.row.device_model,
            "method": result["method"],
            "standard": result["standard"],
            "outcome": "success",
            "tool_result": {
                k: result.get(k)
                for k in (
                    "android_version",
                    "encryption_state",
                    "encryption_type",
                    "storage_bytes",
                    "time",
                    "tool_version",
                )
            },
            "checks_before": before,
            "checks_after": after,
            "technician": self._session.actor,
            "consent": {
                "id": job.consent_id,
                "text": f"data_forgetting v{consent.text_version}" if consent else None,
                "method": consent.method if consent else None,
                "signature_sha256": consent.signature_sha256 if consent else None,
            },
            "issued_at": _now_iso(),
        }
        signature = cert.sign_body(key, body)
        digest = cert.certificate_digest(body, signature)
        with store.transaction(self._session.actor) as work:
            erasure_repository.insert_certificate(
                work,
                job.id,
                job.ticket_number,
                canonical_json(body).decode(),
                json.dumps(signature),
                digest,
                body["id"],
            )
            erasure_repository.finish_job(work, job.id, "done")
            work.record(
                "wipe_certificate",
                body["id"],
                "issue",
                {"ticket": job.ticket_number, "job": job.id, "digest": digest},
                outbox_payload={"certificate": body["id"], "digest": digest, "imei_masked": body["imei_masked"]},
            )
        log.info("wipe job %s done; certificate %s issued", job.id, body["id"])
        return WipeOutcome(job.id, str(body["id"]), cert.document(body, signature, None))

    # --- journal ------------------------------------------------------------------------------------

    def _set_running(self, job: WipeJobRow) -> None:
        with self._session.store.transaction(self._session.actor) as work:
            erasure_repository.finish_job(work, job.id, "running")
            work.record("wipe_job", job.id, "start", {"ticket": job.ticket_number, "at": work.at}, upstream=False)

    def _step(self, job: WipeJobRow, name: str, data: dict[str, Any]) -> None:
        with self._session.store.transaction(self._session.actor) as work:
            step = {"step": name, "at": work.at, **data}
            erasure_repository.add_step(work, job.id, step)
            work.record("wipe_job", job.id, f"step:{name}", step, upstream=False)

    def _fail(self, job: WipeJobRow, failure: WipeError) -> None:
        with self._session.store.transaction(self._session.actor) as work:
            erasure_repository.finish_job(work, job.id, "failed", failure.code, failure.message)
            work.record(
                "wipe_job",
                job.id,
                "fail",
                {"ticket": job.ticket_number, "code": failure.code},
                outbox_payload={"ticket": job.ticket_number, "code": failure.code, "at": work.at},
            )
        log.info("wipe job %s failed: %s", job.id, failure.code)


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _checked_result(raw: bytes | None) -> dict[str, Any]:
    """The tool's result, strictly: every field of the contract with its type, or WipeReportedFailure."""
    unreadable = WipeReportedFailure(
        "The tool's wipe result is missing or not readable; no certificate was issued.", code="wipe_result_unreadable"
    )
    if raw is None:
        raise unreadable
    try:
        result = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise unreadable from exc
    if not isinstance(result, dict) or result.get("status") not in ("success", "failed"):
        raise unreadable
    if result["status"] == "success":
        texts_ok = all(isinstance(result.get(k), str) and 0 < len(result[k]) <= 200 for k in _RESULT_TEXT_FIELDS)
        size = result.get("storage_bytes")
        if not texts_ok or not isinstance(size, int) or isinstance(size, bool) or not 0 < size < 2**50:
            raise unreadable
        if result["encryption_state"] != "encrypted":
            raise unreadable
    return {k: result.get(k) for k in ("status", "encryption_type", "storage_bytes", *_RESULT_TEXT_FIELDS)}
