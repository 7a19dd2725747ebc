#!/usr/bin/env bash
# Runs the portal on http://localhost:5000 with its database: starts PostgreSQL (unless
# ConnectionStrings__BaliProcess names another server), then the app applies migrations and loads seed-data/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
exec dotnet run --project src/BaliProcess.Web -c Release --no-launch-profile --urls "${PORTAL_URLS:-http://localhost:5000}"
