"""`verify` as a whole: the store's own checks (accounts) plus the upstream's anchor receipts."""

from __future__ import annotations

from app.accounts.session import Session
from app.accounts.verification import VerifyReport, store_report
from app.sync.service import describe, receipt_check


def verify_store(session: Session) -> VerifyReport:
    """Run every check.  Only reads: the anchor is moved by a session that checked it at sign-in."""
    report = store_report(session)
    for problem in receipt_check(session):
        report.fail(describe(problem))
    return report
