"""`repair-counter policy show [--region CN] [--json]`: what may leave this outlet, as data.

Prints the allow-list the sync relay applies (resources/reference/sharing_policy.json):
per entity, action and service type, the fields that leave and the free text
that leaves only after redaction.  Anything not printed stays at the counter.
"""

from __future__ import annotations

import argparse
import json

from app.core.sharing_rules import RegionSharing
from app.errors import UsageError
from app.sync.policy import shipped_rules


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    policy = subparsers.add_parser("policy", help="the sharing policy: what leaves the outlet / 数据外发策略")
    commands = policy.add_subparsers(dest="policy_command", metavar="COMMAND", required=True)
    show = commands.add_parser("show", help="print the fields that may leave, per entity and service type")
    show.add_argument("--region", default=None, help="region code, e.g. CN (default: the default region)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_policy_show)


def run_policy_show(args: argparse.Namespace) -> int:
    rules = shipped_rules()
    region = (args.region or rules.default_region).upper()
    if region not in rules.regions:
        raise UsageError(
            f"No sharing policy for region {region!r}. / 没有该地区的数据外发策略。",
            next_step=f"Known regions: {', '.join(rules.regions)}.",
        )
    chosen = rules.regions[region]
    if args.json:
        print(json.dumps(policy_json(rules.version, chosen), ensure_ascii=False, indent=2))
    else:
        print("\n".join(policy_lines(rules.version, chosen)))
    return 0


def policy_json(version: str, region: RegionSharing) -> dict[str, object]:
    rows = [
        {"entity": e, "action": a, "service_type": t, "fields": list(r.fields), "free_text": list(r.free_text)}
        for e, a, t, r in region.rows()
    ]
    return {"version": version, "region": region.region, "rules": rows}


def policy_lines(version: str, region: RegionSharing) -> list[str]:
    lines = [
        f"Sharing policy {version}, region {region.region} / 数据外发策略 {version}，地区 {region.region}",
        "Only the fields listed leave the outlet; everything else stays. / 仅列出的字段会上传，其余一律留在门店。",
        "Free text is redacted before it leaves. / 自由文本上传前先脱敏。",
        "",
    ]
    for entity, action, service_type, rule in region.rows():
        lines.append(f"{entity} {action} [{'any / 任意' if service_type == '*' else service_type}]")
        lines.append(f"  fields / 字段: {', '.join(rule.fields) or '-'}")
        if rule.free_text:
            lines.append(f"  free text, redacted / 自由文本（脱敏）: {', '.join(rule.free_text)}")
    return lines
