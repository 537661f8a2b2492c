"""A real ticket as `SlipContent`: what the store knows about it, in the customer's language.

`slip_content_for(session, number)` reads the ticket (`moves.load`), the
outlet, the latest diagnostics run for the ticket (its consent, battery
verdict, and whether the customer declined), and maps them onto the slip.
Values stay unmasked here on purpose: `app.slip.layout` masks every phone,
IMEI and e-mail, so no caller can forget to.

The slip's language is the customer's when the store has it (the language of
the signed agreement, else of the diagnostics consent), else the argument,
else Simplified Chinese.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from app.accounts.session import Session
from app.core.localized import LocalizedText as T
from app.core.masking import mask_name
from app.core.privacy_catalogue import FAULTS, FUNCTIONS, UnknownIdentifier, describe_collection
from app.core.roles import Permission
from app.erasure import records as erasure_records
from app.messages import care_guide
from app.slip.content import LANGUAGES, CollectedCategory, Language, PriceLine, SlipContent
from app.storage import (
    diagnostics_repository,
    erasure_repository,
    parts_repository,
    slip_repository,
    staff_repository,
)
from app.storage.diagnostics_repository import ConsentRecord
from app.storage.slip_repository import LatestRun
from app.storage.store import Store
from app.storage.ticket_records import CONDITION_ITEMS, TicketDetail, TicketLine
from app.tickets import moves
from app.tickets.intake import outlet_clock
from app.tickets.outlet_clock import OutletClock
from app.tickets.reference_in_force import reference_in_force

DIAGNOSTICS_TEXT = "diagnostics"

TERMS = T(
    "1. 请凭本单及有效证件取机；工单号具有法律效力，请妥善保管。\n"
    "2. 维修完成后 90 天内未取机，本中心将按有关规定处理。\n"
    "3. 更换下的零件归本中心所有（保外有偿维修除外）。\n"
    "4. 维修前请自行备份数据，本中心不对数据丢失负责。\n"
    "5. 您可随时在任何服务网点查阅、更正、删除您的个人信息或撤回同意。",
    "1. Bring this slip and an ID to collect the phone; the ticket number has legal weight, keep it safe.\n"
    "2. A phone not collected within 90 days of repair is handled as the regulations provide.\n"
    "3. Replaced parts belong to the service centre (except paid out-of-warranty repairs).\n"
    "4. Back up your data before repair; we are not liable for lost data.\n"
    "5. At any outlet you may see, correct or erase your personal data, or withdraw your consent.",
)

_CONDITION_ITEMS = {
    "screen": T("屏幕", "Screen"),
    "housing": T("外壳", "Housing"),
    "water_indicator": T("进水标签", "Water indicator"),
    "buttons": T("按键", "Buttons"),
    "cameras": T("摄像头", "Cameras"),
    "other": T("其他", "Other"),
}
_CHECKLIST_ORDER = {item: n for n, item in enumerate(CONDITION_ITEMS)}
_WHOLE_CHECKLIST = T("全部检查项", "All items")
_CONDITION_STATES = {
    "ok": T("完好", "OK"),
    "damaged": T("有损伤", "damaged"),
    "not_checked": T("未检查", "not checked"),
}
_RUN_STATUS = {
    "complete": T("检测完成", "Diagnostics complete"),
    "incomplete": T("检测未全部完成", "Diagnostics incomplete"),
    "cancelled": T("检测已取消", "Diagnostics cancelled"),
    "withdrawn": T("客户已撤回同意", "Consent withdrawn"),
    "running": T("检测进行中", "Diagnostics running"),
    "declined": T("客户拒绝诊断", "Diagnostics declined"),
}
_BATTERY_ADVICE = {
    "healthy": T("无需更换", "no replacement needed"),
    "free_replacement": T("建议免费更换（保内）", "replace, free under warranty"),
    "paid_replacement": T("建议付费更换（已过保）", "replace, paid (out of warranty)"),
    "unknown": T("无法读取电池健康度", "battery health could not be read"),
}
_NOT_DIAGNOSED = T("尚未检测", "Not diagnosed yet")


def slip_content_for(
    session: Session,
    ticket_number: str,
    lang: Language | None = None,
    copy: int | None = None,
    *,
    override_language: bool = False,
) -> SlipContent:
    """The slip of this ticket.  `copy` None: the next copy number from the print journal.

    `lang` is used when the customer's language is not stored; with
    `override_language` it wins (the customer asked for the other language).
    """
    session.require(Permission.PRINT_SLIPS)
    detail = moves.load(session, ticket_number)
    store = session.store
    consents = _active_consents(diagnostics_repository.consents_for_ticket(store, detail.number))
    consent = consents[-1] if consents else None
    runs = slip_repository.runs_for_ticket(store, detail.number)
    run = runs[-1] if runs else None
    stored = customer_language(detail, consent)
    language: Language = lang if override_language and lang else stored or lang or "zh_CN"
    outlet = staff_repository.outlet(store)
    clock = outlet_clock(session)
    declined = run is not None and run.status == "declined"
    copy_number = slip_repository.copies_issued(store, detail.number) if copy is None else copy
    return SlipContent(
        ticket_number=detail.number,
        outlet_code=outlet.code if outlet else detail.number.split("-")[0],
        outlet_name=outlet.name if outlet else "",
        outlet_address=outlet.address if outlet else "",
        engineer_id=repair_engineer(detail),
        intake_clerk=detail.created_by,
        intake_date=_local(clock, detail.row.created_at) or clock.local(store.clock()),
        due_date=_local_date(clock, detail.row.due_at),
        customer_name=detail.row.customer_name or "",
        customer_phone=detail.row.customer_phone or "",
        customer_email=detail.customer_email or "",
        device_model=detail.row.device_model or "",
        imeis=tuple(imei for imei in (detail.row.imei, detail.imei2) if imei),
        fault=fault_text(detail, language),
        condition_at_intake=condition_text(detail.intake, language),
        diagnosis_summary=diagnoses_text(store, runs, language, clock),
        battery_verdict=battery_text(_newest_with_battery(runs), language),
        warranty_verdict=warranty_text(detail.warranty, language),
        price_lines=price_lines(detail.lines),
        deposit=_decimal(detail.deposit),
        terms=TERMS.get(language),
        collected=() if declined or consent is None else collected_categories(_all_of(consents), language),
        consent_reference="" if declined else "; ".join(consent_reference(c) for c in consents),
        diagnostics_declined=declined,
        pickup_date=_local(clock, str(detail.pickup.get("at", ""))) if detail.pickup else None,
        language=language,
        copy_number=copy_number,
        extra_notes=signature_notes(detail, language, clock)
        + parts_notes(store, detail, language)
        + wipe_notes(store, detail.number, language)
        + _care_guide(store, detail, language),
        reference_version=reference_in_force(store).version,
    )


def fault_text(detail: TicketDetail, language: Language) -> str:
    """The ticket's fault category in words, then the fault as the customer described it."""
    category = FAULTS.get(detail.fault_category)
    described = detail.row.fault or ""
    if category is None:
        return described
    label = category.label.get(language)
    if not described:
        return label
    return f"{label}：{described}" if language == "zh_CN" else f"{label}: {described}"


