"""Take personal data out of free text before it is stored or logged.

Two callers depend on this module: the foundation's logging filter runs
`redact_text` on every log line the app writes, and the diagnostics service
runs it on every line of a phone's `logcat` before the capture is stored.
Both need it to be fast (it sits on every log call) and to never raise (a
logging filter that raises loses the line, a capture that raises loses the
run).  If something unexpected does go wrong the whole text is replaced, so
a failure can only over-redact, never leak.

What is replaced, each by a bracketed tag so a reader still sees the shape:

* phone numbers: Chinese mobiles (11 digits, `1[3-9]...`, optionally with
  `+86`/`0086` and spaces or hyphens), Chinese landlines with their area code
  (`0755-88881234`) and international `+<country>...` forms -> `[PHONE]`
* e-mail addresses -> `[EMAIL]`
* IMEI-like runs of 14 to 16 digits (also written `35-209900-176148-1`)
  -> `[IMEI]`; longer digit runs (ICCIDs, decimal MEIDs) -> `[ID]`
* MEIDs in hex (14 hex digits starting with A-F, or after the word MEID)
  -> `[MEID]`
* coordinates: decimal latitude,longitude pairs with at least three
  decimals, and `lat=`/`lon=`/`latitude:` style values -> `[COORD]`
* account names: `account=`, `user=`, `username=`, `accountName=`,
  `login=` values and Android's `Account {name=..., type=...}` -> `[ACCOUNT]`
* Wi-Fi names in logcat forms (`SSID: "x"`, `ssid=x`, `mWifiSsid=x`)
  -> `[SSID]`, unless `keep_ssid=True` (the customer consented to `ssid`);
  access points after `BSSID` -> `[BSSID]` unless `keep_bssid=True`.

`redact_names` removes known customer names (given by the caller, who knows
whose phone it is); names are not guessable from text alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

#: Text that replaces the input when redaction itself fails (never the input).
REDACTION_FAILED = "[REDACTED: redaction failed]"

#: Longest value (SSID, account) a keyed pattern will consume; bounds the work
#: on hostile input and keeps a runaway match from eating a whole line.
_MAX_VALUE = 256

_EMAIL = r"(?P<email>[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.[A-Za-z]{2,24})"

# Chinese mobile: optional +86 / 0086 / 86- prefix, then 1[3-9] and 9 digits,
# allowing the common 3-4-4 grouping with a space or hyphen.
_CN_MOBILE = r"(?:(?:\+|00)86[ \-]?)?1[3-9]\d(?:[ \-]?\d{4}){2}"
# International: a plus, a country code not starting with 0, 6 to 14 more
# digits with optional single separators (E.164 allows 15 digits in all).
_INTL_PHONE = r"\+[1-9](?:[ \-]?\d){6,14}"
# Chinese landline with its area code: 0 + 2-3 digits, then 7-8 digits.
_CN_LANDLINE = r"0[1-9]\d{1,2}[ \-]?\d{7,8}"
_PHONE = (
    rf"(?P<phone>(?<![\d+]){_CN_MOBILE}(?!\d)|(?<![\d+]){_INTL_PHONE}(?!\d)"
    rf"|(?<![\d+.\-]){_CN_LANDLINE}(?![\d.]))"
)

# IMEI in its grouped printed form (TAC 8, serial 6, check 1) and plain runs.
_IMEI_GROUPED = r"(?P<imei_grouped>(?<![\w\-])\d{2}[\- ]\d{6}[\- ]\d{6}[\- ]\d{1,2}(?![\w\-]))"
_DIGIT_RUN = r"(?P<digits>(?<!\d)\d{14,}(?!\d))"
_MEID = r"(?P<meid>[A-Fa-f](?<![0-9A-Za-z][A-Fa-f])[0-9A-Fa-f]{13}[0-9A-Fa-f]?(?![0-9A-Za-z]))"
_MEID_KEYED = r"(?P<meid_key>(?i:\bmeid)\s*[:=]?\s*)(?P<meid_value>[0-9A-Fa-f]{14,15})(?![0-9A-Za-z])"

# Coordinates: range-checked in the replacement callback, not in the pattern.
_COORD_PAIR = r"(?P<coord>(?<![\w.\-])[\-+]?\d{1,2}\.\d{3,15} ?, ?[\-+]?\d{1,3}\.\d{3,15}(?![\d.]))"
_COORD_KEYED = (
    r"(?P<coord_key>\b(?:lat|latitude|lng|lon|long|longitude)\s*[=:]\s*)"
    r"(?P<coord_value>[\-+]?\d{1,3}\.\d+)"
)

_ACCOUNT_KEYED = (
    r"(?P<account_key>(?i:\b(?:account[_ ]?name|account|user[_ ]?name|user|login|acct)\s*=\s*))"
    rf"(?P<account_value>(?!\[[A-Z]+\])(?:\"[^\"\n]{{0,{_MAX_VALUE}}}\"|[^\s,;\"'}}\])]+))"
)
_ACCOUNT_ANDROID = (
    r"(?P<android_account_key>Account\s*\{\s*name=)"
    r"(?P<android_account_value>(?!\[[A-Z]+\])[^,}\n]+)"
)

# SSID: not preceded by B (that is BSSID), any prefix such as mWifiSsid.
_SSID = (
    r"(?P<ssid_key>(?i:(?<![b])ssid)\s*[:=]\s*)"
    rf"(?P<ssid_value>(?!\[[A-Z]+\])(?:\"[^\"\n]{{0,{_MAX_VALUE}}}\"|<unknown ssid>|[^\s,;\"}}\])]+))"
)
_BSSID = r"(?P<bssid_key>(?i:bssid)\s*[:=]\s*)(?P<bssid_value>(?:[0-9A-Fa-f]{2}[:\-]){5}[0-9A-Fa-f]{2})"

# Keyed patterns: run only when one of their key words is in the text.
# Each pattern runs only when one of its key words is in the lowered text.
_KEYED: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("account", "user", "login", "acct"), re.compile(f"{_ACCOUNT_ANDROID}|{_ACCOUNT_KEYED}")),
    (("ssid",), re.compile(f"{_BSSID}|{_SSID}")),
    (("lat", "lon", "lng"), re.compile(_COORD_KEYED)),
    (("meid",), re.compile(_MEID_KEYED)),
)
# Finds the lines worth the keyed and e-mail patterns; plain literals, which
# `re` scans for quickly.
_GATE = re.compile("|".join([*(word for words, _ in _KEYED for word in words), "@"]))
_EMAIL_PATTERN = re.compile(_EMAIL)
# Numbers: a first pass finds runs of digits and separators (a pattern that
# starts with a character class, which `re` scans for quickly); only runs long
# enough to hold a phone number, IMEI or coordinate pair (7 characters or
# more) get the full pattern.
_NUMERIC_RUN = re.compile(r"[+\-\d][\d .,+\-]{6,}")
_NUMERIC = re.compile("|".join((_IMEI_GROUPED, _PHONE, _COORD_PAIR, _DIGIT_RUN)))
_MEID_PATTERN = re.compile(_MEID)


def _coord_in_range(pair: str) -> bool:
    latitude_text, longitude_text = pair.split(",", 1)
    return abs(float(latitude_text)) <= 90.0 and abs(float(longitude_text)) <= 180.0


def _replace_keyed(match: re.Match[str], keep_ssid: bool, keep_bssid: bool) -> str:
    kind = match.lastgroup or ""
    key = match.group(kind.replace("value", "key"))
    value = match.group(kind)
    if kind in ("android_account_value", "account_value"):
        # "user=0" is Android's numeric user id, not a person.
        return match.group(0) if value.isdigit() and len(value) <= 6 else key + "[ACCOUNT]"
    if kind == "ssid_value":
        return match.group(0) if keep_ssid else key + "[SSID]"
    if kind == "bssid_value":
        return match.group(0) if keep_bssid else key + "[BSSID]"
    if kind == "coord_value":
        return key + "[COORD]"
    return key + "[MEID]"


def _replace_number(match: re.Match[str]) -> str:
    kind = match.lastgroup
    found = match.group(0)
    if kind == "coord":
        return "[COORD]" if _coord_in_range(found) else found
    if kind == "digits":
        return "[IMEI]" if len(found) <= 16 else "[ID]"
    return "[PHONE]" if kind == "phone" else "[IMEI]"


def _replace_numeric_run(match: re.Match[str]) -> str:
    return _NUMERIC.sub(_replace_number, match.group(0))


def _redact_line(line: str, replace: Callable[[re.Match[str]], str]) -> str:
    """The patterns worth running only on lines holding their key word or an @."""
    lowered = line.lower()
    for words, pattern in _KEYED:
        if any(word in lowered for word in words):
            line = pattern.sub(replace, line)
    if "@" in line:
        line = _EMAIL_PATTERN.sub("[EMAIL]", line)
    return line


def _redact_gated_lines(text: str, replace: Callable[[re.Match[str]], str]) -> str:
    """Run `_redact_line` on just the lines that hold a key word or an @."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # Lowering changed some lengths (rare scripts): positions would not line up.
        return "".join(_redact_line(line, replace) for line in text.splitlines(keepends=True))
    pieces = []
    position = 0
    while (hit := _GATE.search(lowered, position)) is not None:
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.end())
        end = len(text) if end < 0 else end + 1
        pieces.append(text[position:start])
        pieces.append(_redact_line(text[start:end], replace))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _redact(text: str, keep_ssid: bool, keep_bssid: bool) -> str:
    def replace(match: re.Match[str]) -> str:
        return _replace_keyed(match, keep_ssid, keep_bssid)

    text = _redact_gated_lines(text, replace)
    # No pattern below crosses a line end, so they run over the whole text at once.
    text = _NUMERIC_RUN.sub(_replace_numeric_run, text)
    return _MEID_PATTERN.sub("[MEID]", text)


