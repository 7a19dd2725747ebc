#!/usr/bin/env bash
# Installs the Nu Html Checker (npm package vnu-jar) and a Java runtime (Debian's default-jre-headless) for
# the HTML validity tests, when they are missing. Prints the path of vnu.jar. Run as root.
set -euo pipefail
dir="${VNU_DIR:-/opt/portal-tools/vnu}"
jar="$dir/node_modules/vnu-jar/build/dist/vnu.jar"

if ! command -v java >/dev/null 2>&1; then
  for attempt in 1 2 3 4; do
    apt-get update -qq >/dev/null 2>&1 || true
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; then break; fi
    echo "ensure-vnu: apt-get install default-jre-headless failed (attempt $attempt), retrying" >&2
    sleep $((attempt * 3))
  done
  command -v java >/dev/null 2>&1 || { echo "ensure-vnu: could not install a Java runtime" >&2; exit 1; }
fi

if [ ! -f "$jar" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
  mkdir -p "$dir"
  for attempt in 1 2 3 4; do
    if (cd "$dir" && npm install --no-audit --no-fund --silent vnu-jar@26.9.27 >/dev/null 2>&1); then break; fi
    echo "ensure-vnu: npm install vnu-jar failed (attempt $attempt), retrying" >&2
    sleep $((attempt * 3))
  done
  [ -f "$jar" ] || { echo "ensure-vnu: could not install vnu-jar" >&2; exit 1; }
fi
echo "$jar"
