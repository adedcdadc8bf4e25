// Scenarios that last and compare, in headless Chromium: autosave and reload, a link winning
// over what was saved, named scenarios, compare, undo/redo, what differs, CSV and JSON files,
// and storage that is unavailable, full or unreadable.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { startHarness, TIMEOUT_MS } from './harness.mjs';
import { live } from './page.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 4;
const STORAGE_KEY = 'qualys-what-if';

const input = (page, period, line) => page.locator(`input[data-period="${period}"][data-line="${line}"]`).first();
const value = (page, period, line) =>
  page.locator(`[data-period="${period}"][data-line="${line}"]`).first().getAttribute('data-value');
const hash = (page) => new URL(page.url()).hash;

/** Waits (bounded) until `read()` gives `want`: the page renders just after each event. */
async function eventually(read, want, what) {
  const until = Date.now() + TIMEOUT_MS;
  let got = await read();
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    got = await read();
  }
  assert.deepEqual(got, want, what);
}
const expectValue = (page, period, line, want) => eventually(() => value(page, period, line), want, `${period}.${line}`);

/** Clicks into a field, selects what is there and types key by key, then leaves with Tab. */
async function typeInto(page, period, line, text, leave = 'Tab') {
  await input(page, period, line).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  if (leave) await page.keyboard.press(leave);
}

/** What the browser keeps, parsed. */
const stored = async (page) => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));

/** Every `[data-line]` element shows the open scenario: one value per figure. */
async function figuresAgree(page) {
  const pairs = await page.$$eval('[data-line][data-period]', (els) => els.map((e) => [`${e.dataset.period}.${e.dataset.line}`, e.dataset.value]));
  const seen = new Map();
  for (const [k, v] of pairs) {
    if (seen.has(k)) assert.equal(v, seen.get(k), `${k} shows one value wherever it appears`);
    seen.set(k, v);
  }
  return seen;
}

