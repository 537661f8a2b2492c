"""The slip as an ordered list of blocks, in the customer's language, with nothing to mask left.

This is the slip's single source of truth for *what* is printed and in which
order; the render modules only decide *where* (A5, A4, 80 mm thermal) and draw
it.  Every personal value passes through `app.core.masking` here, so no
renderer can print a full phone number or IMEI.  Pure: no Qt, no I/O.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from app.core.masking import mask_email, mask_imei, mask_phone
from app.core.ticket_numbers import parse_ticket_number, qr_payload
from app.errors import KnownError
from app.slip.codes import check_ticket_text
from app.slip.content import CollectedCategory, Language, SlipContent

Align = Literal["left", "right", "center"]

#: Bounds on what one slip prints.  Text typed at the counter or read from elsewhere is untrusted:
#: a pasted log must not turn a slip into fifty pages.
MAX_FIELD_CHARS = 600
MAX_TERMS_CHARS = 4000
MAX_PRICE_LINES = 200
MAX_COLLECTED = 40
MAX_IMEIS = 4
MAX_NOTES = 5
ELLIPSIS = "…"


class SlipTooLarge(KnownError):
    """The ticket holds more than a slip can carry (lists are never cut: a slip with lines missing is wrong)."""

    exit_code = 66
    next_step = (
        "Check the ticket for duplicated lines or identifiers and correct it, then print again. "
        "请检查工单是否有重复的项目或串号，更正后重新打印。"
    )


#: Person-facing labels, one entry per key, in both slip languages.
LABELS: dict[str, dict[Language, str]] = {
    "title": {"zh_CN": "维修服务单", "en": "Repair Service Slip"},
    "copy": {"zh_CN": "副本 {n}  COPY {n}", "en": "COPY {n}"},
    "ticket_number": {"zh_CN": "工单号", "en": "Ticket No."},
    "engineer_id": {"zh_CN": "工程师工号", "en": "Engineer ID"},
    "reference_version": {"zh_CN": "参考数据版本", "en": "Reference data"},
    "intake_clerk": {"zh_CN": "受理人工号", "en": "Taken in by"},
    "intake_date": {"zh_CN": "受理时间", "en": "Received"},
    "due_date": {"zh_CN": "预计取机日期", "en": "Ready by"},
    "pickup_date": {"zh_CN": "取机时间", "en": "Collected"},
    "customer": {"zh_CN": "客户信息", "en": "Customer"},
    "name": {"zh_CN": "姓名", "en": "Name"},
    "phone": {"zh_CN": "电话", "en": "Phone"},
    "email": {"zh_CN": "电子邮箱", "en": "E-mail"},
    "device": {"zh_CN": "设备信息", "en": "Device"},
    "model": {"zh_CN": "型号", "en": "Model"},
    "imei": {"zh_CN": "IMEI", "en": "IMEI"},
    "service": {"zh_CN": "故障与检测", "en": "Fault and diagnosis"},
    "fault": {"zh_CN": "故障描述", "en": "Fault reported"},
    "condition": {"zh_CN": "受理时外观", "en": "Condition at intake"},
    "diagnosis": {"zh_CN": "检测结论", "en": "Diagnosis"},
    "battery": {"zh_CN": "电池", "en": "Battery"},
    "warranty": {"zh_CN": "保修判定", "en": "Warranty"},
    "charges": {"zh_CN": "费用", "en": "Charges"},
    "item": {"zh_CN": "项目", "en": "Item"},
    "qty": {"zh_CN": "数量", "en": "Qty"},
    "unit_price": {"zh_CN": "单价", "en": "Unit price"},
    "amount": {"zh_CN": "金额", "en": "Amount"},
    "total": {"zh_CN": "合计", "en": "Total"},
    "deposit": {"zh_CN": "已付订金", "en": "Deposit paid"},
    "balance": {"zh_CN": "应付余额", "en": "Balance due"},
    "no_charges": {"zh_CN": "暂无费用", "en": "No charges yet"},
    "collected": {"zh_CN": "我们收集了什么数据及原因", "en": "What we collected and why"},
    "data": {"zh_CN": "数据类别", "en": "Data"},
    "purpose": {"zh_CN": "用途", "en": "Why"},
    "retention": {"zh_CN": "保存期限", "en": "Kept for"},
    "consent_reference": {"zh_CN": "同意书编号", "en": "Consent reference"},
    "declined": {
        "zh_CN": "客户拒绝诊断：未从手机读取任何数据。",
        "en": "Diagnostics declined: no data was read from the phone.",
    },
    "nothing_collected": {
        "zh_CN": "未从手机读取任何数据。",
        "en": "No data was read from the phone.",
    },
    "terms": {"zh_CN": "服务条款", "en": "Terms"},
    "sign_agreement": {"zh_CN": "客户签名（同意维修）", "en": "Customer signature (repair agreement)"},
    "sign_pickup": {"zh_CN": "客户签名（取机确认）", "en": "Customer signature (collected)"},
    "scan": {"zh_CN": "扫码核验工单", "en": "Scan to verify this ticket"},
    "not_set": {"zh_CN": "—", "en": "—"},
}


def label(key: str, language: Language) -> str:
    """A label in the slip's language."""
    return LABELS[key][language]


