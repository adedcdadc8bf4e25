// The what-if page in headless Chromium, used the way a person uses it: the first page shows
// every printed figure; typing recomputes on each keystroke; bad text is reported and loses
// nothing; the share link in the fragment restores and is kept up to date.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startHarness, TIMEOUT_MS } from './harness.mjs';
import { allValues, live, cell, changed, eventually, expectValue, input, stillBox, typeInto, value } from './page.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 4;
const RELEASE = fs.readFileSync(path.join(import.meta.dirname, '..', 'data', 'release.md'), 'utf8');

/** The release's markdown tables: rows of [label, ...figures], figures as printed. */
function releaseTables() {
  const tables = [];
  let current = null;
  for (const line of RELEASE.split('\n')) {
    if (!line.startsWith('|')) {
      current = null;
      continue;
    }
    if (!current) tables.push((current = []));
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.every((c) => /^-*$/.test(c))) continue;
    const [label, ...rest] = cells;
    const figures = rest.filter((c) => c !== '').map((c) => c.replace(/<\/?u>/g, '').replace(/\\\$/g, '').replace(/\s+/g, ''));
    if (label === '' || figures.length === 0) continue; // column headings, captions
    current.push({ label, figures });
  }
  return tables;
}

describe('the what-if page', { concurrency: 1, timeout: TEST_TIMEOUT * 12 }, () => {
  let h;
  before(async () => { h = await startHarness(); }, { timeout: TEST_TIMEOUT });
  after(async () => { await h?.close(); }, { timeout: TEST_TIMEOUT });

  async function openPage(fragment = '', where = 'sub') {
    const { page, problems } = await h.open((where === 'root' ? h.rootUrl : h.subUrl) + fragment);
    await live(page);
    return { page, problems };
  }

  test('the first page shows every printed figure, in the release\'s order and wording', { timeout: TEST_TIMEOUT }, async () => {
    for (const where of ['root', 'sub']) {
      const { page, problems } = await openPage('', where);
      const shown = await page.$$eval('section.statement:not(.narrative):not(.guidance):not(.bridges):not(.ties)', (sections) =>
        sections.map((s) =>
          [...s.querySelectorAll('tbody tr:not(.heading):not(.added)')].map((tr) => ({
            label: tr.querySelector('th').textContent.trim(),
            // The page's estimates (Q4 and the year) are not printed in the release.
            figures: [...tr.querySelectorAll('td.num:not(.estimate)')].map((td) => {
              const i = td.querySelector('input');
              return (i ? i.value : td.textContent).trim();
            }),
          })),
        ),
      );
      const release = releaseTables();
      assert.equal(shown.length, release.length, 'one table on the page per table of the release');
      let compared = 0;
      release.forEach((rows, t) => {
        assert.equal(shown[t].length, rows.length, `table ${t + 1}: rows`);
        rows.forEach((row, r) => {
          assert.equal(shown[t][r].label, row.label, `table ${t + 1}, row ${r + 1}`);
          assert.deepEqual(shown[t][r].figures.filter((f) => f !== ''), row.figures, `${row.label}`);
          compared += row.figures.length;
        });
      });
      assert.equal(compared, 376, 'every printed figure compared');
      assert.equal(await page.locator('.moved').count(), 0, 'nothing is marked as moved');
      assert.equal(new URL(page.url()).hash, '', 'no fragment for the release itself');
      assert.deepEqual(problems, []);
    }
  });

  test('stock-based compensation moves the non-GAAP figures and nothing GAAP, on each keystroke', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const before = await allValues(page);
    const entries = await page.evaluate(() => history.length);
    await typeInto(page, 'q3-2012', 'sbc_sales_and_marketing', '5');
    await expectValue(page, 'q3-2012', 'sbc_total', '683');
    await page.keyboard.type('00');
    await expectValue(page, 'q3-2012', 'sbc_total', '1178');
    await expectValue(page, 'q3-2012', 'adjusted_ebitda', '4750');
    const after = await allValues(page);
    const expected = [];
    for (const p of ['q3-2012', '9m-2012']) {
      for (const l of ['sbc_sales_and_marketing', 'sbc_total', 'non_gaap_income_from_operations', 'non_gaap_operating_margin',
        'non_gaap_net_income', 'non_gaap_net_income_to_common', 'non_gaap_eps_basic', 'non_gaap_eps_diluted',
        'adjusted_ebitda', 'adjusted_ebitda_margin']) expected.push(`${p}.${l}`);
    }
    // The fourth quarter follows the third; the year adds it to nine months; what the year's
    // guidance leaves for the fourth quarter falls with nine months' non-GAAP net income.
    for (const p of ['q4-2012', 'fy-2012']) {
      for (const l of ['sbc_sales_and_marketing', 'sbc_total', 'non_gaap_income_from_operations', 'non_gaap_operating_margin',
        'non_gaap_net_income', 'non_gaap_eps_diluted', 'adjusted_ebitda', 'adjusted_ebitda_margin']) expected.push(`${p}.${l}`);
    }
    for (const l of ['implied_non_gaap_net_income_low', 'implied_non_gaap_net_income_high', 'implied_non_gaap_eps_diluted_low',
      'implied_non_gaap_eps_diluted_high']) expected.push(`q4-2012.${l}`);
    // The narrative's growth rates, shown for the quarter.
    expected.push('q3-2012.non_gaap_income_from_operations_growth', 'q3-2012.adjusted_ebitda_growth');
    expected.push('9m-2012.cash_from_operations', '9m-2012.net_change_in_cash', '9m-2012.cash_ending',
      '2012-09-30.cash', '2012-09-30.total_current_assets', '2012-09-30.total_assets',
      // Paid-in capital grows by the compensation: the balance sheet stays balanced.
      '2012-09-30.additional_paid_in_capital', '2012-09-30.total_stockholders_equity', '2012-09-30.total_liabilities_and_equity');
    assert.deepEqual(changed(before, after), expected.sort());
    await expectValue(page, '9m-2012', 'sbc_total', '2734');
    await expectValue(page, 'q3-2012', 'adjusted_ebitda', '4750');
    assert.equal((await cell(page, 'q3-2012', 'non_gaap_eps_diluted').textContent()).replace(/[▲▼◆]/g, '').trim(), '0.11');
    await expectValue(page, 'q3-2012', 'net_income', '1667');
    // The address follows, without a history entry per keystroke.
    await eventually(async () => new URL(page.url()).hash, '#v=1&q3-2012.sbc_sales_and_marketing=500', 'fragment');
    assert.equal(await page.evaluate(() => history.length), entries);
    // The edited field and the moved figures are marked, and not by colour alone.
    assert.equal(await page.locator('td.edited .mark').count() >= 1, true);
    assert.match(await cell(page, 'q3-2012', 'sbc_total').textContent(), /▲/);
    assert.deepEqual(problems, []);
  });

  test('revenue flows to nine months, bookings, EPS and the balance sheet', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'revenue', '24,382');
    await page.keyboard.press('Enter');
    await eventually(() => input(page, 'q3-2012', 'revenue').inputValue(), '24,382', 'formatted on Enter');
    const expect = {
      '9m-2012.revenue': '67763', '4q-2012.revenue': '88416', '4q-2012.four_quarter_bookings': '99696',
      'q3-2012.net_income': '2667', '9m-2012.net_income': '2105', '2012-09-30.accumulated_deficit': '-74267',
      '2012-09-30.cash': '26804', '2012-09-30.total_assets': '78836', '2012-09-30.total_liabilities_and_equity': '78836',
      'q3-2011.revenue': '19375',
    };
    for (const [key, v] of Object.entries(expect)) {
      const [p, l] = key.split('.');
      await expectValue(page, p, l, v);
    }
    assert.equal((await cell(page, 'q3-2012', 'eps_diluted').textContent()).replace(/[▲▼◆]/g, '').trim(), '0.10');
    // Screen readers hear the change, politely, and what it moved among the headline figures,
    // whose cards they would not see change.
    const said = () => page.locator('[aria-live="polite"][aria-atomic="true"]').textContent();
    const heard = 'Revenues, Q3 2012: 24,382 (reported 23,382). Now GAAP diluted EPS 0.10, Non-GAAP diluted EPS 0.14, Non-GAAP net income 3,694, Adjusted EBITDA 5,599, Four-Quarter Bookings 99,696, Revenues, FY 2012 estimate 92,063.';
    await eventually(said, heard, 'announcement');
    // A field passed through says nothing: it would talk over the cell moved to.
    await input(page, 'q3-2012', 'cost_of_revenue').click();
    await page.keyboard.press('Tab');
    await page.waitForTimeout(200);
    assert.equal(await said(), heard, 'nothing new');
    // Undo and redo say what they changed.
    await page.click('header .undo');
    await eventually(said, 'Undone. Revenues, Q3 2012: 23,382, as reported.', 'undo');
    await page.click('header .redo');
    await eventually(said, 'Redone. Revenues, Q3 2012: 24,382 (reported 23,382).', 'redo');
    assert.deepEqual(problems, []);
  });

  test('the caret stays where the person is typing', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const field = input(page, 'q3-2012', 'revenue');
    await field.click();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('9');
    await expectValue(page, 'q3-2012', 'revenue', '293382');
    assert.equal(await field.inputValue(), '293,382');
    assert.equal(await field.evaluate((el) => el.selectionStart), 2, 'caret right after the typed digit');
    await page.keyboard.type('1');
    await eventually(() => field.inputValue(), '2913,382', 'text as typed');
    assert.equal(await field.getAttribute('aria-invalid'), 'true', 'misplaced grouping is refused');
    assert.equal(await field.evaluate((el) => el.selectionStart), 3);
    assert.deepEqual(problems, []);
  });

  test('deferred revenue is one figure in the balance sheet and the bookings table', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await typeInto(page, '4q-2012', 'deferred_revenue_current_ending', '55000');
    await page.keyboard.press('Tab');
    await expectValue(page, '2012-09-30', 'deferred_revenue_current', '55000');
    assert.equal(await input(page, '2012-09-30', 'deferred_revenue_current').inputValue(), '55,000');
    await expectValue(page, '4q-2012', 'four_quarter_bookings', '102003');
    await expectValue(page, '9m-2012', 'change_deferred_revenue', '9722');
    await eventually(async () => new URL(page.url()).hash, '#v=1&2012-09-30.deferred_revenue_current=55000', 'fragment');
    assert.deepEqual(problems, []);
  });

  test('share counts change EPS and nothing in other periods', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const before = await allValues(page);
    await typeInto(page, 'q3-2012', 'shares_basic', '6000');
    await expectValue(page, 'q3-2012', 'shares_diluted', '26702');
    const after = await allValues(page);
    assert.deepEqual(changed(before, after), [
      'q3-2012.eps_basic', 'q3-2012.eps_diluted', 'q3-2012.net_income_to_common_basic', 'q3-2012.net_income_to_participating',
      'q3-2012.non_gaap_eps_basic', 'q3-2012.non_gaap_eps_diluted', 'q3-2012.non_gaap_net_income_to_common',
      'q3-2012.shares_basic', 'q3-2012.shares_diluted', 'q3-2012.undistributed_earnings_reallocated',
    ]);
    await expectValue(page, 'q3-2012', 'shares_diluted', '26702');
    assert.deepEqual(problems, []);
  });

  test('a ratio to a base below zero reads n.m. with its exact value kept, and a headline card says zero as $0K', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await typeInto(page, 'q3-2011', 'revenue', '-100');
    // (23,382 + 100) ÷ −100: a sign that says the opposite of what happened.
    await expectValue(page, 'q3-2012', 'revenue_growth', '-23482');
    const growth = page.locator('.card [data-period="q3-2012"][data-line="revenue_growth"]');
    assert.match(await growth.textContent(), /^◆?n\.m\.$/);
    assert.match(await cell(page, 'q3-2011', 'gross_margin').textContent(), /^◆?n\.m\.$/);
    await growth.click();
    assert.match(await page.locator('aside.explain').textContent(), /a ratio to a base below zero, which releases print as n\.m\. \(not meaningful\)/);
    await page.locator('aside.explain').getByRole('button', { name: 'Close' }).click();
    await typeInto(page, 'q3-2012', 'revenue', '0');
    const revenue = page.locator('.card-value:has([data-period="q3-2012"][data-line="revenue"])');
    await eventually(async () => (await revenue.textContent()).trim(), '$0K', 'a zero in a card');
    // Zero revenue makes no margin: a dash, with no "$" before it.
    await expectValue(page, 'q3-2012', 'adjusted_ebitda_margin', '');
    assert.equal(await page.locator('.card-beside:has([data-line="adjusted_ebitda_margin"])').evaluate((el) => el.textContent.trim()), '— of revenues');
    assert.deepEqual(problems, []);
  });

  test('invalid text gets its message, keeps the last valid value and loses nothing', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'cost_of_revenue', '5000x');
    const field = input(page, 'q3-2012', 'cost_of_revenue');
    await eventually(() => field.getAttribute('aria-invalid'), 'true', 'aria-invalid');
    await eventually(() => field.getAttribute('data-value'), '5000', 'the last valid value');
    await expectValue(page, 'q3-2012', 'gross_profit', '18382');
    const message = page.locator(`#${await field.getAttribute('aria-describedby')}`);
    assert.match(await message.textContent(), /Not a number/);
    // Nothing typed whole reached the address: the half-typed 5000 is the page's, not the link's.
    await page.waitForTimeout(150);
    assert.equal(new URL(page.url()).hash, '', 'no half-typed value in the link');
    // Leaving with text that cannot be used puts the field and the model back, and says so.
    await page.keyboard.press('Tab');
    await eventually(() => field.inputValue(), '4,634', 'back to the value from before this edit');
    assert.equal(await field.getAttribute('aria-invalid'), null);
    await expectValue(page, 'q3-2012', 'gross_profit', '18748');
    const note = page.locator('td:has(input[data-period="q3-2012"][data-line="cost_of_revenue"]) .field-note');
    assert.equal(await note.textContent(), '“5000x” was not used. Not a number. Use digits, e.g. 1,234 or (1,234). Kept 4,634.');
    // It stays while another field is edited, until this one is.
    await input(page, 'q3-2012', 'revenue').click();
    await page.keyboard.press('Escape');
    assert.equal(await note.count(), 1, 'the note stays beside its field');
    await page.waitForTimeout(150);
    assert.equal(new URL(page.url()).hash, '', 'nothing reached the link');
    assert.equal(await page.locator('header .undo').isDisabled(), true, 'nor the undo history');
    await field.click();
    assert.equal(await note.count(), 0, 'gone once its field is edited again');
    // With the release on screen, Reset all has nothing to do for a field merely entered,
    // and clears one holding text that cannot be used.
    const resetAll = page.locator('header .reset-all');
    assert.equal(await resetAll.isDisabled(), true, 'a field entered is nothing to reset');
    await page.keyboard.type('x');
    await eventually(() => resetAll.isDisabled(), false, 'text that cannot be used is');
    await resetAll.click();
    await eventually(() => field.inputValue(), '4,634', 'cleared');
    await field.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5000');
    await eventually(() => field.getAttribute('aria-invalid'), null, 'valid');
    await page.keyboard.type('.1234');
    assert.match(await message.textContent(), /Too many decimals/);
    await page.keyboard.press('Escape');
    await eventually(() => field.inputValue(), '4,634', 'Escape restores the value from before this edit');
    assert.equal(await field.getAttribute('aria-invalid'), null);
    await expectValue(page, 'q3-2012', 'gross_profit', '18748');
    // Pasted: a row or a column of a spreadsheet is several figures, and says so (a field would
    // join a column's cells with a space: "1,234 567"); one cell, copied with a line break after
    // it, is one. A figure grouped by a document's no-break spaces, or in full-width digits (a
    // Japanese keyboard), is one too.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const several = 'One figure at a time: this holds several (a pasted row or column).';
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('5,000\t4,800');
    await eventually(() => message.textContent(), several, 'a pasted row');
    for (const [cells, want] of [['1,234\r\n567\r\n', null], ['5,100\r\n', '5100'], ['123\n456', null]]) {
      await page.keyboard.press('Control+A');
      await page.evaluate((text) => navigator.clipboard.writeText(text), cells);
      await page.keyboard.press('Control+V');
      if (want) await expectValue(page, 'q3-2012', 'cost_of_revenue', want);
      else await eventually(() => message.textContent(), several, `a pasted column ${JSON.stringify(cells)}`);
    }
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('5\u00a0000');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5000');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('４，９００');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4900');
    await page.keyboard.press('Escape');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4634');
    assert.deepEqual(problems, []);
  });

  test('interest expense is typed as a positive expense and shown in parentheses', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const field = input(page, 'q3-2012', 'interest_expense');
    assert.equal(await field.inputValue(), '(38)');
    await field.click();
    await eventually(() => field.inputValue(), '38', 'typed as a positive expense');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('138');
    await page.keyboard.press('Enter');
    await eventually(() => field.inputValue(), '(138)', 'shown in parentheses');
    // Focused without the mouse (as by Tab), typing replaces the whole figure.
    await input(page, 'q3-2011', 'interest_expense').focus();
    await page.keyboard.type('40');
    await expectValue(page, 'q3-2011', 'interest_expense', '40');
    await expectValue(page, 'q3-2012', 'interest_expense', '138');
    await expectValue(page, 'q3-2012', 'net_income', '1567');
    assert.deepEqual(problems, []);
  });

  test('reset one figure, then everything', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('#v=1&q3-2012.revenue=30000&q3-2012.cost_of_revenue=5000');
    await expectValue(page, 'q3-2012', 'gross_profit', '25000');
    await page.getByRole('button', { name: /Reset Revenues, three months ended September 30, 2012/ }).click();
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    await eventually(async () => new URL(page.url()).hash, '#v=1&q3-2012.cost_of_revenue=5000', 'fragment');
    await page.getByRole('button', { name: 'Reset all' }).click();
    await expectValue(page, 'q3-2012', 'gross_profit', '18748');
    await eventually(async () => new URL(page.url()).hash, '', 'no fragment once all is reset');
    assert.deepEqual(problems, []);
  });

  test('a share link restores its scenario; a bad one is reported and the rest loads', { timeout: TEST_TIMEOUT }, async () => {
    let { page, problems } = await openPage('#v=1&q3-2012.sbc_sales_and_marketing=500&2012-09-30.deferred_revenue_current=55000');
    await expectValue(page, 'q3-2012', 'sbc_total', '1178');
    await expectValue(page, '4q-2012', 'four_quarter_bookings', '102003');
    assert.equal(await page.locator('.link-problems').count(), 0);
    assert.deepEqual(problems, []);

    ({ page, problems } = await openPage('#v=1&q3-2012.revenue=abc&q3-2012.gross_profit=1&q3-2012.cost_of_revenue=5000&x9.revenue=1'));
    const report = page.locator('.link-problems');
    await report.waitFor();
    const text = await report.textContent();
    for (const part of ['q3-2012.revenue=abc', 'q3-2012.gross_profit', 'x9.revenue']) assert.ok(text.includes(part), `${part} named`);
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5000');
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    // Dismissed from the keyboard, the notice takes its button away: the focus goes on to what
    // is below it, not to the page's start.
    await report.locator('button').focus();
    await page.keyboard.press('Enter');
    await eventually(() => report.count(), 0, 'dismissed');
    await eventually(() => page.evaluate(() => document.activeElement.matches('main .contents a')), true, 'the focus on the contents');

    // A changed fragment (a pasted link, back or forward) loads its scenario.
    await page.evaluate(() => { location.hash = '#v=1&q3-2012.revenue=25000'; });
    await page.waitForFunction(() => document.querySelector('[data-period="q3-2012"][data-line="revenue"]').dataset.value === '25000');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4634');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[data-period="q3-2012"][data-line="revenue"]').dataset.value === '23382');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5000');
    assert.deepEqual(problems, []);
  });

  test('a moved figure\'s "reported" note lies over the cell below without taking its click', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('#v=1&q3-2012.revenue=25000');
    const cash = page.locator('td.moved [data-period="2012-09-30"][data-line="cash"]').first();
    await cash.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await stillBox(cash);
    await cash.hover();
    const receivables = input(page, '2012-09-30', 'accounts_receivable');
    const box = await stillBox(receivables);
    // The note is shown, and reaches over the field below.
    const note = await cash.evaluate((el) => { const s = getComputedStyle(el, '::after'); return s.content; });
    assert.match(note, /reported/);
    // The field's top edge, under the note.
    await page.mouse.click(box.x + box.width / 2, box.y + 4);
    assert.equal(await receivables.evaluate((el) => el === document.activeElement), true, 'the field below has the focus');
    assert.equal(await page.locator('aside.explain').count(), 0, 'no derivation opened');
    assert.deepEqual(problems, []);
  });

  test('a figure explains how it is computed', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await cell(page, 'q3-2012', 'gross_profit').click();
    const panel = page.locator('aside.explain');
    await panel.waitFor();
    assert.match(await panel.textContent(), /Gross profit 18,748 = Revenues 23,382 − Cost of revenues 4,634/);
    assert.match(await panel.textContent(), /Feeds.*Income from operations 1,721/);
    await panel.getByRole('button', { name: 'Close' }).click();
    assert.equal(await panel.count(), 0);
    assert.deepEqual(problems, []);
  });

  test('a link whose = and & a mail or chat program percent-escaped opens its scenario, dimmed until then', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('#v%3D1%26q3-2012.revenue%3D25000');
    await expectValue(page, 'q3-2012', 'revenue', '25000');
    await expectValue(page, 'q3-2012', 'gross_profit', '20366');
    assert.equal(await page.locator('.link-problems').count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pending')), false, 'no longer pending once live');
    assert.deepEqual(problems, []);
  });

  test('a printout starts with the scenario\'s edits, its link and the date; the screen does not show them', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('#v=1&sbc=on-top&q3-2012.revenue=25000&q3-2012.sbc_cost_of_revenue=100&q4-2012.revenue=26000.5', 'root');
    const summary = page.locator('.print-summary');
    assert.equal(await summary.isVisible(), false, 'not on screen');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await summary.isVisible(), true, 'printed');
    const text = await summary.textContent();
    const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
    assert.match(text, new RegExp(`Printed ${today}\\. This scenario's 3 edits to the release:`));
    assert.match(text, /Revenues, Q3 2012: 25,000 \(reported 23,382\)/);
    // An estimate against its value on the release alone, not a reported figure; as entered.
    assert.match(text, /Revenues, Q4 2012 estimate: 26,000\.5 \(on the release alone 24,300\)/);
    // The reading in force, which moves every GAAP expense line, said in words.
    assert.match(text, /Stock-based compensation edits are read on top of the GAAP expense lines/);
    assert.match(text, /#v=1&sbc=on-top&/);
    // The screen's legend is not printed: what paper needs of it is said here.
    assert.equal(await page.locator('.legend').first().isVisible(), false);
    assert.match(text, /a Q4 figure in italic still follows Q3\. ▲▼: moved from the release/);
    // First on the page, before the headline figures.
    const first = await page.evaluate(() => document.querySelector('main').querySelector('.print-summary, .headlines, [data-value]').className);
    assert.match(first, /print-summary/);
    assert.deepEqual(problems, []);
  });


  test('printed on a portrait page (A4, 10 mm margins: 718 px), every table fits, its estimate columns too', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.rootUrl + '#v=1&q3-2012.revenue=25000&q4-2012.revenue=24100', { viewport: { width: 718, height: 1000 } });
    await live(page);
    await page.emulateMedia({ media: 'print' });
    const wider = await page.evaluate(() => [...document.querySelectorAll('main table')]
      .filter((t) => t.getBoundingClientRect().right > innerWidth + 0.5)
      .map((t) => `${t.closest('section')?.id}: ${Math.round(t.getBoundingClientRect().width)} px`));
    assert.deepEqual(wider, []);
    // On paper a chart names the period it shows, without the buttons for the others.
    const periods = await page.locator('#bridges .picker button').evaluateAll((bs) => bs.filter((b) => b.checkVisibility()).length);
    assert.equal(periods, await page.locator('#bridges .bridge').count());
    assert.equal(await page.locator('#bridges .screen-only').isVisible(), false);
    // An edited figure is marked by its underline and its "was" line: the ✎ beside its field
    // would sit against the figure to its left in a printed column.
    assert.equal(await page.locator('td.edited .field-wrap .mark').first().isVisible(), false);
    // A long table goes on over the page, whole rows at a time, rather than leave half a page
    // blank before it; a chart, and a short table, stay whole.
    const breaks = await page.evaluate(() => Object.fromEntries(['#balance_sheets', '#ties', '#bookings', '#bridges .bridge', '#balance_sheets tr']
      .map((s) => [s, getComputedStyle(document.querySelector(s)).breakInside])));
    assert.deepEqual(breaks, { '#balance_sheets': 'auto', '#ties': 'auto', '#bookings': 'avoid', '#bridges .bridge': 'avoid', '#balance_sheets tr': 'avoid' });
    assert.deepEqual(problems, []);
  });
  test('a table scrolled sideways keeps its headings\' text in view, within the screen', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await live(page);
    const frame = page.locator('#non_gaap .scroll');
    await frame.scrollIntoViewIfNeeded();
    await frame.evaluate((el) => { el.scrollLeft = 300; });
    await eventually(() => frame.evaluate((el) => el.scrollLeft > 100), true, 'scrolled sideways');
    const [count, out] = await page.$$eval('#non_gaap tr.heading th', (ths) => {
      const f = document.querySelector('#non_gaap .scroll').getBoundingClientRect();
      const text = (th) => { const r = document.createRange(); r.selectNodeContents(th); return r.getBoundingClientRect(); };
      return [ths.length, ths.map((th) => [th.textContent, text(th)]).filter(([, r]) => r.left < f.left - 1 || r.right > f.right + 1).map(([t]) => t)];
    });
    assert.ok(count >= 4, `the non-GAAP table's headings (${count})`);
    assert.deepEqual(out, [], 'every heading\'s text is within the frame');
    assert.deepEqual(problems, []);
  });
  test('on a phone, whose number pad may have no minus key, ± turns the sign of what is typed and keeps the field', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await live(page);
    const field = input(page, 'q3-2012', 'other_income_expense_net');
    await field.scrollIntoViewIfNeeded();
    await field.tap();
    const turn = page.locator('#operations td:has(> .field-wrap input[data-period="q3-2012"][data-line="other_income_expense_net"]) button.turn-sign');
    await turn.waitFor();
    await page.keyboard.type('250');
    await expectValue(page, 'q3-2012', 'other_income_expense_net', '250');
    await turn.tap();
    await expectValue(page, 'q3-2012', 'other_income_expense_net', '-250');
    assert.equal(await field.inputValue(), '-250');
    // Edited, the field's ✎ would be drawn over the ±: the ± takes its place while typed into.
    const mark = page.locator('#operations td:has(> .field-wrap input[data-period="q3-2012"][data-line="other_income_expense_net"]) .mark');
    assert.equal(await mark.count(), 1, 'edited');
    assert.equal(await mark.isVisible(), false, 'the ✎ not under the ±');
    assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the field keeps the focus');
    await page.keyboard.type('0');
    await expectValue(page, 'q3-2012', 'other_income_expense_net', '-2500');
    await turn.tap();
    await expectValue(page, 'q3-2012', 'other_income_expense_net', '2500');
    // Ctrl+Z (a keyboard beside the touch screen) takes back the typing, ± and all.
    await page.keyboard.press('Control+z');
    await expectValue(page, 'q3-2012', 'other_income_expense_net', '60');
    assert.equal(await field.inputValue(), '60', "the field's text");
    // A field just entered has its figure selected, to be typed over: ± turns that figure
    // (not a lone minus, which left nothing to use), its digits still selected to be typed over.
    const interest = input(page, 'q3-2012', 'interest_income');
    await interest.tap();
    await page.locator('#operations td:has(> .field-wrap input[data-period="q3-2012"][data-line="interest_income"]) button.turn-sign').tap();
    await eventually(() => interest.inputValue(), '-1', 'the figure turned');
    await expectValue(page, 'q3-2012', 'interest_income', '-1');
    assert.equal(await page.locator('#err-q3-2012-interest_income').count(), 0, 'no complaint');
    await page.keyboard.type('12');
    await expectValue(page, 'q3-2012', 'interest_income', '-12');
    // Where brackets read as the table prints them, (50) is an expense of 50, and ± makes it
    // income: the brackets were no sign to take away (it left 50, the same expense).
    const expense = input(page, 'q3-2012', 'interest_expense');
    await expense.tap();
    await page.keyboard.type('(50)');
    await expectValue(page, 'q3-2012', 'interest_expense', '50');
    await page.locator('#operations td:has(> .field-wrap input[data-period="q3-2012"][data-line="interest_expense"]) button.turn-sign').tap();
    await expectValue(page, 'q3-2012', 'interest_expense', '-50');
    assert.equal(await expense.inputValue(), '-50');
    // A share count cannot be negative: no ±.
    await input(page, 'q3-2012', 'shares_basic').tap();
    assert.equal(await page.locator('td:has(> .field-wrap input[data-line="shares_basic"]) button.turn-sign').count(), 0);
    assert.deepEqual(problems, []);
    // With a mouse, the keyboard has its minus key: no ±.
    const desk = await h.open(h.subUrl, { viewport: { width: 1280, height: 900 } });
    await live(desk.page);
    await input(desk.page, 'q3-2012', 'revenue').click();
    await desk.page.keyboard.type('1');
    assert.equal(await desk.page.locator('button.turn-sign').isVisible(), false);
    assert.deepEqual(desk.problems, []);
  });

  test('on a phone the tables scroll sideways with their labels in view', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl, { viewport: { width: 390, height: 844 } });
    await live(page);
    const scroller = page.locator('#operations .scroll');
    const wide = await scroller.evaluate((el) => el.scrollWidth > el.clientWidth);
    assert.ok(wide, 'the table is wider than the phone');
    await scroller.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    const label = page.locator('#operations tbody th').first();
    const box = await label.boundingBox();
    assert.ok(box.x >= 0 && box.x < 40, `label stays at the left edge, x=${box.x}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'the page itself does not scroll sideways');
    assert.deepEqual(problems, []);
    // On a wide screen the table fits its frame: its labels need not be sticky, and are not
    // (each sticky label is a layer that every keystroke's frame pays for).
    const wide_ = await h.open(h.subUrl, { viewport: { width: 1280, height: 900 } });
    await live(wide_.page);
    const frame = wide_.page.locator('#operations .scroll');
    assert.equal(await frame.evaluate((el) => el.scrollWidth > el.clientWidth), false, 'the table fits at 1280 px');
    assert.equal(await wide_.page.locator('#operations tbody th').first().evaluate((el) => getComputedStyle(el).position), 'static');
    assert.deepEqual(wide_.problems, []);
  });

  test('the page is about as tall before the statements have been on screen as after: the scrollbar barely moves while reading down', { timeout: TEST_TIMEOUT }, async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const { page, problems } = await h.open(h.subUrl, { viewport });
      await page.locator('main.settled').waitFor({ timeout: TIMEOUT_MS });
      const height = () => page.evaluate(() => document.documentElement.scrollHeight);
      const before = await height();
      // Read down the page: each statement is laid out as it comes near the screen, and then
      // keeps its real height instead of the estimate.
      for (let y = 0; y < before + 2000; y += viewport.height / 2) {
        await page.evaluate((y) => new Promise((r) => { scrollTo(0, y); requestAnimationFrame(() => requestAnimationFrame(r)); }), y);
      }
      const after = await height();
      assert.ok(Math.abs(after - before) <= 0.03 * after, `${viewport.width} px: ${before} px estimated, ${after} px once read`);
      assert.deepEqual(problems, []);
    }
  });

  test('a line shown with its sign turned says, while typed into, how it read the number', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl);
    await live(page);
    // Interest expense is typed as the expense (38 for "(38)"), or in brackets as the table
    // prints it: "(50)" is an expense of 50, as "50" is; a minus turns it (it gave -50).
    const field = input(page, 'q3-2012', 'interest_expense');
    await field.click();
    assert.equal(await field.inputValue(), '38', 'typed into, the field holds the expense');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('(50)');
    const reading = field.locator('xpath=ancestor::td').locator('.reading');
    await eventually(() => reading.textContent(), 'Read as Interest expense 50: shown as (50)', 'the reading');
    await expectValue(page, 'q3-2012', 'interest_expense', '50');
    await expectValue(page, 'q3-2012', 'net_income', '1655');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('-50');
    await eventually(() => reading.textContent(), 'Read as Interest expense -50: shown as 50', 'a minus turns it');
    await expectValue(page, 'q3-2012', 'interest_expense', '-50');
    await page.keyboard.press('Tab');
    assert.equal(await reading.count(), 0, 'said only while typing');
    assert.equal(await field.inputValue(), '50', 'income, shown as the table shows it');
    // Typed into again, the income is written with a minus, which reads back as it: brackets
    // would read as the table's, an expense.
    await field.click();
    assert.equal(await field.inputValue(), '-50');
    await page.keyboard.press('Tab');
    await expectValue(page, 'q3-2012', 'interest_expense', '-50');
    // The EBITDA table's other (income) expense, whose label reads that way, is typed as it
    // shows: income in brackets, (100) income of 100 (it was taken for an expense), and 500
    // an expense (it was taken for income).
    const other = page.locator('#ebitda input[data-period="q3-2012"][data-line="other_income_expense_net"]');
    await other.click();
    assert.equal(await other.inputValue(), '(60)', 'typed into, the field holds the income as shown');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('(100)');
    await expectValue(page, 'q3-2012', 'other_income_expense_net', '100');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('500');
    await expectValue(page, 'q3-2012', 'other_income_expense_net', '-500');
    await page.keyboard.press('Tab');
    assert.equal(await other.inputValue(), '500');
    assert.deepEqual(problems, []);
  });

  test('a derivation\'s equation adds up when its inputs have decimals', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl + '#v=1&q3-2012.research_and_development=5076.5&q3-2012.sales_and_marketing=8797.5&q3-2012.general_and_administrative=3154.4');
    await live(page);
    await page.locator('#operations [data-line="total_operating_expenses"][data-period="q3-2012"]').first().click();
    const formula = page.locator('aside.explain .formula').first();
    await eventually(() => formula.textContent(),
      'Total operating expenses 17,028.4 = Research and development 5,076.5 + Sales and marketing 8,797.5 + General and administrative 3,154.4', 'exact terms');
    // The tree below writes each term as the equation does: it had the table's 5,077.
    const term = (key) => page.locator(`aside.explain li:has(> button[data-explains="${key}"]) > .v`).first().textContent();
    assert.equal(await term('q3-2012.research_and_development'), '5,076.5');
    assert.equal(await term('q3-2012.general_and_administrative'), '3,154.4');
    // The figure itself is as the tables show it, the exact one beside it; what it feeds, as the
    // tables show it (income from operations, 1,687.6 exactly, had its decimals).
    assert.match(await page.locator('aside.explain .explain-value').textContent(), /^17,028 \(exactly 17,028\.4; reported [\d,]+\)$/);
    const feeds = await page.locator('aside.explain h3:text-is("Feeds") + ul .v').allTextContents();
    assert.ok(feeds.length > 0 && feeds.every((t) => /^[\d,()]+$/.test(t)), `rounded as in the tables: ${feeds}`);
    assert.deepEqual(problems, []);
  });

  test('a chart\'s bar whose derivation opens is brought into view beside the panel, as a figure is', { timeout: TEST_TIMEOUT }, async () => {
    for (const phone of [true, false]) {
      const { page, problems } = await h.open(h.subUrl, phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } });
      await live(page);
      // The net income bridge's first bar, at the bottom of the window: on a phone the panel is
      // a sheet over the lower half; wider, it takes the right and the charts wrap below.
      const bar = page.locator('.bridge').nth(1).locator('g.bar').first();
      await bar.evaluate((el) => scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 20));
      if (phone) await bar.tap(); else { await bar.focus(); await page.keyboard.press('Enter'); }
      await page.locator('aside.explain').waitFor();
      const clear = () => page.evaluate(() => {
        const [g, panel] = [document.activeElement, document.querySelector('aside.explain')].map((e) => e.getBoundingClientRect());
        const beside = panel.left > 0;
        return document.activeElement.matches('g.bar') && g.top >= 0 && (beside ? g.bottom <= innerHeight && g.right <= panel.left : g.bottom <= panel.top);
      });
      await eventually(clear, true, `${phone ? 'phone' : 'desktop'}: the bar in view, clear of the panel`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('a period at a loss is said above the tables whose diluted figures follow the rule for one', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl + '#v=1&q3-2012.revenue=21000');
    await live(page);
    // Net income (715) in the quarter, (1,277) in nine months: diluted EPS is basic EPS there,
    // beside a diluted share count it does not use. Non-GAAP net income is still a profit.
    const note = (table) => page.locator(`#${table} p.note.loss`);
    await eventually(() => note('per_share').textContent().then((t) => t.startsWith('Q3 2012 and 9M 2012 are at a loss: diluted EPS is basic EPS')), true, 'said');
    assert.equal(await note('non_gaap').count(), 0, 'non-GAAP is a profit');
    await typeInto(page, 'q3-2012', 'revenue', '23382');
    await eventually(() => note('per_share').count(), 0, 'gone with the loss');
    assert.deepEqual(problems, []);
  });

  test('a figure moved by less than its rounding says by how much, not "as reported"', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl + '#v=1&q3-2012.research_and_development=5076.5');
    await live(page);
    // Net income 1,666.5 × 1,664 ÷ 1,667 is 1,663.5009…: shown as the reported 1,664.
    await page.locator('#per_share [data-line="net_income_to_common_diluted"][data-period="q3-2012"]').first().click();
    const value = page.locator('aside.explain .explain-value');
    await eventually(() => value.textContent().then((t) => /^1,664 \(exactly 1,663\.5008\d+…; reported 1,664\)$/.test(t)), true, 'exactly, beside the reported');
    // Unmoved, it is as reported.
    await page.locator('#operations [data-line="gross_profit"][data-period="q3-2011"]').first().click();
    await eventually(() => value.textContent(), '16,150 as reported', 'an unmoved figure');
    assert.deepEqual(problems, []);
  });

  test('a derivation\'s tree lists what a formula holds fixed, so that its terms add up', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl + '#v=1&q3-2012.cost_of_revenue=4634.5');
    await live(page);
    await page.locator('#operations [data-line="gross_profit"][data-period="9m-2012"]').first().click();
    // Nine months' cost of revenues, 13,423.5, is the first six months, 8,789, + the quarter's 4,634.5.
    const cost = page.locator('aside.explain li:has(> button[data-explains="9m-2012.cost_of_revenue"])').first();
    await eventually(() => cost.locator('> .v').textContent(), '13,423.5', 'the term');
    assert.equal(await cost.locator('> details > summary').textContent(), 'from 1 figure and 1 number held fixed');
    assert.equal(await cost.locator('> details > ul > li.fixed').textContent(), 'the first six months as reported [8,789] held fixed');
    assert.equal(await cost.locator('button[data-explains="q3-2012.cost_of_revenue"] + .v').textContent(), '4,634.5');
    assert.deepEqual(problems, []);
  });

  test('a derivation whose rounded figures do not add up shows the exact ones beside them', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl + '#v=1&q3-2012.sbc_sales_and_marketing=500&2012-09-30.deferred_revenue_current=55000&q3-2012.revenue=25000');
    await live(page);
    await page.locator('#per_share [data-line="undistributed_earnings_reallocated"][data-period="9m-2012"]').first().click();
    const formulas = page.locator('aside.explain .formula');
    await eventually(() => formulas.first().textContent().then((t) => /2,068 = .*2,718 .*651/.test(t)), true, 'rounded: 2,718 − 651 is 2,067');
    assert.match(await page.locator('aside.explain .formula.exactly').textContent(), /^Each figure is rounded; exactly, .* 2,067\.5\d*… = .*2,718\.0\d*… .*650\.5\d*…$/);
    // Where the figures shown add up, no such line.
    await page.locator('#operations [data-line="gross_profit"][data-period="q3-2012"]').first().click();
    await eventually(() => formulas.first().textContent().then((t) => t.startsWith('Gross profit')), true, 'the next derivation');
    assert.equal(await page.locator('aside.explain .formula.exactly').count(), 0);
    assert.deepEqual(problems, []);
  });

  test('a bridge\'s step shows which way it moves the total: a fall in deferred revenue is a fall, drawn as one', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl + '#v=1&2012-09-30.deferred_revenue_current=38000');
    await live(page);
    const amount = page.locator('#bridge-bookings text.amount[data-line="deferred_revenue_current_change"][data-period="4q-2012"]');
    await amount.scrollIntoViewIfNeeded();
    assert.equal(await amount.getAttribute('data-value'), '-2413');
    assert.equal(await amount.textContent(), '−2,413');
    const bar = page.locator('#bridge-bookings g.bar[aria-label^="Change in current deferred revenues"]');
    assert.match(await bar.getAttribute('class'), /\bdown\b/);
    assert.deepEqual(problems, []);
  });

  test('a contents link brings its statement just below the sticky header, however tall the header is; a phone held sideways keeps the header to one row', { timeout: TEST_TIMEOUT }, async () => {
    for (const viewport of [{ width: 800, height: 900 }, { width: 1280, height: 900 }, { width: 844, height: 390 }]) {
      const { page, problems } = await h.open(h.subUrl, { viewport });
      await live(page);
      const header = await page.locator('header.top').boundingBox();
      if (viewport.height < 500) assert.ok(header.height <= 60, `held sideways, the header is ${header.height} px tall`);
      await page.locator('.contents a[href="#balance_sheets"]').click();
      const top = () => page.locator('#balance_sheets').evaluate((el) => Math.round(el.getBoundingClientRect().top));
      await eventually(async () => { const t = await top(); return t >= header.height && t <= header.height + 16; }, true,
        `${viewport.width} px: the statement lands below the ${header.height} px header, not under it nor far below`);
      assert.deepEqual(problems, []);
    }
  });

  test('on a touch screen wider than a phone (a tablet), every field, button and figure is a 44 px target', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl + '#v=1&q3-2012.revenue=25000', { viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true });
    await live(page);
    const small = await page.evaluate(() => [...document.querySelectorAll('input.field, button, .fig, .contents a')]
      .filter((e) => e.checkVisibility() && e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 43.5)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().height)} px`));
    assert.deepEqual(small, []);
    assert.deepEqual(problems, []);
  });

  test('an edit moves no figure sideways: its ✎, what it was and ↺ take no column width, on a phone or a desktop', { timeout: TEST_TIMEOUT }, async () => {
    for (const opts of [{ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true }, { viewport: { width: 1280, height: 900 } }]) {
      const { page, problems } = await h.open(h.subUrl, opts);
      await live(page);
      const lefts = () => page.evaluate(() => ['q3-2012', 'q3-2011'].flatMap((p) => ['revenue', 'cost_of_revenue'].map((l) =>
        Math.round(document.querySelector(`#operations input[data-line="${l}"][data-period="${p}"]`).getBoundingClientRect().left))));
      const field = page.locator('#operations input[data-line="revenue"][data-period="q3-2012"]');
      await field.scrollIntoViewIfNeeded();
      const before = await lefts();
      await field.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('25000');
      await expectValue(page, 'q3-2012', 'gross_profit', '20366');
      const cell = field.locator('xpath=ancestor::td[1]');
      // On a touch screen, while the figure is typed into, the ± is in the ✎'s place.
      const touch = !!opts.hasTouch;
      assert.equal(await cell.locator('.mark').isVisible(), !touch, touch ? 'the ± in the ✎\'s place' : '✎ shows');
      assert.equal(await cell.locator('button.turn-sign').isVisible(), touch, '± on a touch screen only');
      assert.match(await cell.locator('.was').textContent(), /was 23,382/);
      assert.equal(await cell.locator('button.reset').isVisible(), true, '↺ shows');
      assert.deepEqual(await lefts(), before, `${opts.viewport.width} px: the fields stay where they were`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('a drawer opened from far down the page shows at the top, and closed puts the page back where it was', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.subUrl, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    await live(page);
    // Scrolled in steps, as a reader does, so that what is above has its real height.
    for (let i = 0; i < 30 && await page.evaluate(() => document.querySelector('#cash_flows').getBoundingClientRect().top > 200); i++) {
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(300);
    const where = () => page.evaluate(() => Math.round(document.querySelector('#cash_flows').getBoundingClientRect().top));
    const before = await where();
    assert.ok(await page.evaluate(() => scrollY) > 3000, 'far down');
    // A click as a finger gives it: Playwright's tap would first scroll the page to the button.
    await page.locator('header .open-changes').dispatchEvent('click');
    await page.locator('#drawer .changes').waitFor();
    assert.ok(await page.evaluate(() => document.querySelector('#drawer').getBoundingClientRect().top < innerHeight), 'the drawer is in view');
    await page.locator('header .open-changes').dispatchEvent('click');
    await eventually(() => page.evaluate(() => document.querySelector('#drawer .changes') === null), true, 'closed');
    await eventually(where, before, 'the cash flows back where they were in the window');
    assert.deepEqual(problems, []);
  });

  test('the keys legend shows where there is a mouse, not on a touch screen with none (a phone)', { timeout: TEST_TIMEOUT }, async () => {
    const phone = await h.open(h.subUrl, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await live(phone.page);
    assert.equal(await phone.page.locator('.legend.keys').isVisible(), false, 'hidden on the phone');
    assert.equal(await phone.page.locator('.legend:not(.keys)').isVisible(), true, 'the figures legend stays');
    assert.deepEqual(phone.problems, []);
    const desktop = await h.open(h.subUrl, { viewport: { width: 1280, height: 900 } });
    await live(desktop.page);
    assert.equal(await desktop.page.locator('.legend.keys').isVisible(), true, 'shown with a mouse');
    assert.deepEqual(desktop.problems, []);
  });

  test('on a phone every tool of the header is in reach: Undo, Redo and More in its row, the others below once More is pressed', { timeout: TEST_TIMEOUT }, async () => {
    const onScreen = async (page, selector, width) => {
      const box = await page.locator(selector).boundingBox();
      return !!box && box.x >= 0 && box.x + box.width <= width;
    };
    const others = ['.open-changes', '.open-scenarios', '.open-compare', '.copy-link', '.reset-all'];
    for (const [width, link] of [[390, '#v=1&q3-2012.revenue=25000'], [320, '']]) {
      // At 320 px, as reported: its words the longest the count has.
      const { page, problems } = await h.open(h.subUrl + link, { viewport: { width, height: 700 }, isMobile: true, hasTouch: true });
      await live(page);
      const tools = page.locator('header .tools');
      // Nothing a sideways scroll away: Scenarios, Compare, the link and Reset all were, past
      // the window's edge, with only a fade to say so (and none on iOS, which hides scrollbars).
      for (const s of ['.undo', '.redo', '.more']) assert.ok(await onScreen(page, `header .tools ${s}`, width), `${width} px: ${s} on screen`);
      assert.equal(await tools.evaluate((el) => el.scrollWidth <= el.clientWidth), true, `${width} px: no sideways scroll`);
      for (const s of others) assert.equal(await page.locator(`header .tools ${s}`).isVisible(), false, `${s} under More`);
      await page.locator('header .more').tap();
      assert.equal(await page.locator('header .more').getAttribute('aria-expanded'), 'true');
      for (const s of others) assert.ok(await onScreen(page, `header .tools ${s}`, width), `${width} px: ${s} on screen below`);
      // A drawer open keeps them shown: Escape gives its button the focus back.
      await page.locator('header .open-scenarios').tap();
      await page.locator('#drawer .scenarios').waitFor();
      assert.equal(await page.locator('header .more').getAttribute('aria-expanded'), 'true', 'shown while its drawer is open');
      await page.keyboard.press('Escape');
      await eventually(() => page.evaluate(() => document.activeElement?.matches('header .open-scenarios')), true, 'the focus back on Scenarios');
      // Folded away with a drawer open, the drawer closes with them.
      await page.locator('header .open-compare').tap();
      await page.locator('#drawer .compare').waitFor();
      await page.locator('header .more').tap();
      await eventually(() => page.locator('#drawer .compare').count(), 0, 'the drawer closed with them');
      // Escape folds them away too, once no drawer is open.
      await page.locator('header .more').tap();
      await page.locator('header .more').focus();
      await page.keyboard.press('Escape');
      await eventually(() => page.locator('header .more').getAttribute('aria-expanded'), 'false', 'Escape folds More');
      assert.equal(await page.evaluate(() => document.activeElement?.matches('header .more')), true, 'the focus kept on More');
      assert.equal(await page.locator('header .open-scenarios').isVisible(), false, 'folded away again');
      // A figure tapped, the reader is back on the page: they fold away, and the header is one
      // row again (they took a fifth of the window).
      await page.locator('header .more').tap();
      const header = () => page.locator('header.top').evaluate((el) => el.getBoundingClientRect().height);
      const tall = await header();
      const field = input(page, 'q3-2012', 'revenue');
      await field.scrollIntoViewIfNeeded();
      await field.tap();
      await eventually(() => page.locator('header .more').getAttribute('aria-expanded'), 'false', 'a figure tapped folds More');
      assert.ok(await header() < tall - 40, `the header shorter: ${await header()} against ${tall}`);
      assert.deepEqual(problems, []);
      await page.close();
    }
    // A tablet upright (820 px): every tool in one row, Reset all not alone on a second.
    const tablet = await h.open(h.subUrl, { viewport: { width: 820, height: 1180 }, hasTouch: true });
    await live(tablet.page);
    const rows = await tablet.page.$$eval('header .tools button', (bs) => [...new Set(bs.filter((b) => b.offsetParent).map((b) => Math.round(b.getBoundingClientRect().top)))]);
    assert.equal(rows.length, 1, `one row of tools at 820 px: ${rows}`);
    assert.deepEqual(tablet.problems, []);
    await tablet.page.close();
    // Wide, every tool is in the row, and there is no More.
    const { page, problems } = await h.open(h.subUrl, { viewport: { width: 1280, height: 800 } });
    await live(page);
    assert.equal(await page.locator('header .more').isVisible(), false);
    for (const s of others) assert.equal(await page.locator(`header .tools ${s}`).isVisible(), true, `${s} in the row`);
    assert.deepEqual(problems, []);
  });
});
