"""The store's own checks for `verify`: encryption pages, structure, journal chain, anchor.

The upstream's receipts are checked by `app.sync.verification`, which extends this
report; accounts comes first in the order of services and knows nothing of sync.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from app.accounts.session import Session
from app.core.roles import Permission
from app.storage import staff_repository as staff_repo
from app.storage.errors import JournalBroken
from app.storage.journal import JournalEntry
from app.storage.store import integrity_problems, row_seal_problems, verify_journal


@dataclass
class VerifyReport:
    ok: bool = True
    journal_entries: int = 0
    journal_head: str = ""
    damaged_pages: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def fail(self, problem: str) -> None:
        self.ok = False
        self.problems.append(problem)


def store_report(session: Session) -> VerifyReport:
    """Every check the store can make on itself; records nothing."""
    session.require(Permission.VERIFY_STORE)
    report = VerifyReport()
    structural, pages = integrity_problems(session.store)
    report.damaged_pages = list(pages)
    for problem in structural[:20]:
        report.fail(f"database structure: {problem}")
    if pages:
        listed = ", ".join(map(str, pages[:20]))
        report.fail(f"the database is damaged: page {listed} fails the encryption integrity check")
    chain = verify_journal(session.store)
    report.journal_entries, report.journal_head = chain.entries, chain.head.hash
    if not chain.ok:
        report.fail(f"audit journal: {chain.problem}")
    try:
        session.vault.check_anchor(session.store)
    except JournalBroken as exc:
        report.fail(f"anchor: {exc.message}")
    for problem in row_seal_problems(session.store)[:20]:
        report.fail(f"records: {problem}")
    if staff_repo.signing_started(session.store):
        problems = staff_repo.signature_problems(session.store, session.vault.recovery_signing_public())
        for engineer_id, problem in sorted(problems.items()):
            report.fail(f"staff record {engineer_id}: {problem}")
    return report


def read_journal(session: Session, *, after: int = 0, limit: int = 200) -> list[JournalEntry]:
    """Journal entries for the journal viewer (managers and auditors only)."""
    session.require(Permission.READ_JOURNAL)
    return session.store.journal_entries(after=after, limit=limit)