def _care_guide(store: Store, detail: TicketDetail, language: str) -> tuple[str, ...]:
    """The model's care guide on the pickup slip, unless the customer chose to get it as a message."""
    note = care_guide.slip_note(store, detail, language)
    return (note,) if note else ()


def customer_language(detail: TicketDetail, consent: ConsentRecord | None) -> Language | None:
    """The language the customer read the agreement (or the consent) in, when stored."""
    for value in ((detail.agreement or {}).get("language"), consent.language if consent else None):
        if value in LANGUAGES:
            return value
    return None


def _active_consents(consents: list[ConsentRecord]) -> list[ConsentRecord]:
    """The active diagnostics consents of the ticket, oldest first (a withdrawn one covers no data)."""
    return [c for c in consents if c.active and c.text_id == DIAGNOSTICS_TEXT]


def _all_of(consents: list[ConsentRecord]) -> ConsentRecord:
    """One consent standing for all of them: every category any of the ticket's runs was consented for."""
    categories = tuple(dict.fromkeys(category for c in consents for category in c.categories))
    return dataclasses.replace(consents[-1], categories=categories)


def _local(clock: OutletClock, iso_text: str | None) -> dt.datetime | None:
    if not iso_text:
        return None
    try:
        moment = dt.datetime.fromisoformat(iso_text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return clock.local(moment).replace(tzinfo=None)


def _local_date(clock: OutletClock, iso_text: str | None) -> dt.date | None:
    moment = _local(clock, iso_text)
    return moment.date() if moment else None


def _decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value)) if value is not None else Decimal("0.00")
    except InvalidOperation:
        return Decimal("0.00")


def condition_text(intake: dict[str, Any], language: Language) -> str:
    """The intake checklist as one short phrase: `Screen: damaged; Housing, Buttons: OK. <notes>.
    Accessories: charger`, or `All items: OK` when the whole checklist had one answer."""
    text = _checklist_phrase(intake.get("condition") or {}, language)
    notes = str(intake.get("condition_notes") or "").strip()
    if notes:
        text = f"{text}\n{notes}" if text else notes
    accessories = [str(a) for a in intake.get("accessories") or [] if str(a).strip()]
    if accessories:
        heading = "随机附件：" if language == "zh_CN" else "Accessories: "
        text = f"{text}\n{heading}{', '.join(accessories)}" if text else heading + ", ".join(accessories)
    return text


