#!/usr/bin/env bash
# Compile the NSIS script with Debian's makensis against the Linux bundle laid out as on Windows
# (repair-counter.exe, repair-counter-gui.exe, _internal\):
#   bash installer/windows/compile-check.sh [BUNDLE [OUT_DIR]]
# This proves the script compiles (syntax, includes, both languages, payload paths).  The .exe it
# makes carries Linux binaries and is NOT a Windows installer: its name says so.  A real one is
# built on Windows (README: "Windows installer").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root_dir=$(cd "$here/../.." && pwd)
bundle=$(cd "${1:-$root_dir/build/dist/repair-counter}" && pwd)
out=$(mkdir -p "${2:-$root_dir/build/nsis-check}" && cd "${2:-$root_dir/build/nsis-check}" && pwd)
version=$(cat "$(dirname "$bundle")/VERSION")

payload=$out/payload
rm -rf "$payload"
mkdir -p "$payload"
cp -a "$bundle/_internal" "$payload/_internal"
cp "$bundle/repair-counter" "$payload/repair-counter.exe"
cp "$bundle/repair-counter" "$payload/repair-counter-gui.exe"   # on Windows a windowed twin of the same analysis

outfile=$out/repair-counter-$version-setup-LINUX-PAYLOAD-NOT-FOR-WINDOWS.exe
makensis -V2 -DVERSION="$version" -DPAYLOAD="$payload" -DOUTFILE="$outfile" -DFAST_COMPRESSION \
  "$here/repair-counter.nsi"
rm -rf "$payload"
echo "$outfile"
