"""The wording of each message: the manager's template if one is set, else the shipped one
(resources/reference/after_repair.json), filled with the ticket's few fields at send time."""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts.session import Session
from app.core.after_repair import EVENTS, render, template_problems
from app.core.localized import LANGUAGES
from app.core.reference_data import AfterRepairTexts
from app.core.roles import Permission
from app.messages.errors import TemplateRefused
from app.storage import message_repository as repo
from app.storage.message_repository import DueMessage
from app.storage.store import Store


@dataclass(frozen=True)
class TemplateInForce:
    event: str
    language: str
    body: str
    edited: bool


def template_for(store: Store, texts: AfterRepairTexts, event: str, language: str) -> TemplateInForce:
    override = repo.template_override(store, event, language)
    if override is not None:
        return TemplateInForce(event, language, override, True)
    return TemplateInForce(event, language, texts.templates[event].get(language), False)


def templates(session: Session, texts: AfterRepairTexts) -> list[TemplateInForce]:
    session.require(Permission.READ_TICKETS)
    return [template_for(session.store, texts, event, language) for event in EVENTS for language in LANGUAGES]


def set_template(session: Session, event: str, language: str, body: str | None) -> None:
    """A manager's wording for one event and language; None goes back to the shipped wording."""
    session.require(Permission.MANAGE_REFERENCE_DATA)
    if event not in EVENTS or language not in LANGUAGES:
        raise TemplateRefused(
            f"Templates exist for {', '.join(EVENTS)} in {', '.join(LANGUAGES)}.",
            code="template_unknown_event",
            params={"event": event[:40], "language": language[:10]},
        )
    if body is not None:
        problems = template_problems(body)
        if problems:
            raise TemplateRefused("The template cannot be used: " + "; ".join(problems) + ".")
    with session.store.transaction(session.actor) as work:
        if body is None:
            repo.clear_template(work, event, language)
        else:
            repo.set_template(work, event, language, body)
        work.record("message_template", f"{event}/{language}", "set", {"reset": body is None}, upstream=False)


def message_text(store: Store, texts: AfterRepairTexts, message: DueMessage) -> str:
    """The text of a queued message, made now and never stored."""
    template = template_for(store, texts, message.event, message.language).body
    fields = {
        "ticket": message.ticket_number,
        "model": message.device_model,
        "outlet": message.outlet_name,
        "address": message.outlet_address,
        "guide": texts.care_guide(message.device_model).get(message.language),
    }
    return render(template, fields)