@dataclass(frozen=True)
class Title:
    text: str
    subtitle_lines: tuple[str, ...]


@dataclass(frozen=True)
class CopyMark:
    """Printed large on a reprint, so nobody takes it for the original."""

    text: str


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Fields:
    """Label/value rows; values may be long and wrap."""

    rows: tuple[tuple[str, str], ...]
    emphasis: bool = False


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: Relative column widths, summing to 1.
    widths: tuple[float, ...]
    aligns: tuple[Align, ...]
    #: Rows after the body, drawn below a rule (totals).
    footer: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Paragraph:
    text: str
    small: bool = False


@dataclass(frozen=True)
class Codes:
    """The QR code (verification payload) and the Code 128 barcode (ticket number)."""

    qr_payload: str
    barcode_text: str
    caption: str


@dataclass(frozen=True)
class SignatureBox:
    caption: str
    png: bytes | None
    date_text: str


@dataclass(frozen=True)
class Signatures:
    boxes: tuple[SignatureBox, ...]


@dataclass(frozen=True)
class Columns:
    """Short sections that may stand side by side on wide paper; a narrow roll draws them one after another."""

    columns: tuple[tuple[Heading | Fields, ...], ...]


Block = Title | CopyMark | Heading | Fields | Table | Paragraph | Codes | Signatures | Columns


@dataclass(frozen=True)
class SlipLayout:
    """A slip ready to draw: its blocks in order, plus what a print journal records."""

    ticket_number: str
    language: Language
    copy_number: int
    blocks: tuple[Block, ...]

    def texts(self) -> list[str]:
        """Every string a renderer will draw, for checks that nothing unmasked slipped in."""
        found: list[str] = []
        for block in self.blocks:
            found.extend(_block_texts(block))
        return found


def _block_texts(block: Block) -> list[str]:
    if isinstance(block, Title):
        return [block.text, *block.subtitle_lines]
    if isinstance(block, (CopyMark, Heading, Paragraph)):
        return [block.text]
    if isinstance(block, Fields):
        return [cell for row in block.rows for cell in row]
    if isinstance(block, Table):
        return [*block.headers, *(c for row in block.rows + block.footer for c in row)]
    if isinstance(block, Codes):
        return [block.barcode_text, block.caption]
    if isinstance(block, Columns):
        return [text for column in block.columns for inner in column for text in _block_texts(inner)]
    return [text for box in block.boxes for text in (box.caption, box.date_text)]