def redact_text(text: str, *, keep_ssid: bool = False, keep_bssid: bool = False) -> str:
    """Return `text` with phone numbers, e-mails, IMEIs, MEIDs, coordinates,
    account names and (unless kept) Wi-Fi names replaced by bracketed tags.

    Never raises: anything that is not a string is converted with `str()`,
    and an internal failure returns `REDACTION_FAILED` instead of the input.
    """
    try:
        if not isinstance(text, str):
            text = str(text)
        return _redact(text, keep_ssid, keep_bssid)
    except Exception:  # noqa: BLE001 - a redactor must fail closed, never raise
        return REDACTION_FAILED


def _name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    alternatives = []
    # Longest first, so "Zhang Wei" is removed before a shorter "Zhang".
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        parts = [re.escape(part) for part in name.split()]
        body = r"\s+".join(parts)
        if name.isascii():
            # Latin names only as whole words: "Ann" must not eat "Annotation".
            body = rf"(?<![\w]){body}(?![\w])"
        alternatives.append(body)
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.IGNORECASE)


def redact_names(text: str, names: Iterable[str]) -> str:
    """Replace every occurrence of the given customer names with `[NAME]`.

    Matching ignores case and the amount of white space between name parts;
    Latin-script names match only as whole words, Chinese names anywhere (Chinese
    text has no spaces between words).  Never raises, as `redact_text`.
    """
    try:
        pattern = _name_pattern(names)
        if not isinstance(text, str):
            text = str(text)
        return text if pattern is None else pattern.sub("[NAME]", text)
    except Exception:  # noqa: BLE001 - fail closed as redact_text does
        return REDACTION_FAILED
