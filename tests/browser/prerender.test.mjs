// The page prerendered at build time (scripts/post-build.sh writes it into dist/index.html):
// what a visitor reads before the WebAssembly starts, or with JavaScript off, must be what the
// live page shows; a share link's or a saved scenario's figures are never shown as the release's
// (nor the release's as theirs); what a visitor does before the page is live is not silently
// lost; and a start that fails says so on the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, startHarness, TIMEOUT_MS } from './harness.mjs';
import { eventually, input, live, opacity, openHeld as open } from './page.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 3;
const FIGURES = '[data-line][data-period]';

/** Every figure element of the page, in document order: "<tag> period.line=value". */
const figures = (page) =>
  page.$$eval(FIGURES, (els) => els.map((e) => `${e.tagName.toLowerCase()} ${e.dataset.period}.${e.dataset.line}=${e.dataset.value}`));

/** The same read from the HTML file itself, as a crawler or a reader without scripts gets it. */
function figuresInFile(html) {
  const out = [];
  for (const [, tag, attrs] of html.matchAll(/<([a-z]+)\b([^>]*)>/g)) {
    const attr = (name) => attrs.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
    if (attr('data-line') !== undefined) out.push(`${tag} ${attr('data-period')}.${attr('data-line')}=${attr('data-value')}`);
  }
  return out;
}

