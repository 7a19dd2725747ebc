#!/usr/bin/env bash
# Runs every test: data layer, components, HTTP and browser tests, against a real PostgreSQL and
# Debian's Chromium (both installed and started here when missing). Prints "N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh || exit 1
bash scripts/ensure-chromium.sh || exit 1
bash scripts/ensure-vnu.sh >/dev/null || exit 1      # Nu Html Checker (HTML validity tests)
bash scripts/ensure-nginx.sh || exit 1               # the cluster test's proxy

log=$(mktemp)
dotnet test BaliProcess.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary line per test project; add them up into one closing line.
summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
grep -qE '^Failed!' "$log" && some_failed=yes || some_failed=no
rm -f "$log"
if [ -z "$summary" ] || [ "$summary" = "0 passed, 0 failed, 0 skipped" ]; then
  echo "tests: no test ran"
  exit 1
fi
echo
if [ "$status" -ne 0 ] && [ "$some_failed" = no ]; then
  # Nothing failed, yet dotnet test did: a test project did not build or its host crashed (see above), so
  # its tests are missing from the count below.
  echo "tests: dotnet test exited with $status although no test failed: a project did not build or run (see above)"
fi
echo "tests: $summary"
exit "$status"