def _checklist_phrase(condition: dict[str, Any], language: Language) -> str:
    """Items grouped by their answer, in the order the checklist is asked at the counter (the stored
    JSON has its keys sorted), so five answers read as one line on a small slip."""
    ordered = sorted(condition.items(), key=lambda pair: _CHECKLIST_ORDER.get(str(pair[0]), len(_CHECKLIST_ORDER)))
    by_state: dict[str, list[str]] = {}
    for item, state in ordered:
        name = _CONDITION_ITEMS.get(str(item))
        by_state.setdefault(str(state), []).append(name.get(language) if name else str(item))
    colon, comma, separator = ("：", "、", "；") if language == "zh_CN" else (": ", ", ", "; ")
    if len(by_state) == 1 and set(condition) >= set(CONDITION_ITEMS):
        by_state = {state: [_WHOLE_CHECKLIST.get(language)] for state in by_state}
    phrases = []
    for state, names in by_state.items():
        wording = _CONDITION_STATES.get(state)
        phrases.append(f"{comma.join(names)}{colon}{wording.get(language) if wording else state}")
    return separator.join(phrases)


def diagnosis_text(
    run: LatestRun | None, language: Language, verdicts: Mapping[str, Mapping[str, Any]] | None = None
) -> str:
    """The latest run: its outcome and the checks that ran, then one line per judged check with its finding
    in words (the verdict's reason stored with the run's result)."""
    if run is None:
        return _NOT_DIAGNOSED.get(language)
    status = _RUN_STATUS.get(run.status)
    outcome = status.get(language) if status else run.status
    checks = [FUNCTIONS[f].label.get(language) for f in run.functions if f in FUNCTIONS]
    if not checks or run.status == "declined":
        return outcome
    joiner = "、" if language == "zh_CN" else ", "
    colon = "：" if language == "zh_CN" else ": "
    lines = [f"{outcome}{colon}{joiner.join(checks)}"]
    for function in run.functions:
        reason = (verdicts or {}).get(function, {}).get("reason") or {}
        if function in FUNCTIONS and reason.get("zh_CN") and reason.get("en"):
            lines.append(
                f"{FUNCTIONS[function].label.get(language)}{colon}{T(reason['zh_CN'], reason['en']).get(language)}"
            )
    return "\n".join(lines)


def _run_verdicts(store: Store, run: LatestRun | None) -> dict[str, dict[str, Any]]:
    """Each judged function's stored verdict (reason in both languages) of the run; none for no run."""
    if run is None or run.status == "declined":
        return {}
    return {
        row.function: row.data["verdict"]
        for row in diagnostics_repository.results_for_run(store, run.run_id)
        if isinstance(row.data.get("verdict"), dict)
    }


def diagnoses_text(store: Store, runs: list[LatestRun], language: Language, clock: OutletClock) -> str:
    """Every complete run of the ticket, oldest first, with its local time and each check's finding; the
    newest run too when it is not complete (declined, cancelled...), so a later short run never hides an
    earlier one."""
    shown = [r for r in runs if r.status == "complete"]
    if runs and runs[-1].status != "complete":
        shown.append(runs[-1])
    if not shown:
        return diagnosis_text(None, language)
    if len(shown) == 1:
        return diagnosis_text(shown[0], language, _run_verdicts(store, shown[0]))
    return "\n".join(
        f"{_when(clock, r.started_at)} {diagnosis_text(r, language, _run_verdicts(store, r))}".strip() for r in shown
    )


def _newest_with_battery(runs: list[LatestRun]) -> LatestRun | None:
    """The newest run that gave a battery verdict (an identity-only run after it has none)."""
    return next((r for r in reversed(runs) if r.battery_advice is not None), None)


def repair_engineer(detail: TicketDetail) -> str:
    """Who did the repair: the last to move the ticket into repairing (else into diagnosing), else who
    took it in."""
    for status in ("repairing", "diagnosing"):
        actors = [e.actor for e in detail.events if e.to_status == status]
        if actors:
            return actors[-1]
    return detail.created_by


def battery_text(run: LatestRun | None, language: Language) -> str:
    if run is None or run.battery_advice is None:
        return ""
    advice = _BATTERY_ADVICE.get(run.battery_advice)
    wording = advice.get(language) if advice else run.battery_advice
    if run.battery_health_percent is None:
        return wording
    health = f"{run.battery_health_percent:.0f}%"
    return f"电池健康度 {health}，{wording}" if language == "zh_CN" else f"Battery health {health}: {wording}"


