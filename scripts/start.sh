#!/usr/bin/env bash
# Starts CAP Progrès on http://localhost:4321/ from a fresh clone: Node 22 if needed, dependencies, dev server.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
source scripts/ensure-node.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  source scripts/install-deps.sh
fi
exec npm run dev -- --host 127.0.0.1 --port 4321
