// Where the start's long tasks go: a Chromium trace (CDP Tracing, through playwright-core's
// browser.startTracing) of the page's start, unthrottled, dist/ served gzipped. For each long
// task (over 50 ms) of the page's main thread: when it starts (from navigation start), how long
// it takes, and where its time goes: the trace events inside it by self time (time not spent in
// a nested event), e.g. FunctionCall (script), v8.wasm.* (wasm compile), UpdateLayoutTree
// (style), Layout, Paint. With --keys N: the start is not traced, but N key presses into
// q3-2012.revenue once the page is live (digits, as a person types); the tasks over 2 ms from
// the first press are broken down the same way and summed per press: where a keystroke's time goes.
// Prints text; not part of BENCHMARKS.md (a tool to find the cause).
//
//   node bench/trace.mjs [DIST] [--loads 3] [--rate 1] [--keys 0]
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST } from '../tests/browser/harness.mjs';
import { serveGzip } from './serve-gzip.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const dist = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--'))) || DIST;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'v8.execute', 'blink', 'loading', 'blink.user_timing', 'toplevel', 'disabled-by-default-v8.compile'];

function analyse(events, threshold = 50_000) {
  // The page's renderer: the one that navigated, or (key presses, traced after the start) the
  // one whose main thread ran the most.
  const renderers = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busy = (r) => events.filter((x) => x.pid === r.pid && x.tid === r.tid && x.ph === 'X').length;
  const main = renderers.find((e) => events.some((x) => x.pid === e.pid && x.name === 'navigationStart')) ||
    renderers.sort((a, b) => busy(b) - busy(a))[0];
  if (!main) throw new Error('no renderer main thread in the trace');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // From navigation start (the last: the page's, not about:blank's), or from the trace's start.
  const nav = events.filter((e) => e.pid === main.pid && e.name === 'navigationStart').pop()?.ts ?? mine[0]?.ts ?? 0;
  const fcp = events.find((e) => e.pid === main.pid && e.name === 'firstContentfulPaint')?.ts;
  const tasks = mine.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  // Top-level tasks only (a RunTask nested in another is not a task of its own).
  const top = [];
  for (const t of tasks) if (!top.length || t.ts >= top[top.length - 1].ts + top[top.length - 1].dur) top.push(t);
  return {
    fcp: fcp === undefined ? null : (fcp - nav) / 1000,
    long: top.filter((t) => t.dur > threshold).map((t) => {
      const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
      const self = new Map();
      const stack = [];
      const credit = (e, us) => {
        const key = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${(e.args?.data?.url || '').split('/').pop()} ${e.args?.data?.functionName || ''}`.trim() : e.name;
        self.set(key, (self.get(key) || 0) + us);
      };
      for (const e of inside) {
        while (stack.length && e.ts >= stack[stack.length - 1].ts + stack[stack.length - 1].dur) stack.pop();
        if (stack.length) credit(stack[stack.length - 1], -e.dur);
        credit(e, e.dur);
        stack.push(e);
      }
      const covered = inside.filter((e) => !inside.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur && p.dur > e.dur)).reduce((n, e) => n + e.dur, 0);
      return {
        start: (t.ts - nav) / 1000,
        ms: t.dur / 1000,
        untraced: (t.dur - covered) / 1000,
        self: [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, us]) => [k, us / 1000]),
      };
    }),
  };
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const server = await serveGzip(dist);
try {
  for (let i = 0; i < opt('--loads', 3); i++) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: opt('--rate', 1) });
    const keys = opt('--keys', 0);
    if (!keys) await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(server.url);
    await page.waitForSelector('main.settled', { timeout: 60_000 });
    await page.waitForTimeout(1000);
    if (keys) {
      const field = page.locator('input[data-line="revenue"][data-period="q3-2012"]');
      await field.click();
      await page.waitForTimeout(500);
      await browser.startTracing(page, { categories: CATEGORIES });
      for (let k = 0; k < keys; k++) {
        // Each press replaces the figure with a digit: a valid edit, which recomputes (digits
        // appended after End made "23,3821", refused as misgrouped, and traced no recompute).
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press(String((k % 9) + 1));
        await page.waitForTimeout(300);
      }
    }
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const r = analyse(trace.traceEvents, keys ? 2_000 : 50_000);
    console.log(`load ${i + 1}: first contentful paint ${r.fcp?.toFixed(0)} ms`);
    if (keys) {
      // Per key press, summed over every task of the presses: where a keystroke's time goes.
      const sum = new Map();
      for (const t of r.long) for (const [k, ms] of t.self) sum.set(k, (sum.get(k) || 0) + ms);
      const total = r.long.reduce((n, t) => n + t.ms, 0);
      console.log(`  per key press: ${(total / keys).toFixed(1)} ms in tasks over 2 ms`);
      for (const [k, ms] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${(ms / keys).toFixed(1).padStart(6)} ms  ${k}`);
      await context.close();
      continue;
    }
    for (const t of r.long) {
      console.log(`  ${keys ? 'task' : 'long task'} at ${t.start.toFixed(0)} ms: ${t.ms.toFixed(1)} ms (${t.untraced.toFixed(1)} ms in no event)`);
      for (const [k, ms] of t.self) if (ms >= 1) console.log(`    ${ms.toFixed(1).padStart(6)} ms  ${k}`);
    }
    await context.close();
  }
} finally {
  await server.close();
  await browser.close();
}
