"""The charge and discharge history Android keeps, from `dumpsys batterystats`.

Two forms carry it:

* `--checkin` (comma-separated): history records `9,h,<delta>,Bl=100,Bs=d,Bh=g,Bp=n,Bt=251,Bv=4395,...`
  (level, status c/d/n/f, health, plug n/a/u/w, temperature in tenths of a degree, voltage);
* `--history` (human): `+1h26m18s315ms (2) 095 status=discharging health=good plug=none temp=242 volt=4302 ...`.

Both are folded into the same summary: how many records, the level range, the
highest temperature, the voltage range, how often a plug was connected, and
whether any record had the battery discharging while a plug was connected
(a charging fault) or a bad health.  Nothing else from the dump is kept.  This is the one parser
of the `--checkin` history records; `battery_parser.parse_batterystats` reads the capacity lines of
the human form (and keeps its level steps, which nothing here needs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.device.parsers import OutputParseError, checked_text

MAX_HISTORY_CHARS = 32 * 1024 * 1024
_MAX_RECORDS = 200_000

_CHECKIN = re.compile(r"^9,h,\d{1,12}(?::\w{1,16})?,(.{1,2000})$")
_HUMAN = re.compile(r"^\s+(?:0|\+[0-9dhms]{1,40}) \(\d{1,3}\) (\d{3}) (.{0,2000})$")
_PAIR = re.compile(r"(\w{1,24})=([\w\-.]{1,32})")
_STATUS = {"c": "charging", "d": "discharging", "n": "not_charging", "f": "full", "?": "unknown"}
_PLUG = {"n": "none", "a": "ac", "u": "usb", "w": "wireless"}
_HEALTH = {"g": "good", "h": "overheat", "d": "dead", "v": "over_voltage", "f": "failure", "c": "cold", "?": "unknown"}


@dataclass(frozen=True)
class ChargeHistory:
    records: int
    level_min: int | None
    level_max: int | None
    max_temperature_c: float | None
    voltage_min_mv: int | None
    voltage_max_mv: int | None
    plug_ins: int
    #: Records where a plug was connected but the battery was discharging.
    discharging_while_plugged: int
    bad_health: tuple[str, ...]


@dataclass
class _Fold:
    records: int = 0
    levels: tuple[int, ...] = ()
    temps: tuple[int, ...] = ()
    volts: tuple[int, ...] = ()
    plug: str = "none"
    status: str = "unknown"
    plug_ins: int = 0
    discharging_while_plugged: int = 0
    bad_health: tuple[str, ...] = ()

    def add(self, level: int | None, fields: dict[str, str]) -> None:
        self.records += 1
        if level is not None and 0 <= level <= 100:
            self.levels = (min(self.levels + (level,)), max(self.levels + (level,)))
        temp = _int(fields.get("temp"), -400, 1500)
        volt = _int(fields.get("volt"), 1000, 6000)
        if temp is not None:
            self.temps = (max(self.temps + (temp,)),)
        if volt is not None:
            self.volts = (min(self.volts + (volt,)), max(self.volts + (volt,)))
        plug = fields.get("plug", self.plug)
        if plug != "none" and self.plug == "none":
            self.plug_ins += 1
        self.plug, self.status = plug, fields.get("status", self.status)
        if self.plug != "none" and self.status == "discharging":
            self.discharging_while_plugged += 1
        health = fields.get("health")
        if health not in (None, "good", "unknown") and health not in self.bad_health:
            self.bad_health += (str(health)[:16],)

    def summary(self) -> ChargeHistory:
        return ChargeHistory(
            self.records,
            self.levels[0] if self.levels else None,
            self.levels[-1] if self.levels else None,
            self.temps[0] / 10 if self.temps else None,
            self.volts[0] if self.volts else None,
            self.volts[-1] if self.volts else None,
            self.plug_ins,
            self.discharging_while_plugged,
            self.bad_health,
        )


def _int(value: str | None, low: int, high: int) -> int | None:
    if value is None or not re.fullmatch(r"-?\d{1,6}", value):
        return None
    number = int(value)
    return number if low <= number <= high else None


def parse_charge_history(text: str) -> ChargeHistory:
    """The history records of either form; OutputParseError when there are none."""
    text = checked_text(text, "dumpsys batterystats", MAX_HISTORY_CHARS)
    fold = _Fold()
    for line in text.splitlines():
        if fold.records >= _MAX_RECORDS:
            break
        if (checkin := _CHECKIN.match(line)) is not None:
            _add_checkin(fold, checkin.group(1))
        elif (human := _HUMAN.match(line)) is not None:
            fields = dict(_PAIR.findall(human.group(2)))
            fold.add(int(human.group(1)), fields)
    if fold.records == 0:
        raise OutputParseError("dumpsys batterystats: no history records")
    return fold.summary()


def _add_checkin(fold: _Fold, body: str) -> None:
    fields = dict(part.split("=", 1) for part in body.split(",") if "=" in part and len(part) <= 64)
    if "Bl" not in fields and "Bs" not in fields:
        return  # a record of events only (+w=1, wakelocks): no battery state
    fold.add(
        _int(fields.get("Bl"), 0, 100),
        {
            "status": _STATUS.get(fields.get("Bs", "?"), "unknown"),
            "plug": _PLUG.get(fields.get("Bp", "n"), "none"),
            "health": _HEALTH.get(fields.get("Bh", "?"), "unknown"),
            **{k: v for k, v in (("temp", fields.get("Bt")), ("volt", fields.get("Bv"))) if v is not None},
        },
    )
