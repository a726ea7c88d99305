#!/usr/bin/env bash
# Installs what the site needs into .venv, and only what changed. Run by serve.sh and test.sh;
# extra arguments go to pip (test.sh adds -r requirements-test.txt).
#   - Python 3.11 or newer (PYTHON names another interpreter than python3), checked first;
#   - a .venv made by another Python is made again;
#   - pip runs only when requirements*.txt, pyproject.toml or the arguments changed since the
#     last successful install (a hash of them is kept in .venv/.installed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python="${PYTHON:-python3}"

# "3.11.7 /usr" : version and installation of an interpreter, or nothing if it does not run.
describe() { "$1" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3], sys.base_prefix)' 2>/dev/null || true; }

if ! command -v "$python" >/dev/null; then
  echo "error: the site needs Python 3.11 or newer, and there is no $python on PATH (set PYTHON=/path/to/python3.11 if it has another name)" >&2
  exit 1
fi
wanted="$(describe "$python")"
version="${wanted%% *}"
IFS=. read -r major minor _ <<<"$version"
if [ -z "$wanted" ] || [ "${major:-0}" -ne 3 ] || [ "${minor:-0}" -lt 11 ]; then
  echo "error: the site needs Python 3.11 or newer; $python is ${version:-not runnable} (install 3.11+, or set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

if [ -e .venv ] && [ "$(describe .venv/bin/python)" != "$wanted" ]; then
  made_by="$(describe .venv/bin/python)"
  echo "The .venv was made by another Python (${made_by:-one that no longer runs}); making it again with $version."
  rm -rf .venv
fi
if [ ! -e .venv ]; then
  if ! "$python" -m venv .venv; then
    rm -rf .venv  # never leave a half-made venv behind
    echo "error: $python -m venv failed (on Debian: apt-get install python3-venv)" >&2
    exit 1
  fi
fi

stamp="$(cat requirements*.txt pyproject.toml | { cat; printf '%s\n' "$wanted" "$@"; } | sha256sum | cut -c1-64)"
if grep -qx "$stamp" .venv/.installed 2>/dev/null; then
  exit 0  # nothing changed since this was installed
fi
echo "Installing the site's requirements into .venv (once, and again when they change)..."
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt "$@"
echo "$stamp" >>.venv/.installed
