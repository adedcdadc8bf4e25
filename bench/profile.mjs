// Where the main thread's script time goes (CDP Profiler, sampled every 100 µs): self time by
// function, the top N, for the start (navigation to main.settled) or for 40 key presses into
// q3-2012.revenue (a real edit each: the figure selected, then a digit). With a dist from
// bench/named.sh, Rust functions are named. Prints text; not part of BENCHMARKS.md.
//
//   node bench/profile.mjs DIST [start|keys] [TOP] [FUNCTION]   # FUNCTION: also who called it
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/harness.mjs';
import { serveGzip } from './serve-gzip.mjs';
const dist = process.argv[2]; const mode = process.argv[3] || 'start'; const top = Number(process.argv[4] || 40);
const server = await serveGzip(dist);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (mode === 'start') {
  await cdp.send('Profiler.start');
  await page.goto(server.url);
  await page.waitForSelector('main.settled', { timeout: 60000 });
} else {
  await page.goto(server.url);
  await page.waitForSelector('main.settled', { timeout: 60000 });
  const f = page.locator('input[data-line="revenue"][data-period="q3-2012"]');
  await f.click();
  await cdp.send('Profiler.start');
  // Each press replaces the figure (select all, a digit): a real edit, never a refused text.
  for (let i = 0; i < 40; i++) { await page.keyboard.press('ControlOrMeta+A'); await page.keyboard.press(String(1 + (i % 9))); await page.waitForTimeout(30); }
}
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop().slice(0, 20)}`; self.set(name, (self.get(name) || 0) + (dt[i] || 0)); total += dt[i] || 0; });
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
console.log(`total ${Math.round(total / 1000)} ms`);
for (const [n, t] of rows) console.log((t / 1000).toFixed(1).padStart(7), n.slice(0, 150));
await browser.close(); await server.close();
// Callers of a function (argv[5]): self time by parent chain (3 levels).
if (process.argv[5]) {
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop().slice(0, 12)}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
  const agg = new Map();
  profile.samples.forEach((id, i) => { const n = byId.get(id); if (n.callFrame.functionName !== process.argv[5]) return; let chain = []; let p = parent.get(id); for (let k = 0; k < 6 && p; k++) { chain.push(name(byId.get(p))); p = parent.get(p); } const key = chain.join(' < '); agg.set(key, (agg.get(key) || 0) + (dt[i] || 0)); });
  for (const [k, t] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log((t / 1000).toFixed(1).padStart(7), k);
}
