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
# The sdists of the pinned Markdown and pymdown-extensions, whose own test inputs
# tests/unit/test_transparency.py renders with and without postkit (versions read
# from requirements.txt so that they cannot drift; downloaded once).
sdists=()
for project in markdown pymdown-extensions; do
  pin="$(grep -iE "^${project}==" requirements.txt | sed -E 's/[[:space:]]*(#.*)?$//' || true)"
  [ -n "$pin" ] || { echo "error: requirements.txt pins no version of $project" >&2; exit 1; }
  version="${pin#*==}"
  if [ ! -f ".cache/sdists/${project//-/_}-$version.tar.gz" ] && [ ! -f ".cache/sdists/$project-$version.tar.gz" ]; then
    sdists+=("$pin")
  fi
done
if [ "${#sdists[@]}" -gt 0 ]; then
  .venv/bin/python -m pip download --quiet --no-deps --no-binary :all: "${sdists[@]}" -d .cache/sdists
fi
if [ -f tests/audit/package.json ]; then
  npm ci --prefix tests/audit --no-audit --no-fund --loglevel=error
  # The whole tree as the lock pins it, with no dependency outside what its parent asks for.
  npm ls --all --prefix tests/audit > /dev/null || { echo "tests/audit: npm ls finds invalid dependencies (see above)" >&2; exit 1; }
fi

export NO_MKDOCS_2_WARNING=1 CHROME_PATH="$CHROMIUM"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/mkdocs build --strict --quiet --site-dir "$(mktemp -d)"
scripts/package.sh  # the sdist and wheel, checked; tests/package tests them (as the release workflow does)
export POSTKIT_DIST="$PWD/dist"
.venv/bin/pytest "$@"
