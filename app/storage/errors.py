"""Why the store would not open or verify, told apart (docs/ARCHITECTURE.md section 5).

Wrong password (the key slot does not open) is not corruption (the slot
opens, the database does not) is not a missing file.  Each has its own exit
code on the command line and its own dialog in the GUI.
"""

from __future__ import annotations

from app.errors import KnownError


class StoreError(KnownError):
    """Base of every storage failure a person can act on."""


class StoreNotInitialised(StoreError):
    exit_code = 20
    next_step = (
        "Run the first-run set-up: repair-counter init --data-dir DIR --outlet CODE --name NAME --region "
        "REGION --admin ENGINEER_ID"
    )


class WrongPassword(StoreError):
    exit_code = 21
    next_step = (
        "Check the account and the password (Caps Lock?). A manager can reset it; if every password is lost, "
        "open the store with the recovery key."
    )


class DatabaseDamaged(StoreError):
    exit_code = 22
    next_step = (
        "Do not write to this data directory. Copy the whole folder somewhere safe and restore the last "
        "backup, or call support with this message."
    )

    def __init__(self, message: str, *, pages: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.pages = pages


class DatabaseMissing(StoreError):
    exit_code = 23
    next_step = (
        "The key file is here but the database file is gone. Restore counter.db from the backup or find where "
        "it was moved; a new empty store is never created over a key file."
    )


class NotRepairCounterFile(StoreError):
    exit_code = 24
    next_step = "Point --data-dir at a Repair Counter data directory, or move the foreign file away."


class JournalBroken(StoreError):
    """The audit journal or its anchor does not verify: edited, deleted, reordered or rolled back."""

    exit_code = 25
    next_step = "Keep the data directory as it is for investigation and inform the outlet manager and HQ audit."


class AccountError(StoreError):
    """An account cannot be added, removed or used as asked."""

    exit_code = 26


class AlreadyInitialised(StoreError):
    exit_code = 27
    next_step = "This data directory already holds a store; sign in instead, or choose another --data-dir."


class StoreInUse(StoreError):
    """Another process has this store open (one writer per store)."""

    exit_code = 29
    next_step = (
        "Finish or close Repair Counter where it is open (named above), then try again. "
        "Two programs writing one store at once could lose records."
    )
