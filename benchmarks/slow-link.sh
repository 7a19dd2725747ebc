#!/usr/bin/env bash
# Public pages on a slow link (issue 19): Chromium throttled through the DevTools protocol to 400 kbps and 400 ms
# latency; for each page the bytes on the wire and the time to the load event of a first visit (empty cache), a
# repeat view (the cache warm from another public page) and a reload. Beside the ceiling measured in the same
# run: the published build of BASELINE (default main) under the same throttling. Not a test (no assertion on
# time in the tests); prints a Markdown table for docs/benchmarks.md. About 10 minutes on 2 cores.
#   bash benchmarks/slow-link.sh
#   BASELINE= bash benchmarks/slow-link.sh            # this checkout only
#   RUNS=1 PAGES="/ /members" bash benchmarks/slow-link.sh
# Both portals are published Release builds (as the Dockerfile builds them) on databases of their own
# (bp_slowlink, bp_slowlink_base: re-created and dropped); ports PORT (5240) and BASELINE_PORT (5241).
# BRANCH_BUILD=dir / BASELINE_BUILD=dir use builds published before (dotnet publish -o dir) instead of publishing
# (BRANCH_LABEL and BASELINE_LABEL then name the commits they were published from).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
runs="${RUNS:-3}"; baseline="${BASELINE-main}"
port="${PORT:-5240}"; base_port="${BASELINE_PORT:-5241}"
pages="${PAGES:-/ /members /members/palau /meetings /meetings/eighth-ministerial-conference-2023 /working-groups/working-group-trafficking-in-persons /work-plans/tip-working-group-forward-work-plan-2015-17 /timeline /statements /statements/eighth-ministerial-conference-2023-co-chairs-statement /documents /search?q=follow+the+money /sources /sources/004-twenty-years-of-the-bali-process}"
work="$(mktemp -d /tmp/bp-slow-link.XXXXXX)"

bash scripts/ensure-postgres.sh >/dev/null
bash scripts/ensure-chromium.sh >/dev/null
(cd benchmarks/slow-link && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent; })

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for db in bp_slowlink bp_slowlink_base; do su postgres -c "dropdb --if-exists --force $db" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# publish SOURCE_DIR OUT_DIR; start OUT_DIR SEED_DIR PORT DATABASE
publish() { nice -n 19 dotnet publish "$1/src/BaliProcess.Web" -c Release -o "$2" >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }; }
start() {
  su postgres -c "dropdb --if-exists --force $4 && createdb -O baliprocess $4" >/dev/null
  (cd "$1" && ConnectionStrings__BaliProcess="Host=localhost;Username=baliprocess;Password=baliprocess;Database=$4" \
    ASPNETCORE_ENVIRONMENT=Production Security__RequireHttps=false Database__SeedDirectory="$2" Search__WarmUpWords=0 \
    RateLimits__SearchRequestsPerMinute=100000 exec nice -n 19 ./BaliProcess.Web --urls "http://127.0.0.1:$3") >"$work/portal-$3.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$3/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "http://127.0.0.1:$3/health/ready" >/dev/null || { echo "slow-link: the portal on $3 did not start" >&2; cat "$work/portal-$3.log" >&2; exit 1; }
  # Render every page once, so the measured requests are served as a visitor's usually are (from the output cache).
  for p in $pages; do curl -fs -o /dev/null -H 'Accept-Encoding: br' "http://127.0.0.1:$3$p" || true; done
}

branch_build="${BRANCH_BUILD:-$work/branch}"
[ -n "${BRANCH_BUILD:-}" ] || publish "$root" "$branch_build"
start "$branch_build" "$root/seed-data" "$port" bp_slowlink
label="${BRANCH_LABEL:-$(git rev-parse --abbrev-ref HEAD)@$(git rev-parse --short HEAD)}"
if [ -n "$baseline" ]; then
  mkdir -p "$work/baseline-src"
  git archive "$baseline" | tar -x -C "$work/baseline-src"
  baseline_build="${BASELINE_BUILD:-$work/baseline}"
  [ -n "${BASELINE_BUILD:-}" ] || publish "$work/baseline-src" "$baseline_build"
  start "$baseline_build" "$work/baseline-src/seed-data" "$base_port" bp_slowlink_base
  base_label="${BASELINE_LABEL:-$baseline@$(git rev-parse --short "$baseline")}"
fi

paths="$(echo $pages | tr ' ' ',')"
echo "slow-link: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); $(/usr/bin/chromium --version); $runs runs a page, medians" >&2
node benchmarks/slow-link/measure.mjs --base "http://127.0.0.1:$port" --label "$label" --paths "$paths" --runs "$runs" | tee "$work/results.jsonl" >&2
if [ -n "$baseline" ]; then
  node benchmarks/slow-link/measure.mjs --base "http://127.0.0.1:$base_port" --label "$base_label" --paths "$paths" --runs "$runs" | tee -a "$work/results.jsonl" >&2
fi
node benchmarks/slow-link/report.mjs < "$work/results.jsonl"
