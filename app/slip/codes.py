"""The two machine-readable codes on a slip: a QR code and a Code 128 barcode.

The QR code's content (`RC1/<ticket number>/<verification code>`) is made
and checked by `app.core.ticket_numbers`, where its format is documented; the
search box reads it back from there too.

The Code 128 barcode holds only the ticket number, in code set B (printable
ASCII), so any handheld scanner types it into the search box.

Everything here is pure: the QR module matrix comes from segno and the bar
widths from a small encoder, and the render modules draw both as vectors.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

#: Ticket numbers are short; anything longer is not one and is refused before encoding.
MAX_TICKET_LENGTH = 40
QR_QUIET_MODULES = 4
BARCODE_QUIET_MODULES = 10


class CodeContentError(ValueError):
    """A text cannot go into a slip code, or a scanned code is not a valid slip code."""


def check_ticket_text(ticket_number: str) -> str:
    """Refuse a ticket number that the codes cannot carry (empty, too long, not printable ASCII)."""
    if not ticket_number or len(ticket_number) > MAX_TICKET_LENGTH:
        raise CodeContentError(f"a ticket number must be 1 to {MAX_TICKET_LENGTH} characters")
    if any(not (32 < ord(ch) < 127) or ch == "|" for ch in ticket_number):
        raise CodeContentError("a ticket number must be printable ASCII without spaces or '|'")
    return ticket_number


@dataclass(frozen=True)
class QrMatrix:
    """Dark modules of a QR symbol, without quiet zone: `rows[y][x]` is True when dark."""

    rows: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        return len(self.rows)

    def dark_runs(self) -> list[tuple[int, int, int]]:
        """Horizontal runs of dark modules as (row, first column, length).

        Drawing runs instead of single modules keeps the PDF small and leaves
        no hairline seams between neighbouring modules in a rasterised page.
        """
        runs = []
        for y, row in enumerate(self.rows):
            x = 0
            while x < len(row):
                if row[x]:
                    start = x
                    while x < len(row) and row[x]:
                        x += 1
                    runs.append((y, start, x - start))
                else:
                    x += 1
        return runs


def qr_matrix(payload: str) -> QrMatrix:
    """The QR symbol for a payload, error correction level M (survives a crease or a stain)."""
    symbol = segno.make_qr(payload, error="m", boost_error=True)
    rows = tuple(tuple(bool(v) for v in row) for row in symbol.matrix)
    return QrMatrix(rows=rows)


# Code 128 symbol patterns: element widths (bar, space, bar, space, bar, space) in modules
# for symbol values 0..105, then the stop pattern (7 elements).  Values 0..94 in code set B
# stand for ASCII 32..126; 104 is START B; the stop pattern ends with a 2-module bar.
_PATTERNS = (
    "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 "
    "221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 "
    "221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 "
    "212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 "
    "231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 "
    "231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 "
    "314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 "
    "112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 "
    "111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 "
    "214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 "
    "114131 311141 411131 211412 211214 211232 2331112"
).split()
CODE128_PATTERNS: tuple[tuple[int, ...], ...] = tuple(tuple(int(c) for c in p) for p in _PATTERNS)
START_B = 104
STOP = 106


def code128b_values(text: str) -> list[int]:
    """Symbol values for `text` in code set B: start, data, checksum, stop."""
    values = [START_B]
    for ch in text:
        code = ord(ch)
        if not 32 <= code <= 126:
            raise CodeContentError(f"{ch!r} cannot be encoded in Code 128 set B")
        values.append(code - 32)
    checksum = (START_B + sum(i * v for i, v in enumerate(values[1:], start=1))) % 103
    return values + [checksum, STOP]


def code128b_widths(text: str) -> list[int]:
    """Alternating bar/space widths in modules, starting and ending with a bar (no quiet zone)."""
    widths: list[int] = []
    for value in code128b_values(text):
        widths.extend(CODE128_PATTERNS[value])
    return widths


def code128b_bars(text: str) -> list[tuple[int, int]]:
    """Bars as (start module, width in modules), counted from the first bar."""
    bars = []
    position = 0
    for index, width in enumerate(code128b_widths(text)):
        if index % 2 == 0:
            bars.append((position, width))
        position += width
    return bars


def code128b_total_modules(text: str) -> int:
    """Symbol width in modules without quiet zones: 11 per symbol plus 2 for the stop bar."""
    return sum(code128b_widths(text))
