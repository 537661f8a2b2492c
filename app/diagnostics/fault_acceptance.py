"""The technician accepts a run's fault suggestion: the run's ticket takes that fault category.

Nothing is chosen for the technician (issue 15 item 3): the suggestions of a run
are only shown until someone accepts one.  They are ranked again from the
verdicts stored with the run's results, so what is accepted is what the run
found, also after the program was restarted; the ticket's change goes through
the tickets service (journaled, sent upstream), with the run and the finding
codes as its basis.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts.session import Session
from app.core.fault_suggestion import FaultSuggestion, suggest_faults
from app.core.function_verdicts import FunctionVerdict, verdict_from_json
from app.core.roles import Permission
from app.diagnostics.errors import DiagnosticsError, RunNotFound
from app.storage import diagnostics_repository as repo
from app.storage.ticket_records import TicketDetail
from app.tickets.fault_category import set_fault_category
from app.tickets.moves import load


class NoSuggestionToAccept(DiagnosticsError):
    """Codes: no_fault_suggestion (params run), suggestion_not_of_run (params run, fault, suggested),
    run_without_ticket (params run)."""

    exit_code = 109
    next_step = "Pick the fault category on the ticket by hand, or run the diagnostics for the ticket first."


@dataclass(frozen=True)
class AcceptedFault:
    ticket: TicketDetail
    previous: str
    suggestion: FaultSuggestion


def run_suggestions(session: Session, run_id: str) -> list[FaultSuggestion]:
    """The run's fault suggestions, best first, from the verdicts stored with its results."""
    session.require(Permission.RUN_DIAGNOSTICS)
    verdicts: list[FunctionVerdict] = []
    for result in repo.results_for_run(session.store, run_id):
        stored = result.data.get("verdict")
        if isinstance(stored, dict):
            try:
                verdicts.append(verdict_from_json(stored))
            except (KeyError, TypeError, ValueError):  # a damaged record suggests nothing rather than fail
                continue
    return suggest_faults(verdicts)


def accept_fault_suggestion(session: Session, run_id: str, fault: str | None = None) -> AcceptedFault:
    """The run's ticket takes `fault` (one of the run's suggestions; default the top one)."""
    session.require(Permission.RUN_DIAGNOSTICS)
    run = repo.run_by_id(session.store, run_id)
    if run is None:
        raise RunNotFound(f"No diagnostics run {run_id[:40]!r}.", params={"run": run_id[:40]})
    if not run.ticket_number:
        raise NoSuggestionToAccept(
            f"Run {run.id} was not for a ticket: there is no fault category to set.",
            code="run_without_ticket",
            params={"run": run.id},
        )
    suggestions = run_suggestions(session, run.id)
    if not suggestions:
        raise NoSuggestionToAccept(
            f"Run {run.id} found nothing wrong, so it suggests no fault category.",
            code="no_fault_suggestion",
            params={"run": run.id},
        )
    chosen = next((s for s in suggestions if s.fault == (fault or suggestions[0].fault)), None)
    if chosen is None:
        suggested = ", ".join(s.fault for s in suggestions)
        raise NoSuggestionToAccept(
            f"Run {run.id} does not suggest {str(fault)[:40]!r}; it suggests {suggested}.",
            code="suggestion_not_of_run",
            params={"run": run.id, "fault": str(fault)[:40], "suggested": suggested},
        )
    basis = {
        "diagnostics_run": run.id,
        "suggestion_rank": suggestions.index(chosen) + 1,
        "findings": [reason.finding.code for reason in chosen.reasons],
    }
    previous = load(session, run.ticket_number).fault_category
    ticket = set_fault_category(session, run.ticket_number, chosen.fault, basis)
    return AcceptedFault(ticket, previous, chosen)
