#!/usr/bin/env bash
# Refresh resources/translations/*.ts from the sources (keeps existing translations), then compile .qm.
#   bash installer/translations.sh        (uses .venv, or $VENV)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VENV:-.venv}/bin"
for lang in zh_CN; do
  "$bin/pyside6-lupdate" $(find app/ui -name '*.py' | sort) -ts "resources/translations/repair_counter_${lang}.ts" -no-obsolete
  "$bin/pyside6-lrelease" "resources/translations/repair_counter_${lang}.ts" -qm "resources/translations/repair_counter_${lang}.qm"
done
