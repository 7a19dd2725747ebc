import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
const [base, path, email, password, tabsArg] = process.argv.slice(2);
const sleep = ms => new Promise(r => setTimeout(r, ms));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-background-timer-throttling','--disable-renderer-backgrounding','--disable-backgrounding-occluded-windows'] });
const context = await browser.newContext({ baseURL: base });
const p = await context.newPage();
await p.goto(`/account/sign-in?returnUrl=%2Fwork-plans`);
await p.fill('#email', email); await p.fill('#password', password);
await Promise.all([p.waitForURL(u => !u.pathname.startsWith('/account/sign-in')), p.click('button[type=submit]')]);
async function openTab() {
  const page = await context.newPage();
  let done; const ready = new Promise(r => done = r);
  page.on('websocket', ws => ws.on('framereceived', f => { const s = typeof f.payload === 'string' ? f.payload : f.payload.toString('latin1'); if (s.includes('JS.RenderBatch')) done(); }));
  await page.goto(path); await ready; return page;
}
for (let i = 0; i < 2; i++) await openTab();
console.log('warm'); 
while (!existsSync('/tmp/cq/go')) await sleep(500);
for (let i = 0; i < Number(tabsArg); i++) await openTab();
console.log('open');
while (!existsSync('/tmp/cq/go2')) await sleep(500);
for (let i = 0; i < Number(tabsArg); i++) await openTab();
console.log('open2');
while (!existsSync('/tmp/cq/stop')) await sleep(500);
await browser.close();
