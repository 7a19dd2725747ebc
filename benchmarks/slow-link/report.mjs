// Reads measure.mjs's JSON lines on stdin and prints a Markdown table: each page, first visit and repeat view,
// for every label (this checkout and its ceiling), with the goals of issue 19 checked on the worst page.
import { readFileSync } from 'node:fs';

const rows = readFileSync(0, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l)).filter(r => !r.summary);
const labels = [...new Set(rows.map(r => r.label))];
const paths = [...new Set(rows.map(r => r.path))];
const cell = r => r ? `${r.first.kb} KB, ${(r.first.ms / 1000).toFixed(2)} s | ${r.repeat.kb} KB, ${(r.repeat.ms / 1000).toFixed(2)} s | ${r.reload.kb} KB, ${(r.reload.ms / 1000).toFixed(2)} s` : ' | | ';
const header = labels.map(l => `${l}: first visit | ${l}: repeat view | ${l}: reload`).join(' | ');
console.log(`| page | ${header} |`);
console.log(`|---|${labels.map(() => '---|---|---').join('|')}|`);
for (const p of paths) console.log(`| \`${p}\` | ${labels.map(l => cell(rows.find(r => r.label === l && r.path === p))).join(' | ')} |`);
for (const l of labels) {
  const mine = rows.filter(r => r.label === l);
  const worst = k => ({ kb: Math.max(...mine.map(r => r[k].kb)), ms: Math.max(...mine.map(r => r[k].ms)) });
  const f = worst('first'), r = worst('repeat');
  const ok = f.kb < 60 && r.kb < 15 && r.ms < 1500;
  console.log(`\n${l}: worst first visit ${f.kb} KB; worst repeat view ${r.kb} KB, ${(r.ms / 1000).toFixed(2)} s — goals (first < 60 KB, repeat < 15 KB and < 1.5 s) ${ok ? 'met' : 'NOT met'}`);
}
