"""Take personal data out of free text before it is stored or logged.

Two callers depend on this module: the foundation's logging filter runs
`redact_text` on every log line the app writes, and the diagnostics service
runs it on every line of a phone's `logcat` before the capture is stored.
Both need it to be fast (it sits on every log call and on megabytes of logcat) and to never raise (a
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
* MAC addresses (six hex pairs joined by `:` or `-`, Wi-Fi and Bluetooth
  alike) -> `[MAC]`, except an access point after `BSSID` that is kept.

`redact_names` removes known customer names (given by the caller, who knows
whose phone it is); names are not guessable from text alone.

Speed: the exact patterns use look-behinds, which only Python's `re` runs, and
`re` spends its time on the digits every logcat line is full of.  So a long
text is first scanned once by Hyperscan (`redaction_prefilter`) for a looser
form of every pattern; only the lines it flags, and only the passes it flags
them for, go through the exact patterns.  No pattern crosses a line end, so
the result equals the exact passes over the whole text (a property test holds
the two to that).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from app.core import redaction_prefilter as prefilter

#: Text that replaces the input when redaction itself fails (never the input).
REDACTION_FAILED = "[REDACTED: redaction failed]"

#: Longest value (SSID, account) a keyed pattern will consume; bounds the work
#: on hostile input and keeps a runaway match from eating a whole line.
_MAX_VALUE = 256
#: Shorter texts (one log record) go straight to the exact passes: the prefilter
#: costs more than it saves there.
PREFILTER_FROM_CHARS = 2_048

# White space within one line: every pattern stays on its line, which is what
# lets the prefilter send only the lines it flags through the exact passes.
_SP = r"[^\S\n]"

_EMAIL = r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.[A-Za-z]{2,24}"

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
_MEID = r"[A-Fa-f](?<![0-9A-Za-z][A-Fa-f])[0-9A-Fa-f]{13}[0-9A-Fa-f]?(?![0-9A-Za-z])"
_MEID_KEYED = rf"(?P<meid_key>(?i:\bmeid){_SP}*[:=]?{_SP}*)(?P<meid_value>[0-9A-Fa-f]{{14,15}})(?![0-9A-Za-z])"

# Coordinates: range-checked in the replacement callback, not in the pattern.
_COORD_PAIR = r"(?P<coord>(?<![\w.\-])[\-+]?\d{1,2}\.\d{3,15} ?, ?[\-+]?\d{1,3}\.\d{3,15}(?![\d.]))"
_COORD_KEYED = (
    rf"(?P<coord_key>\b(?:lat|latitude|lng|lon|long|longitude){_SP}*[=:]{_SP}*)"
    r"(?P<coord_value>[\-+]?\d{1,3}\.\d+)"
)

_ACCOUNT_KEYED = (
    rf"(?P<account_key>(?i:\b(?:account[_ ]?name|account|user[_ ]?name|user|login|acct){_SP}*={_SP}*))"
    rf"(?P<account_value>(?!\[[A-Z]+\])(?:\"[^\"\n]{{0,{_MAX_VALUE}}}\"|[^\s,;\"'}}\])]+))"
)
_ACCOUNT_ANDROID = (
    rf"(?P<android_account_key>Account{_SP}*\{{{_SP}*name=)"
    r"(?P<android_account_value>(?!\[[A-Z]+\])[^,}\n]+)"
)

# SSID: not preceded by B (that is BSSID), any prefix such as mWifiSsid.
_SSID = (
    rf"(?P<ssid_key>(?i:(?<![b])ssid){_SP}*[:=]{_SP}*)"
    rf"(?P<ssid_value>(?!\[[A-Z]+\])(?:\"[^\"\n]{{0,{_MAX_VALUE}}}\"|<unknown ssid>|[^\s,;\"}}\])]+))"
)
_HEX_PAIRS = r"(?:[0-9A-Fa-f]{2}[:\-]){5}[0-9A-Fa-f]{2}"
_BSSID = rf"(?P<bssid_key>(?i:bssid){_SP}*[:=]{_SP}*)(?P<bssid_value>{_HEX_PAIRS})"
# A MAC address anywhere (a longer run of hex pairs goes whole, so no MAC hides in one); after
# `BSSID:` it is the access point, kept when the customer agreed (checked in the callback, which
# leaves the pattern starting with a hex digit, a start `re` finds quickly).
_MAC = r"(?<![0-9A-Fa-f])(?<![0-9A-Fa-f][:\-])(?:[0-9A-Fa-f]{2}[:\-]){5,}[0-9A-Fa-f]{2}(?![0-9A-Fa-f])"
_AFTER_BSSID = re.compile(rf"(?i:bssid){_SP}*[:=]{_SP}*\Z")

# Numbers: a first pass finds runs of digits and separators; only runs long
# enough to hold a phone number, IMEI or coordinate pair get the full pattern.
_NUMERIC_RUN = re.compile(r"[+\-\d][\d .,+\-]{6,}")
_NUMERIC = re.compile("|".join((_IMEI_GROUPED, _PHONE, _COORD_PAIR, _DIGIT_RUN)))


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


#: Every text `_NUMERIC` can replace holds one of these (its alternatives without their look-arounds);
#: a run without one (a threadtime header, a 9-digit id) is returned at the cost of one search.
_NUMERIC_HINT = re.compile(
    r"\d{14}|1[3-9]\d(?:[ \-]?\d{4}){2}|\+[1-9](?:[ \-]?\d){6}|0[1-9]\d{1,2}[ \-]?\d{7}"
    r"|\d{3} ?, ?[\-+]?\d{1,3}\.\d{3}|\d{2}[\- ]\d{6}[\- ]\d{6}[\- ]\d"
)


def _replace_numeric_run(match: re.Match[str]) -> str:
    run = match.group(0)
    return _NUMERIC.sub(_replace_number, run) if _NUMERIC_HINT.search(run) else run


def _replace_mac(match: re.Match[str], keep_bssid: bool) -> str:
    before = match.string[max(0, match.start() - 64) : match.start()]
    return match.group(0) if keep_bssid and _AFTER_BSSID.search(before) else "[MAC]"


_Pass = Callable[[str, bool, bool], str]


def _keyed_pass(pattern: str) -> _Pass:
    compiled = re.compile(pattern)

    def run(text: str, keep_ssid: bool, keep_bssid: bool) -> str:
        return compiled.sub(lambda match: _replace_keyed(match, keep_ssid, keep_bssid), text)

    return run


def _fixed_pass(pattern: str, tag: str) -> _Pass:
    compiled = re.compile(pattern)
    return lambda text, keep_ssid, keep_bssid: compiled.sub(tag, text)


_MAC_PATTERN = re.compile(_MAC)

#: The exact passes, in the order they run; the prefilter names lines by these keys.
PASSES: dict[str, _Pass] = {
    "account": _keyed_pass(f"{_ACCOUNT_ANDROID}|{_ACCOUNT_KEYED}"),
    "ssid": _keyed_pass(f"{_BSSID}|{_SSID}"),
    "coord_keyed": _keyed_pass(_COORD_KEYED),
    "meid_keyed": _keyed_pass(_MEID_KEYED),
    "email": _fixed_pass(_EMAIL, "[EMAIL]"),
    "numeric": lambda text, keep_ssid, keep_bssid: _NUMERIC_RUN.sub(_replace_numeric_run, text),
    "meid": _fixed_pass(_MEID, "[MEID]"),
    "mac": lambda text, keep_ssid, keep_bssid: _MAC_PATTERN.sub(lambda m: _replace_mac(m, keep_bssid), text),
}
assert tuple(PASSES) == prefilter.PASS_ORDER, "the prefilter must know every pass, in order"


def redact_exact(text: str, keep_ssid: bool = False, keep_bssid: bool = False) -> str:
    """Every exact pass over the whole text: the reference the prefiltered path must equal."""
    for run in PASSES.values():
        text = run(text, keep_ssid, keep_bssid)
    return text


#: A tag right next to a digit, sign or letter: the numeric and hex-MEID look-behinds and look-aheads
#: may see something new there, so the line also goes through those passes.
#: (It starts with a bracket class, which `re` finds quickly.)
_TAG_BORDER = re.compile(r"[\[\]](?:(?<=\])[\w+.\-]|(?<=[\w.]\[))")
_LOOKAROUND_PASSES = ("numeric", "meid")


def _redact_prefiltered(text: str, keep_ssid: bool, keep_bssid: bool) -> str:
    """Only the lines the prefilter flags, through only the passes it flags them for."""
    return _redact_prefiltered_with_bytes(text, keep_ssid, keep_bssid)[0]


def _redact_prefiltered_with_bytes(text: str, keep_ssid: bool, keep_bssid: bool) -> tuple[str, bytes | None]:
    """The redacted text and, when they were made on the way (a text not in ASCII), its UTF-8 bytes."""
    found = prefilter.flagged_lines(text)
    if found is None:  # no prefilter here, or text it cannot scan: the exact passes do it all
        return redact_exact(text, keep_ssid, keep_bssid), None
    data, flagged = found
    if not flagged:
        return text, data
    # In an ASCII text a byte offset is a character offset: the lines are cut from the text itself
    # and the result joined as text, sparing the decoding and encoding of megabytes.
    plain = text.isascii()
    if plain:
        lines = [text[start:end] for start, end, _ in flagged]
    else:
        lines = b"\n".join(data[start:end] for start, end, _ in flagged).decode("utf-8").split("\n")
    _run_passes(lines, [mask for _, _, mask in flagged], keep_ssid, keep_bssid)
    if plain:
        return "".join(_spliced(text, flagged, lines)), None
    redacted = b"".join(_spliced(data, flagged, [line.encode("utf-8") for line in lines]))
    return redacted.decode("utf-8"), redacted


def _run_passes(lines: list[str], masks: list[int], keep_ssid: bool, keep_bssid: bool) -> None:
    """Each pass once over all the lines flagged for it, joined (no pass spans a line end)."""
    for bit, run in enumerate(PASSES.values()):
        chosen = [index for index, mask in enumerate(masks) if mask >> bit & 1]
        if not chosen:
            continue
        later = prefilter.pass_mask(*(n for n in _LOOKAROUND_PASSES if prefilter.PASS_ORDER.index(n) > bit))
        redacted = run("\n".join(lines[index] for index in chosen), keep_ssid, keep_bssid).split("\n")
        for index, line in zip(chosen, redacted, strict=True):  # no pass spans a line: counts match
            if line != lines[index]:
                lines[index] = line
                if _TAG_BORDER.search(line):
                    masks[index] |= later


_Piece = TypeVar("_Piece", str, bytes)


def _spliced(whole: _Piece, flagged: list[tuple[int, int, int]], lines: list[_Piece]) -> list[_Piece]:
    """`whole` with each flagged span replaced by its redacted line."""
    pieces: list[_Piece] = []
    position = 0
    for (start, end, _), line in zip(flagged, lines, strict=True):
        pieces += (whole[position:start], line)
        position = end
    pieces.append(whole[position:])
    return pieces


def redact_text(text: str, *, keep_ssid: bool = False, keep_bssid: bool = False) -> str:
    """Return `text` with phone numbers, e-mails, IMEIs, MEIDs, coordinates,
    account names, MAC addresses and (unless kept) Wi-Fi names replaced by
    bracketed tags.

    Never raises: anything that is not a string is converted with `str()`,
    and an internal failure returns `REDACTION_FAILED` instead of the input.
    """
    try:
        if not isinstance(text, str):
            text = str(text)
        if len(text) < PREFILTER_FROM_CHARS:
            return redact_exact(text, keep_ssid, keep_bssid)
        return _redact_prefiltered(text, keep_ssid, keep_bssid)
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


#: Letters that Python's case-insensitive `re` also matches with a non-ASCII letter (ſ, İ, ı, K).
_FOLDED_BEYOND_ASCII = frozenset("sSiIkK")


def _may_hold_a_name(text: str, names: tuple[str, ...], utf8: bytes | None = None) -> bool:
    """False only when no name's first word can be in the text: a plain substring search (memory speed)
    spares the case-insensitive pattern a whole capture that never names the customer.

    An ASCII word is looked for in the text's UTF-8 bytes with ASCII letters lowered (`bytes.lower`
    leaves other characters alone, and is far cheaper than lowering a text in another script); a word
    without case (Chinese) as it is; any other word in the lowered text.  `utf8`: the text's UTF-8
    bytes when the caller has them."""
    ascii_text = text.isascii()
    lowered_bytes: bytes | None = None
    lowered: str | None = None
    for name in names:
        words = name.split()
        if not words:
            continue
        word = words[0]
        if word.lower() == word.upper():
            found = word in text
        elif word.isascii():
            if not ascii_text and not _FOLDED_BEYOND_ASCII.isdisjoint(word):
                return True  # ſ, İ, ı or K in the text could stand for one of its letters
            if lowered_bytes is None:
                lowered_bytes = (text.encode("utf-8", "surrogatepass") if utf8 is None else utf8).lower()
            found = word.lower().encode("ascii") in lowered_bytes
        else:
            lowered = text.lower() if lowered is None else lowered
            found = word.lower() in lowered or len(word.lower()) != len(word)
        if found:
            return True
    return False


def redact_names(text: str, names: Iterable[str]) -> str:
    """Replace every occurrence of the given customer names with `[NAME]`.

    Matching ignores case and the amount of white space between name parts;
    Latin-script names match only as whole words, Chinese names anywhere (Chinese
    text has no spaces between words).  Never raises, as `redact_text`.
    """
    try:
        if not isinstance(text, str):
            text = str(text)
        return _names_replaced(text, tuple(names), None)
    except Exception:  # noqa: BLE001 - fail closed as redact_text does
        return REDACTION_FAILED


def _names_replaced(text: str, names: tuple[str, ...], utf8: bytes | None) -> str:
    pattern = _name_pattern(names)
    if pattern is None or not _may_hold_a_name(text, names, utf8):
        return text
    return pattern.sub("[NAME]", text)


def redact_log(text: str, names: Iterable[str], *, keep_ssid: bool = False, keep_bssid: bool = False) -> str:
    """`redact_names(redact_text(text, ...), names)` in one go: a long text not in ASCII is encoded to
    UTF-8 once, for the prefilter, and the name search reuses the bytes of the result.  Never raises."""
    try:
        if not isinstance(text, str):
            text = str(text)
        if len(text) < PREFILTER_FROM_CHARS:
            redacted, utf8 = redact_exact(text, keep_ssid, keep_bssid), None
        else:
            redacted, utf8 = _redact_prefiltered_with_bytes(text, keep_ssid, keep_bssid)
        return _names_replaced(redacted, tuple(names), utf8)
    except Exception:  # noqa: BLE001 - fail closed as redact_text does
        return REDACTION_FAILED
