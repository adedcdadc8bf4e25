// The early figures (src/early.rs): before the live page is up, a small WebAssembly of its own
// recomputes the prerendered page's statements and headline as a visitor types, and shows a
// share link's scenario; what it does not recompute stays dimmed. It loads only when a field is
// touched or a link is opened, and the live page, once up, shows the same figures.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, TIMEOUT_MS } from './harness.mjs';
import { eventually, input, live, opacity, openHeld } from './page.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 3;
// The app's WebAssembly, held back in these tests; the early figures' is not.
const APP_WASM = /qualys-what-if-[^/]*_bg\.wasm$/;
const EARLY = /early-[^/]*\.(js|wasm)$/;


/** Every figure of the statements and the headline: "period.line" → [data-value, text as shown, without the live page's ▲▼]. */
const shown = (page) => page.$$eval('#app :is(.headlines, .piece:not(.derived)) [data-line][data-period]', (els) => els.map((e) => {
  const text = e.tagName === 'INPUT' ? e.value : [...e.childNodes].filter((n) => !(n.classList && n.classList.contains('dir'))).map((n) => n.textContent).join('');
  return `${e.dataset.period}.${e.dataset.line}=${e.dataset.value} "${text}"`;
}));

describe('the early figures', { concurrency: 1, timeout: TEST_TIMEOUT * 6 }, () => {
  let h;
  before(async () => { h = await startHarness(); }, { timeout: TEST_TIMEOUT });
  after(async () => { await h?.close(); }, { timeout: TEST_TIMEOUT });

  /** A fresh page whose app is held back until `release()`; `early()`: what it has fetched of the early figures. */
  async function open(url, options) {
    const held = await openHeld(h, url, { ...options, hold: APP_WASM });
    return {
      ...held,
      early: () => held.requests.filter((u) => EARLY.test(u)),
      // The app's and the early figures' WebAssembly, in the order they were asked for.
      order: () => held.requests.filter((u) => /\.wasm$/.test(u)).map((u) => (APP_WASM.test(u) ? 'app' : 'early')).join(' '),
    };
  }

  test('typed before the page is live, each keystroke recomputes the statements and the headline; the live page then shows the same', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems, early, order, release } = await open(h.rootUrl);
    await page.waitForTimeout(300);
    assert.deepEqual(early(), [], 'nothing of the early figures is fetched before a field is touched');
    assert.equal(order(), 'app', 'the app\'s download has begun');
    const revenue = input(page, 'q3-2012', 'revenue');
    const gross = page.locator('#operations [data-line="gross_profit"][data-period="q3-2012"]');
    await revenue.scrollIntoViewIfNeeded();
    await revenue.click();
    await page.keyboard.type('30000');
    await eventually(() => gross.getAttribute('data-value'), String(30000 - 4634), 'gross profit follows what was typed');
    assert.equal(early().length, 2, `the early figures' glue and WebAssembly (${early().join(', ')})`);
    // Under way when the field was touched, with nothing of it come, the app's download stopped
    // (on a slow line the two would share it) and began again once the early figures were up.
    await eventually(order, 'app early app', 'the app\'s WebAssembly asked for again after the early figures\'');
    assert.equal(await gross.innerText(), '25,366', 'shown as the live page shows it');
    await page.keyboard.press('Backspace');
    await eventually(() => gross.getAttribute('data-value'), String(3000 - 4634), 'on every keystroke');
    assert.equal(await gross.innerText(), '(1,634)');
    await page.keyboard.type('0');
    // A field that follows the one typed into shows its figure; the headline follows too.
    await eventually(() => input(page, '9m-2012', 'revenue').inputValue(), '73,381', 'nine months follow the third quarter');
    assert.equal(await page.locator('.headlines [data-line="revenue"][data-period="q3-2012"]').innerText(), '30,000');
    // A figure shown with its sign turned keeps it.
    assert.equal(await input(page, 'q3-2012', 'interest_expense').inputValue(), '(38)');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('early')), true);
    assert.ok(await page.locator('.prelive .computed').isVisible(), 'the page says what shows the scenario and what follows');
    assert.equal(await page.locator('.prelive .kept').isVisible(), false, 'and no longer that the figures are the release\'s');
    assert.equal(await opacity(gross), 1, 'the statements are not dimmed');
    assert.ok(await opacity(page.locator('#bridges')) < 0.5, 'the charts, which it does not redraw, are');
    assert.ok(await opacity(page.locator('#ties')) < 0.5, 'and the tie-out');
    assert.ok(await opacity(page.locator('header .edits')) < 0.5, 'and the count of edits');
    const before = await shown(page);
    release();
    await live(page);
    assert.deepEqual(await shown(page), before, 'the live page shows, figure by figure, what the early figures showed');
    assert.equal(await revenue.inputValue(), '30000', 'and holds what was typed, as typed');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('early')), false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a share link\'s scenario shows before the page is live, and typing goes on from it', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems, early, release } = await open(`${h.rootUrl}#v=1&sbc=on-top&q3-2012.cost_of_revenue=5000&q3-2012.sbc_sales_and_marketing=500`);
    const gross = page.locator('#operations [data-line="gross_profit"][data-period="q3-2012"]');
    await eventually(() => gross.getAttribute('data-value'), String(23382 - 5000), 'the link\'s edit');
    assert.equal(early().length, 2, 'loaded at once for a link');
    // Read on top: sales and marketing rises by its stock compensation's change (500 - 349).
    assert.equal(await input(page, 'q3-2012', 'sales_and_marketing').getAttribute('data-value'), String(8797 + 151));
    assert.equal(await opacity(gross), 1, 'shown as the scenario');
    assert.ok(await page.locator('.prelive .computed').isVisible(), 'and said so');
    assert.equal(await page.locator('.prelive .opening').isVisible(), false, 'not that the figures are the release\'s');
    assert.ok(await opacity(page.locator('#guidance')) < 0.5, 'the outlook, not recomputed, stays dimmed');
    // A relative change reads from the link's figure, as the live page reads it.
    const cost = input(page, 'q3-2012', 'cost_of_revenue');
    await cost.scrollIntoViewIfNeeded();
    await cost.click();
    await page.keyboard.type('+10%');
    await eventually(() => gross.getAttribute('data-value'), String(23382 - 5500), '+10% of the link\'s 5,000');
    const before = await shown(page);
    release();
    await live(page);
    assert.deepEqual(await shown(page), before, 'the live page agrees');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a share link\'s figures come before the page has all been read: what is read after them follows the link too', { timeout: TEST_TIMEOUT }, async () => {
    // The page's reading stopped before the balance sheets (a script there that is held) until
    // the early figures have shown the link; then the rest is read.
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`); });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(APP_WASM, async (route) => { await held; await route.continue(); });
    await page.route((url) => url.pathname === '/', async (route) => {
      const body = (await (await route.fetch()).text()).replace('<div data-piece="5"', '<script src="stall.js"></script><div data-piece="5"');
      await route.fulfill({ body, contentType: 'text/html' });
    });
    await page.route(/stall\.js$/, async (route) => {
      await eventually(() => page.evaluate(() => document.documentElement.classList.contains('early')), true, 'the early figures have shown the link');
      await route.fulfill({ body: '', contentType: 'text/javascript' });
    });
    await page.goto(`${h.rootUrl}#v=1&q3-2012.revenue=25000`, { waitUntil: 'domcontentloaded' });
    const sheets = () => page.$$eval('#balance_sheets [data-line][data-period]', (els) => els.map((e) => `${e.dataset.period}.${e.dataset.line}=${e.dataset.value}`));
    const deficit = page.locator('#balance_sheets [data-line="accumulated_deficit"][data-period="2012-09-30"]');
    // Revenue 1,618 more: so much more net income, so much less deficit.
    await eventually(() => deficit.getAttribute('data-value'), String(-75267 + 1618), 'the balance sheets follow the link');
    const early = await sheets();
    release();
    await live(page);
    assert.deepEqual(early, await sheets(), 'the balance sheets before the page is live are the live page\'s');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a scenario kept in the browser is left to the live page: typing is kept, nothing is recomputed early', { timeout: TEST_TIMEOUT }, async () => {
    const init = `localStorage.setItem('qualys-what-if', JSON.stringify({ format: 'qualys-what-if/saved', version: 1, current: { 'q3-2012.cost_of_revenue': '5000' }, scenarios: [] }));`;
    const { page, context, problems, release } = await open(h.rootUrl, { init });
    const gross = page.locator('#operations [data-line="gross_profit"][data-period="q3-2012"]');
    const revenue = input(page, 'q3-2012', 'revenue');
    await revenue.scrollIntoViewIfNeeded();
    await revenue.click();
    await page.keyboard.type('30000');
    await page.waitForTimeout(500);
    assert.equal(await gross.getAttribute('data-value'), '18748', 'the release\'s, as prerendered');
    assert.ok(await opacity(gross) < 0.5, 'dimmed: not the scenario');
    release();
    await live(page);
    await eventually(() => gross.getAttribute('data-value'), String(30000 - 5000), 'the kept scenario, with what was typed');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Escape in a field before the page is live puts its figure back, and the figures follow', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems, release } = await open(h.rootUrl);
    const revenue = input(page, 'q3-2012', 'revenue');
    const gross = page.locator('#operations [data-line="gross_profit"][data-period="q3-2012"]');
    await revenue.scrollIntoViewIfNeeded();
    await revenue.click();
    await page.keyboard.type('30000');
    await eventually(() => gross.getAttribute('data-value'), '25366', 'typed');
    await page.keyboard.press('Escape');
    await eventually(() => gross.getAttribute('data-value'), '18748', 'put back');
    assert.equal(await revenue.inputValue(), '23,382');
    assert.deepEqual(problems, []);
    release();
    await live(page);
    assert.equal(await revenue.inputValue(), '23,382');
    await context.close();
  });

  test('brackets typed where a line is shown with its sign turned read as the table prints them, before the page is live and after', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems, release } = await open(h.rootUrl);
    // Interest expense, 38, shows as (38): (50) typed over it is an expense of 50, as the live
    // page reads it (it was read as income).
    const interest = input(page, 'q3-2012', 'interest_expense');
    const net = page.locator('#operations [data-line="net_income"][data-period="q3-2012"]');
    await interest.scrollIntoViewIfNeeded();
    await interest.click();
    await page.keyboard.type('(50)');
    await eventually(() => interest.getAttribute('data-value'), '50', 'an expense of 50');
    await eventually(() => net.getAttribute('data-value'), '1655', 'net income follows');
    release();
    await live(page);
    await eventually(() => interest.getAttribute('data-value'), '50', 'the live page reads it alike');
    assert.equal(await net.getAttribute('data-value'), '1655');
    assert.equal(await interest.inputValue(), '(50)', 'as typed');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('text that cannot be used keeps the last value that could, and says why, before the page is live and after', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems, release } = await open(h.rootUrl);
    const revenue = input(page, 'q3-2012', 'revenue');
    const cost = input(page, 'q3-2012', 'cost_of_revenue');
    const gross = page.locator('#operations [data-line="gross_profit"][data-period="q3-2012"]');
    const why = page.locator('#operations td:has(> .field-wrap [data-line="revenue"][data-period="q3-2012"]) .field-error');
    await revenue.scrollIntoViewIfNeeded();
    await revenue.click();
    await page.keyboard.type('250');
    await eventually(() => gross.getAttribute('data-value'), String(250 - 4634), 'typed');
    await page.keyboard.type('x');
    await eventually(() => revenue.getAttribute('aria-invalid'), 'true', 'the field is marked');
    assert.ok(await why.isVisible(), 'and says why, below it');
    assert.equal(await revenue.getAttribute('aria-describedby'), await why.getAttribute('id'));
    assert.equal(await revenue.getAttribute('data-value'), '250', 'the last value that could be used is kept');
    assert.equal(await gross.getAttribute('data-value'), String(250 - 4634), 'and every figure follows it, not the release');
    // Fixed, the mark goes; spoilt again, it comes back.
    await page.keyboard.press('Backspace');
    await eventually(() => revenue.getAttribute('aria-invalid'), null, 'fixed');
    assert.equal(await why.count(), 0);
    await page.keyboard.type('x');
    await eventually(() => revenue.getAttribute('aria-invalid'), 'true');
    // Left holding it, while another field is typed into: the last valid value still counts.
    await cost.click();
    await page.keyboard.type('1000');
    await eventually(() => gross.getAttribute('data-value'), String(250 - 1000), 'the kept revenue and the new cost');
    assert.equal(await revenue.getAttribute('aria-invalid'), 'true');
    release();
    await live(page);
    // The live page takes the kept value, then the text, as if typed and left: it refuses the
    // text and says what it kept; nothing moves.
    assert.equal(await gross.getAttribute('data-value'), String(250 - 1000), 'the live page keeps the same figures');
    assert.equal(await revenue.getAttribute('data-value'), '250');
    assert.equal(await revenue.inputValue(), '250');
    const note = page.locator('#operations td:has(> .field-wrap [data-line="revenue"][data-period="q3-2012"]) .field-note');
    assert.match(await note.innerText(), /“250x” was not used\..*Kept 250\./);
    assert.equal(await cost.inputValue(), '1000', 'the field with the focus holds what was typed');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a page nobody types into before it is live never loads them', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems, early, order, release } = await open(h.rootUrl);
    release();
    await live(page);
    const revenue = input(page, 'q3-2012', 'revenue');
    await revenue.click();
    await page.keyboard.type('1');
    await eventually(() => revenue.getAttribute('data-value'), '1', 'the live page computes');
    assert.deepEqual(early(), []);
    assert.equal(order(), 'app', 'the app\'s download, never stopped');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
