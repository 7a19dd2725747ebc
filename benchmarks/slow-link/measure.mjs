// Public pages in Chromium on a slow link, throttled through the DevTools protocol (Network.emulateNetworkConditions:
// 400 kbps down and up, 400 ms latency, as issue 19 describes). For each page:
//   first visit  a new browser profile (empty cache), the page and everything it loads;
//   repeat view  the same profile after another public page was visited (a warm cache), then this page:
//                what a reader pays for each further page;
//   reload       the same page again in that profile after its max-age has been waived (Chromium's reload:
//                the HTML revalidated, the stylesheet kept);
// the bytes on the wire (Network.loadingFinished encodedDataLength: headers and compressed body, every request)
// and the time to the load event (Navigation Timing, from the navigation's start). Prints one JSON line a page and
// label, then a summary line. Driven by benchmarks/slow-link.sh.
//   node measure.mjs --base http://127.0.0.1:5240 --label branch --paths /,/members,... [--runs 3]
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? 'true' : all[i + 1]]);
  return pairs;
}, []));
const base = args.base;
const label = args.label ?? base;
const paths = (args.paths ?? '/').split(',');
const runs = Number(args.runs ?? 3);
const kbps = Number(args.kbps ?? 400);
const latency = Number(args.latency ?? 400);
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });

async function throttledPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency, downloadThroughput: kbps * 1000 / 8, uploadThroughput: kbps * 1000 / 8,
  });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', e => requests.set(e.requestId, { url: e.request.url }));
  cdp.on('Network.responseReceived', e => { const r = requests.get(e.requestId); if (r) { r.status = e.response.status; r.fromCache = e.response.fromDiskCache || e.response.fromMemoryCache; } });
  cdp.on('Network.requestServedFromCache', e => { const r = requests.get(e.requestId); if (r) r.fromCache = true; });
  cdp.on('Network.loadingFinished', e => { const r = requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  return { page, requests };
}

async function visit(tab, url, how = 'goto') {
  tab.requests.clear();
  if (how === 'reload') await tab.page.reload({ waitUntil: 'load' }); else await tab.page.goto(url, { waitUntil: 'load' });
  const ms = await tab.page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; });
  // Let the last loadingFinished events arrive.
  await tab.page.waitForLoadState('networkidle');
  const list = [...tab.requests.values()];
  const bytes = list.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
  const detail = list.map(r => `${r.status ?? '?'}${r.fromCache ? ' (cache)' : ''} ${new URL(r.url).pathname} ${r.bytes ?? 0}`);
  return { ms: Math.round(ms), bytes, requests: list.length, detail };
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const results = [];
try {
  for (const path of paths) {
    const other = paths.find(p => p !== path) ?? '/sources';
    const samples = { first: [], repeat: [], reload: [] };
    let detail = {};
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 800 } });
      try {
        const tab = await throttledPage(context);
        const first = await visit(tab, path);
        // A warm cache from another page, then this one: the cost of each further page.
        const warmContext = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 800 } });
        try {
          const warm = await throttledPage(warmContext);
          await visit(warm, other);
          const repeat = await visit(warm, path);
          const reload = await visit(warm, path, 'reload');
          samples.first.push(first); samples.repeat.push(repeat); samples.reload.push(reload);
          detail = { first: first.detail, repeat: repeat.detail, reload: reload.detail };
        } finally { await warmContext.close(); }
      } finally { await context.close(); }
    }
    const row = { label, path };
    for (const kind of Object.keys(samples)) {
      row[kind] = { kb: +(median(samples[kind].map(s => s.bytes)) / 1024).toFixed(1), ms: median(samples[kind].map(s => s.ms)), requests: median(samples[kind].map(s => s.requests)) };
    }
    row.detail = detail;
    results.push(row);
    process.stdout.write(JSON.stringify(row) + '\n');
  }
} finally {
  await browser.close();
}
const worst = kind => ({ kb: Math.max(...results.map(r => r[kind].kb)), ms: Math.max(...results.map(r => r[kind].ms)) });
process.stdout.write(JSON.stringify({ label, summary: true, pages: results.length, runs, worst_first: worst('first'), worst_repeat: worst('repeat'), worst_reload: worst('reload') }) + '\n');
