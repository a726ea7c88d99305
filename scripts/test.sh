#!/usr/bin/env bash
# One command for every check: installs Python tools, Debian's Chromium and the
# npm audit tools, then lints, type-checks and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: the browser tests need Debian's chromium at /usr/bin/chromium; run this script as root, or: sudo apt-get install chromium" >&2
    exit 1
  fi
  echo "Installing Debian's chromium (Playwright's own browser download cannot work here)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

scripts/setup.sh -r requirements-test.txt
if [ -f tests/audit/package.json ]; then
  npm ci --prefix tests/audit --no-audit --no-fund --loglevel=error
fi

export NO_MKDOCS_2_WARNING=1 CHROME_PATH=/usr/bin/chromium
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/mkdocs build --strict --quiet --site-dir "$(mktemp -d)"
.venv/bin/pytest "$@"
