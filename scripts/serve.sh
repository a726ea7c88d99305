#!/usr/bin/env bash
# One command for the author: install, then preview with live reload at http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# --livereload: MkDocs 1.6.1 does not reload by default with newer click versions.
exec .venv/bin/mkdocs serve --livereload "$@"
