"""The intake wizard's field names, step titles and choices, translated (problems: app.ui.problem_words).

Kept apart from the page's layout code as plain functions; every string uses the
`IntakePage` translation context (the class that shows them), so lupdate and the
runtime agree on it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.privacy_catalogue import FAULTS
from app.ui.language import current_language


def _t(source: object) -> str:
    """Translate in the IntakePage context (QT_TRANSLATE_NOOP marks each source for lupdate)."""
    return QCoreApplication.translate("IntakePage", str(source))


def field_label(name: str) -> str:
    labels = {
        "service_type": _t(QT_TRANSLATE_NOOP("IntakePage", "Service type")),
        "customer_name": _t(QT_TRANSLATE_NOOP("IntakePage", "Name")),
        "customer_phone": _t(QT_TRANSLATE_NOOP("IntakePage", "Phone")),
        "customer_email": _t(QT_TRANSLATE_NOOP("IntakePage", "E-mail")),
        "customer_address": _t(QT_TRANSLATE_NOOP("IntakePage", "Full address")),
        "courier": _t(QT_TRANSLATE_NOOP("IntakePage", "Courier")),
        "tracking_number": _t(QT_TRANSLATE_NOOP("IntakePage", "Tracking number")),
        "parcel_condition": _t(QT_TRANSLATE_NOOP("IntakePage", "Parcel condition on arrival")),
        "purchase_date": _t(QT_TRANSLATE_NOOP("IntakePage", "Purchase date")),
        "purchase_proof": _t(QT_TRANSLATE_NOOP("IntakePage", "Proof of purchase")),
        "imei": _t(QT_TRANSLATE_NOOP("IntakePage", "IMEI")),
        "imei2": _t(QT_TRANSLATE_NOOP("IntakePage", "IMEI 2 (dual SIM)")),
        "device_model": _t(QT_TRANSLATE_NOOP("IntakePage", "Model")),
        "serial": _t(QT_TRANSLATE_NOOP("IntakePage", "Serial number")),
        "fault_category": _t(QT_TRANSLATE_NOOP("IntakePage", "Fault category")),
        "fault": _t(QT_TRANSLATE_NOOP("IntakePage", "Fault description")),
        "priority": _t(QT_TRANSLATE_NOOP("IntakePage", "Priority")),
        "condition_screen": _t(QT_TRANSLATE_NOOP("IntakePage", "Screen")),
        "condition_housing": _t(QT_TRANSLATE_NOOP("IntakePage", "Housing")),
        "condition_water_indicator": _t(QT_TRANSLATE_NOOP("IntakePage", "Water indicator")),
        "condition_buttons": _t(QT_TRANSLATE_NOOP("IntakePage", "Buttons")),
        "condition_cameras": _t(QT_TRANSLATE_NOOP("IntakePage", "Cameras")),
        "condition_notes": _t(QT_TRANSLATE_NOOP("IntakePage", "Condition notes")),
        "photos": _t(QT_TRANSLATE_NOOP("IntakePage", "Condition photos")),
        "accessories": _t(QT_TRANSLATE_NOOP("IntakePage", "Accessories received (comma separated)")),
        "signed_by": _t(QT_TRANSLATE_NOOP("IntakePage", "Signed by")),
        "signed": _t(QT_TRANSLATE_NOOP("IntakePage", "Signature")),
        "estimate": _t(QT_TRANSLATE_NOOP("IntakePage", "Estimate")),
        "deposit": _t(QT_TRANSLATE_NOOP("IntakePage", "Deposit")),
        "agreement": _t(QT_TRANSLATE_NOOP("IntakePage", "Service agreement")),
        "condition": _t(QT_TRANSLATE_NOOP("IntakePage", "Condition checklist")),
    }
    return labels.get(name, name)


def step_title(index: int) -> str:
    return (
        _t(QT_TRANSLATE_NOOP("IntakePage", "Customer")),
        _t(QT_TRANSLATE_NOOP("IntakePage", "Device")),
        _t(QT_TRANSLATE_NOOP("IntakePage", "Fault and condition")),
        _t(QT_TRANSLATE_NOOP("IntakePage", "Agreement and estimate")),
    )[index]


def choice_names() -> dict[str, dict[object, str]]:
    """The texts of each choice box's items by item data: service, photo_part, condition, priority, fault."""
    language = current_language()
    return {
        "service": {
            "maintenance": _t(QT_TRANSLATE_NOOP("IntakePage", "Walk-in repair")),
            "send_in": _t(QT_TRANSLATE_NOOP("IntakePage", "Send-in repair")),
            "return_exchange": _t(QT_TRANSLATE_NOOP("IntakePage", "Return / exchange")),
        },
        "photo_part": {
            "screen": _t(QT_TRANSLATE_NOOP("IntakePage", "Screen")),
            "housing": _t(QT_TRANSLATE_NOOP("IntakePage", "Housing")),
            "water_indicator": _t(QT_TRANSLATE_NOOP("IntakePage", "Water indicator")),
            "buttons": _t(QT_TRANSLATE_NOOP("IntakePage", "Buttons")),
            "cameras": _t(QT_TRANSLATE_NOOP("IntakePage", "Cameras")),
            "other": _t(QT_TRANSLATE_NOOP("IntakePage", "Other")),
        },
        "condition": {
            "ok": _t(QT_TRANSLATE_NOOP("IntakePage", "OK")),
            "damaged": _t(QT_TRANSLATE_NOOP("IntakePage", "Damaged")),
            "not_checked": _t(QT_TRANSLATE_NOOP("IntakePage", "Not checked")),
        },
        "priority": {
            1: _t(QT_TRANSLATE_NOOP("IntakePage", "1 - response in 30 minutes")),
            2: _t(QT_TRANSLATE_NOOP("IntakePage", "2 - response in 2 hours")),
            3: _t(QT_TRANSLATE_NOOP("IntakePage", "3 - response in 24 business hours")),
            4: _t(QT_TRANSLATE_NOOP("IntakePage", "4 - as the outlet sets")),
        },
        "fault": {identifier: fault.label.get(language) for identifier, fault in FAULTS.items()},
    }
