// The checks that run on node: datapackage-js over the data package, citation-js over every statement's citations,
// and plain checks of the downloads, JSON-LD and NUL paths. One line a verdict: PASS or FAIL, the tool, what it read.
// Usage (from scripts/check-outputs.sh): node check.mjs BASE WORKDIR TOOLSDIR
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';

const [base, work, tools] = process.argv.slice(2);
const require = createRequire(join(tools, 'node_modules', 'x.js'));
let failed = false;
const verdict = (ok, tool, text, details = []) => {
  if (!ok) failed = true;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${tool}: ${text}`);
  for (const d of details.slice(0, 8)) console.log(`  ${d}`);
};
const get = async (path, init) => {
  const r = await fetch(base + path, init);
  return r;
};
const json = async (path) => (await get(path)).json();
const all = async (list) => {
  const items = [];
  for (let page = 1; ; page++) {
    const body = await json(`/api/v1/${list}?pageSize=100&page=${page}`);
    items.push(...body.items);
    if (page >= body.totalPages) return items;
  }
};

// --- datapackage-js: the whole record ---
{
  const zip = Buffer.from(await (await get('/download/datapackage.zip')).arrayBuffer());
  const dir = join(work, 'package');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.zip'), zip);
  execFileSync('unzip', ['-q', '-o', 'package.zip'], { cwd: dir });
  const { Package } = require('datapackage');
  const pkg = await Package.load(join(dir, 'datapackage.json'), { basePath: dir });
  const problems = [...pkg.errors.map(String)];
  let rows = 0;
  let read = 0;
  for (const resource of pkg.resources) {
    try {
      const data = await resource.read({ cast: true, relations: true });
      rows += data.length;
      read++;
    } catch (e) {
      problems.push(`${resource.name}: ${e.message}${e.errors ? ' ' + e.errors.slice(0, 2).map(String).join('; ') : ''}`);
    }
  }
  verdict(pkg.valid && problems.length === 0, 'datapackage-js',
    `descriptor ${pkg.valid ? 'valid' : 'INVALID'}; ${read} of ${pkg.resources.length} resources read and cast with their foreign keys (${rows} rows)`, problems);
}

// --- citation-js: BibTeX, RIS and CSL-JSON of every statement ---
{
  const { Cite } = require('@citation-js/core');
  require('@citation-js/plugin-bibtex');
  require('@citation-js/plugin-ris');
  require('@citation-js/plugin-csl');
  const statements = await all('statements');
  const problems = [];
  let files = 0;
  let nonAscii = 0;
  for (const s of statements) {
    for (const ext of ['bib', 'ris', 'json']) {
      const r = await get(`/statements/${s.slug}/cite.${ext}`);
      const text = await r.text();
      files++;
      if (/[^\x00-\x7f]/.test(text)) nonAscii++;
      if (ext !== 'json' && !/charset=utf-8/i.test(r.headers.get('content-type') ?? '')) problems.push(`${s.slug}.${ext}: no charset in ${r.headers.get('content-type')}`);
      try {
        const items = new Cite(text).data;
        if (items.length !== 1) { problems.push(`${s.slug}.${ext}: ${items.length} items`); continue; }
        const item = items[0];
        if (!item.title) problems.push(`${s.slug}.${ext}: no title`);
        // The issuer is one organisation: citation-js must not cut it into several at " and ".
        const publisher = item.publisher ?? '';
        if (ext === 'bib' && (Array.isArray(item.publisher) || (item.author ?? []).length > 1))
          problems.push(`${s.slug}.bib: the issuer was split (${JSON.stringify(item.publisher ?? item.author)})`);
        if (ext !== 'json' && publisher && !publisher.includes(' and ') && /and Trade and/.test(text))
          problems.push(`${s.slug}.${ext}: the issuer lost words ("${publisher}")`);
      } catch (e) {
        problems.push(`${s.slug}.${ext}: ${e.message}`);
      }
    }
  }
  verdict(problems.length === 0, 'citation-js', `${files} citation files of ${statements.length} statements parsed (BibTeX, RIS, CSL-JSON); ${nonAscii} hold non-ASCII text, every RIS and BibTeX download declares utf-8`, problems);
}

// --- search downloads: no highlight marks, whole paragraphs, absolute links ---
{
  const problems = [];
  const csvResponse = await get('/download/search.csv?q=online+scam');
  const csv = await csvResponse.text();
  const rows = await (await get('/download/search.json?q=online+scam')).json();
  if (csv.includes('[[') || rows.some(r => r.text.includes('[['))) problems.push('highlight marks [[...]] in the download');
  if (rows.some(r => !/^https?:\/\//.test(r.url) || !/^https?:\/\//.test(r.statement.url))) problems.push('a relative link');
  for (const r of rows.slice(0, 5)) {
    const statement = await json(`/api/v1/statements/${r.statement.slug}`);
    const whole = statement.paragraphs.find(p => p.label === r.label)?.text;
    if (whole !== r.text) problems.push(`${r.url}: not the whole paragraph`);
  }
  const statements = await get('/download/statements.csv');
  if (!statements.ok) problems.push(`/download/statements.csv answered ${statements.status}`);
  verdict(problems.length === 0 && rows.length > 0, 'search downloads', `${rows.length} hits for "online scam": whole paragraphs, no [[marks]], absolute links; statements have a list download`, problems);
}

// --- JSON-LD: every page type has it, and it says only what schema.org allows where we know it matters ---
{
  const pages = ['/', '/members', '/members/australia', '/observers', '/participants', '/meetings', '/meetings/eighth-ministerial-conference-2023',
    '/working-groups', '/working-groups/working-group-trafficking-in-persons', '/work-plans', '/work-plans/tip-working-group-forward-work-plan-2015-17',
    '/work-plans/tip-working-group-forward-work-plan-2015-17/items/1', '/statements', '/statements/eighth-ministerial-conference-2023-co-chairs-statement',
    '/themes', '/themes/online-scams', '/search?q=scam', '/sources', '/timeline', '/documents', '/people', '/changes'];
  const sources = await all('sources');
  if (sources.length) pages.push(new URL(sources[0].url, base).pathname);
  const problems = [];
  const types = new Set();
  for (const path of pages) {
    const r = await get(path);
    const html = await r.text();
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(m => m[1]);
    if (r.status !== 200) { problems.push(`${path}: ${r.status}`); continue; }
    if (blocks.length === 0) { problems.push(`${path}: no JSON-LD`); continue; }
    for (const b of blocks) {
      let data;
      try { data = JSON.parse(b); } catch (e) { problems.push(`${path}: ${e.message}`); continue; }
      if (data['@context'] !== 'https://schema.org' || !data['@type'] || !data.name || !/^https?:/.test(data.url ?? '')) problems.push(`${path}: incomplete (${b.slice(0, 80)})`);
      types.add(data['@type']);
      // memberOf belongs to a Person or an Organization; a Country is a Place.
      if (data.memberOf && ['Country', 'Place', 'AdministrativeArea'].includes(data['@type'])) problems.push(`${path}: memberOf on a ${data['@type']}`);
    }
  }
  verdict(problems.length === 0, 'JSON-LD', `${pages.length} page types each carry schema.org JSON-LD (${[...types].sort().join(', ')}); no memberOf on a Country`, problems);
}

// --- NUL in a path: a 400 with a body a person (or a program) can read ---
{
  const problems = [];
  for (const [path, type] of [['/meetings/a%00b', 'text/html'], ['/api/v1/meetings/a%00b', 'application/problem+json']]) {
    const r = await get(path);
    const body = await r.text();
    if (r.status !== 400) problems.push(`${path}: ${r.status}`);
    if (!body.trim()) problems.push(`${path}: empty body`);
    if (!(r.headers.get('content-type') ?? '').startsWith(type)) problems.push(`${path}: ${r.headers.get('content-type')}, not ${type}`);
  }
  verdict(problems.length === 0, 'NUL paths', 'a NUL byte in a path gets 400 with a readable body (problem+json under /api, HTML otherwise)', problems);
}

process.exit(failed ? 1 : 0);
