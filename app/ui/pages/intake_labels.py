"""The intake wizard's field names, step titles, choices and problem texts, translated.

Kept apart from the page's layout code; every string uses the `IntakePage`
translation context (the class that shows them), so lupdate and the
runtime agree on it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("IntakePage", text)


class IntakeLabels:
    """Mixed into IntakePage: labels for fields, steps, choices and the service's problem texts."""

    def field_label(self, name: str) -> str:
        labels = {
            "service_type": _t("Service type"), "customer_name": _t("Name"), "customer_phone": _t("Phone"),
            "customer_email": _t("E-mail"), "customer_address": _t("Full address"), "courier": _t("Courier"),
            "tracking_number": _t("Tracking number"), "parcel_condition": _t("Parcel condition on arrival"),
            "purchase_date": _t("Purchase date"), "purchase_proof": _t("Proof of purchase"),
            "imei": _t("IMEI"), "imei2": _t("IMEI 2 (dual SIM)"), "device_model": _t("Model"),
            "serial": _t("Serial number"), "fault_category": _t("Fault category"), "fault": _t("Fault description"),
            "priority": _t("Priority"), "condition_screen": _t("Screen"), "condition_housing": _t("Housing"),
            "condition_water_indicator": _t("Water indicator"), "condition_buttons": _t("Buttons"),
            "condition_cameras": _t("Cameras"), "condition_notes": _t("Condition notes"),
            "photos": _t("Photos taken"), "accessories": _t("Accessories received (comma separated)"),
            "signed_by": _t("Signed by"), "signed": _t("Signature"), "estimate": _t("Estimate"),
            "deposit": _t("Deposit"), "agreement": _t("Service agreement"), "condition": _t("Condition checklist"),
        }
        return labels.get(name, name)

    def step_title(self, index: int) -> str:
        return (_t("Customer"), _t("Device"), _t("Fault and condition"), _t("Agreement and estimate"))[index]

    def translate_choices(self) -> None:
        services = {"maintenance": _t("Walk-in repair"), "send_in": _t("Send-in repair"),
                    "return_exchange": _t("Return / exchange")}
        for i in range(self.service.count()):  # type: ignore[attr-defined]
            self.service.setItemText(i, services[self.service.itemData(i)])  # type: ignore[attr-defined]
        states = {"ok": _t("OK"), "damaged": _t("Damaged"), "not_checked": _t("Not checked")}
        for box in self.condition.values():  # type: ignore[attr-defined]
            for i in range(box.count()):
                box.setItemText(i, states[box.itemData(i)])
        priorities = {1: _t("1 - response in 30 minutes"), 2: _t("2 - response in 2 hours"),
                      3: _t("3 - response in 24 business hours"), 4: _t("4 - as the outlet sets")}
        for i in range(self.priority.count()):  # type: ignore[attr-defined]
            self.priority.setItemText(i, priorities[self.priority.itemData(i)])  # type: ignore[attr-defined]
        from app.core.privacy_catalogue import FAULTS

        language = "zh_CN" if _t("Intake") != "Intake" else "en"
        for i in range(self.fault_category.count()):  # type: ignore[attr-defined]
            identifier = self.fault_category.itemData(i)  # type: ignore[attr-defined]
            self.fault_category.setItemText(i, FAULTS[identifier].label.get(language))  # type: ignore[attr-defined]

    def problem_text(self, problem: str) -> str:
        known = {
            "required": _t("required"),
            "not asked for this service type; leave it empty": _t("not asked for this service type"),
            "not a phone number": _t("not a phone number"), "not an e-mail address": _t("not an e-mail address"),
            "after today": _t("not a date up to today (YYYY-MM-DD)"),
            "the check digit does not match (a digit is mistyped)": _t("check digit wrong (a digit is mistyped)"),
            "the same as the first IMEI": _t("the same as the first IMEI"),
            "an amount from 0 to 1,000,000": _t("an amount like 199.00"),
        }
        if problem in known:
            return known[problem]
        if problem.startswith("it has ") and "digits" in problem:
            return _t("an IMEI has 15 digits")
        return problem
