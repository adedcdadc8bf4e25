// The prerendered page's timings (issue 15), in headless Chromium, for a built dist/:
// navigation → first figure on screen (from the HTML), → the live page (<main class="settled">),
// and the long tasks of the start (PerformanceObserver "longtask": the longest, and the total
// blocking time, the sum of each task's time over 50 ms), unthrottled and with the CPU slowed 4×
// (CDP Emulation.setCPUThrottlingRate). Prints one JSON object.
//
//   node bench/prerender.mjs [DIST] [--loads 5]
//   node bench/prerender.mjs --report RESULT.json   # the BENCHMARKS.md section (scripts/bench.sh)
import fs from 'node:fs';
import { startHarness, DIST } from '../tests/browser/harness.mjs';

if (process.argv[2] === '--report') {
  const r = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
  const row = (name, k) => `| ${name} | ${r.cpu1x[k]} ms | ${r.cpu4x[k]} ms |`;
  console.log(`
## The prerendered page's start (issue 15)

Written by \`node bench/prerender.mjs\` (median of ${r.loads} loads, fresh context each, served from 127.0.0.1,
Chromium ${r.chromium}; CPU 4× by CDP \`Emulation.setCPUThrottlingRate\`, no network throttling;
load average ${r.load}: a busy machine gives higher timings).

| From navigation | Unthrottled | CPU 4× |
|---|---|---|
${row('First figure on screen (from the HTML, before any script)', 'firstFigure')}
${row('The live page (\`<main class="settled">\`)', 'live')}
${row('Longest task of the start', 'longest')}
${row('Blocking time of the start (each long task over 50 ms, summed)', 'blocking')}

Replacement, not hydration: the live page renders into the prerendered one in place (Yew portals
whose hosts are the prerendered page's header, the region above the pieces, each piece, and the
region after them): the header and what is above the pieces at once, then the pieces (each
statement, top first, a few figures a task out of sight until it is whole, then the outlook, the
bridges, the tie-out, the highlights, one per task), each
replacing only its own content, so nothing is moved, styled or laid out again but what is
rendered; the app's download begins once the prerendered page has been shown. Against
hydration's +17.7 KB wasm and about 170 ms measured by the issue's prototype, whose any
structural mismatch (a share link, a saved scenario, an estimate column) panics inside
hydration and, with \`panic = "abort"\`, leaves a dead page. The longest task at CPU 4× is the
prerendered page's own first style, layout and paint, before any script of the app. The
prerendered page itself is index.html: +28.1 KB gzip when it was added.

The prerender binary is built by Trunk's post_build hook in the dev profile: from nothing
(yew and its dependencies natively) 2 min 35 s on this shared machine, then about 3 s when only
the app changed; it renders the page in 0.08 s. The release profile (LTO, one codegen unit) was
not measured: its build would be minutes longer for a run that takes a tenth of a second.
`);
  process.exit(0);
}

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) || DIST;
const loads = Number(args[args.indexOf('--loads') + 1]) || 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const PROBE = () => {
  const b = (window.__pre = { firstFigure: null, live: null, tasks: [] });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => b.tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (b.firstFigure === null && document.querySelector('[data-value]')) requestAnimationFrame(() => (b.firstFigure = performance.now()));
    if (b.live === null && document.querySelector('main.settled')) b.live = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

const h = await startHarness({ root: dist });
const out = {};
try {
  for (const rate of [1, 4]) {
    const runs = [];
    for (let i = 0; i < loads; i++) {
      const context = await h.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(h.rootUrl, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__pre.live !== null && window.__pre.firstFigure !== null, null, { timeout: 60_000 });
      await page.waitForTimeout(300);
      const r = await page.evaluate(() => window.__pre);
      runs.push({
        firstFigure: r.firstFigure,
        live: r.live,
        longest: Math.max(0, ...r.tasks.map((t) => t[1])),
        blocking: r.tasks.reduce((n, t) => n + Math.max(0, t[1] - 50), 0),
      });
      await context.close();
    }
    out[`cpu${rate}x`] = Object.fromEntries(['firstFigure', 'live', 'longest', 'blocking'].map((k) => [k, Math.round(median(runs.map((r) => r[k])))]));
  }
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(JSON.stringify({ dist, loads, load, chromium: h.browser.version(), ...out }));
} finally {
  await h.close();
}
