#!/usr/bin/env bash
# Server memory per open editor circuit (issue 7), beside its ceiling measured in the same run: the bare
# .NET 10 Blazor Server template. Not a test. For each of RUNS rounds (default 3), alternately:
#   portal:   a fresh start of the published Release portal (as the Dockerfile builds it) on its own database, signed in as a Secretariat account,
#             TABS (default 50) Chromium tabs on the item editor of item 7 of the Forward Work Plan 2015-17;
#   template: a fresh start of `dotnet new blazor --interactivity Server` (published Release), TABS tabs on /counter.
# Each round reports the process's resident memory (VmRSS) and its managed heap after a forced full GC
# (dotnet-gcdump), before and after the tabs, per circuit; then the medians. 15-30 minutes (busy machine: 31).
#   bash benchmarks/circuits.sh
#   RUNS=1 TABS=20 bash benchmarks/circuits.sh                    # a quick look
#   WARM=50 bash benchmarks/circuits.sh        # a warm server: measure 50 more tabs after 50 (default 2) that stay open
#   TEMPLATE_UNCOMPRESSED=1 bash benchmarks/circuits.sh   # also the template with WebSocket compression off, as the portal runs
# Ports: PORTAL_PORT (default 5301), TEMPLATE_PORT (5302). Database: bp_circuits (re-created, dropped at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
runs="${RUNS:-3}"; tabs="${TABS:-50}"; warm="${WARM:-2}"
portal_port="${PORTAL_PORT:-5301}"; template_port="${TEMPLATE_PORT:-5302}"
editor_path="/staff/work-plans/tip-working-group-forward-work-plan-2015-17/items/7"
db="bp_circuits"; conn="Host=localhost;Username=baliprocess;Password=baliprocess;Database=$db"
admin_email="bench-admin@example.org"; admin_password="benchmark administrator pass phrase"
editor_email="bench-secretariat@example.org"; editor_password="benchmark secretariat pass phrase"
work="$(mktemp -d /tmp/bp-circuits.XXXXXX)"
tools="${XDG_CACHE_HOME:-$HOME/.cache}/baliprocess-benchmarks/tools"

bash scripts/ensure-postgres.sh >/dev/null
bash scripts/ensure-chromium.sh
# dotnet-gcdump (Microsoft's diagnostics tool) outside the repository; it forces the full GC it reports after.
if [ ! -x "$tools/dotnet-gcdump" ]; then
  for attempt in 1 2 3; do
    dotnet tool install dotnet-gcdump --tool-path "$tools" >/dev/null && break
    echo "circuits: installing dotnet-gcdump failed (attempt $attempt), retrying" >&2; sleep $((attempt * 3))
  done
fi
(cd benchmarks/circuits && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent; })

echo "circuits: publishing the portal and the template (Release)" >&2
# Published, as the Dockerfile deploys it and as the template is measured: the build output would serve
# static files through the development handler, which reads them on every request.
dotnet publish src/BaliProcess.Web -c Release -o "$work/portal-out" -nologo -v q >/dev/null
(cd "$work" && dotnet new blazor --interactivity Server --name BlazorTemplate --output template >/dev/null \
  && dotnet publish template -c Release -o template-out -nologo -v q >/dev/null)
if [ -n "${TEMPLATE_UNCOMPRESSED:-}" ]; then
  # The same template with the one setting the portal changes for its circuits (decision 0017).
  sed -i 's/AddInteractiveServerRenderMode()/AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true)/' "$work/template/Program.cs"
  grep -q DisableWebSocketCompression "$work/template/Program.cs" || { echo "circuits: the template's Program.cs changed; cannot turn compression off" >&2; exit 1; }
  (cd "$work" && dotnet publish template -c Release -o template-uncompressed-out -nologo -v q >/dev/null)
fi
su postgres -c "dropdb --if-exists --force $db && createdb -O baliprocess $db" >/dev/null

pid=""
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  su postgres -c "dropdb --if-exists --force $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

wait_ready() { # $1 url, $2 log
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  echo "circuits: the server did not start; its log:" >&2; tail -30 "$2" >&2; exit 1
}
start_portal() {
  # exec: $! is the dotnet process itself, whose memory is measured.
  (cd "$work/portal-out" && ConnectionStrings__BaliProcess="$conn" ASPNETCORE_ENVIRONMENT=Production Database__SeedDirectory="$root/seed-data" \
    Security__RequireHttps=false Admin__Email="$admin_email" Admin__Password="$admin_password" \
    Search__WarmUpWords=0 RateLimits__SignInAttemptsPerMinute=1000 \
    exec dotnet BaliProcess.Web.dll --urls "http://127.0.0.1:$portal_port") \
    >"$work/portal.log" 2>&1 &
  pid=$!
  wait_ready "http://127.0.0.1:$portal_port/health/ready" "$work/portal.log"
}
start_template() { # $1: the published template's folder (default template-out)
  (cd "$work/${1:-template-out}" && ASPNETCORE_ENVIRONMENT=Production exec dotnet BlazorTemplate.dll --urls "http://127.0.0.1:$template_port") \
    >"$work/template.log" 2>&1 &
  pid=$!
  wait_ready "http://127.0.0.1:$template_port/counter" "$work/template.log"
}
stop() { kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
measure() { node benchmarks/circuits/measure.mjs --gcdump "$tools/dotnet-gcdump" --pid "$pid" --tabs "$tabs" --warm "$warm" "$@"; }

start_portal
node benchmarks/circuits/measure.mjs --setup --base "http://127.0.0.1:$portal_port" \
  --admin-email "$admin_email" --admin-password "$admin_password" --email "$editor_email" --password "$editor_password"
stop

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version) SDK, $(/usr/bin/chromium --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  start_portal
  measure --base "http://127.0.0.1:$portal_port" --path "$editor_path" --email "$editor_email" --password "$editor_password" \
    | sed "s/^/portal $run /" | tee -a "$work/results"
  stop
  start_template
  measure --base "http://127.0.0.1:$template_port" --path /counter | sed "s/^/template $run /" | tee -a "$work/results"
  stop
  if [ -n "${TEMPLATE_UNCOMPRESSED:-}" ]; then
    start_template template-uncompressed-out
    measure --base "http://127.0.0.1:$template_port" --path /counter | sed "s/^/template-uncompressed $run /" | tee -a "$work/results"
    stop
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Medians per app (KiB per circuit): resident memory, managed heap after a full GC, resident after that GC.
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
const byApp = {};
for (const line of lines) { const [app, , ...json] = line.split(" "); (byApp[app] ??= []).push(JSON.parse(json.join(" "))); }
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
console.log("\n| app | runs | RSS per circuit (median; each run) | managed heap after full GC per circuit | RSS after that GC per circuit |");
console.log("|---|---:|---:|---:|---:|");
for (const [app, rs] of Object.entries(byApp)) {
  const col = k => `${median(rs.map(r => r[k]))} KiB (${rs.map(r => r[k]).join(", ")})`;
  console.log(`| ${app} | ${rs.length} | ${col("perCircuitRssKiB")} | ${col("perCircuitHeapKiB")} | ${col("perCircuitRssAfterGcKiB")} |`);
}' "$work/results"
