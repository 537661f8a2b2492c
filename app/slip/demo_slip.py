"""A realistic slip for the demo mode, the README pictures and the tests.

The values are invented but shaped like a real counter's (docs/ARCHITECTURE.md
sections 4 and 8): an 11-digit mobile number, two IMEIs with valid check digits, consented
categories from the privacy catalogue with their retention periods.
"""

from __future__ import annotations

import datetime as dt
import math
import struct
import zlib
from decimal import Decimal

from app.slip.content import CollectedCategory, Language, PriceLine, SlipContent

#: Signs the demo slips' QR codes.  Real outlets pass their own key; this one is public on purpose.
DEMO_VERIFICATION_KEY = b"repair-counter-demo-slip-key"
DEMO_PHONE = "13812345678"
DEMO_IMEIS = ("490154203237518", "356938035643809")

_TEXTS: dict[Language, dict[str, object]] = {
    "zh_CN": {
        "outlet_name": "深圳福田授权服务中心",
        "outlet_address": "深圳市福田区深南大道 6008 号 2 层",
        "customer_name": "张伟",
        "fault": "屏幕下半部分触摸失灵，偶发自动重启。",
        "condition": "背壳右下角轻微磨损，屏幕无裂痕，SIM 卡已取出。",
        "diagnosis": "触摸屏排线接触不良；系统日志显示无软件故障。",
        "battery": "电池健康度 78%，低于 80% 更换标准，建议更换（保内免费）。",
        "warranty": "在保（购机日期 2025-12-03，保修至 2026-12-02）。",
        "prices": (("触摸屏总成", 1, "0.00"), ("电池", 1, "0.00"), ("检测服务费", 1, "0.00"), ("贴膜", 1, "39.00")),
        "collected": (
            (
                "device_info",
                "设备信息（IMEI、型号、版本、SN）",
                "确认机器身份与保修状态",
                "产品停产或末次联系后 10 年（以先到者为准）",
            ),
            ("battery_record", "电池记录", "判断电池是否需要更换", "12 个月"),
            ("logs", "设备日志", "排查自动重启原因", "30 天"),
            ("software_fault", "软件故障信息", "排查自动重启原因", "30 天"),
        ),
        "terms": (
            "1. 请凭本单及有效证件取机；工单号具有法律效力，请妥善保管。"
            "\n2. 维修完成后 90 天内未取机，本中心将按有关规定处理。"
            "\n3. 更换下的零件归本中心所有（保外有偿维修除外）。"
            "\n4. 维修前请自行备份数据，本中心不对数据丢失负责。"
            "\n5. 您可随时在任何服务网点查阅、更正、删除您的个人信息或撤回同意。"
        ),
    },
    "en": {
        "outlet_name": "Shenzhen Futian Authorised Service Centre",
        "outlet_address": "2F, 6008 Shennan Avenue, Futian District, Shenzhen",
        "customer_name": "Zhang Wei",
        "fault": "Touch does not respond on the lower half of the screen; restarts by itself now and then.",
        "condition": "Light wear at the lower right corner of the back cover; screen not cracked; SIM removed.",
        "diagnosis": "Touch panel flex cable loose; system logs show no software fault.",
        "battery": "Battery health 78%, below the 80% replacement rule: replace (free under warranty).",
        "warranty": "In warranty (bought 2025-12-03, covered until 2026-12-02).",
        "prices": (
            ("Touch screen assembly", 1, "0.00"),
            ("Battery", 1, "0.00"),
            ("Diagnostic service", 1, "0.00"),
            ("Screen protector", 1, "39.00"),
        ),
        "collected": (
            (
                "device_info",
                "Device info (IMEI, model, version, SN)",
                "Identify the phone and check warranty",
                "End of product life or 10 years from last contact, whichever is shorter",
            ),
            ("battery_record", "Battery record", "Decide whether the battery needs replacing", "12 months"),
            ("logs", "Device logs", "Find the cause of the restarts", "30 days"),
            ("software_fault", "Software fault information", "Find the cause of the restarts", "30 days"),
        ),
        "terms": (
            "1. Bring this slip and an ID to collect the phone; the ticket number has legal weight, keep it safe.\n"
            "2. A phone not collected within 90 days of repair is handled as the regulations provide.\n"
            "3. Replaced parts belong to the service centre (except paid out-of-warranty repairs).\n"
            "4. Back up your data before repair; we are not liable for lost data.\n"
            "5. At any outlet you may see, correct or erase your personal data, or withdraw your consent."
        ),
    },
}


def demo_content(
    language: Language = "zh_CN", *, copy_number: int = 0, declined: bool = False, with_signature: bool = True
) -> SlipContent:
    """A filled-in slip for a screen and battery repair at an outlet in Shenzhen."""
    texts = _TEXTS[language]
    prices = tuple(
        PriceLine(str(desc), int(qty), Decimal(str(unit)), Decimal(str(unit)) * int(qty))
        for desc, qty, unit in texts["prices"]  # type: ignore[attr-defined]
    )
    collected = tuple(CollectedCategory(*row) for row in texts["collected"])  # type: ignore[attr-defined]
    return SlipContent(
        ticket_number="SZ01-20261122-0042",
        outlet_code="SZ01",
        outlet_name=str(texts["outlet_name"]),
        outlet_address=str(texts["outlet_address"]),
        engineer_id="E10327",
        intake_date=dt.datetime(2026, 11, 22, 14, 5),
        due_date=dt.date(2026, 11, 24),
        customer_name=str(texts["customer_name"]),
        customer_phone=DEMO_PHONE,
        customer_email="zhang.wei@example.cn",
        device_model="Model X5 Pro (X5P-AL00)",
        imeis=DEMO_IMEIS,
        fault=str(texts["fault"]),
        condition_at_intake=str(texts["condition"]),
        diagnosis_summary=str(texts["diagnosis"]),
        battery_verdict=str(texts["battery"]),
        warranty_verdict=str(texts["warranty"]),
        price_lines=prices,
        deposit=Decimal("0.00"),
        terms=str(texts["terms"]),
        collected=() if declined else collected,
        consent_reference="" if declined else f"CNS-SZ01-20261122-0042-v3 ({language})",
        diagnostics_declined=declined,
        agreement_signature_png=signature_png() if with_signature else None,
        language=language,
        copy_number=copy_number,
    )


def signature_png(width: int = 360, height: int = 90) -> bytes:
    """A pen-stroke-like squiggle as a greyscale PNG, standing in for a signature pad's capture.

    Written with zlib so the demo needs no imaging library.
    """
    pixels = [bytearray(b"\xff" * width) for _ in range(height)]
    for step in range(width * 6):
        t = step / (width * 6)
        x = int(20 + t * (width - 40))
        y = int(height / 2 + math.sin(t * 19) * height * 0.28 + math.sin(t * 47) * height * 0.08)
        for dy in (-1, 0, 1):
            for dx in (0, 1):
                if 0 <= y + dy < height and 0 <= x + dx < width:
                    pixels[y + dy][x + dx] = 0x10
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
