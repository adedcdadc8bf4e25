#!/usr/bin/env bash
# Build and serve the app with live reload at http://127.0.0.1:8080/
# Extra arguments go to `trunk serve` (e.g. --release, --port 9000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/setup.sh
source scripts/setup.sh --build

port=8080
prev=""
for arg in "$@"; do
  case "$arg" in --port=*) port="${arg#--port=}" ;; esac
  [[ "$prev" == "--port" ]] && port="$arg"
  prev="$arg"
done
echo "serving on http://127.0.0.1:${port}/ (Ctrl-C to stop; the first build takes a minute or two)" >&2
exec trunk serve --offline "$@"
