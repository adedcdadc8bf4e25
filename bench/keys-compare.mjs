// Main-thread time per real key press, for several builds side by side: for each dist, in turn
// (interleaved, `--rounds` times), a fresh page, `--presses` edits of q3-2012.revenue (the figure
// selected, then a digit: a real edit each time, as bench/visitor.mjs types), traced; prints per
// round the press's share of script (FunctionCall), layout, paint, pre-paint and layerization,
// and the median total. Unthrottled. A variant is a copy of dist/ changed by hand, e.g. a
// `<style>` added before `</head>`. Prints text; not part of BENCHMARKS.md.
//
//   node bench/keys-compare.mjs DIST [DIST...] [--rounds 3] [--presses 30]
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/harness.mjs';
import { serveGzip } from './serve-gzip.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const dists = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const rounds = opt('--rounds', 3);
const presses = opt('--presses', 30);
const STEPS = ['FunctionCall', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayoutTree'];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const totals = new Map(dists.map((d) => [d, []]));
for (let r = 0; r < rounds; r++) {
  for (const dist of dists) {
    const server = await serveGzip(dist);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.waitForSelector('main.settled');
    await page.locator('input[data-line="revenue"][data-period="q3-2012"]').click();
    // The first edit adds the moved figures' markers; the presses measured only change values.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('2');
    await page.waitForTimeout(500);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
    for (let k = 0; k < presses; k++) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press(String((k % 9) + 1));
      await page.waitForTimeout(120);
    }
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    // The page's renderer: the one whose main thread ran the most.
    const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const busy = (t) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X').length;
    const main = mains.sort((a, b) => busy(b) - busy(a))[0];
    const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
    const tasks = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
    let end = 0;
    let busyTime = 0;
    for (const t of tasks) if (t.ts >= end) { busyTime += t.dur; end = t.ts + t.dur; }
    const per = (us) => (us / 1000 / presses).toFixed(1);
    // Paint events nest (the document's, then the root element's): the outermost only.
    const outer = (name) => { let until = 0; let sum = 0; for (const e of mine.filter((x) => x.name === name).sort((a, b) => a.ts - b.ts)) if (e.ts >= until) { sum += e.dur; until = e.ts + e.dur; } return sum; };
    totals.get(dist).push(busyTime / 1000 / presses);
    console.log(`${dist} round ${r + 1}: ${per(busyTime)} ms per press: ${STEPS.map((s) => `${s} ${per(outer(s))}`).join(', ')}`);
    await ctx.close();
    await server.close();
  }
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [dist, xs] of totals) console.log(`${dist}: median ${median(xs).toFixed(1)} ms per press (${xs.map((x) => x.toFixed(1)).join(', ')})`);
