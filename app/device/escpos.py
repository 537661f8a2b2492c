"""A small ESC/POS writer for raster slips, its reader (for tests), and printer status parsing.

Why our own writer rather than python-escpos: the slip is already a 1-bit
image rendered by Qt (so Chinese prints with the bundled font, whatever code
pages the printer has), and sending an image needs only four commands:
`ESC @` (initialise), `GS v 0` (raster bit image), `ESC d n` (feed) and
`GS V` (cut).  A dozen lines here beat a dependency that pulls in Pillow,
qrcode, and USB/network back ends we do not use, and the reader below lets the
tests check every byte we send.

Raster format: one bit per dot, 1 = black, most significant bit leftmost,
rows padded to whole bytes -- the layout of `GS v 0` and of a P4 PBM file.
Images are sent in bands of at most 256 rows, since many printers cap one
`GS v 0` command's height.

Status (Epson `DLE EOT n`, answered by the printer in real time with one byte
whose bits 1 and 4 are set and bits 0 and 7 clear):

* n=1 printer status: bit 3 set = offline.
* n=2 offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error.
* n=4 roll paper sensor: bits 2-3 paper near end, bits 5-6 paper end.
"""

from __future__ import annotations

from dataclasses import dataclass

ESC = 0x1B
GS = 0x1D
DLE = 0x10
EOT = 0x04
INITIALISE = bytes([ESC, ord("@")])
#: GS V 66 n: feed n dots then partial cut (function B), supported by most 80 mm printers.
CUT = bytes([GS, ord("V"), 66, 0])
BAND_ROWS = 256
#: Bounds for reading a job back: widest common head (3 inch = 576..640 dots) with room to spare.
MAX_WIDTH_DOTS = 2048
MAX_HEIGHT_DOTS = 40_000
MAX_JOB_BYTES = 16 * 1024 * 1024

STATUS_PRINTER = 1
STATUS_OFFLINE_CAUSE = 2
STATUS_PAPER = 4


class EscPosFormatError(ValueError):
    """A byte stream or status byte is not what an ESC/POS printer sends or accepts."""


