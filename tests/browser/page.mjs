// Reading and typing into the page the way the tests do, shared by the browser test files.
import assert from 'node:assert/strict';
import { TIMEOUT_MS } from './harness.mjs';

export const cell = (page, period, line) => page.locator(`[data-period="${period}"][data-line="${line}"]`).first();
export const value = (page, period, line) => cell(page, period, line).getAttribute('data-value');

/** Waits (bounded) until `read()` gives `want`: the page renders just after each event. */
export async function eventually(read, want, what) {
  const until = Date.now() + TIMEOUT_MS;
  let got = await read();
  while (got !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    got = await read();
  }
  assert.equal(got, want, what);
}
export const expectValue = (page, period, line, want) =>
  eventually(() => value(page, period, line), want, `${period}.${line}`);
export const input = (page, period, line) => page.locator(`input[data-period="${period}"][data-line="${line}"]`).first();

/** An element's box once it has held still for two frames: a click aimed from a box read while
 * the page still moves (a piece's height settling after a scroll) lands somewhere else. */
export async function stillBox(locator) {
  const read = () => locator.evaluate((el) => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const r = el.getBoundingClientRect();
    done(JSON.stringify([r.x, r.y, r.width, r.height]));
  }))));
  let before = await read();
  await eventually(async () => { const now = await read(); const still = now === before; before = now; return still; }, true, 'the element holds still');
  const [x, y, width, height] = JSON.parse(before);
  return { x, y, width, height };
}

/** Every figure on the page as "period.line" → data-value, checking repeated figures agree. */
export async function allValues(page) {
  const pairs = await page.$$eval('[data-line][data-period]', (els) =>
    els.map((e) => [`${e.dataset.period}.${e.dataset.line}`, e.dataset.value]),
  );
  const values = new Map();
  for (const [key, v] of pairs) {
    if (values.has(key)) assert.equal(v, values.get(key), `${key} shows one value wherever it appears`);
    values.set(key, v);
  }
  return values;
}

export function changed(before, after) {
  return [...after.keys()].filter((k) => after.get(k) !== before.get(k)).sort();
}

/** Clicks into a field, selects what is there and types like a person, key by key. */
export async function typeInto(page, period, line, text) {
  const field = input(page, period, line);
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Waits (bounded) until the page is live (the contract's "Readiness"): until then the page on
 * screen is the one prerendered at build time, with read-only fields and the release's figures. */
export const live = (page) => page.locator('main.settled').first().waitFor({ state: 'attached', timeout: TIMEOUT_MS });

/** How opaque an element shows: its own opacity and its ancestors' (dimmed figures). */
export const opacity = (locator) => locator.evaluate((el) => { let o = 1; for (; el; el = el.parentElement) o *= Number(getComputedStyle(el).opacity); return o; });

/**
 * A fresh page of the harness `h` at `url` whose WebAssembly requests matching `hold` (all, by
 * default) wait until `release()` is called, or are refused then (`fail`): the prerendered page
 * for as long as a test needs it. Also gives what went wrong in the page (`problems`) and every
 * request it made (`requests`).
 */
export async function openHeld(h, url, { init, hold = /\.wasm$/, fail = false, javaScriptEnabled = true } = {}) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', javaScriptEnabled });
  context.setDefaultTimeout(TIMEOUT_MS);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(hold, async (route) => {
    await held;
    if (fail) await route.abort();
    else await route.continue();
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { page, context, problems, requests, release };
}
