#!/usr/bin/env bash
# Runs every test: data layer, components, HTTP and browser tests, against a real PostgreSQL and
# Debian's Chromium (both installed and started here when missing). Prints "N passed, N failed" last.
#
#   bash scripts/test.sh          every test (docs/testing.md)
#   bash scripts/test.sh --fast   only the tests that need no database, host or browser: the
#                                 BaliProcess.Web.UnitTests project and the tests marked Category=Unit
#                                 in BaliProcess.Data.Tests (BaliProcess.Fast.slnf); nothing is
#                                 installed or started
#   bash scripts/test.sh -- ...   passes what follows to dotnet test (e.g. --logger trx for durations)
set -uo pipefail
cd "$(dirname "$0")/.."

fast=no
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=yes; shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: bash scripts/test.sh [--fast] [-- dotnet test options, e.g. --logger trx]" >&2; exit 2 ;;
  esac
done

if [ "$fast" = no ]; then
  bash scripts/ensure-postgres.sh || exit 1
  bash scripts/ensure-chromium.sh || exit 1
  bash scripts/ensure-vnu.sh >/dev/null || exit 1      # Nu Html Checker (HTML validity tests)
  bash scripts/ensure-nginx.sh || exit 1               # the cluster test's proxy
fi

log=$(mktemp)
status=0
run_tests() {
  dotnet test "$@" 2>&1 | tee -a "$log"
  local exit_code=${PIPESTATUS[0]}
  [ "$exit_code" -eq 0 ] || status=$exit_code
}

if [ "$fast" = yes ]; then
  # One dotnet test over the two projects (one build, both run side by side): all of the unit-test project,
  # and the data layer's tests marked Category=Unit.
  run_tests BaliProcess.Fast.slnf -c Release --filter "Category=Unit|FullyQualifiedName~BaliProcess.Web.UnitTests" "${extra[@]}"
else
  # One build, then the three test projects side by side (dotnet test on the solution ran them one after
  # another here); their databases are copies of one template (docs/testing.md). Each project's output is
  # kept apart and shown whole when it ends, longest last.
  dotnet build BaliProcess.sln -c Release 2>&1 | tee -a "$log"
  build_status=${PIPESTATUS[0]}
  if [ "$build_status" -ne 0 ]; then
    echo "tests: the build failed (see above)"
    exit "$build_status"
  fi
  outputs=$(mktemp -d)
  pids=()
  projects=(BaliProcess.Web.UnitTests BaliProcess.Data.Tests BaliProcess.Web.Tests)
  for project in "${projects[@]}"; do
    dotnet test "tests/$project" -c Release --no-build "${extra[@]}" >"$outputs/$project.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!projects[@]}"; do
    wait "${pids[$i]}"
    exit_code=$?
    [ "$exit_code" -eq 0 ] || status=$exit_code
    tee -a "$log" <"$outputs/${projects[$i]}.log"
  done
  rm -rf "$outputs"
fi

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
