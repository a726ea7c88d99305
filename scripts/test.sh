#!/usr/bin/env bash
# One command for every check: installs Python tools, Debian's Chromium and the
# npm audit tools, then lints, type-checks and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

# CHROMIUM may name another Chromium-based browser (the GitHub workflow uses Chrome).
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$CHROMIUM" != /usr/bin/chromium ] || [ "$(id -u)" -ne 0 ]; then
    echo "error: the browser tests need Chromium at $CHROMIUM; run this script as root (it installs Debian's chromium), or: sudo apt-get install chromium" >&2
    exit 1
  fi
  echo "Installing Debian's chromium (Playwright's own browser download cannot work here)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

scripts/setup.sh -r requirements-test.txt
if [ -f tests/audit/package.json ]; then
  npm ci --prefix tests/audit --no-audit --no-fund --loglevel=error
fi

export NO_MKDOCS_2_WARNING=1 CHROME_PATH="$CHROMIUM"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/mkdocs build --strict --quiet --site-dir "$(mktemp -d)"
.venv/bin/pytest "$@"