def build_layout(content: SlipContent, verification_key: bytes) -> SlipLayout:
    """Turn slip content into blocks.  `verification_key` signs the QR code (see app.core.ticket_numbers)."""
    check_ticket_text(content.ticket_number)
    content = bounded_content(content)
    lang = content.language
    blocks: list[Block] = [_title(content)]
    if content.copy_number:
        blocks.append(CopyMark(label("copy", lang).format(n=content.copy_number)))
    check_ticket_text(content.ticket_number)
    payload = qr_payload(parse_ticket_number(content.ticket_number), verification_key)
    blocks.append(Codes(payload, content.ticket_number, label("scan", lang)))
    blocks.append(_ticket_fields(content))
    blocks.append(
        Columns(
            (
                (Heading(label("customer", lang)), _customer_fields(content)),
                (Heading(label("device", lang)), _device_fields(content)),
            )
        )
    )
    blocks += [Heading(label("service", lang)), _service_fields(content)]
    blocks += [Heading(label("charges", lang)), _price_table(content)]
    blocks += [Heading(label("collected", lang)), *_collected_blocks(content)]
    if content.terms.strip():
        blocks += [Heading(label("terms", lang)), Paragraph(content.terms.strip(), small=True)]
    blocks.extend(Paragraph(note) for note in content.extra_notes if note.strip())
    blocks.append(_signatures(content))
    return SlipLayout(content.ticket_number, lang, content.copy_number, tuple(blocks))


def clip_text(text: str, limit: int = MAX_FIELD_CHARS, *, multiline: bool = False) -> str:
    """Text safe to print: control characters dropped (newlines kept where allowed), at most `limit` chars."""
    kept = "".join(
        ch
        for ch in text[: limit * 2]
        if (ch == "\n" and multiline) or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
    )
    if not multiline:
        kept = " ".join(kept.split())
    return kept if len(kept) <= limit else kept[: limit - 1] + ELLIPSIS


def bounded_content(content: SlipContent) -> SlipContent:
    """A copy with every free text clipped and every list cut to what a slip can carry."""
    changes: dict[str, object] = {}
    for field in dataclasses.fields(content):
        value = getattr(content, field.name)
        if isinstance(value, str) and field.name not in ("ticket_number", "language"):
            multiline = field.name in ("terms", "fault", "condition_at_intake", "diagnosis_summary")
            limit = MAX_TERMS_CHARS if field.name == "terms" else MAX_FIELD_CHARS
            changes[field.name] = clip_text(value, limit, multiline=multiline)
    _check_count(len(content.price_lines), MAX_PRICE_LINES, "price lines / 费用项目")
    _check_count(len(content.collected), MAX_COLLECTED, "data categories / 数据类别")
    _check_count(len(content.imeis), MAX_IMEIS, "IMEIs / 串号")
    _check_count(len(content.extra_notes), MAX_NOTES, "notes / 备注")
    changes["price_lines"] = tuple(
        dataclasses.replace(line, description=clip_text(line.description)) for line in content.price_lines
    )
    changes["collected"] = tuple(
        CollectedCategory(clip_text(c.category), clip_text(c.label), clip_text(c.purpose), clip_text(c.retention))
        for c in content.collected
    )
    changes["extra_notes"] = tuple(clip_text(note, multiline=True) for note in content.extra_notes)
    return dataclasses.replace(content, **changes)  # type: ignore[arg-type]


def _check_count(count: int, limit: int, what: str) -> None:
    if count > limit:
        raise SlipTooLarge(f"The ticket has {count} {what}; a slip carries at most {limit}")


def _title(content: SlipContent) -> Title:
    outlet = f"{content.outlet_name} ({content.outlet_code})"
    lines = tuple(line for line in (outlet, content.outlet_address.strip()) if line.strip())
    return Title(label("title", content.language), lines)


def format_datetime(value: dt.datetime | dt.date | None, language: Language) -> str:
    """Dates as the counter writes them: ISO order in both languages (unambiguous in China and abroad)."""
    if value is None:
        return label("not_set", language)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")