@dataclass(frozen=True)
class MonoRaster:
    """A 1-bit image: `rows[y]` holds `width` dots, MSB first, 1 = black."""

    width: int
    rows: tuple[bytes, ...]

    def __post_init__(self) -> None:
        if not 0 < self.width <= MAX_WIDTH_DOTS:
            raise EscPosFormatError(f"raster width {self.width} out of range")
        if any(len(row) != self.bytes_per_row for row in self.rows):
            raise EscPosFormatError("every raster row must hold width/8 bytes (rounded up)")

    @property
    def bytes_per_row(self) -> int:
        return (self.width + 7) // 8

    @property
    def height(self) -> int:
        return len(self.rows)

    def is_black(self, x: int, y: int) -> bool:
        return bool(self.rows[y][x // 8] & (0x80 >> (x % 8)))

    def black_dots(self) -> int:
        return sum(bin(byte).count("1") for row in self.rows for byte in row)

    def to_pbm(self) -> bytes:
        """A binary PBM (P4) image: the same bit layout, readable by zbarimg and image viewers."""
        return f"P4\n{self.width} {self.height}\n".encode("ascii") + b"".join(self.rows)


def raster_job(raster: MonoRaster, *, feed_lines: int = 4, cut: bool = True) -> bytes:
    """The bytes that print `raster`: initialise, raster bands, feed, cut."""
    parts = [INITIALISE]
    width_bytes = raster.bytes_per_row
    for start in range(0, raster.height, BAND_ROWS):
        band = raster.rows[start : start + BAND_ROWS]
        header = bytes(
            [GS, ord("v"), ord("0"), 0, width_bytes & 0xFF, width_bytes >> 8, len(band) & 0xFF, len(band) >> 8]
        )
        parts.append(header + b"".join(band))
    parts.append(bytes([ESC, ord("d"), max(0, min(feed_lines, 255))]))
    if cut:
        parts.append(CUT)
    return b"".join(parts)


def parse_job(data: bytes) -> MonoRaster:
    """Read a job written by `raster_job` (or a printer driver using the same commands) back into an image.

    Understands ESC @, GS v 0 (normal density), ESC d n, GS V, LF; anything else
    is refused, so a test notices a stray byte.
    """
    if len(data) > MAX_JOB_BYTES:
        raise EscPosFormatError("job larger than any slip")
    rows: list[bytes] = []
    width_bytes: int | None = None
    pos = 0
    while pos < len(data):
        byte = data[pos]
        if data.startswith(INITIALISE, pos):
            pos += 2
        elif data.startswith(b"\x1dv0", pos):
            band, width_bytes, pos = _read_band(data, pos, width_bytes)
            rows.extend(band)
            if len(rows) > MAX_HEIGHT_DOTS:
                raise EscPosFormatError("raster taller than any slip")
        elif data.startswith(b"\x1bd", pos) and pos + 2 < len(data):
            pos += 3
        elif data.startswith(b"\x1dV", pos):
            pos += 4 if pos + 2 < len(data) and data[pos + 2] in (65, 66, 97, 98) else 3
        elif byte == 0x0A:
            pos += 1
        else:
            raise EscPosFormatError(f"unexpected byte 0x{byte:02x} at offset {pos}")
    if width_bytes is None:
        raise EscPosFormatError("the job holds no raster image")
    return MonoRaster(width_bytes * 8, tuple(rows))


def _read_band(data: bytes, pos: int, width_bytes: int | None) -> tuple[list[bytes], int, int]:
    if pos + 8 > len(data):
        raise EscPosFormatError("truncated GS v 0 header")
    mode, x_low, x_high, y_low, y_high = data[pos + 3 : pos + 8]
    if mode not in (0, 48):
        raise EscPosFormatError(f"GS v 0 mode {mode} (scaled) is not used for slips")
    band_width = x_low | (x_high << 8)
    band_height = y_low | (y_high << 8)
    if not 0 < band_width * 8 <= MAX_WIDTH_DOTS:
        raise EscPosFormatError(f"GS v 0 width {band_width} bytes out of range")
    if width_bytes is not None and band_width != width_bytes:
        raise EscPosFormatError("raster bands of different widths in one job")
    start = pos + 8
    end = start + band_width * band_height
    if end > len(data):
        raise EscPosFormatError("truncated raster data")
    band = [data[start + i * band_width : start + (i + 1) * band_width] for i in range(band_height)]
    return band, band_width, end


# --- status ------------------------------------------------------------------------------------


def status_query(kind: int) -> bytes:
    """`DLE EOT n`: ask for one status byte."""
    if kind not in (STATUS_PRINTER, STATUS_OFFLINE_CAUSE, STATUS_PAPER):
        raise ValueError(f"unsupported status kind {kind}")
    return bytes([DLE, EOT, kind])


@dataclass(frozen=True)
class PrinterStatus:
    """What the status bytes say, as the counter needs it."""

    offline: bool = False
    cover_open: bool = False
    paper_out: bool = False
    paper_near_end: bool = False
    error: bool = False

    @property
    def ready(self) -> bool:
        return not (self.offline or self.cover_open or self.paper_out or self.error)


def _check_frame(value: int) -> int:
    if not 0 <= value <= 0xFF or (value & 0x93) != 0x12:
        raise EscPosFormatError(f"0x{value:02x} is not an ESC/POS status byte")
    return value


def parse_printer_status(value: int) -> PrinterStatus:
    """Reply to DLE EOT 1."""
    return PrinterStatus(offline=bool(_check_frame(value) & 0x08))


def parse_offline_cause(value: int) -> PrinterStatus:
    """Reply to DLE EOT 2 (asked when the printer says it is offline)."""
    _check_frame(value)
    return PrinterStatus(
        offline=True, cover_open=bool(value & 0x04), paper_out=bool(value & 0x20), error=bool(value & 0x40)
    )


def parse_paper_status(value: int) -> PrinterStatus:
    """Reply to DLE EOT 4."""
    _check_frame(value)
    return PrinterStatus(paper_near_end=(value & 0x0C) == 0x0C, paper_out=(value & 0x60) == 0x60)


def merge_status(*parts: PrinterStatus) -> PrinterStatus:
    """One status from several replies: a condition any reply reports holds."""
    return PrinterStatus(
        offline=any(p.offline for p in parts),
        cover_open=any(p.cover_open for p in parts),
        paper_out=any(p.paper_out for p in parts),
        paper_near_end=any(p.paper_near_end for p in parts),
        error=any(p.error for p in parts),
    )
