"""The certificate of erasure as a printable page (issue 20), in the customer's language.

Built from the certificate document (app/erasure/certificate.py) into the slip's
blocks, so the same renderers draw it: PDF (A5/A4) and the system printer.  The QR
code carries the certificate id and the outlet's signature (`RCW1/<id>/<signature>`),
the barcode the ticket number.  Nothing here is more personal than the certificate
itself: the IMEI is masked and no name is printed.
"""

from __future__ import annotations

from typing import Any

from app.clock import local_minute
from app.slip.content import Language
from app.slip.layout import Block, Codes, Fields, Heading, Paragraph, SlipLayout, Table, Title, clip_text

#: What the QR code starts with, so a scanner can tell a certificate from a slip (`RC1/...`).
QR_PREFIX = "RCW1"

_WORDS: dict[str, dict[Language, str]] = {
    "title": {"zh_CN": "数据清除证明", "en": "Certificate of Erasure"},
    "subtitle": {"zh_CN": "门店 {outlet} · 签发于 {at}", "en": "Outlet {outlet} · issued {at}"},
    "scan": {"zh_CN": "扫码读取证明签名", "en": "Scan for the certificate's signature"},
    "ticket": {"zh_CN": "工单号", "en": "Ticket No."},
    "certificate": {"zh_CN": "证明编号", "en": "Certificate"},
    "imei": {"zh_CN": "IMEI（部分隐藏）", "en": "IMEI (masked)"},
    "model": {"zh_CN": "型号", "en": "Model"},
    "method": {"zh_CN": "清除方法", "en": "Method"},
    "standard": {"zh_CN": "标准", "en": "Standard"},
    "technician": {"zh_CN": "技术人员工号", "en": "Technician"},
    "wiped_at": {"zh_CN": "清除时间（手机报告）", "en": "Wiped at (phone's report)"},
    "phone": {"zh_CN": "手机", "en": "Phone"},
    "phone_value": {
        "zh_CN": "安卓 {android}，存储{encryption}（{kind}），容量 {size}",
        "en": "Android {android}, storage {encryption} ({kind}), {size}",
    },
    "before": {"zh_CN": "清除前检查", "en": "Checks before the wipe"},
    "after": {"zh_CN": "清除后检查", "en": "Checks after the wipe"},
    "check": {"zh_CN": "检查项", "en": "Check"},
    "result": {"zh_CN": "结果", "en": "Result"},
    "signatures": {"zh_CN": "签名", "en": "Signatures"},
    "outlet_key": {"zh_CN": "门店签名密钥", "en": "Outlet signing key"},
    "countersigned": {"zh_CN": "厂商服务器加签", "en": "Upstream countersignature"},
    "countersigned_value": {"zh_CN": "密钥 {key}，{at}", "en": "key {key}, {at}"},
    "pending": {"zh_CN": "待下次同步时加签", "en": "pending: added at the next sync"},
    "verify": {
        "zh_CN": "核验：repair-counter wipe-certificate verify 证明文件（无需联网）。",
        "en": "To verify: repair-counter wipe-certificate verify FILE (works offline).",
    },
}
_CHECKS: dict[str, dict[Language, str]] = {
    "imei_matches_ticket": {"zh_CN": "IMEI 与工单一致", "en": "IMEI matches the ticket"},
    "encryption": {"zh_CN": "存储加密状态", "en": "Storage encryption"},
    "accounts": {"zh_CN": "手机上的账号数", "en": "Accounts on the phone"},
    "left_usb": {"zh_CN": "手机重启并断开 USB", "en": "Phone reset and left USB"},
}
#: The tool reports method and standard in English; the customer's language gets them worded.
_TOOL_WORDS: dict[str, dict[Language, str]] = {
    "factory reset: cryptographic erase of FBE keys": {
        "zh_CN": "恢复出厂设置：销毁文件级加密（FBE）密钥（密码学擦除）",
        "en": "factory reset: cryptographic erase of FBE keys",
    },
    "NIST SP 800-88 Rev. 1 purge": {
        "zh_CN": "NIST SP 800-88 Rev. 1 “清除”（purge）",
        "en": "NIST SP 800-88 Rev. 1 purge",
    },
}
_RESULTS: dict[str, dict[Language, str]] = {
    "match": {"zh_CN": "一致", "en": "match"},
    "encrypted": {"zh_CN": "已加密", "en": "encrypted"},
    "absent": {"zh_CN": "已断开", "en": "gone"},
    "offline": {"zh_CN": "已离线", "en": "offline"},
}


