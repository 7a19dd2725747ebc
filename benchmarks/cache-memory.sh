#!/usr/bin/env bash
# Memory benchmark of the caches (not a test): how much the portal's resident memory grows when visitors send
# 10,000 requests that each carry a different value they chose (words to mark on a statement, searches, made-up
# query parameters, API text filters), after every public page has been visited once.
#   bash benchmarks/cache-memory.sh                 # this checkout
#   BASE=e98ba3d bash benchmarks/cache-memory.sh    # and, in the same run, the portal as it was at that commit
# Port: PORT (default 5221). Uses its own database bp_memory (re-created). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-5221}"; count="${COUNT:-10000}"
db="bp_memory"; conn="Host=localhost;Username=baliprocess;Password=baliprocess;Database=$db"
work="$(mktemp -d /tmp/bp-memory.XXXXXX)"
bash scripts/ensure-postgres.sh >/dev/null

pid=""
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -d "$work/base" ] && git worktree remove --force "$work/base" >/dev/null 2>&1 || true
  su postgres -c "dropdb --if-exists --force $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

measure() { # $1 label, $2 checkout
  local checkout="$2" base="http://127.0.0.1:$port"
  dotnet publish "$checkout/src/BaliProcess.Web" -c Release -o "$work/app-$1" >/dev/null
  su postgres -c "dropdb --if-exists --force $db && createdb -O baliprocess $db" >/dev/null
  (cd "$checkout/src/BaliProcess.Web" && ConnectionStrings__BaliProcess="$conn" ASPNETCORE_ENVIRONMENT=Production \
    Security__RequireHttps=false Database__SeedDirectory="$checkout/seed-data" \
    RateLimits__SearchRequestsPerMinute=100000000 RateLimits__ApiRequestsPerMinute=100000000 \
    exec dotnet "$work/app-$1/BaliProcess.Web.dll" --urls "$base") >"$work/$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 180); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  # Every public page once, twice (the caches hold the whole record), then let start-up work settle.
  for _ in 1 2; do
    curl -s "$base/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed 's/<loc>//; s/<\/loc>//; s|^https\?://[^/]*||' \
      | xargs -P4 -I{} curl -s -o /dev/null "$base{}"
  done
  sleep 10
  local before; before=$(rss_mb "$pid")
  local statement; statement=$(curl -s "$base/statements" | grep -o 'href="/statements/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"$//')
  seq 1 "$count" | awk -v s="$statement" '{
      k = $1 % 4
      if (k == 0) print s "?hl=money+or+word" $1
      else if (k == 1) print "/search?q=trafficking+word" $1
      else if (k == 2) print "/members?utm_source=" $1
      else print "/api/v1/meetings?place=place" $1
    }' | xargs -P4 -I{} curl -s -o /dev/null "$base{}"
  sleep 5
  local after; after=$(rss_mb "$pid")
  local kept; kept=$(curl -s "$base/metrics" | awk '/^portal_cache_size_bytes/ { printf "%.1f", $NF / 1048576 }')
  printf '| %s | %s MB | %s MB | %+d MB | %s |\n' "$1" "$before" "$after" "$((after - before))" "${kept:-(no counter)}"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

echo "$(nproc) cores; $count requests, each with a value of its own (a quarter each: ?hl= on a statement, ?q= searches, made-up ?utm_source= on /members, ?place= on /api/v1/meetings)"
echo
echo "| portal | resident after visiting every page | after the $count requests | growth | record cache (MB, /metrics) |"
echo "|---|---:|---:|---:|---:|"
measure "this checkout ($(git rev-parse --short HEAD))" "$(pwd)"
if [ -n "${BASE:-}" ]; then
  git worktree add --detach "$work/base" "$BASE" >/dev/null 2>&1
  measure "$BASE (before)" "$work/base"
fi
