"""The printable answer to an access request: the export document as an A4 PDF, in both languages.

Drawn by QTextDocument into a QPdfWriter with the bundled font (embedded), so
Chinese shows on any PC and `pdftotext` reads it back.  The document comes
from `app.privacy.export.customer_document`; this module only lays it out.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.slip.render_fonts import SLIP_FONT_FAMILY, ensure_gui_application, register_bundled_fonts
from app.storage.atomic_file import write_atomically

_CUSTOMER_FIELDS = (
    ("name", "姓名", "Name"),
    ("phone", "手机号", "Phone"),
    ("email", "电子邮箱", "E-mail"),
    ("address", "地址", "Address"),
    ("created_at", "首次登记", "First recorded"),
    ("last_contact_at", "最后联系", "Last contact"),
)
_TICKET_FIELDS = (
    ("number", "工单号", "Ticket"),
    ("service_type", "服务类型", "Service"),
    ("status", "状态", "Status"),
    ("device_model", "型号", "Model"),
    ("imei", "IMEI", "IMEI"),
    ("imei2", "IMEI 2", "IMEI 2"),
    ("serial", "序列号", "Serial number"),
    ("fault", "故障描述", "Fault"),
    ("created_at", "创建时间", "Opened"),
)


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def _table(rows: list[tuple[str, Any]]) -> str:
    cells = "".join(
        f"<tr><td><b>{html.escape(label)}</b></td><td>{html.escape(_text(value))}</td></tr>" for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='3' border='1'>{cells}</table>"


def _labelled(record: dict[str, Any], fields: tuple[tuple[str, str, str], ...]) -> list[tuple[str, Any]]:
    return [(f"{zh} {en}", record.get(key)) for key, zh, en in fields]


def access_html(document: dict[str, Any]) -> str:
    """The whole answer as simple HTML (headings in Chinese and English)."""
    parts = [
        f"<h2>个人信息查阅 / Your personal data</h2><p>{html.escape(document['outlet'])} · "
        f"{html.escape(document['made_at'][:19].replace('T', ' '))} UTC</p>",
        "<h3>客户 / Customer</h3>",
        _table(_labelled(document["customer"], _CUSTOMER_FIELDS)),
    ]
    for ticket in document["tickets"]:
        history = "; ".join(f"{e['at'][:10]} {e['to_status']}" for e in ticket["events"])
        parts += [
            f"<h3>工单 / Ticket {html.escape(ticket['number'])}</h3>",
            _table(_labelled(ticket, _TICKET_FIELDS) + [("记录 History", history)]),
        ]
    for consent in document["consents"]:
        parts += [
            "<h3>同意 / Consent</h3>",
            _table(
                [
                    ("内容 Text", f"{consent['text_id']} v{consent['text_version']} ({consent['language']})"),
                    ("类别 Categories", consent["categories"]),
                    ("时间 Given", consent["given_at"]),
                    ("撤回 Withdrawn", consent["withdrawn_at"]),
                ]
            ),
        ]
    for run in document["diagnostic_runs"]:
        parts += [
            "<h3>诊断 / Diagnostics</h3>",
            _table(
                [
                    ("功能 Functions", run["functions"]),
                    ("类别 Categories", run["categories"]),
                    ("状态 Status", run["status"]),
                    ("时间 Started", run["started_at"]),
                ]
            ),
        ]
    if document["requests"]:
        parts += [
            "<h3>申请 / Requests</h3>",
            _table([(r["number"], f"{r['kind']} · {r['status']}") for r in document["requests"]]),
        ]
    return "".join(parts)


def write_access_pdf(document: dict[str, Any], out_path: Path, *, password: str) -> int:
    """Write the printable access answer, encrypted (AES-256) under `password`; returns the number of pages.

    The pages are drawn into memory and encrypted before anything reaches the disk, so no
    readable copy of the customer's data is ever written.
    """
    if not password:
        raise ValueError("the access PDF needs a password")
    plain, pages = _render(document)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(out_path, encrypted_pdf(plain, password))
    return pages


def encrypted_pdf(plain: bytes, password: str) -> bytes:
    """`plain` PDF encrypted with AES-256: opening it needs `password`."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _render(document: dict[str, Any]) -> tuple[bytes, int]:
    _app = ensure_gui_application()  # held until rendering is done
    register_bundled_fonts()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    text = QTextDocument()
    text.setDefaultFont(QFont(SLIP_FONT_FAMILY, 10))
    text.setHtml(access_html(document))
    text.print_(writer)
    pages = text.pageCount()
    del writer  # the PDF is complete in the buffer once its writer is gone
    buffer.close()
    return bytes(data.data()), pages
