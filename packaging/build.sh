#!/usr/bin/env bash
# Build the one-folder bundle on Linux (the same spec as Windows) and smoke-test it offscreen:
# the frozen app must open its database (Alembic from bundled scripts), export a PDF and an
# xlsx with the bundled font, and show its window.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/dev.py test --co -q >/dev/null  # makes sure .venv exists with the app installed
.venv/bin/pip install -q "pyinstaller==6.22.3"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/jixiao-desktop.spec
APP=dist/jixiao-desktop/jixiao-desktop
CLI=dist/jixiao-desktop/jixiao-cli
tmp=$(mktemp -d)
"$CLI" --version
"$CLI" import tests/fixtures/jinrongjie-2021.json --db "$tmp/t.db"
"$CLI" export-db 1 "$tmp/t.pdf" --db "$tmp/t.db"
"$CLI" export tests/fixtures/niujie-2021.json "$tmp/t.xlsx"
"$CLI" check tests/fixtures/niujie-2021.json --json > "$tmp/findings.json"
JIXIAO_DB="$tmp/t.db" JIXIAO_CONFIG_DIR="$tmp/cfg" JIXIAO_SELFTEST=1 QT_QPA_PLATFORM=offscreen "$APP"
echo "bundle OK: $(du -sh dist/jixiao-desktop | cut -f1)"