def format_money(amount: Decimal) -> str:
    """Two decimals, rounded half up as a till does."""
    return f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"


def _ticket_fields(content: SlipContent) -> Fields:
    lang = content.language
    rows = [
        (label("ticket_number", lang), content.ticket_number),
        (label("engineer_id", lang), content.engineer_id),
        *([(label("intake_clerk", lang), content.intake_clerk)] if content.intake_clerk else []),
        (label("intake_date", lang), format_datetime(content.intake_date, lang)),
        (label("due_date", lang), format_datetime(content.due_date, lang)),
    ]
    if content.pickup_date is not None:
        rows.append((label("pickup_date", lang), format_datetime(content.pickup_date, lang)))
    if content.reference_version:
        rows.append((label("reference_version", lang), content.reference_version))
    return Fields(tuple(rows), emphasis=True)


def _customer_fields(content: SlipContent) -> Fields:
    lang = content.language
    rows = [(label("name", lang), content.customer_name)]
    if content.customer_phone.strip():
        rows.append((label("phone", lang), mask_phone(content.customer_phone)))
    if content.customer_email.strip():
        rows.append((label("email", lang), mask_email(content.customer_email)))
    return Fields(tuple(rows))


def _device_fields(content: SlipContent) -> Fields:
    lang = content.language
    imeis = "\n".join(mask_imei(imei) for imei in content.imeis) or label("not_set", lang)
    return Fields(((label("model", lang), content.device_model), (label("imei", lang), imeis)))


def _service_fields(content: SlipContent) -> Fields:
    lang = content.language
    pairs = (
        ("fault", content.fault),
        ("condition", content.condition_at_intake),
        ("diagnosis", content.diagnosis_summary),
        ("battery", content.battery_verdict),
        ("warranty", content.warranty_verdict),
    )
    return Fields(tuple((label(key, lang), value.strip() or label("not_set", lang)) for key, value in pairs))


def _price_table(content: SlipContent) -> Table:
    lang = content.language
    headers = tuple(label(key, lang) for key in ("item", "qty", "unit_price", "amount"))
    rows = tuple(
        (line.description, str(line.quantity), format_money(line.unit_price), format_money(line.amount))
        for line in content.price_lines
    )
    if not rows:
        rows = ((label("no_charges", lang), "", "", ""),)
    cur = content.currency
    footer = (
        (label("total", lang), "", cur, format_money(content.total)),
        (label("deposit", lang), "", cur, format_money(content.deposit)),
        (label("balance", lang), "", cur, format_money(content.balance_due)),
    )
    return Table(headers, rows, (0.46, 0.12, 0.21, 0.21), ("left", "right", "right", "right"), footer)


def _collected_blocks(content: SlipContent) -> list[Block]:
    lang = content.language
    if content.diagnostics_declined:
        return [Paragraph(label("declined", lang))]
    blocks: list[Block] = []
    if content.collected:
        headers = tuple(label(key, lang) for key in ("data", "purpose", "retention"))
        rows = tuple((c.label, c.purpose, c.retention) for c in content.collected)
        blocks.append(Table(headers, rows, (0.3, 0.4, 0.3), ("left", "left", "left")))
    else:
        blocks.append(Paragraph(label("nothing_collected", lang)))
    if content.consent_reference:
        blocks.append(Fields(((label("consent_reference", lang), content.consent_reference),)))
    return blocks


def _signatures(content: SlipContent) -> Signatures:
    lang = content.language
    return Signatures(
        (
            SignatureBox(
                label("sign_agreement", lang),
                content.agreement_signature_png,
                format_datetime(content.intake_date, lang),
            ),
            SignatureBox(
                label("sign_pickup", lang),
                content.pickup_signature_png,
                format_datetime(content.pickup_date, lang) if content.pickup_date else "",
            ),
        )
    )
