#!/usr/bin/env bash
# One command for the author: install (only what changed), then preview with live reload at
# http://127.0.0.1:8000/ (another address: scripts/serve.sh -a 127.0.0.1:8001).
# The preview is not strict: a page with a mistake still builds, and the plugin shows the
# build's warnings at the top of every page (file, line, what to do). `mkdocs build --strict`
# and CI still fail on them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1

# The address MkDocs will serve on: -a/--dev-addr, else mkdocs.yml's dev_addr, else its default.
address="$(sed -nE "s/^dev_addr:[[:space:]]*['\"]?([^'\" #]+).*/\1/p" mkdocs.yml)"
address="${address:-127.0.0.1:8000}"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    -a | --dev-addr) address="${args[i + 1]:-}" ;;
    --dev-addr=*) address="${args[i]#--dev-addr=}" ;;
    -a?*) address="${args[i]#-a}" ;;
  esac
done
host="${address%:*}" port="${address##*:}"
if [[ "$port" =~ ^[0-9]+$ ]] && ! .venv/bin/python - "$host" "$port" 2>/dev/null <<'PY'; then
import socket, sys
host, port = sys.argv[1], int(sys.argv[2])
with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does
    probe.bind((host.strip("[]"), port))
PY
  echo "error: cannot serve on $address: the port is in use (another preview?) or the address is not this machine's; pick another with: scripts/serve.sh -a $host:$((port + 1))" >&2
  exit 1
fi
# --livereload: MkDocs 1.6.1 does not reload by default with newer click versions.
exec .venv/bin/mkdocs serve --livereload --no-strict "$@"
