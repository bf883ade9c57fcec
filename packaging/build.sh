#!/usr/bin/env bash
# Build the desktop app into dist/annotator/ (one folder; start dist/annotator/annotator).
#
#   bash packaging/build.sh
#
# Uses the project's .venv (made by `python3 dev.py` on first use) or the Python
# in $PYTHON, installs the pinned PyInstaller into it, compiles the translations
# when the script for that exists, and runs packaging/annotator.spec.  Work files
# go to build/, the app to dist/ (both ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PYTHON:-}" ]; then
  PYTHON=.venv/bin/python
  [ -x "$PYTHON" ] || python3 -c 'import dev; dev.ensure_env()'
fi

pin=$(grep -o '"pyinstaller==[^"]*"' pyproject.toml | tr -d '"')  # one pin, in the test extra
"$PYTHON" -m pip install --quiet --disable-pip-version-check "$pin" 2>&1 | grep -v "is ignored" || true
"$PYTHON" -m PyInstaller --version >/dev/null

if [ -f packaging/compile_translations.py ]; then
  "$PYTHON" packaging/compile_translations.py
fi

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/annotator.spec
echo "build.sh: dist/annotator/ ($(du -sh dist/annotator | cut -f1)) in $(( $(date +%s) - start )) s;" \
     "start it with dist/annotator/annotator"