def tool_words(text: str, language: Language) -> str:
    """The tool's English method or standard in the reader's language (as reported when not known)."""
    return _TOOL_WORDS.get(text, {}).get(language, text)


def _when(iso_text: object) -> str:
    """Printed for the customer in the counter's local time with its offset; the signed file keeps UTC."""
    return local_minute(iso_text, with_offset=True)


def _w(key: str, language: Language) -> str:
    return _WORDS[key][language]


def certificate_layout(document: dict[str, Any], language: Language) -> SlipLayout:
    """The blocks of one certificate page; `document` is a certificate file's content."""
    body = document["certificate"]
    signature = document["outlet_signature"]
    ticket = str(body["ticket"])
    subtitle = _w("subtitle", language).format(outlet=body["outlet"], at=_when(body["issued_at"]))
    blocks: list[Block] = [
        Title(_w("title", language), (subtitle,)),
        Codes(f"{QR_PREFIX}/{body['id']}/{signature['signature']}", ticket, _w("scan", language)),
        _main_fields(body, language),
        Heading(_w("before", language)),
        _checks(body["checks_before"], language),
        Heading(_w("after", language)),
        _checks(body["checks_after"], language),
        Heading(_w("signatures", language)),
        _signature_fields(signature, document.get("countersignature"), language),
        Paragraph(_w("verify", language), small=True),
    ]
    return SlipLayout(ticket, language, 0, tuple(blocks))


def _main_fields(body: dict[str, Any], language: Language) -> Fields:
    tool = body.get("tool_result") or {}
    phone = _w("phone_value", language).format(
        android=tool.get("android_version", "?"),
        encryption=_result(str(tool.get("encryption_state", "?")), language),
        kind=tool.get("encryption_type", "?"),
        size=_size(tool.get("storage_bytes")),
    )
    rows = (
        ("ticket", body["ticket"]),
        ("certificate", body["id"]),
        ("imei", body["imei_masked"]),
        ("model", body["model"]),
        ("method", tool_words(str(body["method"]), language)),
        ("standard", tool_words(str(body["standard"]), language)),
        ("phone", phone),
        ("wiped_at", _when(tool.get("time", ""))),
        ("technician", body["technician"]),
    )
    return Fields(tuple((_w(key, language), clip_text(str(value))) for key, value in rows))


def _checks(checks: list[dict[str, Any]], language: Language) -> Table:
    rows = tuple(
        (
            _CHECKS.get(str(c.get("check")), {}).get(language, str(c.get("check"))),
            _result(str(c.get("result")), language),
        )
        for c in checks
    )
    return Table((_w("check", language), _w("result", language)), rows, (0.6, 0.4), ("left", "left"))


def _signature_fields(signature: dict[str, Any], counter: dict[str, Any] | None, language: Language) -> Fields:
    countersigned = (
        _w("countersigned_value", language).format(key=str(counter["key_id"])[:16], at=_when(counter["signed_at"]))
        if counter
        else _w("pending", language)
    )
    return Fields(
        (
            (_w("outlet_key", language), str(signature["key_id"])[:16]),
            (_w("countersigned", language), countersigned),
        )
    )


def _result(value: str, language: Language) -> str:
    return _RESULTS.get(value, {}).get(language, value)


def _size(value: object) -> str:
    if not isinstance(value, int) or value <= 0:
        return "?"
    return f"{value / 1024**3:.0f} GiB"
