"""The GUI's words for the services' problems: a `KnownError`'s code and params, or a form
field's `Problem`, in the interface language.

Services raise typed problems with a stable code and the parameters that make them specific;
they never word them for a person in any language but English (kept for logs and the command
line).  This is the one place the GUI turns them into sentences, in English or Simplified
Chinese, through Qt's translation files (context "ProblemWords").  A code without words here
falls back to the service's English sentence, and tests/ui/test_problem_words.py lists every
code the services have, so a new one is noticed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from app.errors import KnownError, Problem
from app.ui.ticket_words import status_label

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


class _Unfilled(Exception):
    pass


class _Params(dict[str, object]):
    def __missing__(self, key: str) -> str:
        raise _Unfilled(key)


def _fill(template: str, params: Mapping[str, object]) -> str | None:
    """The template with its {placeholders} filled; None when the service did not give one (or a stray brace)."""
    try:
        return template.format_map(_Params(params))
    except (_Unfilled, ValueError, IndexError, KeyError):
        return None


def _messages() -> dict[str, str]:
    """What happened, by code (the params fill {placeholders})."""
    return {
        "permission_denied": translate("ProblemWords", "Your role does not allow this."),
        "store_error": translate("ProblemWords", "The store could not do this."),
        "store_not_initialised": translate("ProblemWords", "There is no Repair Counter store in this folder yet."),
        "wrong_password": translate("ProblemWords", "The account or the password is wrong."),
        "database_damaged": translate("ProblemWords", "The database file is damaged."),
        "database_missing": translate("ProblemWords", "The key file is here, but the database file is missing."),
        "not_repair_counter_file": translate("ProblemWords", "This is not a Repair Counter file."),
        "journal_broken": translate(
            "ProblemWords", "The audit journal does not verify: records may have been changed."
        ),
        "account_error": translate("ProblemWords", "The account could not be changed."),
        "already_initialised": translate("ProblemWords", "This folder already holds a store."),
        "backup_error": translate("ProblemWords", "The backup could not be made or read."),
        "backup_target_not_empty": translate("ProblemWords", "The backup folder {folder} is not empty."),
        "backup_incomplete": translate("ProblemWords", "{folder} is not a finished backup."),
        "backup_tampered": translate("ProblemWords", "The backup in {folder} was changed after it was made."),
        "restore_target_not_empty": translate("ProblemWords", "{folder} already holds a store."),
        "hub_certificate_mismatch": translate(
            "ProblemWords", "The outlet hub's certificate is not the one this counter trusts."
        ),
        "hub_refused": translate("ProblemWords", "The outlet hub refused this counter."),
        "not_joined": translate("ProblemWords", "This counter has not joined an outlet hub."),
        "unknown_conflict": translate("ProblemWords", "There is no conflict #{conflict} on this counter."),
        "conflict_already_settled": translate(
            "ProblemWords", "Conflict #{conflict} was already settled, by counter {by} at {at}."
        ),
        "conflict_settle_waiting": translate(
            "ProblemWords", "Conflict #{conflict} is already settled here; the choice waits for the next sync."
        ),
        "store_closed": translate("ProblemWords", "The store is locked."),
        "device_error": translate("ProblemWords", "The phone did not answer as expected."),
        "adb_server_unavailable": translate("ProblemWords", "The phone connection service (adb) could not start."),
        "device_gone": translate("ProblemWords", "The phone was disconnected."),
        "device_unauthorized": translate("ProblemWords", "The phone has not allowed USB debugging for this PC yet."),
        "output_too_large": translate("ProblemWords", "The phone sent far more data than expected."),
        "device_command_failed": translate("ProblemWords", "A command on the phone failed."),
        "transfer_failed": translate("ProblemWords", "A file could not be copied to or from the phone."),
        "remote_file_missing": translate("ProblemWords", "A file expected on the phone is not there."),
        "install_failed": translate("ProblemWords", "The diagnostic tool could not be installed on the phone."),
        "device_timeout": translate("ProblemWords", "The phone took too long to answer."),
        "serial_port_error": translate("ProblemWords", "The serial port could not be used."),
        "serial_port_cannot_open": translate("ProblemWords", "The serial port {port} could not be opened."),
        "insecure_upstream_url": translate("ProblemWords", "The upstream address is not a secure (https) address."),
        "certificate_not_trusted": translate("ProblemWords", "The upstream's certificate is not trusted."),
        "upstream_unreachable": translate("ProblemWords", "The upstream could not be reached."),
        "enrolment_refused": translate("ProblemWords", "The upstream refused the enrolment code."),
        "upstream_auth_refused": translate("ProblemWords", "The upstream no longer accepts this outlet's credentials."),
        "upstream_protocol_error": translate(
            "ProblemWords", "The upstream answered in a way this version does not understand."
        ),
        "anchor_refused_error": translate(
            "ProblemWords", "The upstream has newer records of this outlet than this PC."
        ),
        "not_enrolled": translate("ProblemWords", "This outlet is not enrolled with an upstream."),
        "receipt_not_genuine": translate("ProblemWords", "The upstream's receipt is not genuine."),
        "diagnostics_error": translate("ProblemWords", "The diagnostics could not go on."),
        "category_not_consented": translate("ProblemWords", "The customer has not consented to this data category."),
        "consent_beyond_need": translate(
            "ProblemWords", "The consent names a data category that none of the chosen checks reads."
        ),
        "no_consenting_customer": translate("ProblemWords", "The consent names no customer."),
        "consent_not_active": translate("ProblemWords", "There is no active consent of the customer for this run."),
        "tool_update_needed": translate("ProblemWords", "The diagnostic tool on the phone needs an update."),
        "tool_apk_rejected": translate("ProblemWords", "The diagnostic tool's installer is not genuine."),
        "diagnostics_cancelled": translate("ProblemWords", "The diagnostics were cancelled."),
        "invalid_consent_input": translate("ProblemWords", "The consent is not complete."),
        "run_not_found": translate("ProblemWords", "No such diagnostics run."),
        "phone_not_this_ticket": translate(
            "ProblemWords",
            "This phone (IMEI {read}) is not the phone of ticket {ticket} (IMEI {on_ticket}); nothing beyond its "
            "identity was read.",
        ),
        "phone_gave_no_imei": translate(
            "ProblemWords", "The phone gave no IMEI, so it cannot be checked against ticket {ticket}; the run stopped."
        ),
        "ticket_run_needs_identity": translate(
            "ProblemWords",
            "A run for a ticket first reads the phone's identity: add device information to the consent.",
        ),
        "fault_category_refused": translate("ProblemWords", "The ticket's fault category cannot be set."),
        "unknown_fault_category": translate("ProblemWords", "{category} is not a fault category."),
        "fault_category_ticket_closed": translate(
            "ProblemWords", "Ticket {ticket} is closed; its fault category stays as it is."
        ),
        "no_suggestion_to_accept": translate("ProblemWords", "There is no fault suggestion to accept."),
        "no_fault_suggestion": translate(
            "ProblemWords", "The diagnostics found nothing wrong, so they suggest no fault category."
        ),
        "suggestion_not_of_run": translate(
            "ProblemWords", "The diagnostics did not suggest {fault}; they suggest {suggested}."
        ),
        "run_without_ticket": translate(
            "ProblemWords", "These diagnostics were not run for a ticket: there is no fault category to set."
        ),
        "run_filed_elsewhere": translate("ProblemWords", "This diagnostics run is filed under ticket {ticket}."),
        "store_in_use": translate("ProblemWords", "Repair Counter has this store open elsewhere."),
        "unknown_customer": translate("ProblemWords", "No such customer."),
        "no_customer_for_ticket": translate("ProblemWords", "No customer found for ticket {ticket}."),
        "unknown_request": translate("ProblemWords", "No privacy request {request}."),
        "request_closed": translate("ProblemWords", "This request is already closed."),
        "identity_not_checked": translate("ProblemWords", "The person's identity has not been checked."),
        "processing_restricted": translate("ProblemWords", "The customer has restricted the processing of their data."),
        "restricted_diagnostics": translate(
            "ProblemWords",
            "Ticket {ticket} cannot be diagnosed: the customer restricted the processing of their data on {since}.",
        ),
        "restricted_printing": translate(
            "ProblemWords",
            "Ticket {ticket} cannot be printed: the customer restricted the processing of their data on {since}.",
        ),
        "restricted_sync": translate(
            "ProblemWords",
            "Ticket {ticket} is not sent upstream: the customer restricted the processing of their data on {since}.",
        ),
        "restricted_customer_diagnostics": translate(
            "ProblemWords",
            "This customer's phone cannot be diagnosed: the customer restricted the processing of their data on"
            " {since}.",
        ),
        "restricted_customer_printing": translate(
            "ProblemWords",
            "This customer's data cannot be printed: the customer restricted the processing of their data on {since}.",
        ),
        "restricted_customer_sync": translate(
            "ProblemWords",
            "This customer's data is not sent upstream: the customer restricted the processing of their data on"
            " {since}.",
        ),
        "export_unreadable": translate("ProblemWords", "The export cannot be opened with this password or key."),
        "weak_export_password": translate("ProblemWords", "The export password is too short."),
        "guardian_consent_needed": translate("ProblemWords", "Below {age} a guardian's consent is needed."),
        "invalid_request_input": translate("ProblemWords", "A value of the request is not valid."),
        "ticket_error": translate("ProblemWords", "The ticket could not be changed."),
        "ticket_not_found": translate("ProblemWords", "No ticket {ticket} in this store."),
        "transition_not_allowed": translate(
            "ProblemWords", "A ticket that is {current} cannot go to {target}. It can go to: {allowed}."
        ),
        "ticket_closed": translate("ProblemWords", "The ticket is {current} and closed; its status cannot change."),
        "ticket_already": translate("ProblemWords", "The ticket is already {current}."),
        "invoice_before_repair": translate("ProblemWords", "Ticket {number} is {current}: invoice after the repair."),
        "collect_by_pickup": translate("ProblemWords", "Collection needs the pickup check and signature."),
        "intake_incomplete": translate("ProblemWords", "The intake is not complete."),
        "slip_not_genuine": translate("ProblemWords", "This slip's code is not genuine."),
        "pickup_refused": translate("ProblemWords", "The pickup check did not match."),
        "agreement_missing": translate("ProblemWords", "The service agreement is not signed yet."),
        "approval_missing": translate(
            "ProblemWords", "The ticket is not under warranty and its estimate is not approved."
        ),
        "progress_not_found": translate(
            "ProblemWords", "No ticket matches that number together with that phone number or IMEI."
        ),
        "ticket_changed": translate("ProblemWords", "The ticket was changed meanwhile."),
        "price_lookup_failed": translate("ProblemWords", "The part is not in the price list for this model."),
        "printer_offline": translate("ProblemWords", "The thermal printer does not answer."),
        "paper_out": translate("ProblemWords", "The thermal printer is out of paper."),
        "printer_cover_open": translate("ProblemWords", "The thermal printer's cover is open."),
        "not_a_receipt_printer": translate("ProblemWords", "The device on {port} is not a receipt printer."),
        "printer_port_error": translate("ProblemWords", "The thermal printer's port could not be opened."),
        "slip_too_large": translate("ProblemWords", "The slip is too long to print."),
        "slip_font_missing": translate("ProblemWords", "The font for the slip is missing."),
        "slip_output_error": translate("ProblemWords", "The slip could not be saved there."),
        "parts_error": translate("ProblemWords", "The stock could not be changed."),
        "unknown_part": translate("ProblemWords", "There is no part {part} in the price list."),
        "not_enough_stock": translate("ProblemWords", "Part {part}: {available} available, but {wanted} are needed."),
        "part_label_refused": translate("ProblemWords", "This part label is refused."),
        "part_label_malformed": translate("ProblemWords", "The scan is not a part label."),
        "part_label_unknown_maker": translate(
            "ProblemWords", "The label names a maker's key that is not known: the part is not verified genuine."
        ),
        "part_label_forged": translate(
            "ProblemWords", "The label is not signed by the part's maker: it is forged or was altered."
        ),
        "part_label_wrong_part": translate("ProblemWords", "The label is for part {part}, not {expected}."),
        "stock_move_refused": translate("ProblemWords", "This stock move cannot be made as asked."),
        "quantity_invalid": translate("ProblemWords", "The quantity {quantity} is not allowed for this move."),
        "reason_missing": translate("ProblemWords", "Every stock move needs a reason."),
        "serial_already_received": translate(
            "ProblemWords", "Serial {serial} was scanned in before; a part is counted once."
        ),
        "serial_not_in_stock": translate("ProblemWords", "Serial {serial} is not in this outlet's stock."),
        "outlet_invalid": translate("ProblemWords", "That is not another outlet's code."),
        "ticket_parts_refused": translate("ProblemWords", "The ticket's parts cannot be changed now."),
        "nothing_reserved": translate("ProblemWords", "Ticket {ticket} has no parts reserved."),
        "parts_ticket_status": translate(
            "ProblemWords", "Ticket {ticket} is {current}: parts are fitted while it is being repaired."
        ),
        "estimate_not_approved": translate(
            "ProblemWords", "Ticket {ticket}: the estimate is not approved and the repair is not under warranty."
        ),
        "part_not_reserved": translate("ProblemWords", "No {part} is reserved on this ticket for serial {serial}."),
        "wipe_error": translate(
            "ProblemWords",
            "The wipe did not end in a certificate.",
        ),
        "wipe_tool_unavailable": translate(
            "ProblemWords",
            "The phone's diagnostic tool cannot wipe, and it was not updated.",
        ),
        "wipe_tool_missing": translate(
            "ProblemWords",
            "The diagnostic tool is not on the phone and the update was refused, so the phone was not wiped.",
        ),
        "wipe_tool_too_old": translate(
            "ProblemWords",
            "The phone's diagnostic tool is too old to wipe and it was not updated, so the phone was not wiped.",
        ),
        "phone_not_encrypted": translate(
            "ProblemWords",
            "The phone's storage is not encrypted: destroying its keys would erase nothing, so no wipe was started.",
        ),
        "wipe_imei_mismatch": translate(
            "ProblemWords",
            "This phone is not the phone of ticket {ticket} (its IMEI differs); nothing was erased.",
        ),
        "wipe_ticket_has_no_imei": translate(
            "ProblemWords",
            "Ticket {ticket} has no IMEI, so the phone cannot be checked against it; nothing was erased.",
        ),
        "wipe_imei_unreadable": translate(
            "ProblemWords",
            "The phone gave no IMEI to check against the ticket; nothing was erased.",
        ),
        "wipe_interrupted": translate(
            "ProblemWords",
            "The phone was unplugged before the tool reported: nobody can say what was erased, "
            "so there is no certificate.",
        ),
        "wipe_reported_failure": translate(
            "ProblemWords",
            "The tool on the phone reported that the wipe failed; the phone was not reset.",
        ),
        "wipe_result_unreadable": translate(
            "ProblemWords",
            "The tool's wipe result is missing or unreadable; no certificate was issued.",
        ),
        "phone_stayed_connected": translate(
            "ProblemWords",
            "The tool reported success but the phone did not reset and leave the cable; nothing was certified.",
        ),
        "certificate_invalid": translate(
            "ProblemWords",
            "This certificate of erasure does not verify.",
        ),
        "certificate_malformed": translate(
            "ProblemWords",
            "The file is not a readable certificate of erasure.",
        ),
        "certificate_wrong_outlet": translate(
            "ProblemWords",
            "The certificate was signed by another key than the one trusted here.",
        ),
        "certificate_signature_invalid": translate(
            "ProblemWords",
            "The outlet's signature does not match the certificate: it was altered or forged.",
        ),
        "certificate_not_success": translate(
            "ProblemWords",
            "The certificate does not record a successful wipe.",
        ),
        "certificate_countersignature_invalid": translate(
            "ProblemWords",
            "The upstream's countersignature does not match the certificate.",
        ),
        "wipe_record_missing": translate(
            "ProblemWords",
            "There is no such wipe or certificate.",
        ),
        "messages_error": translate("ProblemWords", "The message could not be handled."),
        "sms_not_sent": translate("ProblemWords", "The modem did not send the message."),
        "sms_busy": translate(
            "ProblemWords", "The modem or the network is busy; the message will be sent again later."
        ),
        "sms_no_network": translate(
            "ProblemWords", "The modem has no network signal; the message will be sent again later."
        ),
        "sms_no_credit": translate(
            "ProblemWords", "The modem's SIM card may be out of credit; the message will be sent again later."
        ),
        "sms_rejected": translate(
            "ProblemWords", "The network refused the message (a wrong number or a malformed message)."
        ),
        "sms_unknown": translate("ProblemWords", "The modem refused the message for a reason it did not give."),
        "sms_no_answer": translate("ProblemWords", "The modem did not answer."),
        "sms_unplugged": translate("ProblemWords", "The modem's port went away (unplugged)."),
        "message_not_found": translate("ProblemWords", "No such message in the queue."),
        "template_refused": translate("ProblemWords", "The message template cannot be used."),
        "template_unknown_event": translate("ProblemWords", "There is no message template for {event} in {language}."),
        "rating_refused": translate("ProblemWords", "The rating could not be recorded."),
        "rating_out_of_range": translate("ProblemWords", "A rating is a whole number from 1 to 5."),
        "rating_not_collected": translate(
            "ProblemWords", "Ticket {ticket} is not collected yet; it is rated at pickup."
        ),
        "rating_twice": translate("ProblemWords", "Ticket {ticket} has been rated already."),
        "rating_with_outcome": translate("ProblemWords", 'A rating goes with the outcome "rated", and only with it.'),
        "follow_up_outcome_unknown": translate("ProblemWords", "A follow-up ends as rated, declined or no answer."),
        "not_uncertain": translate(
            "ProblemWords", "Only a message whose delivery is uncertain can be settled by hand."
        ),
        "no_message_consent": translate("ProblemWords", "Ticket {ticket} has no consent to messages."),
    }


def _next_steps() -> dict[str, str]:
    """What to do next, by code."""
    check_cable = translate("ProblemWords", "Check the cable and that the phone is unlocked, then try again.")
    return {
        "permission_denied": translate("ProblemWords", "Ask an outlet manager to do this, or to change your role."),
        "store_not_initialised": translate("ProblemWords", "Set up the store with the first-run wizard."),
        "backup_target_not_empty": translate("ProblemWords", "Choose a new, empty folder for the backup."),
        "backup_incomplete": translate("ProblemWords", "Use another backup, or make a new one."),
        "backup_tampered": translate("ProblemWords", "Do not restore from this folder. Use another backup."),
        "restore_target_not_empty": translate("ProblemWords", "Restore into a new, empty data directory."),
        "hub_certificate_mismatch": translate(
            "ProblemWords", "Do not go on: compare the fingerprint shown on the hub, and ask the outlet manager."
        ),
        "hub_refused": translate("ProblemWords", "Ask the hub's operator for a new one-time code for this counter."),
        "not_joined": translate("ProblemWords", "Join the outlet hub with the code and fingerprint the hub shows."),
        "unknown_conflict": translate("ProblemWords", "Show the outlet hub page again: the list is up to date there."),
        "conflict_already_settled": translate("ProblemWords", "Nothing to do: sync to see the choice everywhere."),
        "conflict_settle_waiting": translate("ProblemWords", "Nothing to do: press Sync now to send the choice."),
        "wrong_password": translate(
            "ProblemWords",
            "Check the account and the password (Caps Lock?). A manager can reset it; if every password is lost, "
            "use the recovery key.",
        ),
        "database_damaged": translate(
            "ProblemWords",
            "Do not write to this data folder. Copy the whole folder somewhere safe, then restore the last backup "
            "or call support with this message.",
        ),
        "database_missing": translate(
            "ProblemWords",
            "Restore counter.db from the backup or find where it was moved. A new empty store is never created "
            "over a key file.",
        ),
        "not_repair_counter_file": translate(
            "ProblemWords", "Choose a Repair Counter data folder, or move the foreign file away."
        ),
        "journal_broken": translate(
            "ProblemWords",
            "Leave the data folder as it is for investigation and inform the outlet manager and HQ audit.",
        ),
        "already_initialised": translate("ProblemWords", "Sign in instead, or choose another data folder."),
        "store_closed": translate("ProblemWords", "Sign in again."),
        "device_error": check_cable,
        "adb_server_unavailable": translate(
            "ProblemWords", "Reinstall Repair Counter, or set ADBUTILS_ADB_PATH to a working adb program."
        ),
        "device_gone": translate(
            "ProblemWords", "Reconnect the phone (try another cable or port) and keep it unlocked."
        ),
        "device_unauthorized": translate(
            "ProblemWords", 'On the phone, tap "Allow" in the "Allow USB debugging?" dialog.'
        ),
        "output_too_large": translate(
            "ProblemWords", "Restart the phone and try again; if it repeats, report the phone model."
        ),
        "device_command_failed": check_cable,
        "transfer_failed": check_cable,
        "remote_file_missing": check_cable,
        "install_failed": translate("ProblemWords", "Free some storage on the phone and try again."),
        "device_timeout": translate("ProblemWords", "Unlock the phone, keep it connected, and try again."),
        "serial_port_error": translate(
            "ProblemWords", "Check that the scanner or modem is plugged in and that no other program uses its port."
        ),
        "insecure_upstream_url": translate("ProblemWords", "Use an https:// address."),
        "certificate_not_trusted": translate(
            "ProblemWords", "Install the upstream's CA certificate and give its path as the CA bundle setting."
        ),
        "upstream_unreachable": translate(
            "ProblemWords", "Nothing is lost: pending records stay queued. Check the line and try again later."
        ),
        "enrolment_refused": translate("ProblemWords", "Ask the upstream operator for a new code and enrol again."),
        "upstream_auth_refused": translate(
            "ProblemWords", "Enrol the outlet again with a new code from the upstream operator."
        ),
        "upstream_protocol_error": translate(
            "ProblemWords", "Check that the counter and the upstream run compatible versions; the queue is kept."
        ),
        "anchor_refused_error": translate(
            "ProblemWords", "This PC's store may have been replaced by an older copy: verify the store and inform HQ."
        ),
        "not_enrolled": translate("ProblemWords", "A manager enrols the outlet once with a code from HQ."),
        "receipt_not_genuine": translate("ProblemWords", "Check the upstream address, then inform HQ."),
        "diagnostics_error": translate(
            "ProblemWords", "Check the phone and the consent, then start the diagnostics again."
        ),
        "category_not_consented": translate(
            "ProblemWords",
            "Ask the customer whether they agree to this data category, or run only the consented checks.",
        ),
        "consent_not_active": translate("ProblemWords", "Record the customer's consent before running diagnostics."),
        "tool_update_needed": translate("ProblemWords", "Ask the customer whether they agree to the tool update."),
        "tool_apk_rejected": translate(
            "ProblemWords",
            "Do not install it. Sync reference data or reinstall Repair Counter to get the genuine installer.",
        ),
        "diagnostics_cancelled": translate("ProblemWords", "Start the diagnostics again when ready."),
        "invalid_consent_input": translate(
            "ProblemWords", "Fill in the customer's name, choose the categories, and have the customer sign or tick."
        ),
        "run_not_found": translate("ProblemWords", "Check the identifier."),
        "consent_beyond_need": translate(
            "ProblemWords", "Ask consent only for the categories the chosen checks read (listed with each check)."
        ),
        "no_consenting_customer": translate(
            "ProblemWords", "Name the customer: open the diagnostics from their ticket, or pick a known customer."
        ),
        "phone_not_this_ticket": translate(
            "ProblemWords",
            "Check which phone this is: run the diagnostics for its own ticket, or open a new ticket for it.",
        ),
        "fault_category_refused": translate(
            "ProblemWords", "Pick one of the fault categories listed, on a ticket that is still open."
        ),
        "no_suggestion_to_accept": translate(
            "ProblemWords",
            "Pick the fault category on the ticket by hand, or run the diagnostics for the ticket first.",
        ),
        "store_in_use": translate(
            "ProblemWords",
            "Close Repair Counter where it is open, then try again: two programs writing one store could lose records.",
        ),
        "unknown_customer": translate("ProblemWords", "Check the ticket number on the request."),
        "unknown_request": translate("ProblemWords", "Pick a request from the list."),
        "request_closed": translate(
            "ProblemWords", "A closed request stays closed; take a new one if the person asks again."
        ),
        "identity_not_checked": translate(
            "ProblemWords", "Check an identity document or the phone number and ticket, then say how."
        ),
        "processing_restricted": translate(
            "ProblemWords", "Nothing may be done with this customer's data until a manager lifts the restriction."
        ),
        "export_unreadable": translate(
            "ProblemWords", "Check the password or key the customer chose, or make a new export."
        ),
        "weak_export_password": translate(
            "ProblemWords", "Choose at least 10 characters, or let the app make a key to show once."
        ),
        "guardian_consent_needed": translate(
            "ProblemWords", "Record the guardian's name and consent, or take no identity data."
        ),
        "invalid_request_input": translate("ProblemWords", "Correct the value and try again."),
        "ticket_not_found": translate(
            "ProblemWords", "Check the ticket number on the slip (e.g. SZ01-20261122-0042), or search by phone or IMEI."
        ),
        "transition_not_allowed": translate("ProblemWords", "Choose one of the statuses listed."),
        "collect_by_pickup": translate(
            "ProblemWords", "Use Hand over: it checks the phone's last 4 digits and the signature."
        ),
        "intake_incomplete": translate("ProblemWords", "Fill in or correct the fields named, then save again."),
        "slip_not_genuine": translate(
            "ProblemWords", "Ask for the original slip, or search by the ticket number and the customer's phone."
        ),
        "pickup_refused": translate(
            "ProblemWords",
            "Ask for the slip and the phone number given at intake; a manager can help if both are lost.",
        ),
        "agreement_missing": translate(
            "ProblemWords", "Show the customer the service agreement and have it signed before any work starts."
        ),
        "approval_missing": translate("ProblemWords", "Record the customer's approval of the estimate first."),
        "progress_not_found": translate(
            "ProblemWords", "Check the ticket number and give the phone number or IMEI used at intake."
        ),
        "ticket_changed": translate("ProblemWords", "Open the ticket again to see its current status, then retry."),
        "price_lookup_failed": translate("ProblemWords", "Pick a part from the price list for this model."),
        "printer_offline": translate(
            "ProblemWords",
            "Check that the printer is on, its cover is closed and its cable is plugged in, then print again.",
        ),
        "paper_out": translate("ProblemWords", "Load a new paper roll and print again."),
        "printer_port_error": translate(
            "ProblemWords", "Choose the printer's port from the list and check that no other program uses it."
        ),
        "slip_too_large": translate(
            "ProblemWords", "Check the ticket for duplicated lines or identifiers and correct it, then print again."
        ),
        "slip_font_missing": translate("ProblemWords", "Reinstall Repair Counter."),
        "slip_output_error": translate("ProblemWords", "Choose a .pdf file in a folder you can write to."),
        "unknown_part": translate("ProblemWords", "Use a part number from the price list."),
        "not_enough_stock": translate("ProblemWords", "Receive the part first, or request it from dispatch."),
        "part_label_refused": translate(
            "ProblemWords", "Do not fit this part: set it aside and report it to the maker, or scan the label again."
        ),
        "stock_move_refused": translate("ProblemWords", "Correct the quantity, the reason or the label and try again."),
        "ticket_parts_refused": translate(
            "ProblemWords", "Approve the estimate so its parts are reserved, or check the ticket's status."
        ),
        "wipe_tool_unavailable": translate(
            "ProblemWords",
            "Ask the customer to agree to the tool update, or reset the phone by hand without a certificate.",
        ),
        "wipe_tool_missing": translate(
            "ProblemWords",
            "Ask the customer to agree to the tool update, or reset the phone by hand without a certificate.",
        ),
        "wipe_tool_too_old": translate(
            "ProblemWords",
            "Ask the customer to agree to the tool update, or reset the phone by hand without a certificate.",
        ),
        "phone_not_encrypted": translate(
            "ProblemWords",
            "Do not certify this phone: an unencrypted phone needs the maker's full overwrite procedure.",
        ),
        "wipe_imei_mismatch": translate(
            "ProblemWords",
            "Check that the right phone is connected and that the ticket's IMEI is correct.",
        ),
        "wipe_interrupted": translate(
            "ProblemWords",
            "Reconnect the phone; if it still starts with the customer's data, offer the wipe again.",
        ),
        "wipe_reported_failure": translate(
            "ProblemWords",
            "Check the phone for a device administrator policy, then try again.",
        ),
        "phone_stayed_connected": translate(
            "ProblemWords",
            "Restart the phone and check whether it was reset.",
        ),
        "certificate_invalid": translate(
            "ProblemWords",
            "Do not accept this certificate: ask the outlet that issued it for the original.",
        ),
        "sms_not_sent": translate(
            "ProblemWords", "Check the modem's antenna, SIM card and credit; queued messages are retried."
        ),
        "sms_no_credit": translate("ProblemWords", "Top up the modem's SIM card; queued messages are retried."),
        "sms_no_network": translate(
            "ProblemWords", "Move the modem's antenna or the modem where the signal is better."
        ),
        "sms_unplugged": translate("ProblemWords", "Plug the modem in again; queued messages wait for it."),
        "sms_no_answer": translate(
            "ProblemWords", "Check that the modem is switched on and that no other program uses its port."
        ),
        "template_refused": translate(
            "ProblemWords", "Use only the fields ticket, model, outlet, address and guide, in at most 400 characters."
        ),
        "not_uncertain": translate("ProblemWords", "Only messages shown as uncertain need a decision."),
        "no_message_consent": translate("ProblemWords", "Ask the customer and record the consent first."),
    }


def _statuses(value: object) -> str:
    if isinstance(value, list | tuple):
        return translate("ProblemWords", ", ").join(status_label(str(item)) for item in value)
    return status_label(str(value))


#: Parameters that are identifiers to be worded before they are shown.
_WORD_PARAMS: dict[str, Callable[[object], str]] = {"current": _statuses, "target": _statuses, "allowed": _statuses}


def _worded(params: Mapping[str, object]) -> dict[str, object]:
    return {key: _WORD_PARAMS[key](value) if key in _WORD_PARAMS else value for key, value in params.items()}


def _by_code(table: dict[str, str], error: KnownError) -> str | None:
    for code in (error.code, *(cls.code for cls in type(error).__mro__ if issubclass(cls, KnownError))):
        if code in table:
            return table[code]
    return None


def problem_message(error: KnownError) -> str:
    """What happened, in the interface language (nearest worded class; the service's English otherwise)."""
    template = _by_code(_messages(), error)
    filled = _fill(template, _worded(error.params)) if template is not None else None
    return filled if filled is not None else error.message


def problem_next_step(error: KnownError) -> str:
    """What to do next, in the interface language (nearest worded class; the service's English otherwise)."""
    step = _by_code(_next_steps(), error)
    return step if step is not None else error.next_step


def has_words(code: str) -> bool:
    return code in _messages()


def _field_problems() -> dict[str, str]:
    return {
        "required": translate("ProblemWords", "required"),
        "not_asked": translate("ProblemWords", "not asked for this service type"),
        "too_long": translate("ProblemWords", "longer than {limit} characters"),
        "not_phone": translate("ProblemWords", "not a phone number"),
        "not_email": translate("ProblemWords", "not an e-mail address"),
        "imei_not_digits": translate("ProblemWords", "only digits are allowed"),
        "imei_wrong_length": translate("ProblemWords", "an IMEI has 15 digits; this has {digits}"),
        "imei_check_digit": translate("ProblemWords", "check digit wrong (a digit is mistyped)"),
        "imei_too_long": translate("ProblemWords", "far too long for an IMEI"),
        "same_imei": translate("ProblemWords", "the same as the first IMEI"),
        "after_today": translate("ProblemWords", "not a date up to today (YYYY-MM-DD)"),
        "priority_range": translate("ProblemWords", "a priority from 1 (most urgent) to 4"),
        "too_many_photos": translate("ProblemWords", "at most {limit} photos"),
        "photo_part": translate("ProblemWords", "a photo's part is not one of the checklist items"),
        "photo_too_large": translate("ProblemWords", "a photo is larger than {limit} MB"),
        "photo_type": translate("ProblemWords", "photos must be JPEG or PNG"),
        "condition_items": translate("ProblemWords", "unknown checklist items"),
        "condition_states": translate("ProblemWords", "each item is OK, damaged or not checked"),
        "accessories": translate("ProblemWords", "at most 20 short names"),
        "amount_range": translate("ProblemWords", "an amount like 199.00"),
        "fault_category": translate("ProblemWords", "choose a fault category"),
        "service_type": translate("ProblemWords", "choose a service type"),
        "model_not_imei": translate("ProblemWords", "this IMEI belongs to another model: check the model or the IMEI"),
        "unknown_customer": translate("ProblemWords", "no customer {customer}"),
        "customer_name_differs": translate(
            "ProblemWords",
            "the chosen customer is registered as {name}; a correction is a rectification request at the privacy desk",
        ),
        "customer_phone_differs": translate(
            "ProblemWords",
            "the chosen customer's phone differs; a correction is a rectification request at the privacy desk",
        ),
    }


def field_problem_text(problem: str) -> str:
    """One form field's problem in the interface language (a plain string is shown as it is)."""
    if not isinstance(problem, Problem):
        return problem
    template = _field_problems().get(problem.code)
    filled = _fill(template, problem.params) if template is not None else None
    return filled if filled is not None else str(problem)
