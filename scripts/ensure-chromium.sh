#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (Playwright's own browser download
# cannot work on these machines). Run as root.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
for attempt in 1 2 3 4; do
  apt-get update -qq >/dev/null 2>&1 || true
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null)"
    exit 0
  fi
  echo "ensure-chromium: apt-get install chromium failed (attempt $attempt), retrying" >&2
  sleep $((attempt * 3))
done
echo "ensure-chromium: could not install chromium" >&2
exit 1
