"""Text shown to people in both of the app's languages.

Every customer-facing string of the domain (category descriptions, refusal
messages, verdict reasons) is a `LocalizedText`, so the slip, the GUI and the
command line pick the customer's language from one place and never fall back
to a language the customer did not choose by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The languages every domain text is written in.
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """One message in Simplified Chinese and English."""

    zh_CN: str
    en: str

    def __post_init__(self) -> None:
        if not self.zh_CN.strip() or not self.en.strip():
            raise ValueError("a localized text needs both a zh_CN and an en wording")

    def get(self, language: str) -> str:
        """The wording for `language` ("zh_CN" or "en"; "zh" and "zh-CN" also mean Chinese)."""
        normalised = language.replace("-", "_")
        if normalised in ("zh_CN", "zh", "zh_Hans", "zh_Hans_CN"):
            return self.zh_CN
        if normalised.split("_")[0] == "en":
            return self.en
        raise ValueError(f"unsupported language {language!r}; use one of {LANGUAGES}")

    def as_dict(self) -> dict[str, str]:
        """Plain mapping for JSON output."""
        return {"zh_CN": self.zh_CN, "en": self.en}
