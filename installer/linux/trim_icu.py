"""ICU's data for the bundle, cut to the languages a counter uses (issue 19): 31 MiB down to about 9.

Qt links ICU for collation (sorting Chinese by pinyin), case mapping, time-zone names and
text codecs; PySide6's wheel carries ICU's data for every language of the world as one
library, libicudata.so.NN, which exports a single symbol, icudtNN_dat, holding ICU's data
package.  This keeps that package's items for Chinese (zh, yue, which zh_Hant_HK's number
spell-out falls back to), English and the root locale, every item that belongs to no one
language (Unicode properties, normalisation, break rules and dictionaries, time zones),
and GB 18030 of the codecs; it drops transliteration (Qt never asks for it), the other
languages' names, currencies, units and collations, and the other codecs.  `icupkg`
(Debian's icu-devtools) removes the items; the C compiler wraps the package into a library
of the same name and symbol, which the spec puts in the bundle in place of the wheel's.
The frozen app's self-test then sorts and draws Chinese with it (app/cli/self_test.py).

    python installer/linux/trim_icu.py LIBICUDATA OUT_DIR   (prints the new library's path)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

#: A locale's item: a language code, then optional script/region parts ("zh_Hant_HK.res", "coll/en.res").
_LOCALE_ITEM = re.compile(r"^(?:.*/)?([a-z]{2,3})(?:_[A-Za-z0-9_]*)?\.res$")
KEPT_LANGUAGES = frozenset({"root", "en", "zh", "yue"})
DROPPED_TREES = ("translit/",)
KEPT_CODECS = frozenset({"gb18030.cnv"})
_SYMBOL = re.compile(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt(\d+)_dat)$")


def keep(item: str) -> bool:
    """Whether one item of ICU's data package (as `icupkg -l` names it) stays in the bundle."""
    if item.startswith(DROPPED_TREES):
        return False
    if item.endswith(".cnv"):
        return item in KEPT_CODECS
    locale = _LOCALE_ITEM.match(item)
    return locale is None or locale.group(1) in KEPT_LANGUAGES


def _run(*command: str, cwd: Path) -> str:
    return subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True).stdout


def _package_bytes(library: Path, work: Path) -> tuple[str, bytes]:
    """(symbol name, the data package) as the library holds it."""
    for line in _run("nm", "-D", "-S", "--defined-only", str(library), cwd=work).splitlines():
        found = _SYMBOL.match(line.strip())
        if found:
            start, size = int(found.group(1), 16), int(found.group(2), 16)
            offset = _file_offset(library, start, work)
            return found.group(3), library.read_bytes()[offset : offset + size]
    raise SystemExit(f"{library} exports no icudtNN_dat: not ICU's data library")


def _file_offset(library: Path, address: int, work: Path) -> int:
    """The file offset of a virtual address, from the section that holds it."""
    for line in _run("readelf", "-W", "-S", str(library), cwd=work).splitlines():
        parts = line.replace("[ ", "[").split()
        if len(parts) > 5 and parts[0].startswith("[") and parts[2] == "PROGBITS":
            section_address, offset, size = int(parts[3], 16), int(parts[4], 16), int(parts[5], 16)
            if section_address <= address < section_address + size:
                return address - section_address + offset
    raise SystemExit(f"no section of {library} holds address {address:#x}")


def trim(library: Path, out_dir: Path) -> Path:
    """Write the trimmed library into out_dir (same file name and soname) and return its path."""
    library, out_dir = library.resolve(), out_dir.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    symbol, package = _package_bytes(library, out_dir)
    name = symbol.removesuffix("_dat") + "l"  # icudt73l: the package's own name (l = little-endian)
    (out_dir / "full").mkdir(exist_ok=True)
    (out_dir / "trimmed").mkdir(exist_ok=True)
    (out_dir / "full" / f"{name}.dat").write_bytes(package)
    items = [i for i in _run("icupkg", "-l", f"full/{name}.dat", cwd=out_dir).split() if i]
    dropped = [item for item in items if not keep(item)]
    (out_dir / "dropped.txt").write_text("".join(f"{item}\n" for item in dropped))
    _run("icupkg", "-r", "dropped.txt", f"full/{name}.dat", f"trimmed/{name}.dat", cwd=out_dir)
    source = out_dir / "icudata.S"
    source.write_text(
        "    .section .rodata\n"
        f"    .globl {symbol}\n"
        f"    .type {symbol}, @object\n"
        "    .balign 16\n"
        f"{symbol}:\n"
        f'    .incbin "trimmed/{name}.dat"\n'
        f"    .size {symbol}, . - {symbol}\n"
        '    .section .note.GNU-stack,"",@progbits\n'
    )
    target = out_dir / library.name
    _run(
        "cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-Wl,-z,noexecstack", "-o", str(target),
        source.name, cwd=out_dir,
    )  # fmt: skip
    print(f"ICU data: {len(items) - len(dropped)} of {len(items)} items kept, {len(package):,} -> "
          f"{(out_dir / 'trimmed' / f'{name}.dat').stat().st_size:,} bytes", file=sys.stderr)  # fmt: skip
    return target


if __name__ == "__main__":
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
