#!/usr/bin/env bash
# Lighthouse (accessibility, best practices, SEO) on one URL of every public page type of the running
# Release portal (not a test: about 15 s a page and form factor). Prints a Markdown table of the scores
# with every audit that did not pass, and exits 1 if a page scores under 100 where it should not
# (search results may lose SEO only for being noindex).
#   bash benchmarks/lighthouse.sh                       # mobile and desktop (35-50 minutes on 2 cores)
#   FORM_FACTORS=mobile bash benchmarks/lighthouse.sh   # mobile only
#   PAGES="home members" bash benchmarks/lighthouse.sh  # some page types only (names as in the table)
#   LANGUAGE=id bash benchmarks/lighthouse.sh           # the Indonesian pages ("/id/…"; decision 0042)
# PORT (default 5220) is the portal's port; it runs on its own database bp_lighthouse (re-created).
# Lighthouse (npm, pinned below) is installed into LIGHTHOUSE_DIR (default ~/.cache/baliprocess-lighthouse),
# outside the repository; it drives Debian's Chromium (CHROME_PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-5220}"; form_factors="${FORM_FACTORS:-mobile desktop}"
lighthouse_version="13.5.0"
lighthouse_dir="${LIGHTHOUSE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/baliprocess-lighthouse}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
db="bp_lighthouse"; conn="Host=localhost;Username=baliprocess;Password=baliprocess;Database=$db"
work="$(mktemp -d /tmp/bp-lighthouse.XXXXXX)"

bash scripts/ensure-postgres.sh >/dev/null
bash scripts/ensure-chromium.sh >/dev/null
if [ "$("$lighthouse_dir/node_modules/.bin/lighthouse" --version 2>/dev/null || true)" != "$lighthouse_version" ]; then
  mkdir -p "$lighthouse_dir"
  for attempt in 1 2 3; do
    npm install --no-audit --no-fund --loglevel=error --prefix "$lighthouse_dir" "lighthouse@$lighthouse_version" >/dev/null && break
    [ "$attempt" = 3 ] && { echo "lighthouse: npm install failed" >&2; exit 1; }
    sleep $((attempt * 5))
  done
fi
lighthouse="$lighthouse_dir/node_modules/.bin/lighthouse"
dotnet build src/BaliProcess.Web -c Release >/dev/null
su postgres -c "dropdb --if-exists --force $db && createdb -O baliprocess $db" >/dev/null

pid=""
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  su postgres -c "dropdb --if-exists --force $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd src/BaliProcess.Web && ConnectionStrings__BaliProcess="$conn" ASPNETCORE_ENVIRONMENT=Production \
  Security__RequireHttps=false RateLimits__SearchRequestsPerMinute=100000 \
  exec dotnet bin/Release/net10.0/BaliProcess.Web.dll --urls "http://127.0.0.1:$port") >"$work/portal.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 180); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$base/health/ready" >/dev/null || { echo "lighthouse: the portal did not start; see $work/portal.log" >&2; cat "$work/portal.log" >&2; exit 1; }

# The first link under a prefix on a list page: one real record of each kind, whatever the seed data holds.
first_link() { curl -fs "$base$1" | grep -o "href=\"$2/[^\"#?]*\"" | sed 's/^href="//; s/"$//' | grep -v "^$2/[^/]*/" | head -1; }
plan="$(first_link "$(first_link /working-groups /working-groups)" /work-plans)"
pages=(
  "home|/"
  "members|/members"
  "member|$(first_link /members /members)"
  "observers|/observers"
  "other bodies|/participants"
  "meetings|/meetings"
  "meeting|$(first_link /meetings /meetings)"
  "timeline|/timeline"
  "statements|/statements"
  "statement|$(first_link /statements /statements)"
  "working groups (their work plans)|/working-groups"
  "working group|$(first_link /working-groups /working-groups)"
  "work plan|$plan"
  "action item|$(curl -fs "$base$plan" | grep -o "href=\"$plan/items/[^\"#?]*\"" | sed 's/^href="//; s/"$//' | head -1)"
  "changes|/changes"
  "documents|/documents"
  "document|$(first_link /documents /documents)"
  "people|/people"
  "person|$(first_link /people /people)"
  "themes|/themes"
  "theme|$(first_link /themes /themes)"
  "sources|/sources"
  "source|$(first_link /sources /sources)"
  "search results|/search?q=trafficking"
  "API reference|/api/reference"
)

