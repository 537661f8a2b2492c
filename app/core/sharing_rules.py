"""The sharing policy as data: which fields of which change may leave the outlet.

An allow-list, per region, entity, action and service type (``*`` = any):
anything not listed stays at the counter, so a field added to a record later
does not leak by default.  Paths name nested fields (``agreement.text_id``),
``*`` stands for any key (``condition.*``), and a path through a list applies
to each element (``photos.part``).  A path ends at a plain value: a scalar or
a list of scalars; an object found where a plain value was allowed is dropped.
Free-text paths are allowed too, but their text passes the redactor first.

`parse_sharing_rules` validates the decoded JSON
(``resources/reference/sharing_policy.json``; the same format is accepted
from the upstream), `RegionSharing.rule` answers one lookup.  Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

SUPPORTED_FORMAT = 1
ANY = "*"
_NAME = re.compile(r"^(\*|[a-z][a-z0-9_]{0,39})$")
_REGION = re.compile(r"^[A-Z]{2,8}$")
MAX_PATH_SEGMENTS = 6


class SharingRulesError(ValueError):
    """The sharing policy file does not follow its format (names the place)."""


@dataclass(frozen=True, slots=True)
class FieldRule:
    """The paths of one change that may leave; `free_text` ones pass the redactor first."""

    fields: tuple[str, ...]
    free_text: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RegionSharing:
    region: str
    #: entity -> action -> service type (or "*") -> rule
    entities: Mapping[str, Mapping[str, Mapping[str, FieldRule]]]

    def rule(self, entity: str, action: str, service_type: str | None) -> FieldRule | None:
        """The rule for this change, or None: then nothing of it leaves."""
        by_type = self.entities.get(entity, {}).get(action)
        if by_type is None:
            return None
        if service_type is not None and service_type in by_type:
            return by_type[service_type]
        return by_type.get(ANY)

    def rows(self) -> Iterator[tuple[str, str, str, FieldRule]]:
        """(entity, action, service type, rule), sorted, for printing."""
        for entity in sorted(self.entities):
            for action in sorted(self.entities[entity]):
                for service_type, rule in sorted(self.entities[entity][action].items()):
                    yield entity, action, service_type, rule


@dataclass(frozen=True, slots=True)
class SharingRules:
    version: str
    default_region: str
    regions: Mapping[str, RegionSharing]

    def for_region(self, region: str | None) -> RegionSharing:
        """The region's rules; an outlet in a region the file does not list gets the default region's."""
        key = (region or "").upper()
        return self.regions.get(key) or self.regions[self.default_region]


def _fail(where: str, problem: str) -> SharingRulesError:
    return SharingRulesError(f"{where}: {problem}")


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, "must be an object")
    return value


def _name(value: str, where: str) -> str:
    if not _NAME.match(value):
        raise _fail(where, f"{value!r} is not a lower-case name or *")
    return value


def _paths(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(where, "must be a list of field paths")
    paths = []
    for i, path in enumerate(value):
        if not isinstance(path, str) or not path:
            raise _fail(f"{where}[{i}]", "must be a field path like agreement.text_id")
        segments = path.split(".")
        if len(segments) > MAX_PATH_SEGMENTS:
            raise _fail(f"{where}[{i}]", f"deeper than {MAX_PATH_SEGMENTS} levels")
        for segment in segments:
            _name(segment, f"{where}[{i}]")
        paths.append(path)
    return tuple(paths)


def _field_rule(value: Any, where: str) -> FieldRule:
    node = _object(value, where)
    unknown = set(node) - {"fields", "free_text"}
    if unknown:
        raise _fail(where, f"unknown keys {sorted(unknown)}")
    fields = _paths(node.get("fields", []), f"{where}.fields")
    free_text = _paths(node.get("free_text", []), f"{where}.free_text")
    overlap = set(fields) & set(free_text)
    if overlap:
        raise _fail(where, f"{sorted(overlap)} listed both as fields and as free text")
    return FieldRule(fields, free_text)


def _actions(value: Any, where: str) -> Mapping[str, Mapping[str, FieldRule]]:
    node = _object(value, where)
    actions: dict[str, Mapping[str, FieldRule]] = {}
    aliases = {action: target for action, target in node.items() if isinstance(target, str)}
    for action, by_type in node.items():
        if action in aliases:
            continue
        rules = _object(by_type, f"{where}.{_name(action, where)}")
        actions[action] = MappingProxyType(
            {_name(t, f"{where}.{action}"): _field_rule(r, f"{where}.{action}.{t}") for t, r in rules.items()}
        )
    for action, target in aliases.items():  # "seed": "create" shares the rules of create
        if target not in actions:
            raise _fail(f"{where}.{_name(action, where)}", f"names {target!r}, which is not an action listed here")
        actions[action] = actions[target]
    return MappingProxyType(actions)


def _entities(value: Any, where: str) -> dict[str, Mapping[str, Mapping[str, FieldRule]]]:
    node = _object(value, where)
    return {_name(entity, where): _actions(actions, f"{where}.{entity}") for entity, actions in node.items()}


def parse_sharing_rules(data: Any, where: str = "sharing_policy.json") -> SharingRules:
    root = _object(data, where)
    if root.get("format") != SUPPORTED_FORMAT:
        raise _fail(f"{where}.format", f"must be {SUPPORTED_FORMAT}")
    version = root.get("version")
    if not isinstance(version, str) or not version.strip() or len(version) > 40:
        raise _fail(f"{where}.version", "must be a non-empty string")
    listed = _object(root.get("regions"), f"{where}.regions")
    regions: dict[str, RegionSharing] = {}
    # A region may be based on another listed before it, then only names the entities it changes.
    for code, node in listed.items():
        place = f"{where}.regions.{code}"
        if not _REGION.match(code):
            raise _fail(place, "region codes are 2-8 capital letters")
        region = _object(node, place)
        base = region.get("based_on")
        if base is not None and base not in regions:
            raise _fail(f"{place}.based_on", f"{base!r} is not a region listed before it")
        entities = dict(regions[base].entities) if base is not None else {}
        entities.update(_entities(region.get("entities", {}), f"{place}.entities"))
        regions[code] = RegionSharing(code, MappingProxyType(entities))
    default = root.get("default_region")
    if default not in regions:
        raise _fail(f"{where}.default_region", f"{default!r} is not one of the regions listed")
    return SharingRules(version, str(default), MappingProxyType(regions))
