"""Which lines of a long text can hold personal data, found in one Hyperscan pass.

`app.core.redaction` has exact patterns with look-behinds that only Python's
`re` runs, and `re` spends its time on the digits every logcat line is full of.
This module scans the UTF-8 bytes once with Hyperscan (a DFA engine that runs
at memory speed) for a looser form of each exact pass: every text the exact
pass can change contains a match of its loose form.  The loose forms keep to
Python's meaning of `\\d` (any Unicode decimal digit), `\\s` (str.isspace) and
of case-insensitive letters (`ſ` is an `s`, `İ` and `ı` are an `i`), so a
digit or space from another script cannot slip past the prefilter.

`flagged_lines` answers the byte spans of the lines to redact, each with the
passes it needs.  Some loose forms start where their exact pattern's
look-behind allows (numbers, hex MEIDs), which a replacement by an earlier pass
can change; `app.core.redaction` adds those passes to a line when a tag it just
put there touches a digit or letter.  It answers None when Hyperscan is not installed or the text is not valid UTF-8
(lone surrogates); the caller then runs the exact passes over the whole text.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from typing import Any

#: The exact passes of `app.core.redaction`, in the order they run.
PASS_ORDER = ("account", "ssid", "coord_keyed", "meid_keyed", "email", "numeric", "meid", "mac")

# Python's case-insensitive matching folds these non-ASCII letters onto ASCII ones.
_EXTRA_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def _code_point_class(predicate_pattern: str, exclude: str = "") -> str:
    """A Hyperscan class of every code point that Python's `re` matches with `predicate_pattern`."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    ranges = []
    for run in re.finditer(predicate_pattern, every):
        chars = "".join(ch for ch in run.group(0) if ch not in exclude)
        if chars:
            ranges.extend(_ranges(chars))
    return "[" + "".join(ranges) + "]"


def _ranges(chars: str) -> list[str]:
    pieces: list[str] = []
    start = previous = ord(chars[0])
    for code in [*(ord(c) for c in chars[1:]), -2]:
        if code != previous + 1:
            pieces.append(f"\\x{{{start:x}}}" if start == previous else f"\\x{{{start:x}}}-\\x{{{previous:x}}}")
            start = code
        previous = code
    return pieces


def _code_point(char: str) -> str:
    return char if char.isascii() else f"\\x{{{ord(char):x}}}"


def _caseless(word: str) -> str:
    """`word` matching as Python's case-insensitive `re` would match it."""
    letters = []
    for char in word:
        variants = char.lower() + char.upper() + _EXTRA_FOLDS.get(char.lower(), "")
        letters.append("[" + "".join(map(_code_point, variants)) + "]" if char.isalpha() else re.escape(char))
    return "".join(letters)


def loose_patterns() -> dict[str, list[str]]:
    """The loose form(s) of each pass, with ASCII digits, spaces and letters (see `_rare_characters`)."""
    digit = "[0-9]"
    space = r"[\t\x0b\x0c\r\x1c-\x1f ]"
    hex_digit = "[0-9A-Fa-f]"
    # What can start an account value the exact pass replaces: a quote, anything but a digit or an
    # end of value, seven digits, or up to six digits going on with something else.
    end = r"\t\n\x0b\x0c\r ,;'}\])"
    value_start = rf'"|[^0-9{end}]|[0-9]{{7}}|[0-9]{{1,6}}[^0-9"{end}]'
    keys = "(?:" + "|".join(_caseless(k) for k in ("account", "user", "login", "acct")) + ")"
    forms = {
        "account": [
            rf"Account{space}*\{{{space}*name=",
            # "user=0" (Android's user id, up to six digits) is left alone by the exact pass.
            rf"{keys}(?:[_ ]?{_caseless('name')})?{space}*={space}*(?:{value_start})",
        ],
        "ssid": [rf"{_caseless('ssid')}{space}*[:=]"],
        "coord_keyed": [rf"(?:lat|latitude|lng|lon|long|longitude){space}*[=:]{space}*[\-+]?{digit}{{1,3}}\.{digit}"],
        "meid_keyed": [rf"{_caseless('meid')}{space}*[:=]?{space}*{hex_digit}{{14}}"],
        "email": [r"[A-Za-z0-9._%+\-]@[A-Za-z0-9\-]+\.[A-Za-z0-9\-]"],
        # Each starts where its exact pattern's look-behind allows it to (a line start or a
        # character that is not an ASCII digit), which spares Hyperscan most digit runs.
        "numeric": [
            rf"{digit}{{2}}[\- ]{digit}{{6}}[\- ]{digit}{{6}}[\- ]{digit}",  # grouped IMEI
            rf"(?:^|[^0-9]|86[ \-]?)1[3-9]{digit}(?:[ \-]?{digit}{{4}}){{2}}",  # Chinese mobile, maybe after +86
            rf"\+[1-9](?:[ \-]?{digit}){{6}}",  # international
            rf"(?:^|[^0-9])0[1-9]{digit}{{1,2}}[ \-]?{digit}{{7}}",  # Chinese landline
            rf"{digit}{{3}} ?, ?[\-+]?{digit}{{1,3}}\.{digit}{{3}}",  # coordinate pair (end of its latitude on)
            rf"(?:^|[^0-9]){digit}{{14}}",  # IMEI and longer digit runs
        ],
        "meid": [rf"(?:^|[^0-9A-Za-z])[A-Fa-f]{hex_digit}{{13}}"],
        "mac": [rf"{hex_digit}{{2}}(?:[:\-]{hex_digit}{{2}}){{5}}"],
    }
    assert tuple(forms) == PASS_ORDER
    return forms