if [ "${LANGUAGE:-en}" = id ]; then
  for i in "${!pages[@]}"; do
    name="${pages[$i]%%|*}"; path="${pages[$i]#*|}"
    case "$path" in /api/*|"") ;; /) pages[$i]="$name|/id" ;; *) pages[$i]="$name|/id$path" ;; esac
  done
fi

echo "Lighthouse $lighthouse_version, $("$CHROME_PATH" --version 2>/dev/null | head -1), portal at $base (Release, Production); form factors: $form_factors"
echo
echo "| page | URL | form factor | accessibility | best practices | SEO | audits not passed |"
echo "|---|---|---|---:|---:|---:|---|"
failures=0
for entry in "${pages[@]}"; do
  name="${entry%%|*}"; path="${entry#*|}"
  if [ -n "${PAGES:-}" ] && ! grep -qw -- "${name%% *}" <<<"$PAGES"; then continue; fi
  if [ -z "$path" ]; then echo "| $name | (no link found) | | | | | |"; failures=$((failures + 1)); continue; fi
  for factor in $form_factors; do
    out="$work/report.json"
    preset=(); [ "$factor" = desktop ] && preset=(--preset=desktop)
    if ! "$lighthouse" "$base$path" "${preset[@]}" --only-categories=accessibility,best-practices,seo \
        --throttling-method=provided --output=json --output-path="$out" --quiet \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >"$work/lighthouse.log" 2>&1; then
      echo "| $name | \`$path\` | $factor | (Lighthouse failed: $(tail -1 "$work/lighthouse.log")) | | | |"; failures=$((failures + 1)); continue
    fi
    # One table row; exit status 1 when a category is under 100 (SEO on search results excepted, if only
    # for noindex).
    if ! node - "$out" "$name" "$path" "$factor" <<'NODE'
const [file, name, path, factor] = process.argv.slice(2);
const report = JSON.parse(require('fs').readFileSync(file, 'utf8'));
const ids = ['accessibility', 'best-practices', 'seo'];
const score = id => Math.round((report.categories[id]?.score ?? 0) * 100);
const failed = [];
for (const id of ids) {
  for (const ref of report.categories[id].auditRefs) {
    const audit = report.audits[ref.id];
    if (audit.score !== null && audit.score < 1 && !['manual', 'notApplicable', 'informative'].includes(audit.scoreDisplayMode)) {
      const items = (audit.details?.items ?? []).slice(0, 3)
        .map(i => i.node?.selector ?? i.source?.url ?? i.url ?? i.description ?? '').filter(Boolean).join('; ');
      const why = items || audit.explanation || '';
      failed.push(`${ref.id}${ref.weight === 0 ? ' (weight 0)' : ''}${why ? ` [${why.replace(/\s+/g, ' ').slice(0, 200)}]` : ''}`);
    }
  }
}
const scores = ids.map(score);
console.log(`| ${name} | \`${path}\` | ${factor} | ${scores.join(' | ')} | ${failed.join(', ').replaceAll('|', '\\|') || '—'} |`);
// Audits of weight 0 do not count towards a score; a noindex page fails only is-crawlable.
const counted = failed.filter(f => !f.includes('(weight 0)'));
const onlyNoindex = counted.length > 0 && counted.every(f => f.startsWith('is-crawlable'));
const bad = scores[0] < 100 || scores[1] < 100 || (scores[2] < 100 && !(name === 'search results' && onlyNoindex));
process.exit(bad ? 1 : 0);
NODE
    then failures=$((failures + 1)); fi
  done
done
echo
echo "pages or form factors under 100 (other than noindex search results): $failures"
[ "$failures" = 0 ]
