"""Ticket statuses and service types in the interface language (the queue, the ticket, the progress answer)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_label(status: str) -> str:
    labels = {
        "received": QCoreApplication.translate("TicketWords", "Received"),
        "diagnosing": QCoreApplication.translate("TicketWords", "Diagnosing"),
        "awaiting_approval": QCoreApplication.translate("TicketWords", "Awaiting approval"),
        "repairing": QCoreApplication.translate("TicketWords", "Repairing"),
        "quality_check": QCoreApplication.translate("TicketWords", "Quality check"),
        "ready_for_pickup": QCoreApplication.translate("TicketWords", "Ready for pickup"),
        "collected": QCoreApplication.translate("TicketWords", "Collected"),
        "waiting_for_parts": QCoreApplication.translate("TicketWords", "Waiting for parts"),
        "sent_to_repair_centre": QCoreApplication.translate("TicketWords", "Sent to repair centre"),
        "cancelled": QCoreApplication.translate("TicketWords", "Cancelled"),
        "returned_unrepaired": QCoreApplication.translate("TicketWords", "Returned unrepaired"),
    }
    return labels.get(status, status)


def service_label(service_type: str) -> str:
    labels = {
        "maintenance": QCoreApplication.translate("TicketWords", "Walk-in repair"),
        "send_in": QCoreApplication.translate("TicketWords", "Send-in repair"),
        "return_exchange": QCoreApplication.translate("TicketWords", "Return / exchange"),
    }
    return labels.get(service_type, service_type)
