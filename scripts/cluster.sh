#!/usr/bin/env bash
# Two portal instances and Debian's nginx in front of them on one port, on this machine.
#   bash scripts/cluster.sh            # http://127.0.0.1:8080 (nginx), instances on 5001 and 5002
#   CLUSTER_PORT=5110 INSTANCE_PORTS="5106 5107" bash scripts/cluster.sh
# Ctrl+C (or SIGTERM) stops all three. The instances share the database (ConnectionStrings__BaliProcess,
# default: the local baliprocess database), their Data Protection keys and cache invalidations.
# Plain HTTP here: TLS belongs to the real proxy (docs/deployment.md), so HTTPS redirection is off.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${CLUSTER_PORT:-8080}"
read -r port_a port_b <<<"${INSTANCE_PORTS:-5001 5002}"
dir="$(mktemp -d /tmp/bp-cluster.XXXXXX)"

bash scripts/ensure-postgres.sh
bash scripts/ensure-nginx.sh
if [ "${CLUSTER_NO_BUILD:-}" != 1 ]; then
  dotnet build src/BaliProcess.Web -c Release >/dev/null
fi
app="src/BaliProcess.Web/bin/Release/net10.0/BaliProcess.Web.dll"

pids=()
stop() {
  trap - INT TERM EXIT
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap stop INT TERM EXIT

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Security__RequireHttps=false
# Absolute links and redirects name nginx's address, not an instance's or whatever Host a client sent.
export Portal__PublicAddress="${Portal__PublicAddress:-http://127.0.0.1:$port}"
# The first instance migrates and seeds; the second waits for it and only serves.
(cd src/BaliProcess.Web && exec dotnet "../../$app" --urls "http://127.0.0.1:$port_a") > "$dir/instance-a.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port_a/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
(cd src/BaliProcess.Web && Database__MigrateOnStartup=false Database__SeedOnStartup=false exec dotnet "../../$app" --urls "http://127.0.0.1:$port_b") > "$dir/instance-b.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port_b/health/ready" >/dev/null 2>&1 && break
  sleep 1
done

sed -e "s|__DIR__|$dir|g" -e "s|__PORT__|$port|g" -e "s|__PORT_A__|$port_a|g" -e "s|__PORT_B__|$port_b|g" \
  deploy/nginx-cluster.conf.template > "$dir/nginx.conf"
nginx -c "$dir/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
echo "cluster: http://127.0.0.1:$port (instances: $port_a pid ${pids[0]}, $port_b pid ${pids[1]}; logs in $dir)"
# Runs until nginx stops or Ctrl+C; an instance that dies is simply skipped by nginx (kill one to try it).
wait "$nginx_pid" || true
