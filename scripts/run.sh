#!/usr/bin/env bash
# Runs the portal on http://localhost:5000 with its database: starts PostgreSQL (unless
# ConnectionStrings__BaliProcess names another server), then the app applies migrations and loads seed-data/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
if [ -z "${ConnectionStrings__BaliProcess:-}" ]; then
  # Two roles, as in a deployment: migrations and seeding as the owner, the portal as a role that owns nothing.
  export ConnectionStrings__BaliProcessOwner="Host=localhost;Port=5432;Database=baliprocess;Username=baliprocess;Password=baliprocess"
  export ConnectionStrings__BaliProcess="Host=localhost;Port=5432;Database=baliprocess;Username=baliprocess_portal;Password=baliprocess_portal"
fi
# Readable log lines in the terminal; Production's default is JSON (LogFormat=json) for log collectors.
export LogFormat="${LogFormat:-text}"
# No TLS on this address: HTTPS redirection is for deployments behind a TLS proxy (docs/deployment.md).
export Security__RequireHttps="${Security__RequireHttps:-false}"
exec dotnet run --project src/BaliProcess.Web -c Release --no-launch-profile --urls "${PORTAL_URLS:-http://localhost:5000}"
