#!/usr/bin/env bash
# Installs Debian's nginx (the light build) for scripts/cluster.sh and the cluster test, when missing.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
for attempt in 1 2 3 4; do
  apt-get update -qq >/dev/null 2>&1 || true
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; then
    # Debian starts the packaged site on port 80; the portal brings its own configuration.
    systemctl disable --now nginx >/dev/null 2>&1 || service nginx stop >/dev/null 2>&1 || true
    exit 0
  fi
  echo "ensure-nginx: apt-get install nginx-light failed (attempt $attempt), retrying" >&2
  sleep $((attempt * 3))
done
echo "ensure-nginx: could not install nginx" >&2
exit 1
