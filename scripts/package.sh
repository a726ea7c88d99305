#!/usr/bin/env bash
# Builds the sdist and wheel into dist/ and checks them: no build warning, twine's
# metadata check. Then downloads the wheels of the site's pinned requirements, from
# which tests/package installs the built wheel into a fresh environment with no index.
# The release workflow runs this and tests/package; so does scripts/test.sh.
# Needs the tools of requirements-test.txt in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist build ./*.egg-info
# --no-isolation: the pinned setuptools of requirements-test.txt, no download during the build.
# PYTHONDONTWRITEBYTECODE only makes setuptools warn that it compiles nothing (it ships no .pyc anyway).
log="$(env -u PYTHONDONTWRITEBYTECODE .venv/bin/python -m build --no-isolation --outdir dist . 2>&1)" || { echo "$log" >&2; exit 1; }
if grep -iE 'warning|deprecat' <<<"$log" >&2; then
  echo "error: building the package printed the warnings above" >&2
  exit 1
fi
rm -rf build ./*.egg-info
.venv/bin/twine check --strict dist/*
mkdir -p .cache
grep -vE '^[[:space:]]*(-e|#|$)' requirements.txt | sed -E 's/[[:space:]]*#.*$//' > .cache/site-requirements.txt
out="$(.venv/bin/python -m pip download --quiet --disable-pip-version-check -d .cache/wheelhouse -r .cache/site-requirements.txt 2>&1)" ||
  { echo "$out" >&2; exit 1; }