def warranty_text(record: dict[str, Any] | None, language: Language) -> str:
    if not record:
        return ""
    verdict = T("在保", "In warranty") if record.get("in_warranty") else T("不在保修期内", "Not in warranty")
    reason = str(record.get("reason_zh_CN" if language == "zh_CN" else "reason_en") or "").strip()
    head = verdict.get(language)
    if not reason:
        return head
    return f"{head}（{reason}）" if language == "zh_CN" else f"{head} ({reason})"


def price_lines(lines: tuple[TicketLine, ...]) -> tuple[PriceLine, ...]:
    """The invoice when there is one (what is charged), else the estimate."""
    chosen = [line for line in lines if line.kind == "invoice"] or [line for line in lines if line.kind == "estimate"]
    return tuple(PriceLine(line.description, line.quantity, line.unit_price, line.total) for line in chosen)


def collected_categories(consent: ConsentRecord, language: Language) -> tuple[CollectedCategory, ...]:
    """Each consented category with its purpose and how long it is kept (the privacy catalogue's words)."""
    try:
        items = describe_collection(consent.categories)
    except UnknownIdentifier:  # a category retired from the catalogue: keep the known ones
        items = describe_collection(c for c in consent.categories if _known(c))
    return tuple(
        CollectedCategory(item.category, item.label.get(language), item.purpose.get(language), item.kept.get(language))
        for item in items
    )


def _known(category: str) -> bool:
    try:
        describe_collection([category])
    except UnknownIdentifier:
        return False
    return True


def consent_reference(consent: ConsentRecord) -> str:
    """Enough to find the consent record and the exact text the customer saw."""
    return f"{consent.id[:8].upper()} · {consent.text_id} v{consent.text_version} ({consent.language})"


def signature_notes(detail: TicketDetail, language: Language, clock: OutletClock) -> tuple[str, ...]:
    """Who signed the agreement and the pickup, and when (the strokes stay with the signed record)."""
    notes = []
    if detail.agreement:
        who = mask_name(str(detail.agreement.get("signed_by", "")))
        when = _when(clock, detail.agreement.get("signed_at"))
        notes.append(
            f"服务协议已由 {who} 签署 {when}".strip()
            if language == "zh_CN"
            else f"Service agreement signed by {who} {when}".strip()
        )
    if detail.pickup:
        who = mask_name(str(detail.pickup.get("signed_by", "")))
        when = _when(clock, detail.pickup.get("at"))
        notes.append(
            f"取机确认已由 {who} 签署 {when}".strip()
            if language == "zh_CN"
            else f"Collection signed by {who} {when}".strip()
        )
    return tuple(notes)


def parts_notes(store: Store, detail: TicketDetail, language: Language) -> tuple[str, ...]:
    """The parts the repair fitted, one line each, in one note: a serialised part with its serial, and
    "genuine part, verified" when its maker's signature on the label was checked (issue 18)."""
    lines = []
    for part in parts_repository.ticket_parts(store, detail.row.id):
        if part.state != "used":
            continue
        serial = f" {'序列号' if language == 'zh_CN' else 'serial'} {part.serial}" if part.serial else ""
        verified = ("，原装备件，已验证" if language == "zh_CN" else ", genuine part, verified") if part.genuine else ""
        lines.append(f"{part.part_id}{serial}{verified}")
    if not lines:
        return ()
    heading = "已更换备件：" if language == "zh_CN" else "Parts fitted:"
    return ("\n".join([heading, *lines]),)


def wipe_notes(store: Store, ticket_number: str, language: Language) -> tuple[str, ...]:
    """Data forgetting (issue 20): a refusal, or a certificate issued, as the customer's last word on it."""
    decided = erasure_records.decisions(store, ticket_number)
    if not decided:
        return ()
    if decided[-1].status == "refused":
        return (
            "客户拒绝数据清除：手机上的数据未被清除。"
            if language == "zh_CN"
            else "Data forgetting declined: the phone was not erased.",
        )
    certificates = erasure_repository.certificates_for_ticket(store, ticket_number)
    reference = certificates[-1].id[:8] if certificates else ""
    return (
        f"手机数据已清除，数据清除证明 {reference}"
        if language == "zh_CN"
        else f"Phone erased; certificate of erasure {reference}",
    )


def _when(clock: OutletClock, iso_text: Any) -> str:
    moment = _local(clock, str(iso_text or ""))
    return f"{moment:%Y-%m-%d %H:%M}" if moment else ""
