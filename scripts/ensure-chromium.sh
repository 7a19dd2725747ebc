#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing (Playwright's own browser download cannot work on these
# machines). Run as root.
# - chromium-headless-shell: the browser tests. It is Chromium's headless build (the one Playwright itself
#   uses for headless runs): same engine, no browser UI; the browser tests cost about 40% less CPU with it
#   than with the full browser in headless mode (docs/benchmarks.md), and CPU is what bounds the suite.
# - chromium: the full browser, for the benchmarks (Lighthouse, slow links, circuits).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
for attempt in 1 2 3 4; do
  apt-get update -qq >/dev/null 2>&1 || true
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
    echo "ensure-chromium: installed ${missing[*]} ($(/usr/bin/chromium --version 2>/dev/null))"
    exit 0
  fi
  echo "ensure-chromium: apt-get install ${missing[*]} failed (attempt $attempt), retrying" >&2
  sleep $((attempt * 3))
done
echo "ensure-chromium: could not install ${missing[*]}" >&2
exit 1
