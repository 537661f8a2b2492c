#!/usr/bin/env bash
# The README's two commands:
#   bash installer/setup.sh run    set up, then open the demo (simulated phones, throwaway data)
#   bash installer/setup.sh test   set up, then run the whole test suite headless
# Each creates .venv, installs the Python packages from pyproject.toml and, when run as root,
# the Debian packages Qt and the tests need (otherwise it prints the apt-get line to run).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"; shift || true
case "$mode" in run|test) ;; *) echo "usage: bash installer/setup.sh run|test [args...]" >&2; exit 2;; esac

# Qt's offscreen and xcb platforms, printing (libcups2); docs/ARCHITECTURE.md section 12.
QT_DEBS="libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libcups2
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1"
# Real parts the tests use: pdftotext/pdffonts/pdftoppm, zbarimg, Debian's adb, Xvfb, PostgreSQL (the upstream suite).
TEST_DEBS="poppler-utils zbar-tools adb xvfb postgresql"

python_bin="${PYTHON:-python3.11}"

missing_debs() {
  local pkg out=""
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || out="$out $pkg"
  done
  echo "$out"
}

install_debs() {
  command -v dpkg-query >/dev/null || return 0   # not Debian: the packages are the user's business
  local missing; missing=$(missing_debs "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian packages:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Missing Debian packages. Run this once, then run this command again:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 3
  fi
}

debs="$QT_DEBS"
[ "$mode" = test ] && debs="$debs $TEST_DEBS"
"$python_bin" -c "import ensurepip, venv" 2>/dev/null || debs="$debs python3.11-venv"
# shellcheck disable=SC2086
install_debs $debs

if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  rm -f .venv/.installed-*; touch "$stamp"
fi

if [ "$mode" = run ]; then
  exec .venv/bin/repair-counter demo "$@"
fi
export QT_QPA_PLATFORM=offscreen
# One worker per core (pytest-xdist), a test file's tests kept on one worker so its module fixtures
# (adb servers, upstreams, stores) are made once: most of the suite waits on subprocesses and sockets,
# and on 2 cores this halves the run. TEST_WORKERS=0 runs everything in this one process.
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" --dist loadfile "$@"
