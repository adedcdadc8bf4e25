// Browser half of the benchmarks (scripts/bench.sh runs it): for a built dist/, the load time
// and the edit latency, measured in Debian's headless Chromium
// through tests/browser/harness.mjs. Prints one JSON object.
//
//   node bench/browser.mjs DIST [--loads 20] [--edits 300]
//
// What is measured, inside the page (performance.now(), relative to navigation start):
// - load: from navigation start to the first element with a data-value attribute being added
//   to the document ("in the DOM"), and to the next animation frame after it ("on screen",
//   the figure reported). A fresh browser context per load, nothing
//   cached (the server sends no-store).
// - edit: typing one digit into a real <input data-line data-period> field (Playwright key
//   presses, so trusted events and the browser's own text editing). The clock starts in a
//   capture-phase "input" listener on document, before the app sees the event, and stops at
//   the last MutationObserver callback that sees a data-value change before the page is quiet
//   again (two animation frames). Yew 0.23 renders in a microtask after the callback
//   (scheduler::start → spawn_local), and a MutationObserver callback is the next microtask
//   after the render, so this is the time until every dependent figure is in the DOM;
//   style, layout and paint are not included. An edit that changed no data-value is an error.

import { startHarness } from '../tests/browser/harness.mjs';

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { n: s.length, median: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1] };
}

// Installed before any page script: records when the first figure appears, and times edits.
const PROBE = () => {
  const probe = (window.__bench = { firstFigure: null, firstFrame: null, complete: null, edits: [] });
  let start = null;
  let last = null;
  let changed = 0;
  new MutationObserver((records) => {
    const now = performance.now();
    if (probe.firstFigure === null && document.querySelector('[data-value]')) {
      probe.firstFigure = now;
      requestAnimationFrame(() => (probe.firstFrame = performance.now()));
    }
    // The whole page, live: the live page has rendered into the app's prerendered page (#app),
    // whose <main> is then "settled" (the minimal page has neither).
    if (probe.complete === null && probe.firstFigure !== null && (!document.getElementById('app') || document.querySelector('main.settled'))) {
      probe.complete = now;
    }
    if (start === null) return;
    const figures = records.filter((r) => r.type === 'attributes' && r.attributeName === 'data-value').length;
    if (figures > 0) {
      changed += figures;
      last = now;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value', 'class'] });
  document.addEventListener('input', () => {
    start = performance.now();
    last = null;
    changed = 0;
  }, { capture: true });
  // Called after each key press: waits until the page is quiet, then files the edit.
  probe.settle = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const edit = { ms: last === null ? null : last - start, changed };
          start = null;
          probe.edits.push(edit);
          resolve(edit);
        }),
      ),
    );
};

async function measureLoads(h, loads) {
  const inDom = [];
  const onScreen = [];
  const complete = [];
  for (let i = 0; i < loads; i++) {
    const context = await h.browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    await page.goto(h.rootUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench.firstFrame !== null && window.__bench.complete !== null);
    const t = await page.evaluate(() => [window.__bench.firstFigure, window.__bench.firstFrame, window.__bench.complete]);
    inDom.push(t[0]);
    onScreen.push(t[1]);
    complete.push(t[2]);
    await context.close();
  }
  return { inDom: stats(inDom), onScreen: stats(onScreen), complete: stats(complete) };
}

async function measureEdits(h, edits) {
  const context = await h.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(h.rootUrl, { waitUntil: 'load' });
  await page.waitForSelector('input[data-line][data-period]');
  // The prerendered page's fields are read-only: edits begin once the live page is there.
  await page.waitForFunction(() => !document.getElementById('app') || document.querySelector('main.settled'));
  const fields = page.locator('input[data-line][data-period]');
  const count = await fields.count();
  const samples = [];
  for (let i = 0; i < edits; i++) {
    // Each edit types into the next field, so edits go to every input of the page in turn.
    // Odd rounds type a second digit into the same field.
    const field = fields.nth(Math.floor(i / 2) % count);
    let digit = 1 + (i % 9);
    if (i % 2 === 0) {
      // A digit equal to the field's value would be no edit: take the next one.
      if ((await field.getAttribute('data-value')) === String(digit)) digit = 1 + (digit % 9);
      await field.click();
      await page.evaluate(() => window.__bench.settle());
      await page.keyboard.press('ControlOrMeta+A');
    }
    await page.keyboard.press(String(digit));
    const edit = await page.evaluate(() => window.__bench.settle());
    if (edit.ms === null || edit.changed === 0) {
      throw new Error(`edit ${i} of field ${Math.floor(i / 2) % count} changed no figure`);
    }
    samples.push(edit.ms);
  }
  await context.close();
  return { fields: count, ...stats(samples) };
}

async function main() {
  const args = process.argv.slice(2);
  const dist = args[0];
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const h = await startHarness({ root: dist });
  try {
    const load = await measureLoads(h, opt('--loads', 20));
    const edit = await measureEdits(h, opt('--edits', 300));
    const chromium = h.browser.version();
    console.log(JSON.stringify({ dist, chromium, load, edit }));
  } finally {
    await h.close();
  }
}

await main();
