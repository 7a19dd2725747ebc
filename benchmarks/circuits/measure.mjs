// Opens N Chromium tabs on one interactive (Blazor Server) page and measures what the server process holds
// per live circuit: resident memory (VmRSS from /proc) and the managed heap after a forced full GC
// (dotnet-gcdump collects a heap snapshot, which starts with a blocking gen-2 collection), before and after.
// Driven by benchmarks/circuits.sh; prints one JSON line on stdout.
//
//   node measure.mjs --base http://127.0.0.1:5301 --path /counter --pid 1234 --tabs 50 [--gcdump PATH]
//                    [--email E --password P]          sign in first (the portal's staff pages)
//   node measure.mjs --setup --base ... --admin-email E --admin-password P --email E --password P
//                    creates the Secretariat account through /admin/accounts and sets its own password
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? 'true' : all[i + 1]]);
  return pairs;
}, []));
const base = args.base;
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
  // Tabs in the background must keep their connection as a visible one would (no timer throttling).
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'];
const sleep = ms => new Promise(r => setTimeout(r, ms));
const log = message => process.stderr.write(`circuits: ${message}\n`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });
try {
  const context = await browser.newContext({ baseURL: base });
  if (args.setup) {
    await setUpSecretariatAccount(context);
  } else {
    console.log(JSON.stringify(await measure(context)));
  }
} finally {
  await browser.close();
}

async function signIn(context, email, password, landing = '/work-plans') {
  // Land on a public (static) page, so signing in opens no circuit of its own.
  const page = await context.newPage();
  await page.goto(`/account/sign-in?returnUrl=${encodeURIComponent(landing)}`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(url => !url.pathname.startsWith('/account/sign-in')), page.click('button[type=submit]')]);
  return page;
}

async function setUpSecretariatAccount(context) {
  const initial = 'initial benchmark pass phrase';
  const admin = await signIn(context, args['admin-email'], args['admin-password']);
  await admin.goto('/admin/accounts');
  await admin.fill('#name', 'Benchmark Secretariat');
  await admin.fill('#email', args.email);
  await admin.selectOption('#role', 'Secretariat');
  await admin.fill('#initial-password', initial);
  await admin.click('button:has-text("Create account")');
  await admin.waitForSelector('text=is created as Secretariat');
  await context.clearCookies();
  const page = await signIn(context, args.email, initial, '/staff');
  await page.waitForURL('**/account/change-password');
  await page.fill('#current', initial);
  await page.fill('#new', args.password);
  await page.fill('#confirm', args.password);
  await page.click('button:has-text("Change password")');
  await page.waitForSelector('text=Your password is changed');
  log(`Secretariat account ${args.email} set up`);
}

// A tab counts once its circuit has started and rendered: the server has sent the first render batch
// over the circuit's WebSocket (SignalR hub method "JS.RenderBatch").
async function openTab(context, path, sockets) {
  const page = await context.newPage();
  let rendered;
  const ready = new Promise((resolve, reject) => {
    rendered = resolve;
    setTimeout(() => reject(new Error(`no circuit rendered within 90 s on ${path}`)), 90_000);
  });
  page.on('websocket', ws => {
    sockets.opened++;
    ws.on('close', () => sockets.closed++);
    ws.on('framereceived', frame => {
      const payload = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('latin1');
      if (payload.includes('JS.RenderBatch')) rendered();
    });
  });
  const response = await page.goto(path);
  if (!response || response.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
  await ready;
  return page;
}

function rssKiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS:'));
  return Number(line.replace(/\D+/g, ''));
}

async function rssMedianKiB(pid) {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    samples.push(rssKiB(pid));
    await sleep(1000);
  }
  return samples.sort((a, b) => a - b)[2];
}

// Managed heap after a full blocking GC, in KiB (null without dotnet-gcdump).
function heapAfterGcKiB(pid) {
  if (!args.gcdump) return null;
  const dir = mkdtempSync(join(tmpdir(), 'bp-gcdump-'));
  try {
    const file = join(dir, 'heap.gcdump');
    execFileSync(args.gcdump, ['collect', '-p', String(pid), '-o', file], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
    const report = execFileSync(args.gcdump, ['report', file], { encoding: 'utf8', timeout: 300_000, maxBuffer: 512 * 1024 * 1024 });
    const match = report.match(/([\d,]+)\s+GC Heap bytes/);
    if (!match) throw new Error(`unexpected dotnet-gcdump report:\n${report.slice(0, 500)}`);
    return Math.round(Number(match[1].replace(/,/g, '')) / 1024);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function snapshot(pid) {
  await sleep(Number(args.settle ?? 10) * 1000);
  const rss = await rssMedianKiB(pid);
  const heap = heapAfterGcKiB(pid);
  const rssAfterGc = args.gcdump ? await rssMedianKiB(pid) : null;
  return { rssKiB: rss, heapAfterGcKiB: heap, rssAfterGcKiB: rssAfterGc };
}

async function measure(context) {
  const pid = Number(args.pid);
  const tabs = Number(args.tabs ?? 50);
  const warm = Number(args.warm ?? 2);
  const path = args.path;
  const sockets = { opened: 0, closed: 0 };
  if (args.email) await signIn(context, args.email, args.password);

  // Warm-up (not measured): the page rendered a few times and a couple of live tabs that stay open through
  // both measurements, so JIT, pools and first-use caches are paid before "before".
  for (let i = 0; i < 5; i++) await context.request.get(path);
  for (let i = 0; i < warm; i++) await openTab(context, path, sockets);

  const before = await snapshot(pid);
  const load1Before = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const started = Date.now();
  for (let i = 0; i < tabs; i++) await openTab(context, path, sockets);
  const openSeconds = (Date.now() - started) / 1000;
  const after = await snapshot(pid);
  const load1After = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const live = sockets.opened - sockets.closed;
  if (live !== tabs + warm) throw new Error(`expected ${tabs + warm} live circuits, found ${live} open WebSockets`);

  const per = (key) => before[key] === null ? null : Math.round((after[key] - before[key]) / tabs);
  return {
    path, tabs, warm, openSeconds, liveWebSockets: live, load1Before, load1After,
    before, after,
    perCircuitRssKiB: per('rssKiB'), perCircuitHeapKiB: per('heapAfterGcKiB'), perCircuitRssAfterGcKiB: per('rssAfterGcKiB'),
  };
}
