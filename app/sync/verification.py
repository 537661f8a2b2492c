"""`verify` as a whole: the store's own checks (accounts) plus the upstream's anchor receipts."""

from __future__ import annotations

from app.accounts.session import Session
from app.accounts.verification import VerifyReport, store_report
from app.sync.service import receipt_check

RECEIPT_PROBLEMS = {
    "signature_invalid": "the receipt's signature is not the upstream's",
    "journal_behind_receipt": "the journal ends before an entry the upstream confirmed: the database is an older copy",
    "journal_differs_from_receipt": "the journal differs from what the upstream confirmed: it was rewritten",
}


def verify_store(session: Session) -> VerifyReport:
    """Run every check; on success record the head as the new anchor."""
    report = store_report(session)
    for problem in receipt_check(session):
        report.fail(
            f"upstream receipt for journal entry {problem.seq}: {RECEIPT_PROBLEMS.get(problem.reason, problem.reason)}"
        )
    if report.ok:
        session.vault.save_anchor(session.store)
    return report