def _rare_characters() -> dict[str, tuple[str, ...]]:
    """Classes of the characters Python's `re` takes for a digit, a space or a key letter beyond ASCII,
    with the passes whose patterns could take them so.  Matching them one at a time keeps the loose
    forms above ASCII-only, which Hyperscan runs far faster."""
    keyed = ("account", "ssid", "coord_keyed", "meid_keyed")
    return {
        _code_point_class(r"\d+", exclude="0123456789"): ("numeric", "coord_keyed"),
        _code_point_class(r"\s+", exclude="\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "): keyed,
        "[" + "".join(map(_code_point, "".join(_EXTRA_FOLDS.values()))) + "]": keyed,
    }


def pass_mask(*names: str) -> int:
    """The bits of these passes in a line's mask (bit i is PASS_ORDER[i])."""
    return sum(1 << PASS_ORDER.index(name) for name in set(names))


@functools.cache
def _database() -> tuple[Any, tuple[int, ...]] | None:
    """The compiled Hyperscan database and the pass mask of each of its expressions (built once, on
    first use), or None without Hyperscan."""
    try:
        import hyperscan
    except ImportError:  # the exact passes still run, only slower
        return None
    expressions: list[bytes] = []
    masks: list[int] = []
    for name, forms in loose_patterns().items():
        expressions += [form.encode("ascii") for form in forms]
        masks += [pass_mask(name)] * len(forms)
    for form, names in _rare_characters().items():
        expressions.append(form.encode("ascii"))
        masks.append(pass_mask(*names))
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    ids = list(range(len(expressions)))
    database.compile(expressions=expressions, ids=ids, elements=len(ids), flags=hyperscan.HS_FLAG_UTF8)
    return database, tuple(masks)


_SCAN_LOCK = threading.Lock()  # one scratch space per database: scans take turns


def flagged_lines(text: str) -> tuple[bytes, list[tuple[int, int, int]]] | None:
    """The text's UTF-8 bytes and, for every line that can hold personal data, in order, its byte span
    (without the `\\n`) and the mask of the passes it needs; None when there is no prefilter here or
    the text is not valid UTF-8."""
    compiled = _database()
    if compiled is None:
        return None
    database, masks = compiled
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: Hyperscan must only see valid UTF-8
        return None
    hits: list[tuple[int, int]] = []

    def on_match(expression: int, start: int, end: int, flags: int, context: object) -> None:
        hits.append((end, expression))

    with _SCAN_LOCK:
        database.scan(data, match_event_handler=on_match)
    hits.sort()
    lines: list[tuple[int, int, int]] = []
    line_start = line_end = -1
    mask = 0
    for end, expression in hits:
        if end > line_end:  # no loose form spans a line end: a match lies on one line
            if mask:
                lines.append((line_start, line_end, mask))
            line_start = data.rfind(b"\n", 0, end) + 1
            line_end = data.find(b"\n", end)
            line_end = len(data) if line_end < 0 else line_end
            mask = 0
        mask |= masks[expression]
    if mask:
        lines.append((line_start, line_end, mask))
    return data, lines
