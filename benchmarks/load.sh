#!/usr/bin/env bash
# Load benchmark of the public portal (not a test): wrk at 50 connections for 60 s per run, against one
# instance and against the two-instance cluster behind nginx, beside wrk on a static file in the same run;
# then a soak (10 minutes of the mix) with the resident memory at its start and end.
#   bash benchmarks/load.sh                     # everything (about 30 minutes)
#   DURATION=20 SOAK_MINUTES=1 bash benchmarks/load.sh   # a quick look
# Ports: PORT (single instance, default 5201), CLUSTER_PORT/INSTANCE_PORTS (default 5210, "5202 5203").
# Uses its own database bp_load (re-created) on the local server. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${DURATION:-60}"; connections="${CONNECTIONS:-50}"; soak="${SOAK_MINUTES:-10}"
port="${PORT:-5201}"; cluster_port="${CLUSTER_PORT:-5210}"; instance_ports="${INSTANCE_PORTS:-5202 5203}"
here="$(pwd)/benchmarks/load"; export REPORT_LUA="$here/report.lua"
db="bp_load"; conn="Host=localhost;Username=baliprocess;Password=baliprocess;Database=$db"
work="$(mktemp -d /tmp/bp-load.XXXXXX)"

bash scripts/ensure-postgres.sh >/dev/null
bash scripts/ensure-nginx.sh
command -v wrk >/dev/null || { apt-get update -qq >/dev/null 2>&1 || true; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dotnet build src/BaliProcess.Web -c Release >/dev/null
su postgres -c "dropdb --if-exists --force $db && createdb -O baliprocess $db" >/dev/null

pid=""; cluster_pid=""
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  [ -n "$cluster_pid" ] && kill -TERM "$cluster_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  su postgres -c "dropdb --if-exists --force $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start_instance() { # $1: output cache true/false, $2: record in memory true/false (default true)
  (cd src/BaliProcess.Web && ConnectionStrings__BaliProcess="$conn" ASPNETCORE_ENVIRONMENT=Production \
    Security__RequireHttps=false PublicCache__Enabled="$1" PublicCache__RecordInMemory="${2:-true}" \
    RateLimits__SearchRequestsPerMinute=100000000 RateLimits__ApiRequestsPerMinute=100000000 \
    exec dotnet ../../src/BaliProcess.Web/bin/Release/net10.0/BaliProcess.Web.dll --urls "http://127.0.0.1:$port") >"$work/instance.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "load: the portal did not start; see $work/instance.log" >&2; exit 1
}
stop_instance() { kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

warm() { # JIT, connection pools and the cache: 10 s of the mix and the static file, not measured
  wrk -t2 -c"$connections" -d5s -s "$here/mix.lua" "$1" >/dev/null 2>&1 || true
  wrk -t2 -c"$connections" -d5s "$1/$static_path" >/dev/null 2>&1 || true
}

run() { # $1 label, $2 url, [$3 lua]
  local lua="${3:-$REPORT_LUA}"
  curl -s -o /dev/null "$2" || true   # warm (and fill the cache)
  local line
  line=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$lua" "$2" | grep '^RESULT')
  read -r _ rps p50 p95 p99 errors total <<<"$line"
  printf '| %s | %s | %s | %s / %s / %s | %s |\n' "$1" "$rps" "$total" "$p50" "$p95" "$p99" "$errors"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; wrk -t2 -c$connections -d${duration}s"
echo
echo "| run | requests/s | requests | p50 / p95 / p99 ms | errors |"
echo "|---|---:|---:|---:|---:|"
start_instance true
base="http://127.0.0.1:$port"
static_path=$(curl -s "$base/" | grep -o 'href="app\.[a-z0-9]*\.css"' | head -1 | sed 's/href="//; s/"$//')
warm "$base"
run "one instance: static file /$static_path (ceiling)" "$base/$static_path"
run "one instance: cached /members" "$base/members"
run "one instance: cached /meetings/eighth-ministerial-conference-2023" "$base/meetings/eighth-ministerial-conference-2023"
run "one instance: cached mix (pages + search)" "$base" "$here/mix.lua"
stop_instance

# Uncached pages: every request renders its page (no output cache), from the record held in memory
# between changes (docs/decisions/0016)...
start_instance false
warm "$base"
run "one instance, output cache off: static file (ceiling)" "$base/$static_path"
run "one instance, output cache off: /members" "$base/members"
run "one instance, output cache off: /meetings/eighth-ministerial-conference-2023" "$base/meetings/eighth-ministerial-conference-2023"
run "one instance, output cache off: mix" "$base" "$here/mix.lua"
stop_instance

# ...and, for comparison, every request also reading PostgreSQL (PublicCache__RecordInMemory=false).
start_instance false false
warm "$base"
run "one instance, output cache and record cache off: static file (ceiling)" "$base/$static_path"
run "one instance, output cache and record cache off: /members" "$base/members"
run "one instance, output cache and record cache off: /meetings/eighth-ministerial-conference-2023" "$base/meetings/eighth-ministerial-conference-2023"
run "one instance, output cache and record cache off: mix" "$base" "$here/mix.lua"
stop_instance

CLUSTER_PORT="$cluster_port" INSTANCE_PORTS="$instance_ports" CLUSTER_NO_BUILD=1 ConnectionStrings__BaliProcess="$conn" \
  bash scripts/cluster.sh >"$work/cluster.log" 2>&1 &
cluster_pid=$!
for _ in $(seq 1 240); do grep -q '^cluster: http' "$work/cluster.log" && curl -fs "http://127.0.0.1:$cluster_port/health/ready" >/dev/null 2>&1 && break; sleep 1; done
cbase="http://127.0.0.1:$cluster_port"
warm "$cbase"
run "cluster (nginx + 2): static file via nginx" "$cbase/$static_path"
run "cluster (nginx + 2): cached /members" "$cbase/members"
run "cluster (nginx + 2): cached mix" "$cbase" "$here/mix.lua"
kill -TERM "$cluster_pid"; wait "$cluster_pid" 2>/dev/null || true; cluster_pid=""

if [ "$soak" -gt 0 ]; then
  start_instance true
  warm "$base"
  rss_start=$(ps -o rss= -p "$(pgrep -P "$pid" -f BaliProcess.Web.dll || echo "$pid")" | tr -d ' ')
  line=$(wrk -t2 -c"$connections" -d"$((soak * 60))s" --timeout 10s -s "$here/mix.lua" "$base" | grep '^RESULT')
  read -r _ rps p50 p95 p99 errors total <<<"$line"
  rss_end=$(ps -o rss= -p "$(pgrep -P "$pid" -f BaliProcess.Web.dll || echo "$pid")" | tr -d ' ')
  printf '| soak %s min, cached mix | %s | %s | %s / %s / %s | %s |\n' "$soak" "$rps" "$total" "$p50" "$p95" "$p99" "$errors"
  echo
  echo "resident memory: $((rss_start / 1024)) MB after start-up and a 10 s warm-up, $((rss_end / 1024)) MB after the soak"
  stop_instance
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
