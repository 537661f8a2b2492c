"""The audit journal's record kinds and actions in words (the journal stores identifiers like `diag_run`).

An identifier without words here (a newer one) is shown with spaces for underscores rather than hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def _entities() -> dict[str, str]:
    return {
        "ticket": translate("JournalWords", "Ticket"),
        "customer": translate("JournalWords", "Customer"),
        "contact": translate("JournalWords", "Contact details"),
        "diag_run": translate("JournalWords", "Diagnostics run"),
        "diag_consent": translate("JournalWords", "Diagnostics consent"),
        "diag_log": translate("JournalWords", "Device log"),
        "staff": translate("JournalWords", "Staff account"),
        "outlet": translate("JournalWords", "Outlet"),
        "privacy_request": translate("JournalWords", "Privacy request"),
        "privacy_export": translate("JournalWords", "Data export"),
        "purge_receipt": translate("JournalWords", "Retention run"),
        "reference_data": translate("JournalWords", "Reference data"),
        "part_stock": translate("JournalWords", "Spare-part stock"),
        "part_dispatch": translate("JournalWords", "Parts dispatch request"),
        "part_transfer": translate("JournalWords", "Parts transfer"),
        "outlet_calendar": translate("JournalWords", "Opening hours"),
        "staff_signing": translate("JournalWords", "Staff record signing"),
        "row_seal": translate("JournalWords", "Record seals"),
        "synthetic_tickets": translate("JournalWords", "Sample tickets"),
        "message": translate("JournalWords", "Customer message"),
        "message_consent": translate("JournalWords", "Consent to messages"),
        "message_template": translate("JournalWords", "Message template"),
        "satisfaction": translate("JournalWords", "Customer rating"),
    }


def _actions() -> dict[str, str]:
    return {
        "create": translate("JournalWords", "created"),
        "move": translate("JournalWords", "status changed"),
        "sign_agreement": translate("JournalWords", "agreement signed"),
        "approve_estimate": translate("JournalWords", "estimate approved"),
        "estimate": translate("JournalWords", "estimate"),
        "invoice": translate("JournalWords", "invoiced"),
        "pickup": translate("JournalWords", "handed over"),
        "collected": translate("JournalWords", "collected"),
        "print_slip": translate("JournalWords", "slip printed"),
        "discard_slip_job": translate("JournalWords", "waiting slip discarded"),
        "give": translate("JournalWords", "consent given"),
        "withdraw": translate("JournalWords", "consent withdrawn"),
        "erase_data": translate("JournalWords", "data erased"),
        "start": translate("JournalWords", "started"),
        "finish": translate("JournalWords", "finished"),
        "tool_updated": translate("JournalWords", "tool updated"),
        "update_declined": translate("JournalWords", "tool update declined"),
        "delete": translate("JournalWords", "deleted"),
        "erase": translate("JournalWords", "erased"),
        "restrict": translate("JournalWords", "processing restricted"),
        "lift_restriction": translate("JournalWords", "restriction lifted"),
        "object": translate("JournalWords", "objection recorded"),
        "rectify": translate("JournalWords", "corrected"),
        "export": translate("JournalWords", "exported"),
        "close": translate("JournalWords", "closed"),
        "remove": translate("JournalWords", "removed"),
        "purge": translate("JournalWords", "retention applied"),
        "seed": translate("JournalWords", "sample data added"),
        "receive": translate("JournalWords", "parts received"),
        "transfer_in": translate("JournalWords", "transfer received"),
        "transfer_out": translate("JournalWords", "transferred out"),
        "send": translate("JournalWords", "transfer sent"),
        "correct": translate("JournalWords", "stock corrected"),
        "count": translate("JournalWords", "stock counted"),
        "reserve": translate("JournalWords", "parts reserved"),
        "release": translate("JournalWords", "reservation released"),
        "consume": translate("JournalWords", "parts used"),
        "use_parts": translate("JournalWords", "parts fitted"),
        "return_to_maker": translate("JournalWords", "returned to the maker"),
        "set_place": translate("JournalWords", "bin and minimum set"),
        "request": translate("JournalWords", "part requested"),
        "received": translate("JournalWords", "request met"),
        "cancelled": translate("JournalWords", "request cancelled"),
        "holiday": translate("JournalWords", "holiday added"),
        "holiday_removed": translate("JournalWords", "holiday removed"),
        "set_hours": translate("JournalWords", "hours set"),
        "refused": translate("JournalWords", "refused"),
        "sign": translate("JournalWords", "signed"),
        "seal": translate("JournalWords", "sealed"),
        "seal_all": translate("JournalWords", "every record sealed"),
        "queue": translate("JournalWords", "queued"),
        "sent": translate("JournalWords", "sent"),
        "attempt": translate("JournalWords", "send attempt"),
        "uncertain": translate("JournalWords", "delivery uncertain"),
        "failed": translate("JournalWords", "given up"),
        "resolve": translate("JournalWords", "settled by hand"),
        "set": translate("JournalWords", "set"),
        "follow_up": translate("JournalWords", "follow-up"),
    }


def _system_actors() -> dict[str, str]:
    """Who acted when no person did (engineer IDs never start with "#")."""
    return {
        "#retention": translate("JournalWords", "Retention (automatic)"),
        "#sync": translate("JournalWords", "Sync (automatic)"),
        "#recovery": translate("JournalWords", "Recovery key"),
    }


def actor_words(actor: str) -> str:
    """A person's engineer ID as it is; the app's own jobs in words."""
    return _system_actors().get(actor, actor)


def _plain(identifier: str) -> str:
    return identifier.replace("_", " ")


def entity_words(entity: str) -> str:
    return _entities().get(entity, _plain(entity))


def action_words(action: str) -> str:
    return _actions().get(action, _plain(action))
