#!/usr/bin/env bash
# Reads every open-data output of a running portal with tools nobody here wrote, and prints one verdict a line:
#   datapackage-js (npm "datapackage")      the data package: descriptor valid, every resource read and cast, foreign keys
#   citation-js (npm "@citation-js/*")      each statement's BibTeX, RIS and CSL-JSON parse, one organisation each
#   feedparser (Debian python3-feedparser)  every Atom feed parses cleanly (bozo 0); ETag and Last-Modified give 304
#   jing (Debian jing)                      every Atom feed against scripts/check-outputs/atom.rnc
#   bibtexparser (Debian python3-bibtexparser)  every .bib parses; the organisation is one name, not several
#   xmllint (Debian libxml2-utils)          /sitemap.xml against the sitemap protocol's XSD (shipped in npm "sitemap")
#   and plain checks of what those tools do not see: RIS and CSV charsets, search downloads, JSON-LD, NUL paths.
# Usage: bash scripts/check-outputs.sh [portal address, default http://localhost:5000]
# Installs what it needs the first time (Debian packages with apt-get, npm packages in ~/.cache/bp-check-outputs).
# It is not part of scripts/test.sh: it needs network access to the registries on its first run, and the test
# suite checks the same properties with its own code (docs/benchmarks.md keeps the verdicts of the last run).
set -uo pipefail
cd "$(dirname "$0")/.."
BASE="${1:-http://localhost:5000}"
BASE="${BASE%/}"
TOOLS="${BP_CHECK_TOOLS:-$HOME/.cache/bp-check-outputs}"
# Debian's own Python, where Debian's python3-* packages install (a python3 earlier on PATH may be another one).
PY=/usr/bin/python3

need_debian() {
  local missing=()
  $PY -c 'import feedparser' 2>/dev/null || missing+=(python3-feedparser)
  $PY -c 'import bibtexparser' 2>/dev/null || missing+=(python3-bibtexparser)
  command -v jing >/dev/null || missing+=(jing)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  command -v node >/dev/null || missing+=(nodejs npm)
  command -v unzip >/dev/null || missing+=(unzip)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "check-outputs: installing ${missing[*]} (Debian)"
  # An install can fail once (a lock held by another apt, an index out of date): update and try again.
  for attempt in 1 2 3; do
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null && return 0
    echo "check-outputs: apt-get install failed (attempt $attempt); updating the index and trying again"
    apt-get update -q >/dev/null || true
    sleep $((attempt * 5))
  done
  echo "check-outputs: could not install ${missing[*]}" >&2
  return 1
}

need_npm() {
  mkdir -p "$TOOLS"
  if [ ! -f "$TOOLS/.installed-v1" ]; then
    echo "check-outputs: installing datapackage, citation-js and sitemap (npm) in $TOOLS"
    (cd "$TOOLS" && [ -f package.json ] || echo '{"name":"bp-check-outputs","private":true}' > "$TOOLS/package.json")
    for attempt in 1 2 3; do
      (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error \
        datapackage@1.1.10 @citation-js/core @citation-js/plugin-bibtex @citation-js/plugin-ris @citation-js/plugin-csl sitemap >/dev/null) \
        && touch "$TOOLS/.installed-v1" && return 0
      echo "check-outputs: npm install failed (attempt $attempt); trying again"
      sleep $((attempt * 5))
    done
    return 1
  fi
}

need_debian || exit 2
need_npm || exit 2

if ! curl -fsS -o /dev/null "$BASE/health/live"; then
  echo "check-outputs: no portal answers at $BASE (start one with bash scripts/run.sh)" >&2
  exit 2
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
status=0
NODE_PATH="$TOOLS/node_modules" node scripts/check-outputs/check.mjs "$BASE" "$WORK" "$TOOLS" || status=1
"$PY" scripts/check-outputs/check.py "$BASE" "$WORK" || status=1

# jing: every feed against the Atom schema.
feeds=("$BASE/changes.atom")
for slug in $(curl -fsS "$BASE/api/v1/work-plans?pageSize=100" | "$PY" -c 'import json,sys; print(" ".join(i["slug"] for i in json.load(sys.stdin)["items"]))'); do
  feeds+=("$BASE/work-plans/$slug/changes.atom")
done
bad=0
for f in "${feeds[@]}"; do
  curl -fsS -o "$WORK/feed.xml" "$f" || { echo "  $f: no answer"; bad=$((bad + 1)); continue; }
  # Debian's jing wrapper warns about optional Java libraries it does not need: leave those lines out.
  if ! out=$(jing -c scripts/check-outputs/atom.rnc "$WORK/feed.xml" 2>&1 | grep -v '^\[warning\]'; exit "${PIPESTATUS[0]}"); then
    echo "  $f: $out" | head -5
    bad=$((bad + 1))
  fi
done
if [ "$bad" -eq 0 ]; then echo "PASS jing: ${#feeds[@]} Atom feeds valid against atom.rnc"; else echo "FAIL jing: $bad of ${#feeds[@]} feeds invalid"; status=1; fi

# xmllint: the sitemap against the protocol's XSD (the copy the npm package "sitemap" ships).
xsd="$(find "$TOOLS/node_modules/sitemap/schema" -name 'sitemap.xsd' | head -1)"
curl -fsS -o "$WORK/sitemap.xml" "$BASE/sitemap.xml"
if [ -z "$xsd" ]; then
  echo "FAIL xmllint: npm package sitemap ships no sitemap.xsd"; status=1
elif out=$(xmllint --noout --schema "$xsd" "$WORK/sitemap.xml" 2>&1); then
  echo "PASS xmllint: sitemap.xml valid against the sitemap XSD ($(grep -c '<loc>' "$WORK/sitemap.xml") addresses, $(grep -c '<lastmod>' "$WORK/sitemap.xml") with lastmod)"
else
  echo "FAIL xmllint: $(echo "$out" | head -3)"; status=1
fi

if [ "$status" -eq 0 ]; then echo "check-outputs: every tool read every output without a complaint"; else echo "check-outputs: some outputs failed (above)"; fi
exit "$status"