describe('scenarios that last and compare', { concurrency: 1, timeout: TEST_TIMEOUT * 14 }, () => {
  let h;
  before(async () => { h = await startHarness(); }, { timeout: TEST_TIMEOUT });
  after(async () => { await h?.close(); }, { timeout: TEST_TIMEOUT });

  async function openPage(fragment = '', { init, arg, phone } = {}) {
    const screen = phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } };
    const context = await h.browser.newContext({ ...screen, serviceWorkers: 'block' });
    context.setDefaultTimeout(TIMEOUT_MS);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.sub.origin });
    if (init) await context.addInitScript(init, arg);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`); });
    await page.goto(h.subUrl + fragment);
    await live(page);
    return { page, context, problems };
  }
  async function reload(page) {
    await page.reload();
    await live(page);
  }
  // Whether the focus is on the element `selector` matches (not dropped to <body>).
  const focusOn = (page, selector) => page.evaluate((s) => !!document.activeElement?.matches(s), selector);

  test('the working scenario is saved as it changes and comes back after a reload', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'revenue', '24382.125', null);
    await eventually(async () => (await stored(page))?.current, { 'q3-2012.revenue': '24382.125' }, 'saved on the keystroke');
    const doc = await stored(page);
    assert.equal(doc.format, 'qualys-what-if/saved');
    assert.equal(doc.version, 1);
    await page.keyboard.press('Tab');
    // Opened again without the link: the saved scenario is back.
    await page.goto(h.subUrl);
    await live(page);
    await expectValue(page, 'q3-2012', 'revenue', '24382.125');
    await expectValue(page, '9m-2012', 'revenue', '67763.125');
    assert.equal(await page.locator('.storage-notice').count(), 0);
    // The address asked for the release: the page says whose figures these are, and the address
    // now links to them.
    const notice = page.locator('.notice.resumed');
    assert.match(await notice.innerText(), /your last visit \(1 edit\)/);
    await eventually(() => page.evaluate(() => location.hash), '#v=1&q3-2012.revenue=24382.125', 'the address links to the scenario');
    // Starting from the release is one step, undoable.
    await notice.getByRole('button', { name: 'Start from the release' }).click();
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    await eventually(() => page.evaluate(() => location.hash), '', 'the address is the release');
    assert.equal(await notice.count(), 0);
    await page.click('button.undo');
    await expectValue(page, 'q3-2012', 'revenue', '24382.125');
    // Opened bare with nothing kept: no notice.
    await page.click('button.reset-all');
    await eventually(async () => (await stored(page))?.current, {}, 'the release is saved');
    await page.goto(h.subUrl);
    await live(page);
    assert.equal(await notice.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a share link in the address wins over the saved scenario', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'revenue', '30000');
    await eventually(async () => (await stored(page))?.current, { 'q3-2012.revenue': '30000' }, 'saved');
    await page.goto('about:blank');
    await page.goto(h.subUrl + '#v=1&q3-2012.sbc_sales_and_marketing=500');
    await live(page);
    await expectValue(page, 'q3-2012', 'sbc_sales_and_marketing', '500');
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    // And the link's scenario is now the working one.
    await eventually(async () => (await stored(page))?.current, { 'q3-2012.sbc_sales_and_marketing': '500' }, 'the link is saved');
    // What it replaced is one undo away, and the page says so.
    const notice = page.locator('.notice.replaced');
    assert.match(await notice.innerText(), /took the place of the one you were working on \(1 edit\).*Undo/s);
    await notice.getByRole('button', { name: 'Bring mine back' }).click();
    await expectValue(page, 'q3-2012', 'revenue', '30000');
    await expectValue(page, 'q3-2012', 'sbc_sales_and_marketing', '349');
    await eventually(async () => (await stored(page))?.current, { 'q3-2012.revenue': '30000' }, 'saved again');
    assert.equal(await notice.count(), 0);
    // Redo goes back to the link's.
    await page.click('button.redo');
    await expectValue(page, 'q3-2012', 'sbc_sales_and_marketing', '500');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('named scenarios: save, open, rename, duplicate, delete, and they survive a reload', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'revenue', '25000');
    await page.click('.open-scenarios');
    await page.fill('#save-name', 'Bull case');
    await page.press('#save-name', 'Enter');
    await page.locator('li[data-scenario="Bull case"]').waitFor();
    assert.match(await page.locator('li[data-scenario="Bull case"] .count').textContent(), /1 edit/);
    // Back to the release, save that too.
    await page.click('.reset-all');
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    await page.fill('#save-name', 'Base');
    await page.click('.save-as button[type=submit]');
    await page.locator('li[data-scenario="Base"]').waitFor();
    // An empty name is refused with a reason.
    await page.fill('#save-name', '   ');
    await page.click('.save-as button[type=submit]');
    await eventually(() => page.locator('.scenario-problem').count(), 1, 'empty name refused');
    assert.match(await page.locator('.scenario-problem').textContent(), /name/);
    // A name in use asks first: saving never replaces a scenario's edits unasked.
    await page.fill('#save-name', 'Bull case');
    await page.press('#save-name', 'Enter');
    await page.locator('.replace-offer').waitFor();
    assert.equal(await page.locator('.scenario-problem').count(), 0, 'the question replaces the refusal before it');
    await page.locator('.replace-offer button.keep').click();
    assert.match(await page.locator('li[data-scenario="Bull case"] .count').textContent(), /1 edit/, 'kept');
    await typeInto(page, 'q3-2012', 'revenue', '24000');
    await page.keyboard.press('Tab');
    // A name in another case is the same scenario's: "base" offers to replace "Base".
    await page.fill('#save-name', 'base');
    await page.press('#save-name', 'Enter');
    assert.match(await page.locator('li[data-scenario="Base"] .count').textContent(), /as reported/, 'not yet replaced');
    // The offer is of the scenario on screen when it was asked: an edit withdraws it.
    await page.locator('.replace-offer').waitFor();
    await typeInto(page, 'q3-2012', 'cost_of_revenue', '5000');
    await page.keyboard.press('Tab');
    await eventually(() => page.locator('.replace-offer').count(), 0, 'the offer goes with the scenario it was of');
    await page.click('button.undo');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4634');
    assert.equal(await page.locator('.replace-offer').count(), 0, 'and does not come back');
    await page.press('#save-name', 'Enter');
    await page.locator('.replace-offer button.replace', { hasText: 'Replace “Base”' }).click();
    await eventually(() => page.locator('li[data-scenario="Base"] .count').textContent(), '1 edit · on screen', 'replaced once confirmed');
    assert.equal(await page.locator('.replace-offer').count(), 0);
    // The question went with its button: the focus on the scenario replaced, not the page's start.
    await eventually(() => focusOn(page, 'li[data-scenario="Base"] button.rename'), true, 'focus on the scenario replaced');

    await page.click('li[data-scenario="Bull case"] button.open');
    await expectValue(page, 'q3-2012', 'revenue', '25000');

    await page.click('li[data-scenario="Bull case"] button.rename');
    // The field takes the focus, its name selected to be typed over.
    await eventually(() => focusOn(page, 'li[data-scenario="Bull case"] .rename-name'), true, 'rename focuses its field');
    assert.equal(await page.evaluate(() => document.getSelection().toString() || document.activeElement.value.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd)), 'Bull case');
    await page.fill('li[data-scenario="Bull case"] .rename-name', 'Bull');
    await page.press('li[data-scenario="Bull case"] .rename-name', 'Enter');
    await page.locator('li[data-scenario="Bull"]').waitFor();
    await eventually(() => focusOn(page, 'li[data-scenario="Bull"] button.rename'), true, 'back on Rename, under the new name');
    // Escape in the rename field cancels the rename, and the drawer stays open.
    await page.click('li[data-scenario="Bull"] button.rename');
    await page.fill('li[data-scenario="Bull"] .rename-name', 'Typo');
    await page.press('li[data-scenario="Bull"] .rename-name', 'Escape');
    await eventually(() => page.locator('li[data-scenario="Bull"] .rename-name').count(), 0, 'the rename cancelled');
    await eventually(() => focusOn(page, 'li[data-scenario="Bull"] button.rename'), true, 'back on Rename after Escape');
    assert.equal(await page.locator('.drawer.scenarios').count(), 1, 'the drawer still open');
    // Renaming onto another scenario's name is refused.
    await page.click('li[data-scenario="Bull"] button.rename');
    await page.fill('li[data-scenario="Bull"] .rename-name', 'Base');
    await page.press('li[data-scenario="Bull"] .rename-name', 'Enter');
    await eventually(() => page.locator('.scenario-problem').textContent(), 'A scenario named “Base” already exists.Dismiss', 'duplicate name refused');
    await page.click('li[data-scenario="Bull"] button.rename');
    await eventually(() => page.locator('.scenario-problem').count(), 0, 'a new rename clears what was said of the last');
    await page.fill('li[data-scenario="Bull"] .rename-name', 'BASE');
    await page.press('li[data-scenario="Bull"] .rename-name', 'Enter');
    await eventually(() => focusOn(page, 'li[data-scenario="Bull"] button.rename'), true, 'still “Bull”');
    assert.equal(await page.locator('li[data-scenario="BASE"]').count(), 0);
    assert.equal(await page.locator('.scenario-problem').textContent(), 'A scenario named “Base” already exists.Dismiss', 'in any case');

    await page.click('li[data-scenario="Bull"] button.duplicate');
    await page.locator('li[data-scenario="Bull (copy)"]').waitFor();
    // The refusal spoke of the rename: it goes with the next thing done to the list.
    assert.equal(await page.locator('.scenario-problem').count(), 0, 'the refusal gone');
    const names = () => page.$$eval('.saved-list li', (lis) => lis.map((l) => l.dataset.scenario));
    await page.click('li[data-scenario="Base"] button.delete');
    await eventually(names, ['Bull', 'Bull (copy)'], 'after delete');
    await eventually(() => focusOn(page, 'button.restore'), true, 'the focus on Undo delete');
    // A delete can be taken back, to where the scenario stood.
    await page.click('button.restore');
    await eventually(names, ['Bull', 'Bull (copy)', 'Base'], 'restored');
    assert.equal(await page.locator('button.restore').count(), 0);
    await page.click('li[data-scenario="Base"] button.delete');
    await eventually(names, ['Bull', 'Bull (copy)'], 'after delete');

    await reload(page);
    await page.click('.open-scenarios');
    await eventually(() => page.$$eval('.saved-list li', (lis) => lis.map((l) => l.dataset.scenario)), ['Bull', 'Bull (copy)'], 'after reload');
    await page.click('.reset-all');
    await page.click('li[data-scenario="Bull (copy)"] button.open');
    await expectValue(page, 'q3-2012', 'revenue', '25000');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('two tabs: neither loses the other\'s saved scenarios, and each shows the current list', { timeout: TEST_TIMEOUT }, async () => {
    const { page: a, context, problems } = await openPage();
    const b = await context.newPage();
    b.on('pageerror', (err) => problems.push(`pageerror (tab B): ${err.message}`));
    await b.goto(h.subUrl);
    await input(b, 'q3-2012', 'revenue').waitFor();
    const names = (page) => page.$$eval('.saved-list li', (lis) => lis.map((l) => l.dataset.scenario));
    const storedNames = async () => (await stored(a))?.scenarios.map((s) => s.name);
    const saveAs = async (page, name) => {
      await page.fill('#save-name', name);
      await page.press('#save-name', 'Enter');
      await page.locator(`li[data-scenario="${name}"]`).waitFor();
    };
    await a.click('.open-scenarios');
    await b.click('.open-scenarios');
    // Tab A saves "A" with revenue 25,000; tab B saves "B" with its own revenue, 26,000.
    await typeInto(a, 'q3-2012', 'revenue', '25000');
    await saveAs(a, 'A');
    await eventually(storedNames, ['A'], 'A is stored');
    await typeInto(b, 'q3-2012', 'revenue', '26000');
    await saveAs(b, 'B');
    await eventually(storedNames, ['A', 'B'], 'B is stored beside A');
    // Tab A edits a figure: the write keeps B, and A now lists B and says another tab changed the list.
    await typeInto(a, 'q3-2012', 'cost_of_revenue', '5000');
    await eventually(async () => (await stored(a))?.current['q3-2012.cost_of_revenue'], '5000', 'A\'s edit is stored');
    assert.deepEqual(await storedNames(), ['A', 'B']);
    await eventually(() => names(a), ['A', 'B'], 'tab A lists B');
    await eventually(() => names(b), ['A', 'B'], 'tab B lists A');
    assert.match(await a.locator('.other-tab').textContent(), /Another tab changed the saved scenarios: “B” added/);
    // Each tab keeps its own open scenario: B's working revenue did not replace A's.
    await expectValue(a, 'q3-2012', 'revenue', '25000');
    await expectValue(b, 'q3-2012', 'revenue', '26000');
    // A delete in B reaches A; a rename in A reaches B.
    await b.click('li[data-scenario="A"] button.delete');
    await eventually(() => names(a), ['B'], 'the delete reaches tab A');
    await a.click('li[data-scenario="B"] button.rename');
    await a.fill('li[data-scenario="B"] .rename-name', 'Bull');
    await a.press('li[data-scenario="B"] .rename-name', 'Enter');
    await eventually(() => names(b), ['Bull'], 'the rename reaches tab B');
    await eventually(async () => /“B” renamed “Bull”/.test(await b.locator('.other-tab').textContent()), true, 'and is said as a rename');
    await eventually(storedNames, ['Bull'], 'stored');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('two tabs: saving, renaming or deleting a named scenario in one keeps the working scenario the other changed last', { timeout: TEST_TIMEOUT }, async () => {
    const { page: a, context, problems } = await openPage();
    const b = await context.newPage();
    b.on('pageerror', (err) => problems.push(`pageerror (tab B): ${err.message}`));
    await b.goto(h.subUrl);
    await live(b);
    const kept = async () => (await stored(a))?.current['q3-2012.revenue'];
    await typeInto(a, 'q3-2012', 'revenue', '25000');
    await eventually(kept, '25000', "A's edit is kept");
    await typeInto(b, 'q3-2012', 'revenue', '20000');
    await eventually(kept, '20000', "B's edit, the last, is kept");
    await a.click('.open-scenarios');
    await a.fill('#save-name', 'X');
    await a.press('#save-name', 'Enter');
    await eventually(async () => (await stored(a))?.scenarios.map((s) => s.name), ['X'], 'X is stored');
    assert.equal(await kept(), '20000', "saving in A left B's working scenario, the last changed");
    await a.click('li[data-scenario="X"] button.rename');
    await a.fill('li[data-scenario="X"] .rename-name', 'Y');
    await a.press('li[data-scenario="X"] .rename-name', 'Enter');
    await eventually(async () => (await stored(a))?.scenarios.map((s) => s.name), ['Y'], 'renamed');
    await a.click('li[data-scenario="Y"] button.delete');
    await eventually(async () => (await stored(a))?.scenarios.length, 0, 'deleted');
    assert.equal(await kept(), '20000', 'nor did renaming or deleting');
    // An edit in A is the last change again.
    await typeInto(a, 'q3-2012', 'revenue', '24000');
    await eventually(kept, '24000', "A's edit, now the last, is kept");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('compare: the release and saved scenarios side by side, headline and any table, its periods together, and CSV', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'revenue', '24382');
    await page.click('.open-scenarios');
    await page.fill('#save-name', 'More revenue');
    await page.press('#save-name', 'Enter');
    await page.locator('li[data-scenario="More revenue"]').waitFor();
    await page.click('.reset-all');
    await page.click('.open-compare');
    const cmp = (scenario, period, line) =>
      page.locator(`td[data-compare-scenario="${scenario}"][data-compare-period="${period}"][data-compare-line="${line}"]`);
    await cmp('More revenue', 'q3-2012', 'revenue').waitFor();
    assert.equal(await cmp('release', 'q3-2012', 'revenue').getAttribute('data-compare-value'), '23382');
    assert.equal(await cmp('current', 'q3-2012', 'revenue').getAttribute('data-compare-value'), '23382');
    assert.equal(await cmp('More revenue', 'q3-2012', 'revenue').getAttribute('data-compare-value'), '24382');
    const moved = cmp('More revenue', 'q3-2012', 'revenue');
    assert.match(await moved.getAttribute('class'), /differs/);
    assert.match(await moved.textContent(), /^24,382\+1,000 · \+4\.3%$/);
    assert.doesNotMatch(await cmp('current', 'q3-2012', 'revenue').getAttribute('class'), /differs/);
    assert.equal(await cmp('More revenue', '4q-2012', 'four_quarter_bookings').getAttribute('data-compare-value'), '99696');
    // The guidance's figures after the headline cards', in the guidance's order, each with its
    // range and where each scenario's figure falls against it.
    const headline = await page.$$eval('.compare tbody th', (ths) => ths.map((th) => th.textContent));
    assert.deepEqual(headline.slice(-6), ['Revenues (Q4 2012 estimate; guidance 24,000 to 24,600)', 'GAAP diluted EPS (Q4 2012 estimate; guidance $0.00 to $0.02)',
      'Non-GAAP diluted EPS (Q4 2012 estimate; guidance $0.03 to $0.05)', 'Revenues (FY 2012 estimate; guidance 90,800 to 91,400)',
      'GAAP diluted EPS (FY 2012 estimate; guidance $0.04 to $0.06)', 'Non-GAAP diluted EPS (FY 2012 estimate; guidance $0.17 to $0.19)']);
    assert.equal(headline.filter((l) => l.includes('FY 2012')).length, 3, 'each of the year\'s figures once');
    assert.equal(await cmp('release', 'fy-2012', 'revenue').locator('.placed').textContent(), 'within');
    assert.equal(await cmp('More revenue', 'fy-2012', 'revenue').locator('.placed').textContent(), 'above');
    assert.equal(await cmp('release', 'q3-2012', 'revenue').locator('.placed').count(), 0, 'a figure not guided has none');
    assert.equal(await cmp('current', 'fy-2012', 'eps_diluted').getAttribute('data-compare-value'), await value(page, 'fy-2012', 'eps_diluted'));
    assert.notEqual(await cmp('More revenue', 'fy-2012', 'eps_diluted').getAttribute('data-compare-value'), await value(page, 'fy-2012', 'eps_diluted'));
    // The release reports no estimate: its column's figures for them are said to be its estimates.
    const note = () => page.locator('.compare .note').textContent();
    assert.match(await note(), /The release reports no fourth quarter or year: for those estimates, its column holds their values on the release alone/);
    await page.selectOption('.compare-view', 'balance_sheets');
    await eventually(() => note().then((t) => t.includes('release alone')), false, 'said only where estimates are listed');
    // A table, its periods side by side, each line under its full name.
    await page.selectOption('.compare-view', 'operations');
    await eventually(() => cmp('More revenue', '9m-2012', 'revenue').getAttribute('data-compare-value'), '67763', '9m revenue');
    assert.equal(await cmp('More revenue', 'q3-2012', 'revenue').getAttribute('data-compare-value'), '24382');
    assert.match(await cmp('More revenue', '9m-2012', 'revenue').textContent(), /\+1,000 · \+1\.5%/);
    assert.equal(await cmp('More revenue', '9m-2012', 'cost_of_revenue').getAttribute('class'), 'num');
    // Each change and its percentage are of the figures as shown, so both can be checked from
    // the screen: EPS 0.06 → 0.09 is +0.03 · +50.0%; where the exact figures' ratio differs, it
    // follows, as a spreadsheet of them has it.
    const deltas = await page.$$eval('.compare td.differs[data-compare-scenario="More revenue"]', (tds) => tds.map((td) => {
      const release = td.parentElement.querySelector(`td[data-compare-scenario="release"][data-compare-period="${td.dataset.comparePeriod}"]`);
      return [td.dataset.compareLine, td.querySelector('.value').textContent, release.querySelector('.value').textContent, td.querySelector('.delta').textContent,
        Number(td.dataset.compareValue), Number(release.dataset.compareValue), td.parentElement.querySelector('th').textContent];
    }));
    const number = (text) => (text.startsWith('(') ? -1 : 1) * Number(text.replace(/[(),%]/g, ''));
    const signed = (text) => (text.startsWith('−') ? -1 : 1) * Number(text.slice(1).replace(/,/g, ''));
    let checked = 0, exact = 0;
    for (const [line, now, was, delta, nowExact, wasExact, label] of deltas) {
      const [, by, pct, ofExact] = delta.match(/^([±+−][\d,.]+)(?: pts)?(?: · ([±+−][\d,.]+)%(?: \(([±+−][\d,.]+)% exact\))?)?$/) ?? [];
      assert.ok(by, `${line}: ${delta}`);
      assert.ok(Math.abs(signed(by) - (number(now) - number(was))) < 1e-9, `${line}: ${was} → ${now} is ${delta}`);
      if (number(was) === 0 || Number.isNaN(number(was))) continue;
      assert.ok(Math.abs(signed(pct) - (number(now) - number(was)) / Math.abs(number(was)) * 100) <= 0.05 + 1e-9, `${line}: ${was} → ${now} is ${delta}`);
      checked += 1;
      // The exact figures' percentage, shown where it differs (its sign is the line's as shown,
      // turned for some lines: the size is checked here, the sign in format.rs's tests).
      const ofExacts = Math.abs((nowExact - wasExact) / wasExact * 100);
      const near = (text) => Math.abs(Math.abs(signed(text)) - ofExacts) <= 0.05 + 1e-9;
      if (ofExact !== undefined) {
        exact += 1;
        assert.notEqual(ofExact, pct, `${line}: only where it differs`);
        assert.ok(near(ofExact), `${label} ${line}: ${delta}, exactly ${wasExact} → ${nowExact}`);
      } else {
        assert.ok(near(pct), `${label} ${line}: ${delta} is also the exact figures' ${ofExacts}%`);
      }
    }
    assert.ok(checked > 20, `${checked} changes checked`);
    assert.ok(exact > 0, 'some percentage of the exact figures differs (per-share figures)');
    const labels = await page.$$eval('.compare tbody th', (ths) => ths.map((th) => th.textContent));
    assert.ok(labels.includes('Net income per share - basic') && labels.includes('Weighted average shares - basic'), labels.join(' | '));
    assert.equal(new Set(labels).size, labels.length, 'no two rows share a label');
    // The comparison as CSV: a row per figure and period, a column per scenario.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-compare')]);
    assert.equal(download.suggestedFilename(), 'qualys-q3-2012-compare.csv');
    const csv = await fs.readFile(await download.path(), 'utf8');
    assert.match(csv, /^line,label,period,Release,This scenario,More revenue\r\n/);
    assert.match(csv, /\r\nrevenue,Revenues,9m-2012,66763,66763,67763\r\n/);
    // A guided figure, then where each scenario's falls against the guidance, as Compare marks it.
    assert.match(csv, /\r\nrevenue,Revenues,q4-2012,24300,24300,24300\r\nrevenue,"Revenues: against the guidance, \$24,000 to \$24,600 thousand",q4-2012,within,within,within\r\n/);
    await page.selectOption('.compare-view', 'balance_sheets');
    assert.ok(await cmp('More revenue', '2012-09-30', 'accumulated_deficit').count() === 1);
    // A scenario can be left out.
    await page.uncheck('.compare .pick input');
    await eventually(() => cmp('More revenue', '2012-09-30', 'cash').count(), 0, 'hidden');
    // Compare cells never pose as figures of the open scenario.
    const values = await figuresAgree(page);
    assert.equal(values.get('q3-2012.revenue'), '23382');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Undo can be pressed while the first edit is still being typed, and takes it back', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage();
    const undo = page.locator('button.undo');
    assert.ok(await undo.isDisabled(), 'nothing to undo');
    await input(page, 'q3-2012', 'revenue').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2');
    await expectValue(page, 'q3-2012', 'revenue', '2');
    await eventually(() => undo.isDisabled(), false, 'the typing is a step to take back');
    await undo.click();
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    assert.ok(await undo.isDisabled(), 'nothing left to undo');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('undo and redo: buttons and keys, a typing session is one step, Ctrl+Z in a field takes back its typing', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage();
    const undo = page.locator('button.undo');
    const redo = page.locator('button.redo');
    assert.ok(await undo.isDisabled());
    assert.ok(await redo.isDisabled());
    await typeInto(page, 'q3-2012', 'revenue', '24000');
    await typeInto(page, 'q3-2012', 'cost_of_revenue', '5000');
    await page.click('button.reset-all');
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    // Reset all disabled itself: the focus is on Undo, which takes it back.
    await eventually(() => focusOn(page, 'header .undo'), true, 'focus after Reset all');
    // Ctrl+Z outside a field: Reset all is undone in one step.
    await page.locator('h1').click();
    await page.keyboard.press('Control+Z');
    await expectValue(page, 'q3-2012', 'revenue', '24000');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5000');
    // Five keystrokes were one step.
    await page.keyboard.press('Control+Z');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4634');
    await expectValue(page, 'q3-2012', 'revenue', '24000');
    await undo.click();
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    assert.ok(await undo.isDisabled());
    await eventually(() => focusOn(page, 'header .redo'), true, 'focus after the last undo');
    await eventually(() => hash(page), '', 'the link follows undo');
    await page.keyboard.press('Control+Shift+Z');
    await expectValue(page, 'q3-2012', 'revenue', '24000');
    await eventually(() => hash(page), '#v=1&q3-2012.revenue=24000', 'the link follows redo');
    await page.keyboard.press('Control+Y');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5000');
    await redo.click();
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4634');
    assert.ok(await redo.isDisabled());
    await eventually(() => focusOn(page, 'header .undo'), true, 'focus after the last redo');
    // Inside a field being typed into, Ctrl+Z takes back the typing: the app's scenario steps
    // are untouched.
    await input(page, 'q3-2012', 'interest_income').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('77');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Tab');
    // Had the app undone a step, Reset all would be undone and these would have moved.
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4634');
    assert.notEqual(await value(page, 'q3-2012', 'interest_income'), '77');
    // A new edit after an undo clears redo.
    await undo.click();
    assert.ok(await redo.isEnabled());
    await typeInto(page, 'q3-2012', 'interest_income', '12345');
    await eventually(() => redo.isDisabled(), true, 'redo cleared by a new edit');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a drawer opened from far down the page comes into view', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage('#v=1&q3-2012.revenue=25000');
    for (const open of ['.open-changes', '.open-scenarios', '.open-compare']) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await page.click(open);
      // Its top below the sticky header and on screen: it opens at the top of the page.
      await eventually(() => page.evaluate(() => {
        const top = document.querySelector('#drawer > .drawer')?.getBoundingClientRect().top ?? -1;
        return top >= document.querySelector('header').getBoundingClientRect().bottom - 1 && top < innerHeight;
      }), true, `${open}: the drawer on screen`);
      await page.click(open);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a section\'s address (a contents link opened in a new tab) is a place on the page, not a link: the saved scenario stays', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'revenue', '30000');
    await eventually(async () => (await stored(page))?.current, { 'q3-2012.revenue': '30000' }, 'saved');
    await page.goto('about:blank');
    await page.goto(h.subUrl + '#balance_sheets');
    await live(page);
    await expectValue(page, 'q3-2012', 'revenue', '30000');
    assert.equal(await page.locator('.link-problems').count(), 0, 'nothing said to be skipped');
    assert.match(await page.locator('.notice.resumed').innerText(), /your last visit \(1 edit\)/);
    assert.deepEqual((await stored(page))?.current, { 'q3-2012.revenue': '30000' });
    // Typed into the address of the open page, the same: the browser goes there.
    await page.evaluate(() => { location.hash = 'cash_flows'; });
    await page.waitForTimeout(300);
    await expectValue(page, 'q3-2012', 'revenue', '30000');
    assert.equal(await page.locator('.link-problems').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a clipboard the browser refuses is said beside the button, not as the page failing; "copied" lasts while the link does', { timeout: TEST_TIMEOUT }, async () => {
    const refuse = () => { Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) } }); };
    const { page, context, problems } = await openPage('#v=1&q3-2012.revenue=25000', { init: refuse });
    await page.click('header .copy-link');
    await eventually(() => page.locator('header .copy-refused').textContent(), 'The browser did not let the page copy: the address bar holds the link.', 'said');
    assert.equal(await page.locator('header .copy-link').textContent(), 'Copy share link');
    assert.equal(await page.locator('.start-failed').count(), 0, 'the page goes on');
    await page.click('.open-changes');
    await page.click('.copy-share');
    await eventually(() => page.locator('.changes .copy-refused').count(), 1, 'said in the drawer too');
    await typeInto(page, 'q3-2012', 'revenue', '26000');
    await eventually(() => page.locator('.copy-refused').count(), 0, 'of the link before');
    assert.deepEqual(problems, []);
    await context.close();
    // Where the clipboard takes it, the button says so until the scenario changes.
    const ok = await openPage('#v=1&q3-2012.revenue=25000');
    await ok.page.click('header .copy-link');
    await eventually(() => ok.page.locator('header .copy-link').textContent(), 'Link copied', 'copied');
    // Said to a screen reader too: the button's new words are not read out.
    assert.equal(await ok.page.locator('header [role="status"].sr-only').textContent(), 'Share link copied.');
    await typeInto(ok.page, 'q3-2012', 'revenue', '26000');
    await eventually(() => ok.page.locator('header .copy-link').textContent(), 'Copy share link', 'the link copied is no longer the one open');
    assert.equal(await ok.page.locator('header [role="status"].sr-only').textContent(), '');
    assert.deepEqual(ok.problems, []);
    await ok.context.close();
  });

  test('what differs shows a line as the statements show it: interest expense in brackets', { timeout: TEST_TIMEOUT }, async () => {
    // Income of 50 where the release has an expense of 38: the statement shows 50, was (38).
    const { page, context, problems } = await openPage('#v=1&q3-2012.interest_expense=-50');
    await page.click('.open-changes');
    const row = page.locator('.changes tr[data-change-key="q3-2012.interest_expense"]');
    await row.waitFor();
    assert.deepEqual((await row.locator('td.num').allInnerTexts()).map((t) => t.trim()), ['(38)', '50']);
    assert.match(await page.locator('.print-summary').textContent(), /Interest expense, Q3 2012: 50 \(reported \(38\)\)/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('what differs: each edited input, reported and scenario values, reset each, copy the link', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage('#v=1&q3-2012.sbc_sales_and_marketing=500&2012-09-30.deferred_revenue_current=55000');
    await page.click('.open-changes');
    const rows = () => page.$$eval('.changes tr[data-change-key]', (trs) => trs.map((tr) => [tr.dataset.changeKey, ...[...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => c.innerText.trim())]));
    await eventually(rows, [
      ['q3-2012.sbc_sales_and_marketing', 'Stock-based compensation in sales and marketing', 'Q3 2012', '349', '500'],
      ['2012-09-30.deferred_revenue_current', 'Deferred revenues, current', 'Sep 30, 2012', '51,693', '55,000'],
    ], 'the list');
    assert.deepEqual(await page.$$eval('.changes thead th', (ths) => ths.map((th) => th.textContent)), ['Input', 'Period', 'Release', 'This scenario']);
    // An estimate's baseline is not a reported figure, and says so.
    await typeInto(page, 'q4-2012', 'revenue', '25000');
    await eventually(async () => (await rows()).find((r) => r[0] === 'q4-2012.revenue')?.slice(3),
      ['24,300\nestimate, on the release alone', '25,000'], 'an estimate\'s row');
    // An edit with decimals is listed as entered: 24,300.4 is not the 24,300 it started at.
    await typeInto(page, 'q4-2012', 'revenue', '24300.4');
    await eventually(async () => (await rows()).find((r) => r[0] === 'q4-2012.revenue')?.[4], '24,300.4', 'listed as entered');
    await page.click('tr[data-change-key="q4-2012.revenue"] button.reset');
    // The row went: the focus on the row above (it was the last).
    await eventually(() => focusOn(page, 'tr[data-change-key="2012-09-30.deferred_revenue_current"] button.reset'), true, 'focus after a row reset');
    // The address is written in a task after the render (url::replace_soon).
    await eventually(() => hash(page), '#v=1&q3-2012.sbc_sales_and_marketing=500&2012-09-30.deferred_revenue_current=55000', 'the address follows the reset');
    const link = await page.locator('.share-link').inputValue();
    assert.equal(new URL(link).hash, hash(page));
    await page.click('.copy-share');
    await eventually(() => page.evaluate(() => navigator.clipboard.readText()), link, 'copied');
    await page.click('tr[data-change-key="q3-2012.sbc_sales_and_marketing"] button.reset');
    await expectValue(page, 'q3-2012', 'sbc_sales_and_marketing', '349');
    await eventually(() => focusOn(page, 'tr[data-change-key="2012-09-30.deferred_revenue_current"] button.reset'), true, 'focus on the row that took its place');
    await eventually(async () => (await rows()).map((r) => r[0]), ['2012-09-30.deferred_revenue_current'], 'one left');
    await eventually(() => page.locator('.share-link').inputValue().then((l) => new URL(l).hash), '#v=1&2012-09-30.deferred_revenue_current=55000', 'link follows');
    // The header's button copies the link of the scenario as it is now.
    await page.click('header .copy-link');
    await eventually(() => page.evaluate(() => navigator.clipboard.readText()).then((l) => new URL(l).hash), '#v=1&2012-09-30.deferred_revenue_current=55000', 'header copy');
    await eventually(() => page.locator('header .copy-link').textContent(), 'Link copied', 'says so');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a phone, what differs and compare fit the screen: every figure and reset in view without scrolling sideways', { timeout: TEST_TIMEOUT }, async () => {
    // A saved scenario other than the one on screen: Compare gives it a column of its own.
    const saved = (key) => localStorage.setItem(key, JSON.stringify({
      format: 'qualys-what-if/saved', version: 1, current: {}, scenarios: [{ name: 'Bull', edits: { 'q3-2012.revenue': '26000' } }],
    }));
    const { page, context, problems } = await openPage('#v=1&q3-2012.revenue=24000&q3-2012.sbc_sales_and_marketing=400&q4-2012.revenue=25000', { phone: true, init: saved, arg: STORAGE_KEY });
    // On a phone, the drawers' buttons are under More.
    await page.click('header .more');
    const fits = () => page.$eval('.drawer', (d) => {
      const frame = d.querySelector('.scroll');
      const right = d.getBoundingClientRect().right;
      const out = [...d.querySelectorAll('td, th')].filter((c) => c.getBoundingClientRect().right > right + 0.5).map((c) => c.innerText.trim());
      return { sideways: frame.scrollWidth - frame.clientWidth, out };
    });
    await page.click('.open-changes');
    await page.locator('.changes tr[data-change-key]').first().waitFor();
    assert.deepEqual(await fits(), { sideways: 0, out: [] }, 'what differs fits');
    // The period follows the name, its own column left out.
    assert.deepEqual(await page.$$eval('.changes tbody th', (ths) => ths.map((th) => th.innerText.replace(/\s+/g, ' '))),
      ['Revenues, Q3 2012', 'Stock-based compensation in sales and marketing, Q3 2012', 'Revenues, Q4 2012 estimate']);
    assert.equal(await page.locator('.changes button.reset').first().getAttribute('aria-label'), 'Reset Revenues, Q3 2012');
    await page.click('.open-compare');
    await page.locator('td[data-compare-scenario="Bull"]').first().waitFor();
    assert.deepEqual(await fits(), { sideways: 0, out: [] }, 'compare fits, the release, this scenario and one saved');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a printout of a saved scenario names it, until the scenario changes', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage('#v=1&q3-2012.revenue=24382');
    await page.click('.open-scenarios');
    await page.fill('#save-name', 'Bull case');
    await page.press('#save-name', 'Enter');
    await page.locator('li[data-scenario="Bull case"]').waitFor();
    const summary = page.locator('.print-summary p').first();
    await eventually(async () => /Saved as “Bull case”\./.test(await summary.textContent()), true, 'named');
    await typeInto(page, 'q3-2012', 'cost_of_revenue', '5000');
    await eventually(async () => /Saved as/.test(await summary.textContent()), false, 'no longer that scenario');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('CSV export: a header per table, exact reported and scenario values', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage('#v=1&q3-2012.revenue=24382.5');
    await page.click('.open-scenarios');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-csv')]);
    assert.equal(download.suggestedFilename(), 'qualys-q3-2012-scenario.csv');
    const csv = await fs.readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'table,line,label,q3-2012 reported,q3-2012 scenario,q3-2011 reported,q3-2011 scenario,9m-2012 reported,9m-2012 scenario,9m-2011 reported,9m-2011 scenario,q4-2012 release estimate,q4-2012 scenario,fy-2012 release estimate,fy-2012 scenario');
    assert.equal(lines[1], 'Condensed Consolidated Statements of Operations,revenue,Revenues,23382,24382.5,19375,19375,66763,67763.5,55560,55560,24300,24300,91063,92063.5');
    assert.ok(lines.includes('table,line,label,4q-2012 reported,4q-2012 scenario,4q-2011 reported,4q-2011 scenario'));
    assert.ok(lines.some((l) => l.startsWith('Condensed Consolidated Balance Sheets,total_liabilities_and_equity,"Total liabilities, convertible')));
    // Every scenario value is the page's own exact value.
    const eps = lines.find((l) => l.includes(',eps_diluted,')).split(',');
    assert.equal(eps[4], await value(page, 'q3-2012', 'eps_diluted'));
    // The outlook, as the page shows it: Q4 revenue still at its estimate, within its range.
    assert.ok(lines.includes('table,period,line,label,range low,range high,release estimate,scenario,where it falls,outside by'));
    assert.ok(lines.includes('Financial Performance Outlook,q4-2012,revenue,Revenues,24000,24600,24300,24300,within,0'));
    assert.ok(lines.some((l) => l.startsWith('What the full-year guidance implies for the fourth quarter,q4-2012,non_gaap_net_income,Non-GAAP net income,')));
    // Last, what makes the scenario: the reading of stock compensation, and each edit.
    assert.deepEqual(lines.slice(-4), [
      'table,key,label,reported or release estimate,scenario',
      "This scenario's edits,sbc,How stock-based compensation edits are read (the share link's sbc),within,within",
      'This scenario\'s edits,q3-2012.revenue,"Revenues, Q3 2012",23382,24382.5',
      '',
    ]);
    // Saved, the scenario on screen is named in the list, in its exports' names and in Compare.
    await page.fill('#save-name', 'Bull case');
    await page.press('#save-name', 'Enter');
    const bull = page.locator('li[data-scenario="Bull case"]');
    await eventually(() => bull.getAttribute('aria-current'), 'true', 'marked as on screen');
    assert.equal(await bull.locator('.count').textContent(), '1 edit · on screen');
    const [named] = await Promise.all([page.waitForEvent('download'), page.click('.export-csv')]);
    assert.equal(named.suggestedFilename(), 'qualys-q3-2012-bull-case.csv');
    await page.click('.open-compare');
    await eventually(() => page.locator('.compare thead').textContent().then((t) => t.includes('This scenario (“Bull case”)')), true, 'Compare names it');
    // Its column is this scenario's, not a second of the same figures beside it.
    const heads = () => page.locator('.compare thead th[scope="col"]').allTextContents().then((t) => [...new Set(t)].join(' | '));
    assert.equal(await heads(), 'Release | This scenario (“Bull case”)');
    await typeInto(page, 'q3-2012', 'revenue', '24000');
    await page.keyboard.press('Tab');
    await eventually(() => page.locator('.compare thead').textContent().then((t) => t.includes('This scenario (')), false, 'an edit away, it is not');
    assert.equal(await heads(), 'Release | This scenario | Bull case', 'and the saved one has its own column again');
    // The list says the scenario saved here has been edited since, and offers to update it.
    await page.click('.open-scenarios');
    await eventually(() => bull.locator('.count').textContent(), '1 edit · changed on screen', 'changed since saved');
    assert.equal(await bull.locator('button.open').textContent(), 'Revert', 'opening it again would put back what was saved');
    await bull.locator('button.update').click();
    await eventually(() => bull.locator('.count').textContent(), '1 edit · on screen', 'updated');
    assert.equal(await bull.locator('button.update').count(), 0);
    await page.click('li[data-scenario="Bull case"] button.open');
    await expectValue(page, 'q3-2012', 'revenue', '24000');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Undo delete puts the focus on the scenario back in the list; Copy share link keeps its width copied', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'revenue', '25000');
    const copy = page.locator('.copy-link');
    const width = () => copy.evaluate((b) => b.getBoundingClientRect().width);
    const before = await width();
    await copy.click();
    await eventually(() => copy.textContent(), 'Link copied', 'copied');
    assert.ok(Math.abs((await width()) - before) < 0.5, 'the buttons beside it stay where they were');
    await page.click('.open-scenarios');
    await page.fill('#save-name', 'Bear case');
    await page.press('#save-name', 'Enter');
    await page.locator('li[data-scenario="Bear case"] button.delete').focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.className), 'restore', 'on Undo delete');
    await page.keyboard.press('Enter');
    await page.locator('li[data-scenario="Bear case"]').waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.closest('li')?.dataset.scenario + ' ' + document.activeElement?.className), 'Bear case open', 'on the scenario restored');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Undo after opening a saved scenario goes back to the one worked on before: Update writes to that one, not to the one opened', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage();
    const scenario = (name) => page.locator(`li[data-scenario="${name}"]`);
    await typeInto(page, 'q4-2012', 'revenue', '25000');
    await page.click('.open-scenarios');
    await page.fill('#save-name', 'Bull case');
    await page.press('#save-name', 'Enter');
    await scenario('Bull case').waitFor();
    await page.click('.reset-all');
    await typeInto(page, 'q4-2012', 'revenue', '23500');
    await page.fill('#save-name', 'Bear case');
    await page.press('#save-name', 'Enter');
    await scenario('Bear case').waitFor();
    await typeInto(page, 'q4-2012', 'revenue', '23000');
    await eventually(() => scenario('Bear case').locator('.count').textContent(), '1 edit · changed on screen', 'Bear case edited since saved');
    await scenario('Bull case').locator('button.open').click();
    await expectValue(page, 'q4-2012', 'revenue', '25000');
    await page.click('button.undo');
    await expectValue(page, 'q4-2012', 'revenue', '23000');
    await eventually(() => scenario('Bear case').locator('.count').textContent(), '1 edit · changed on screen', 'the one worked on before is again');
    assert.equal(await scenario('Bull case').locator('.count').textContent(), '1 edit', 'the one opened and undone is not');
    assert.equal(await scenario('Bull case').locator('button.update').count(), 0, 'nor offered to be updated with what is on screen');
    await scenario('Bear case').locator('button.update').click();
    await eventually(() => scenario('Bear case').locator('.count').textContent(), '1 edit · on screen', 'Bear case updated');
    await page.click('button.redo');
    await expectValue(page, 'q4-2012', 'revenue', '25000');
    await eventually(() => scenario('Bull case').locator('.count').textContent(), '1 edit · on screen', 'redone, Bull case is on screen again');
    await eventually(async () => Object.fromEntries((await stored(page)).scenarios.map((n) => [n.name, n.edits])),
      { 'Bull case': { 'q4-2012.revenue': '25000' }, 'Bear case': { 'q4-2012.revenue': '23000' } }, 'Bull case keeps what it was saved with');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('JSON export then import brings the scenario back; a bad file is refused and changes nothing', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, problems } = await openPage('#v=1&q3-2012.revenue=24382&2012-09-30.deferred_revenue_current=55000.5');
    await page.click('.open-scenarios');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-json')]);
    assert.equal(download.suggestedFilename(), 'qualys-q3-2012-scenario.json');
    const json = await fs.readFile(await download.path(), 'utf8');
    assert.deepEqual(JSON.parse(json), {
      format: 'qualys-what-if/scenario',
      version: 1,
      edits: { 'q3-2012.revenue': '24382', '2012-09-30.deferred_revenue_current': '55000.5' },
    });
    await page.click('.reset-all');
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.setInputFiles('.import-file', file('mine.json', json));
    await expectValue(page, 'q3-2012', 'revenue', '24382');
    await expectValue(page, '2012-09-30', 'deferred_revenue_current', '55000.5');
    assert.equal(await page.locator('.scenario-problem').count(), 0);
    // Said on the screen too, beside the import, not only to screen readers.
    const imported = page.locator('.imported');
    assert.ok(await imported.isVisible(), 'the import is confirmed visibly');
    assert.equal(await imported.textContent(), 'Imported “mine.json” (2 edits). Undo brings back the scenario you had.');
    // Import is one undo step.
    await page.click('button.undo');
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    assert.equal(await imported.count(), 0, 'the confirmation goes with the undo');
    await page.click('button.redo');
    await expectValue(page, 'q3-2012', 'revenue', '24382');

    // As a share link does, a file with edits this page cannot use imports the rest and names
    // what it skipped.
    const partial = '{"format":"qualys-what-if/scenario","version":1,"edits":{"q3-2012.gross_profit":"1","q3-2012.revenue":"25000","q3-2012.sbc_cost_of_revenue":7}}';
    await page.setInputFiles('.import-file', file('partial.json', partial));
    await expectValue(page, 'q3-2012', 'revenue', '25000');
    assert.equal(await imported.textContent(), 'Imported “partial.json” (1 edit). Skipped, as this page cannot use them: '
      + '“q3-2012.gross_profit=1”: computed from other figures, not an input. '
      + '“q3-2012.sbc_cost_of_revenue”: a number; its value must be written as text, in quotes ("24382"), to be read exactly. '
      + 'Undo brings back the scenario you had.');
    assert.equal(await page.locator('.scenario-problem').count(), 0);
    await page.click('button.undo');
    await expectValue(page, 'q3-2012', 'revenue', '24382');

    const before = await figuresAgree(page);
    const bad = [
      ['notes.txt', 'revenue went up', /not valid JSON/],
      ['other.json', '{"format":"something-else","version":1}', /something-else/],
      ['newer.json', '{"format":"qualys-what-if/scenario","version":2,"edits":{}}', /version 2/],
      ['bad-key.json', '{"format":"qualys-what-if/scenario","version":1,"edits":{"q3-2012.gross_profit":"1","q9-2012.revenue":"1"}}', /None of its edits can be used: “q3-2012\.gross_profit=1”.*“q9-2012\.revenue=1”: no such period/],
      ['number.json', '{"format":"qualys-what-if/scenario","version":1,"edits":{"q3-2012.revenue":1}}', /“q3-2012\.revenue”: a number; its value must be written as text, in quotes/],
      ['list.json', '{"format":"qualys-what-if/scenario","version":1,"edits":[]}', /“edits” is a list, not an object/],
      ['extra.json', '{"format":"qualys-what-if/scenario","version":1,"edits":{},"note":"x"}', /field “note” this page does not know/],
      ['string-version.json', '{"format":"qualys-what-if/scenario","version":"1","edits":{}}', /“version” is a string; it must be a number, written without quotes: 1\./],
    ];
    for (const [name, text, why] of bad) {
      await page.setInputFiles('.import-file', file(name, text));
      await eventually(async () => why.test((await page.locator('.scenario-problem').textContent().catch(() => '')) ?? ''), true, `${name} refused with a reason`);
      assert.ok((await page.locator('.scenario-problem').textContent()).startsWith(`“${name}” was not imported. `), 'the refusal names the file');
      assert.match(await page.locator('.scenario-problem').textContent(), /was not imported.*The open scenario is unchanged/s);
      assert.deepEqual(await figuresAgree(page), before, `${name} left the scenario untouched`);
      await page.click('.scenario-problem button');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  // Version 1 of the page wrote these bytes (tests/saved.rs checks serde_json writes them too).
  const data = (name) => fs.readFile(new URL(`../data/${name}`, import.meta.url), 'utf8');

  test('version 1 bytes: a stored document reloads and is written back byte for byte; files too', { timeout: TEST_TIMEOUT }, async () => {
    const v1 = await data('stored-v1.json');
    // The same document on one line: the page reads it and writes it back as version 1 did.
    const init = (text) => { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('qualys-what-if', text); } };
    const { page, context, problems } = await openPage('', { init, arg: JSON.stringify(JSON.parse(v1)) });
    await expectValue(page, 'q3-2012', 'revenue', '24382.125');
    await expectValue(page, '2012-09-30', 'deferred_revenue_current', '55000');
    await page.click('.open-scenarios');
    const names = () => page.$$eval('.saved-list li', (lis) => lis.map((l) => l.dataset.scenario));
    await eventually(names, ['Bear case', 'Bull, "plus" ünïcode\\ \u0001\t\u007f', 'As reported'], 'the named scenarios');
    await eventually(() => page.evaluate(() => localStorage.getItem('qualys-what-if')), v1, 'written back byte for byte');
    // The exported file is version 1's bytes too, and reads back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-json')]);
    const file = await fs.readFile(await download.path(), 'utf8');
    assert.equal(file, await data('scenario-v1.json'));
    await page.click('.reset-all');
    await page.setInputFiles('.import-file', { name: 'v1.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expectValue(page, 'q3-2012', 'revenue', '24382.125');
    // A key given twice is read as JSON.parse reads it: the last one wins.
    const twice = '{"format":"qualys-what-if/scenario","version":1,"edits":{"q3-2012.revenue":"1","q3-2012.revenue":"25000"}}';
    await page.setInputFiles('.import-file', { name: 'twice.json', mimeType: 'application/json', buffer: Buffer.from(twice) });
    await expectValue(page, 'q3-2012', 'revenue', '25000');
    assert.equal(await page.locator('.scenario-problem').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('one saved scenario this version cannot read: the others are listed and usable, and it is kept as it is', { timeout: TEST_TIMEOUT }, async () => {
    const later = { name: 'Later', edits: { 'q3-2012.revenue': '30000' }, notes: 'written by a later version' };
    const doc = {
      format: 'qualys-what-if/saved',
      version: 1,
      current: {},
      scenarios: [
        { name: 'Bear', edits: { 'q3-2012.revenue': '20000' } },
        later,
        { name: 'Bull (copy)', edits: { 'q3-2012.revenue': 'lots' } },
        { name: 'Bull', edits: { 'q3-2012.revenue': '26000' } },
      ],
    };
    const init = (text) => { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('qualys-what-if', text); } };
    const { page, context, problems } = await openPage('', { init, arg: JSON.stringify(doc) });
    await page.click('.open-scenarios');
    const names = () => page.$$eval('.saved-list li', (lis) => lis.map((l) => l.dataset.scenario));
    await eventually(names, ['Bear', 'Bull'], 'the readable ones are listed');
    const note = page.locator('.scenarios .unread');
    assert.equal(await note.innerText(), '2 saved scenarios could not be read by this version and are kept as they are.'
      + ' “Later”: It is damaged: a saved scenario has a field “notes” this page does not know.'
      + ' “Bull (copy)”: Its edits cannot be used: “q3-2012.revenue=lots”: Not a plain decimal: a link or file writes numbers as 1234.5 or -38, with no commas, brackets or symbols.');
    assert.equal(await page.locator('.storage-notice').count(), 0, 'storage is not called unreadable');
    // The readable ones open as usual.
    await page.click('li[data-scenario="Bull"] button.open');
    await expectValue(page, 'q3-2012', 'revenue', '26000');
    // A name an unreadable one has is not given to another: two of one name would be ambiguous.
    await page.fill('#save-name', 'Later');
    await page.press('#save-name', 'Enter');
    await eventually(() => page.locator('.scenario-problem p').textContent().catch(() => ''), 'A saved scenario this version cannot read is named “Later”; it is kept as it is. Choose another name.', 'refused');
    // Nor by Duplicate, whose first choice of name an unreadable one has.
    await page.click('li[data-scenario="Bull"] button.duplicate');
    await eventually(names, ['Bear', 'Bull', 'Bull (copy 2)'], 'duplicated under a name no scenario has');
    await page.click('li[data-scenario="Bull (copy 2)"] button.delete');
    await eventually(names, ['Bear', 'Bull']);
    // Saving writes the document: the unreadable ones go back unchanged, where they stood.
    await page.fill('#save-name', 'New');
    await page.press('#save-name', 'Enter');
    await eventually(async () => (await stored(page))?.scenarios.map((s) => s.name), ['Bear', 'Later', 'Bull (copy)', 'Bull', 'New'], 'saved beside them');
    const kept = (await stored(page)).scenarios;
    assert.deepEqual(kept[1], later);
    assert.equal(JSON.stringify(kept[1]), JSON.stringify(later), 'byte for byte, its keys in their order');
    assert.deepEqual(kept[2], doc.scenarios[2]);
    // And after a reload, the same.
    await reload(page);
    await page.click('.open-scenarios');
    await eventually(names, ['Bear', 'Bull', 'New'], 'after a reload');
    assert.match(await note.innerText(), /^2 saved scenarios could not be read/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  const storageCases = [
    ['unavailable', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }), /storage is unavailable/],
    ['full', () => { Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; }, /storage is full/],
    ['holding data it cannot read', () => { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('qualys-what-if', '{"format":"qualys-what-if/saved","version":9}'); } }, /could not be read.*version 9/s],
  ];
  for (const [what, init, says] of storageCases) {
    test(`storage ${what}: one notice, and the page works on`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context, problems } = await openPage('', { init });
      // Make the page try to save several times.
      await typeInto(page, 'q3-2012', 'revenue', '24000');
      await typeInto(page, 'q3-2012', 'revenue', '25000');
      await page.click('.open-scenarios');
      await page.fill('#save-name', 'Kept for the visit');
      await page.press('#save-name', 'Enter');
      await eventually(() => page.locator('.storage-notice').count(), 1, 'one notice');
      assert.match(await page.locator('.storage-notice').textContent(), says);
      await expectValue(page, 'q3-2012', 'revenue', '25000');
      await expectValue(page, '9m-2012', 'revenue', '68381');
      await page.click('li[data-scenario="Kept for the visit"] button.open');
      await page.click('.storage-notice button.dismiss');
      await typeInto(page, 'q3-2012', 'revenue', '26000');
      await expectValue(page, 'q3-2012', 'revenue', '26000');
      assert.equal(await page.locator('.storage-notice').count(), 0, 'said once');
      if (what === 'holding data it cannot read') {
        // The unreadable data is kept, not overwritten.
        assert.equal(await page.evaluate(() => localStorage.getItem('qualys-what-if')), '{"format":"qualys-what-if/saved","version":9}');
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('unreadable stored data is replaced only when the user says so', { timeout: TEST_TIMEOUT }, async () => {
    const init = () => { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('qualys-what-if', 'not json at all'); } };
    const { page, context, problems } = await openPage('', { init });
    await eventually(() => page.locator('.storage-notice').count(), 1, 'notice');
    assert.match(await page.locator('.storage-notice').textContent(), /not valid JSON/);
    await page.click('.storage-notice button.discard-stored');
    await typeInto(page, 'q3-2012', 'revenue', '24000');
    await eventually(async () => (await stored(page))?.current, { 'q3-2012.revenue': '24000' }, 'saving again');
    await reload(page);
    await expectValue(page, 'q3-2012', 'revenue', '24000');
    assert.equal(await page.locator('.storage-notice').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
