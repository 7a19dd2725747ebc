#!/usr/bin/env bash
# sqlmap's level-2 checks (Debian's package) against every query parameter of the search page, the search API and
# the API's filtered lists, on a portal started here (issue 20, docs/security/asvs-l2.md). Not part of
# scripts/test.sh: a full run takes minutes. Prints one verdict line per address and exits 1 if sqlmap
# reports any parameter injectable.
#
#   bash scripts/sqlmap-scan.sh             starts the portal on port 5077 on a database of its own (bp_sqlmap,
#                                           made empty; the portal migrates and seeds it), scans, stops it
#   LEVEL=3 RISK=2 bash scripts/sqlmap-scan.sh   deeper checks
#
# The portal runs with its rate limits raised for the scan (sqlmap sends thousands of requests from one address;
# with the production budget it would only ever see 429 answers and test nothing).
set -uo pipefail
cd "$(dirname "$0")/.."

level="${LEVEL:-2}"
risk="${RISK:-1}"
port="${PORT:-5077}"
base="http://127.0.0.1:$port"
work=$(mktemp -d)

if ! command -v sqlmap >/dev/null 2>&1; then
  for attempt in 1 2 3 4; do
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlmap >/dev/null && break
    apt-get update -qq >/dev/null 2>&1 || true
    sleep $((attempt * 3))
  done
fi
bash scripts/ensure-postgres.sh >/dev/null || exit 1
# A database of its own, made empty each run: the portal migrates and seeds it at start-up.
su postgres -c "dropdb --if-exists --force bp_sqlmap && createdb -O baliprocess bp_sqlmap" || exit 1

dotnet build src/BaliProcess.Web -c Release -v q -nologo >/dev/null || exit 1
ConnectionStrings__BaliProcess="Host=localhost;Database=bp_sqlmap;Username=baliprocess;Password=baliprocess" \
Security__RequireHttps=false \
RateLimits__SearchRequestsPerMinute=100000000 RateLimits__ApiRequestsPerMinute=100000000 \
Search__WarmUpWords=0 \
  dotnet src/BaliProcess.Web/bin/Release/net10.0/BaliProcess.Web.dll --urls "$base" >"$work/portal.log" 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null; wait $portal 2>/dev/null; [ -n "${KEEP_LOGS:-}" ] && echo "logs kept in $work" || rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$base/health" 2>/dev/null && break
  sleep 1
done
if ! curl -fsS -o /dev/null "$base/health"; then
  echo "sqlmap: the portal did not start; its log:" >&2
  tail -20 "$work/portal.log" >&2
  exit 1
fi

# Each address names every parameter of its endpoint with a value that finds something, so that sqlmap can tell
# a changed answer from an unchanged one.
targets=(
  "/search?q=money&theme=follow-the-money&year=2017&kind=ministerial-conference&group=ad-hoc-group&member=indonesia&page=1"
  "/api/v1/search?q=money&theme=follow-the-money&year=2017&kind=ministerial-conference&group=ad-hoc-group&member=indonesia&page=1&pageSize=20"
  "/api/v1/members?name=indo&region=South-eastern+Asia&kind=Government&sort=region"
  "/api/v1/meetings?kind=MinisterialConference&from=2002&to=2023&group=ad-hoc-group&place=bali"
  "/api/v1/changes?workingGroup=working-group-trafficking-in-persons&from=2015-01-01&to=2026-12-31"
  "/members?name=indo&region=South-eastern+Asia&sort=region"
)

found=0
for target in "${targets[@]}"; do
  out="$work/$(echo "$target" | tr -c 'a-zA-Z0-9' '_').log"
  sqlmap -u "$base$target" --batch --level="$level" --risk="$risk" --dbms=PostgreSQL --flush-session \
    --output-dir="$work/sqlmap" --disable-coloring >"$out" 2>&1
  # How much sqlmap tried: one "testing '...'" line per technique and parameter.
  tried=$(grep -c "testing '" "$out")
  params=$(grep -oE "testing if (GET )?parameter '[^']+'" "$out" | sort -u | wc -l)
  if grep -q "responded with an HTTP error code" "$out"; then
    echo "sqlmap: $target: the address itself was refused (fix its values so the scan tests something)"
    found=1
  elif grep -qiE "is vulnerable|sqlmap identified the following injection point" "$out"; then
    echo "sqlmap: $target: INJECTABLE (see below)"
    grep -iE "Parameter:|Type:|Title:" "$out"
    found=1
  elif grep -qE "all tested parameters do not appear to be injectable" "$out"; then
    echo "sqlmap: $target: no parameter injectable ($params parameters, $tried techniques tried; level $level, risk $risk)"
  else
    echo "sqlmap: $target: no verdict; last lines:"
    tail -5 "$out"
    found=1
  fi
done
server_errors=$(grep -c '" 500 \|StatusCode": 500\|status 500' "$work/portal.log" 2>/dev/null || true)
echo "sqlmap: portal log lines mentioning a 500 answer: ${server_errors:-0}"
exit $found
