"""Children's data: the intake asks an age bracket; below the region's age a guardian's consent is recorded.

The brackets are chosen so that each region's guardian-consent age (14 in the
Chinese mainland, 16 in the EU, 18 in India: `RegionPolicy.guardian_consent_age`)
falls on a bracket boundary; a bracket that starts below the region's age
needs the guardian (the careful reading if a region's age ever falls inside one).
The guardian's name is contact data: it follows the customer's contact-data
retention and goes with an erasure.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.localized import LocalizedText as T
from app.privacy_rules.errors import GuardianConsentNeeded, InvalidRequestInput
from app.storage import privacy_repository as repo
from app.storage.store import UnitOfWork

#: bracket -> (youngest age in it, label)
AGE_BRACKETS: dict[str, tuple[int, T]] = {
    "under_14": (0, T("14 岁以下", "Under 14")),
    "14_15": (14, T("14-15 岁", "14 to 15")),
    "16_17": (16, T("16-17 岁", "16 to 17")),
    "18_plus": (18, T("18 岁及以上", "18 or older")),
}
MAX_GUARDIAN_NAME = 100


@dataclass(frozen=True)
class AgeDeclaration:
    """What the intake asks when a service needs identity data."""

    bracket: str
    guardian_name: str = ""
    #: The guardian agreed, at the counter, to the processing the service needs.
    guardian_consents: bool = False


def needs_guardian(bracket: str, guardian_consent_age: int) -> bool:
    if bracket not in AGE_BRACKETS:
        raise InvalidRequestInput(f"An age bracket is one of {', '.join(AGE_BRACKETS)}, not {bracket!r}.")
    return AGE_BRACKETS[bracket][0] < guardian_consent_age


def check_declaration(age: AgeDeclaration, guardian_consent_age: int) -> None:
    """Raise `GuardianConsentNeeded` when a child below the region's age comes without a guardian's consent."""
    if not needs_guardian(age.bracket, guardian_consent_age):
        return
    name = age.guardian_name.strip()
    if not name or not age.guardian_consents:
        raise GuardianConsentNeeded(
            f"Below {guardian_consent_age} a guardian's consent is needed: record the guardian's name and consent.",
            params={"age": guardian_consent_age},
        )
    if len(name) > MAX_GUARDIAN_NAME:
        raise InvalidRequestInput(f"The guardian's name is longer than {MAX_GUARDIAN_NAME} characters.")


def record_declaration(work: UnitOfWork, customer_id: str, age: AgeDeclaration, guardian_consent_age: int) -> None:
    """Store the bracket (and the guardian with the moment of consent) inside the intake's unit of work."""
    guardian = age.guardian_name.strip() if needs_guardian(age.bracket, guardian_consent_age) else None
    repo.set_age_bracket(work, customer_id, age.bracket, guardian or None)