describe('the prerendered page', { concurrency: 1, timeout: TEST_TIMEOUT * 6 }, () => {
  let h;
  before(async () => { h = await startHarness(); }, { timeout: TEST_TIMEOUT });
  after(async () => { await h?.close(); }, { timeout: TEST_TIMEOUT });

  const openHeld = (url, options) => open(h, url, options);

  test('with JavaScript off, the tables, the headline and the guidance are readable, and are the live page\'s figures', { timeout: TEST_TIMEOUT }, async () => {
    const file = figuresInFile(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
    const off = await openHeld(h.rootUrl, { javaScriptEnabled: false });
    const read = await figures(off.page);
    assert.deepEqual(read, file, 'the browser reads the figures the file holds');
    assert.ok(await off.page.locator('.headlines .fig[data-line="revenue"][data-period="q3-2012"]').isVisible(), 'the headline');
    assert.ok(await off.page.locator('#operations input[data-line="revenue"][data-period="q3-2012"][readonly]').isVisible(), 'the income statement, its fields read-only');
    assert.ok(await off.page.locator('#guidance td').first().isVisible(), 'the guidance');
    assert.match(await off.page.locator('main').innerText(), /JavaScript is off/);
    assert.equal(await off.page.locator('.prelive').isVisible(), false, 'no "starting" note without scripts');
    // Nothing opens a figure's derivation without the live page: no figure says it does.
    const claims = () => off.page.locator('#app [role="button"], #app [aria-label*="Enter shows"], #app [title*="Click to see"]').count();
    assert.equal(await claims(), 0, 'no prerendered figure or bar claims to open its derivation');
    await off.context.close();

    const { page, context, problems, release } = await openHeld(h.rootUrl);
    // Before start: the page is already there, read-only.
    assert.deepEqual(await figures(page), file, 'before start, the page shows the prerendered figures');
    assert.ok(await page.locator('.prelive .starting').isVisible(), 'the page says it is starting');
    release();
    await live(page);
    const now = await figures(page);
    assert.ok(now.length > 400, `every figure (${now.length})`);
    assert.deepEqual(now, file, 'the live page shows, figure by figure, what was read before it started');
    assert.equal(await input(page, 'q3-2012', 'revenue').getAttribute('readonly'), null, 'live fields are editable');
    for (const where of ['#operations .fig', '.headlines .fig', '.bridge .bar']) {
      assert.match(await page.locator(where).first().getAttribute('aria-label'), /Enter shows how it is computed/, `live, ${where} opens its derivation and says so`);
    }
    assert.equal(await page.locator('#app').count(), 1, 'one page: the live one replaced the prerendered one');
    assert.equal(await page.locator('.start-failed, .prelive').count(), 0);
    assert.deepEqual(problems, [], 'no console error or panic during start');
    await context.close();
  });

  // The release's figures never show as the link's or the saved scenario's: until the scenario is
  // on screen, <html> is "pending", which dims them and says so; once the page is live, the
  // pieces still prerendered stay dimmed until their live ones replace them. A MutationObserver
  // installed before any script checks every change of the page against that: every figure of
  // Q3 revenue that reads the release's must be dimmed.
  const watch = `
    window.__shownAsScenario = [];
    const opacity = (el) => { let o = 1; for (; el; el = el.parentElement) o *= Number(getComputedStyle(el).opacity); return o; };
    new MutationObserver(() => {
      for (const revenue of document.querySelectorAll('[data-period="q3-2012"][data-line="revenue"]')) {
        if (revenue.isConnected && revenue.dataset.value === '23382' && opacity(revenue) >= 0.5) {
          window.__shownAsScenario.push(revenue.closest('[data-piece]')?.className ?? 'outside the pieces');
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });`;
  for (const [what, fragment, init] of [
    ['a share link', '#v=1&q3-2012.revenue=30000', ''],
    ['the saved scenario', '', `localStorage.setItem('qualys-what-if', JSON.stringify({ format: 'qualys-what-if/saved', version: 1, current: { 'q3-2012.revenue': '30000' }, scenarios: [] }));`],
  ]) {
    test(`${what}: the release's figures are marked pending until the scenario is on screen`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context, problems, release } = await openHeld(h.rootUrl + fragment, { init: init + watch });
      await page.locator('.prelive .opening').waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pending')), true);
      const dim = await opacity(page.locator('#operations'));
      assert.ok(dim < 0.5, `the release's figures are dimmed (opacity ${dim})`);
      assert.equal(await page.locator('.prelive .starting').isVisible(), false);
      release();
      await live(page);
      assert.equal(await input(page, 'q3-2012', 'revenue').getAttribute('data-value'), '30000');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pending')), false, 'no longer pending once live');
      assert.deepEqual(await page.evaluate(() => window.__shownAsScenario), [], 'the release figures never showed unmarked');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('an empty link or saved scenario shows the release as the release: nothing is pending', { timeout: TEST_TIMEOUT }, async () => {
    const init = `localStorage.setItem('qualys-what-if', JSON.stringify({ format: 'qualys-what-if/saved', version: 1, current: {}, scenarios: [] }));`;
    for (const [fragment, script] of [['', init], ['#v=1', '']]) {
      const { page, context, release } = await openHeld(h.rootUrl + fragment, { init: script });
      await page.locator('.prelive .starting').waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pending')), false, fragment || 'saved');
      release();
      await live(page);
      await context.close();
    }
  });

  test('before the page is live, what is typed is kept and the live page takes it over as typed; the scroll position and focus carry over', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems, release } = await openHeld(h.rootUrl);
    const field = input(page, 'q3-2012', 'sales_and_marketing');
    const total = page.locator('#operations [data-line="total_operating_expenses"][data-period="q3-2012"]');
    await field.scrollIntoViewIfNeeded();
    // A figure that is not a field takes no click yet: the page says so.
    await total.click();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('waiting')), true);
    // A field takes typing: selected when clicked, as live, so the digit replaces its figure.
    await field.click();
    await page.keyboard.type('9');
    assert.equal(await field.inputValue(), '9', 'the prerendered field holds what was typed');
    assert.equal(await total.getAttribute('data-value'), '17027', 'nothing recomputes before the page is live');
    assert.ok(await page.locator('.prelive .kept').isVisible(), 'the page says what was typed is kept');
    assert.ok(await opacity(total) < 0.5, 'the release\'s figures are dimmed: they are not the scenario any more');
    assert.equal(await opacity(field), 1, 'the field being typed into is not');
    // Where the field is in the window: the live page keeps it there (statements off screen may
    // have an estimated height, so the page's scroll offset itself may differ).
    const at = () => field.evaluate((el) => Math.round(el.getBoundingClientRect().top));
    const y = await at();
    assert.ok(await page.evaluate(() => window.scrollY) > 0, 'scrolled');
    release();
    await live(page);
    const now = await at();
    assert.ok(Math.abs(now - y) <= 1, `the field is where it was in the window (${y} px from its top, now ${now})`);
    const focused = await page.evaluate(() => `${document.activeElement.dataset.period}.${document.activeElement.dataset.line}`);
    assert.equal(focused, 'q3-2012.sales_and_marketing', 'the focus is on the same field in the live page');
    assert.equal(await field.getAttribute('data-value'), '9', 'the live page used what was typed');
    assert.equal(await total.getAttribute('data-value'), String(5076 + 9 + 3154), 'and recomputed from it');
    assert.equal(await opacity(total), 1, 'nothing is dimmed once the page is whole');
    // Typing goes on where it stopped: the caret is after the 9.
    await page.keyboard.type('1');
    await eventually(() => field.getAttribute('data-value'), '91', 'live, the field takes typing after what was typed before');
    // The edit counts as the visitor's: Escape gives back the figure the field had when editing began.
    await page.keyboard.press('Escape');
    await eventually(() => field.getAttribute('data-value'), '8797', 'Escape cancels the edit, as for any typing');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('keys pressed without a pause while the page goes live are all kept, in order, in the field that has the focus', { timeout: TEST_TIMEOUT }, async () => {
    // The CPU slowed (6×) as a slow phone's: Yew may then yield to the browser between a table's render
    // and its rows', and keys land in the prerendered field after its text was taken.
    const { page, context, problems, release } = await openHeld(h.rootUrl);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    const field = input(page, 'q3-2012', 'revenue');
    await field.scrollIntoViewIfNeeded();
    await field.click();
    let typed = '';
    const press = async () => {
      const key = String((typed.length + 1) % 10);
      await page.keyboard.press(key);
      typed += key;
    };
    await press();
    release();
    while (!(await page.$('main.settled'))) await press();
    for (let k = 0; k < 3; k += 1) await press();
    await eventually(() => field.inputValue(), typed, 'the field holds every key, in order');
    // 1234567890 is out of range: the last value typed whole that was in range counts.
    const kept = typed.slice(0, 9);
    assert.equal(await field.getAttribute('data-value'), kept, 'the figure is the last value typed whole that could be used');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('text that cannot be used, typed before any figure could follow it, keeps the last value typed whole', { timeout: TEST_TIMEOUT }, async () => {
    // Both WebAssemblies held: the early figures come after the text is typed, and read only
    // what the field holds by then.
    const { page, context, problems, release } = await openHeld(h.rootUrl);
    const revenue = input(page, 'q3-2012', 'revenue');
    const gross = page.locator('#operations [data-line="gross_profit"][data-period="q3-2012"]');
    await revenue.scrollIntoViewIfNeeded();
    await revenue.click();
    await page.keyboard.type('250x');
    release();
    await live(page);
    assert.equal(await revenue.inputValue(), '250x', 'the field holds what was typed');
    assert.equal(await revenue.getAttribute('aria-invalid'), 'true', 'marked as not usable');
    assert.equal(await revenue.getAttribute('data-value'), '250', 'the last value typed whole is kept');
    assert.equal(await gross.getAttribute('data-value'), String(250 - 4634), 'and the figures follow it');
    // Committed, the text is refused and the kept value stays, as in any live field.
    await page.keyboard.press('Enter');
    await eventually(() => revenue.getAttribute('aria-invalid'), null, 'the text is refused');
    assert.equal(await revenue.getAttribute('data-value'), '250');
    const note = page.locator('#operations td:has(> .field-wrap [data-line="revenue"][data-period="q3-2012"]) .field-note');
    assert.match(await note.innerText(), /“250x” was not used\..*Kept 250\./);
    assert.match(page.url(), /q3-2012\.revenue=250(&|$)/, 'the link holds the kept value');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('typed before the page is live into a statement that goes live later: until the live page has taken it, its figures are dimmed too', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems, release } = await openHeld(h.rootUrl);
    // The balance sheet goes live after the swap; the headline's Four-Quarter Bookings, live from
    // the first render, follows its deferred revenue.
    const deferred = input(page, '2012-09-30', 'deferred_revenue_current');
    await deferred.scrollIntoViewIfNeeded();
    await deferred.click();
    await page.keyboard.type('70000');
    await page.evaluate(() => {
      window.__undimmed = [];
      const opacity = (el) => { let o = 1; for (; el; el = el.parentElement) o *= Number(getComputedStyle(el).opacity); return o; };
      new MutationObserver(() => {
        for (const f of document.querySelectorAll('[data-line="four_quarter_bookings"][data-period="4q-2012"]')) {
          if (f.isConnected && f.dataset.value === '98696' && opacity(f) >= 0.5) {
            window.__undimmed.push(`${f.closest('[data-piece]')?.className ?? 'the headline'}${document.documentElement.classList.contains('live') ? ', live' : ''}`);
          }
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    release();
    await live(page);
    assert.deepEqual(await page.evaluate(() => window.__undimmed), [], 'the release\'s bookings never showed as the scenario\'s');
    const bookings = page.locator('.headlines [data-line="four_quarter_bookings"]');
    assert.notEqual(await bookings.getAttribute('data-value'), '98696', 'it follows what was typed');
    assert.equal(await opacity(bookings), 1, 'and is not dimmed once the page is whole');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('before the page is live, a field left with typing is taken over as left: used, or refused with a note; Escape puts a figure back', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems, release } = await openHeld(h.rootUrl);
    const revenue = input(page, 'q3-2012', 'revenue');
    const cost = input(page, 'q3-2012', 'cost_of_revenue');
    const rd = input(page, 'q3-2012', 'research_and_development');
    const admin = input(page, 'q3-2012', 'general_and_administrative');
    await revenue.scrollIntoViewIfNeeded();
    await revenue.click();
    await page.keyboard.type('abc');
    const sales = input(page, 'q3-2012', 'sales_and_marketing');
    await sales.click();
    await page.keyboard.type('1,2,3');
    await rd.click();
    await page.keyboard.type('6000');
    await admin.click();
    await page.keyboard.type('7');
    await page.keyboard.press('Escape');
    assert.equal(await admin.inputValue(), '3,154', 'Escape put the figure back');
    // A field of a statement further down, which goes live after the swap, in a task of its own.
    const cash = page.locator('#balance_sheets input[data-line]').first();
    await cash.click();
    await page.keyboard.type('1000');
    await cost.click();
    await page.keyboard.type('5000');
    release();
    await live(page);
    assert.equal(await cash.getAttribute('data-value'), '1000', 'a field of a piece that goes live later: used');
    assert.equal(await revenue.getAttribute('data-value'), '23382', 'text that is not a number was not used');
    assert.match(await revenue.locator('xpath=ancestor::td').innerText(), /“abc” was not used/, 'and the field says so');
    assert.equal(await sales.getAttribute('data-value'), '8797', 'another field left with text that is not a number');
    assert.match(await sales.locator('xpath=ancestor::td').innerText(), /“1,2,3” was not used/, 'says so too, beside the first');
    assert.equal(await rd.getAttribute('data-value'), '6000', 'a field left with a number: used');
    assert.equal(await admin.getAttribute('data-value'), '3154', 'a figure put back: not an edit');
    assert.equal(await cost.getAttribute('data-value'), '5000', 'the field with the focus: used');
    assert.equal(await page.evaluate(() => `${document.activeElement.dataset.period}.${document.activeElement.dataset.line}`), 'q3-2012.cost_of_revenue');
    assert.equal(await page.locator('header .edits').innerText(), '3 edits');
    assert.match(page.url(), /q3-2012\.research_and_development=6000/, 'the link holds the edits');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the live page renders in place: the prerendered page\'s header, main and pieces stay, and a piece is left as it is until its turn', { timeout: TEST_TIMEOUT }, async () => {
    // Moved or made anew, the page's elements would all be styled and laid out again at the start
    // (one long task, BENCHMARKS.md): each keeps a mark of its own from before the start.
    const { page, context, problems, release } = await openHeld(h.rootUrl);
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('#app > header.top, #app main, #app [data-piece], #highlights')) el.__before = true;
      // Each piece's content, as the pieces go live: the highlights, last to go live, are
      // the prerendered ones for as long as the operations statement is not.
      window.__order = [];
      new MutationObserver(() => {
        const operations = document.querySelector('#operations');
        const highlights = document.querySelector('#highlights');
        if (operations && !operations.__seen && document.documentElement.classList.contains('live')) {
          operations.__seen = true;
          window.__order.push(`operations ${operations.closest('.prerendered') ? 'prerendered' : 'live'}, highlights ${highlights?.__before ? 'prerendered' : 'live'}`);
        }
      }).observe(document, { subtree: true, childList: true });
    });
    release();
    await live(page);
    const kept = await page.evaluate(() => [...document.querySelectorAll('#app > header.top, #app main, #app [data-piece]')].map((el) => !!el.__before));
    assert.ok(kept.length > 10 && kept.every(Boolean), `the same elements (${kept})`);
    assert.ok((await page.evaluate(() => window.__order)).includes('operations live, highlights prerendered'), 'the highlights untouched while the statement on top went live');
    assert.equal(await page.evaluate(() => !!document.querySelector('#highlights').__before), false, 'then rendered live in their place');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a statement goes live a few figures a task, out of sight until it is whole: no frame shows one half live, or twice', { timeout: TEST_TIMEOUT }, async () => {
    // At every frame of the start: each statement shown, and how many rows it shows, against the
    // prerendered page's; and whether a statement was ever rendered in part (the live page's
    // way of keeping its tasks short, src/app/pieces.rs).
    const record = () => {
      window.__frames = { partial: 0, wrong: [] };
      // The prerendered page's rows, once it is parsed whole.
      let rows = null;
      document.addEventListener('DOMContentLoaded', () => {
        rows = Object.fromEntries([...document.querySelectorAll('#app section.statement[id]')].map((s) => [s.id, s.querySelectorAll('tbody tr').length]));
      });
      const frame = () => {
        const statements = [...document.querySelectorAll('#app section.statement[id]')];
        if (document.querySelector('#app section.statement.partial')) window.__frames.partial += 1;
        const shown = statements.filter((s) => s.getClientRects().length > 0);
        for (const s of shown) {
          const n = s.querySelectorAll('tbody tr').length;
          if (rows && n !== rows[s.id]) window.__frames.wrong.push(`${s.id} shows ${n} of ${rows[s.id]} rows`);
        }
        const ids = shown.map((s) => s.id);
        for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) window.__frames.wrong.push(`${id} shown twice`);
        if (!document.querySelector('main.settled')) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    };
    const { page, context, problems, release } = await openHeld(h.rootUrl, { init: record });
    release();
    await live(page);
    const frames = await page.evaluate(() => window.__frames);
    assert.ok(frames.partial > 0, 'a statement was rendered in part, out of sight, in some frame');
    assert.deepEqual(frames.wrong, [], 'every statement shown whole, once');
    assert.equal(await page.locator('#app section.statement.partial').count(), 0, 'none left in part');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('what is rendered live above the window does not move what is on screen, without the browser\'s scroll anchoring too', { timeout: TEST_TIMEOUT }, async () => {
    // Typed before the start, a figure moves the headline's cards, which then show the change
    // (a line more); the visitor is reading a statement further down. The browser's own scroll
    // anchoring is off, to see the page's: it loses its node when a piece's content is replaced.
    const { page, context, problems, release } = await openHeld(h.rootUrl);
    await page.addStyleTag({ content: 'html { overflow-anchor: none; }' });
    const field = input(page, 'q3-2012', 'sales_and_marketing');
    await field.scrollIntoViewIfNeeded();
    await field.click();
    await page.keyboard.type('9');
    const headline = page.locator('.headlines');
    const tall = await headline.evaluate((el) => el.getBoundingClientRect().height);
    const at = () => field.evaluate((el) => Math.round(el.getBoundingClientRect().top));
    const y = await at();
    release();
    await live(page);
    assert.ok((await headline.evaluate((el) => el.getBoundingClientRect().height)) > tall, 'the headline grew above the window');
    assert.ok(Math.abs((await at()) - y) <= 1, `the field is where it was in the window (${y} px from its top, now ${await at()})`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the pieces that take typing go live first, top first, then those that only read', { timeout: TEST_TIMEOUT }, async () => {
    // Each piece as it goes live: its number, and whether it holds a field.
    const record = () => {
      window.__wentLive = [];
      new MutationObserver(() => {
        if (!document.documentElement.classList.contains('live')) return;
        for (const p of document.querySelectorAll('#app .piece:not(.prerendered)')) {
          const n = Number(p.dataset.piece);
          if (!window.__wentLive.some(([m]) => m === n)) window.__wentLive.push([n, p.querySelector('input[data-line]') !== null]);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    };
    const { page, context, problems, release } = await openHeld(h.rootUrl, { init: record });
    release();
    await live(page);
    const order = await page.evaluate(() => window.__wentLive);
    const pieces = await page.locator('#app [data-piece]').count();
    assert.equal(order.length, pieces, `every piece went live once (${JSON.stringify(order)})`);
    const typing = order.filter(([, fields]) => fields).map(([n]) => n);
    const reading = order.filter(([, fields]) => !fields).map(([n]) => n);
    assert.ok(typing.length > 0 && reading.length > 0, 'both kinds of piece');
    assert.deepEqual(order.slice(0, typing.length).map(([n]) => n), typing, 'the pieces with fields first');
    assert.deepEqual(typing, [...typing].sort((a, b) => a - b), 'top first');
    assert.deepEqual(reading, [...reading].sort((a, b) => a - b), 'then the others, top first');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the largest paint the browser reports is the prerendered page\'s: the live page replaces it only once it has been shown', { timeout: TEST_TIMEOUT }, async () => {
    // Replaced before the browser has shown its paint, the prerendered page's figures would not
    // count, and the largest paint would be the live page's (Lighthouse then counts the app's
    // download as blocking it). The wasm is not held here: it is ready about when the page paints.
    const watchPaint = () => {
      window.__paints = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__paints.push(document.documentElement.classList.contains('live') ? 'live' : 'prerendered');
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    };
    for (let load = 0; load < 3; load++) {
      const { page, context, problems, release } = await openHeld(h.rootUrl, { init: watchPaint });
      release();
      await live(page);
      const paints = await page.evaluate(() => window.__paints);
      assert.ok(paints.length > 0 && paints.every((p) => p === 'prerendered'), `load ${load + 1}: ${paints.join(', ')}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
    // However late the browser reports it, the app waits, its download too, so that nothing it
    // fetches can come before that paint: here it has not been reported.
    const notShown = () => {
      let show;
      const shown = new Promise((r) => { show = r; });
      window.__show = show;
      Object.defineProperty(window, 'prerenderShown', { get: () => shown, set: () => {} });
    };
    const { page, context, problems, requests, release } = await openHeld(h.rootUrl, { init: notShown });
    const fetched = () => requests.filter((url) => /\.(wasm|js)$/.test(url));
    release();
    await page.waitForTimeout(500);
    assert.deepEqual(fetched(), [], 'nothing of the app is fetched before the paint is shown');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('live')), false, 'not live before the paint is shown');
    await page.evaluate(() => window.__show());
    await live(page);
    assert.equal(fetched().length, 2, `then the glue and the wasm (${fetched().join(', ')})`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a start that fails says so on the page, over the release\'s figures', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, release } = await openHeld(h.rootUrl, { fail: true });
    const field = input(page, 'q3-2012', 'revenue');
    await field.scrollIntoViewIfNeeded();
    await field.click();
    await page.keyboard.type('9');
    release();
    const banner = page.locator('.start-failed');
    await banner.waitFor({ state: 'visible' });
    assert.match(await banner.innerText(), /could not start/);
    assert.ok(await page.locator('.headlines .fig').first().isVisible(), 'the figures stay readable');
    assert.equal(await field.inputValue(), '23,382', 'what was typed, which will not be used, is gone');
    assert.equal(await field.getAttribute('readonly'), '', 'and the fields take no more typing');
    assert.equal(await page.locator('.prelive').isVisible(), false);
    await context.close();
  });
});
