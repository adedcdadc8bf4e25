// The fourth quarter and the year, estimated, against the release's guidance, in headless
// Chromium: typed into key by key, opened from a link, following the third quarter until set,
// and covered by the guidance panel, derivations, the tie-out, bridges and undo.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, TIMEOUT_MS } from './harness.mjs';
import { cell, eventually, expectValue, input, typeInto, value } from './page.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 4;
const guidance = (page, period, line) => cell(page, period, line).getAttribute('data-guidance');
/** Every element showing a figure agrees on its data-guidance. */
const guidanceEverywhere = (page, period, line) =>
  page.$$eval(`[data-period="${period}"][data-line="${line}"]`, (els) => [...new Set(els.map((e) => e.dataset.guidance))].join('|'));
const tdClass = (page, period, line) => input(page, period, line).evaluate((i) => i.closest('td').className);

describe('the fourth quarter and the year', { concurrency: 1, timeout: TEST_TIMEOUT * 8 }, () => {
  let h;
  before(async () => { h = await startHarness(); }, { timeout: TEST_TIMEOUT });
  after(async () => { await h?.close(); }, { timeout: TEST_TIMEOUT });

  async function openPage(fragment = '') {
    const { page, problems } = await h.open(h.rootUrl + fragment);
    await page.locator('main.settled').waitFor({ timeout: TIMEOUT_MS });
    return { page, problems };
  }

  test('the estimates are set apart, and the guidance panel shows where they fall on the release', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    // Four tables have the estimate columns, under their own heading.
    assert.equal(await page.locator('thead th.estimate[scope="colgroup"]').count(), 4);
    assert.equal(await page.locator('#operations thead th.estimate[scope="colgroup"]').textContent(), 'Estimate');
    // Run-rate inputs follow Q3 and say so; revenue and shares start from the guidance.
    assert.match(await tdClass(page, 'q4-2012', 'cost_of_revenue'), /\bfollows\b/);
    assert.match(await input(page, 'q4-2012', 'cost_of_revenue').getAttribute('aria-label'), /follows Q3 2012/);
    assert.doesNotMatch(await tdClass(page, 'q4-2012', 'revenue'), /\bfollows\b/);
    assert.equal(await value(page, 'q4-2012', 'revenue'), '24300');
    assert.equal(await value(page, 'fy-2012', 'revenue'), '91063');
    // Lines without an estimate are blank, with no figure.
    assert.equal(await page.locator('[data-period="q4-2012"][data-line="eps_basic"]').count(), 0);
    // Where each guided figure falls, on every element showing it.
    for (const [p, l, want] of [['q4-2012', 'revenue', 'within'], ['q4-2012', 'eps_diluted', 'above'], ['q4-2012', 'non_gaap_eps_diluted', 'above'],
      ['fy-2012', 'revenue', 'within'], ['fy-2012', 'eps_diluted', 'above'], ['fy-2012', 'non_gaap_eps_diluted', 'above']]) {
      assert.equal(await guidanceEverywhere(page, p, l), want, `${p}.${l}`);
    }
    const panel = page.locator('#guidance');
    const text = (await panel.textContent()).replace(/\s+/g, ' ');
    assert.match(text, /Run-rate Q4 non-GAAP net income \$3,612 thousand vs \$1,140 to \$1,708 thousand implied by the full-year guidance: \$1,904 thousand above the top/);
    const rows = await panel.locator('table.outlook tbody tr:not(.heading)').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent.trim()).join(' | ')));
    assert.deepEqual(rows, [
      'Revenues | $24,000 to $24,600 thousand | 24,300 | within the range',
      'GAAP diluted EPS | $0.00 to $0.02 | 0.07 | $0.05 above the top',
      'Non-GAAP diluted EPS | $0.03 to $0.05 | 0.10 | $0.05 above the top',
      'Revenues | $90,800 to $91,400 thousand | 91,063 | within the range',
      'GAAP diluted EPS | $0.04 to $0.06 | 0.13 | $0.07 above the top',
      'Non-GAAP diluted EPS | $0.17 to $0.19 | 0.26 | $0.07 above the top',
    ]);
    // What the year implies for Q4: 90,800 − 66,763 = 24,037.
    assert.equal(await value(page, 'q4-2012', 'implied_revenue_low'), '24037');
    assert.equal(await value(page, 'q4-2012', 'implied_non_gaap_net_income_high'), '1708');
    // The headline card for the year, against its guidance.
    const card = page.locator('.card.estimate');
    assert.match((await card.textContent()).replace(/\s+/g, ' '), /Revenues, FY 2012 estimate.*Guidance \$90,800 to \$91,400 thousand: within the range.*Non-GAAP diluted EPS guidance \$0\.17 to \$0\.19: \$0\.07 above the top/);
    // Its EPS in dollars, as the quarter's cards, and the year a row of its own under them: not
    // one tall card beside an empty row.
    assert.match((await card.locator('.card-beside').textContent()).replace(/\s+/g, ' ').trim(), /^\$0\.26 non-GAAP EPS$/);
    const [cardWidth, rowWidth] = await card.evaluate(c => [c.getBoundingClientRect().width, c.parentElement.getBoundingClientRect().width]);
    assert.ok(Math.abs(cardWidth - rowWidth) < 1, `the year's card is ${cardWidth} px of the headlines' ${rowWidth} px`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('on a phone the outlook and what the year implies show each estimate and where it falls beside its range, each row read as one line', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.rootUrl, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.locator('main.settled').waitFor({ timeout: TIMEOUT_MS });
    const read = (table) => page.locator(table).evaluate((t) => {
      const frame = t.closest('.scroll');
      const right = frame.getBoundingClientRect().right;
      // Where the first line of text of each cell of a row ends: its label, range, estimate and placing.
      const firstLine = (c) => {
        const text = document.createTreeWalker(c, NodeFilter.SHOW_TEXT, (n) => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP)).nextNode();
        if (!text) return null;
        const r = document.createRange();
        r.selectNodeContents(text);
        return r.getClientRects()[0]?.bottom ?? null;
      };
      // Cells left out (display: none) or empty have no line.
      const apart = (tr) => { const lines = [...tr.children].map(firstLine).filter((b) => b !== null); return Math.max(...lines) - Math.min(...lines); };
      const rows = [...t.querySelectorAll('tbody tr:not(.heading)')];
      return {
        sideways: frame.scrollWidth - frame.clientWidth,
        off: [...t.querySelectorAll('td, th')].filter((c) => c.getBoundingClientRect().right > right + 0.5).length,
        misaligned: rows.filter((tr) => apart(tr) > 3).map((tr) => `${tr.querySelector('th').textContent}: ${apart(tr)} px`),
      };
    });
    for (const table of ['table.outlook', 'table.implied']) {
      await page.locator(table).scrollIntoViewIfNeeded();
      assert.deepEqual(await read(table), { sideways: 0, off: 0, misaligned: [] }, table);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('typing into a Q4 input, key by key, moves Q4, the year and where they fall', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await typeInto(page, 'q4-2012', 'revenue', '2');
    // Revenue 2: a loss, below every range.
    await expectValue(page, 'q4-2012', 'gross_profit', '-4632');
    await eventually(() => guidance(page, 'q4-2012', 'eps_diluted'), 'below', 'a loss is below the range');
    await page.keyboard.type('5000');
    await expectValue(page, 'q4-2012', 'revenue', '25000');
    await expectValue(page, 'q4-2012', 'gross_profit', '20366');
    await expectValue(page, 'fy-2012', 'revenue', '91763');
    await eventually(() => guidanceEverywhere(page, 'fy-2012', 'revenue'), 'above', 'the year above its revenue range');
    await page.keyboard.press('Tab');
    // Sales and marketing up 2,585: Q4 net income 700, EPS 0.02, non-GAAP 0.05, all within.
    await typeInto(page, 'q4-2012', 'sales_and_marketing', '11382');
    await expectValue(page, 'q4-2012', 'net_income', '700');
    await expectValue(page, 'fy-2012', 'net_income', '1805');
    await expectValue(page, 'fy-2012', 'sales_and_marketing', '39209');
    for (const [p, l] of [['q4-2012', 'eps_diluted'], ['q4-2012', 'non_gaap_eps_diluted'], ['fy-2012', 'eps_diluted'], ['fy-2012', 'non_gaap_eps_diluted']]) {
      await eventually(() => guidanceEverywhere(page, p, l), 'within', `${p}.${l}`);
    }
    assert.equal((await cell(page, 'fy-2012', 'non_gaap_eps_diluted').textContent()).replace(/[▲▼◆]/g, '').trim(), '0.19');
    await page.keyboard.press('Tab');
    // Set by hand: no longer marked as following Q3; the tie-out lists it without counting it.
    assert.doesNotMatch(await tdClass(page, 'q4-2012', 'sales_and_marketing'), /\bfollows\b/);
    assert.match(await tdClass(page, 'q4-2012', 'sales_and_marketing'), /\bedited\b/);
    // What it would follow is what it was, and said once: "was 8,797".
    const note = input(page, 'q4-2012', 'sales_and_marketing').locator('xpath=ancestor::td[1]').locator('.overridden');
    assert.equal(await note.count(), 0);
    const tie = page.locator('tr[data-tie="q4-2012.sales_and_marketing"]');
    assert.match(await tie.textContent(), /set by hand, 2,585 from it/);
    const ties = await page.locator('tr[data-tie]:not(.informational)').count();
    await eventually(() => page.locator('.tie-summary').textContent(), `All ${ties} hold.`, 'an estimate set by hand is not a break');
    const gap = (await page.locator('#guidance .gap').textContent()).replace(/\s+/g, ' ');
    assert.match(gap, /This scenario's Q4 non-GAAP net income \$1,727 thousand vs \$1,140 to \$1,708 thousand implied by the full-year guidance: \$19 thousand above the top of what the year's guidance leaves for the fourth quarter\. The year's non-GAAP diluted EPS, \$0\.19, is within the range all the same: it is compared as shown, to the cent\./);
    await eventually(async () => new URL(page.url()).hash, '#v=1&q4-2012.revenue=25000&q4-2012.sales_and_marketing=11382', 'the link');
    // Undo takes back the last field's edit.
    await page.click('header .undo');
    await expectValue(page, 'q4-2012', 'sales_and_marketing', '8797');
    await expectValue(page, 'q4-2012', 'revenue', '25000');
    // Set by hand, then the third quarter moved: what it would follow now, as a note, not the
    // red "formula gives" of a release's broken link.
    await typeInto(page, 'q4-2012', 'sales_and_marketing', '11382');
    await page.keyboard.press('Tab');
    await typeInto(page, 'q3-2012', 'sales_and_marketing', '9000');
    await page.keyboard.press('Tab');
    await eventually(() => note.textContent(), 'Q3 2012 gives 9,000', 'what it would follow');
    assert.match(await note.getAttribute('class'), /\bfollows-note\b/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('where the quarter falls otherwise than the year against the guidance, the row says why, GAAP as non-GAAP', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('#v=1&q4-2012.revenue=22400');
    await eventually(() => input(page, 'q4-2012', 'revenue').inputValue(), '22,400', 'Q4 revenue');
    assert.equal(await guidanceEverywhere(page, 'fy-2012', 'eps_diluted'), 'within');
    const row = page.locator('#guidance table.implied tr:has([data-line="net_income"][data-period="q4-2012"])');
    assert.match(await row.locator('.placed').textContent(), /above the top/);
    assert.equal(await row.locator('.year-aside').textContent(), "The year's GAAP diluted EPS, $0.06, is within the range all the same: it is compared as shown, to the cent.");
    // A row that falls as the year does says nothing more.
    const revenue = page.locator('#guidance table.implied tr:has([data-line="revenue"][data-period="q4-2012"])');
    assert.equal(await revenue.locator('.year-aside').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a link with Q4 and FY edits opens that scenario, naming what it cannot use', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('#v=1&q4-2012.revenue=25000&q4-2012.sales_and_marketing=11382&fy-2012.shares_diluted=29000&fy-2012.revenue=1');
    await eventually(() => input(page, 'fy-2012', 'shares_diluted').inputValue(), '29,000', 'the year\'s share count');
    await eventually(() => input(page, 'q4-2012', 'revenue').inputValue(), '25,000', 'Q4 revenue');
    // 1,805 ÷ 29,000 = 0.062; 5,415 ÷ 29,000 = 0.187.
    assert.equal((await cell(page, 'fy-2012', 'eps_diluted').textContent()).replace(/[▲▼◆]/g, '').trim(), '0.06');
    assert.equal(await guidanceEverywhere(page, 'fy-2012', 'non_gaap_eps_diluted'), 'within');
    assert.match(await page.locator('.link-problems').textContent(), /fy-2012\.revenue.*Computed from other figures/);
    // Above what the guidance leaves for the quarter at its 28,400 thousand shares, within at the scenario's.
    assert.match((await page.locator('#guidance .gap').textContent()).replace(/\s+/g, ' '),
      /\$19 thousand above the top .*The year's non-GAAP diluted EPS, \$0\.19, is within the range all the same: it is at this scenario's 29,000 thousand diluted shares for the year, not the guidance's 28,400\./);
    // The outlook names the estimates' share counts as they are: the year's as edited.
    const headings = await page.locator('#guidance tr.heading th').allTextContents();
    assert.ok(headings.includes('Full year 2012, estimate (diluted shares 29,000 thousand)'), headings.join(' | '));
    assert.ok(headings.includes('Fourth quarter 2012, estimate (diluted shares 35,200 thousand)'), headings.join(' | '));
    // The year's derivation spells out nine months plus the fourth quarter, with values.
    await page.locator('td [data-period="fy-2012"][data-line="revenue"]').first().click();
    const panel = page.locator('aside.explain');
    await eventually(async () => (await panel.textContent()).includes('Revenues 91,763 = Revenues (9M 2012) 66,763 + Revenues (Q4 2012 estimate) 25,000'), true, 'FY = 9M + Q4');
    // Net income's derivation says the provision is held as entered.
    await panel.locator('[data-explains="q4-2012.revenue"]').first().waitFor({ state: 'attached' });
    await page.locator('td [data-period="q4-2012"][data-line="net_income"]').first().click();
    await eventually(async () => /provision for income taxes is held as entered/.test(await panel.textContent()), true, 'tax note');
    await page.keyboard.press('Escape');
    // The bridges have the estimates as tabs.
    await page.locator('#bridge-net-income button', { hasText: 'FY 2012 estimate' }).click();
    await eventually(() => page.locator('#bridge-net-income text.amount[data-period="fy-2012"][data-line="non_gaap_net_income"]').getAttribute('data-value'), '5415', 'FY bridge');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a Q3 edit moves Q4 until Q4 is edited', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'cost_of_revenue', '5000');
    await expectValue(page, 'q4-2012', 'cost_of_revenue', '5000');
    await expectValue(page, 'fy-2012', 'cost_of_revenue', '18789');
    assert.match(await tdClass(page, 'q4-2012', 'cost_of_revenue'), /\bfollows\b/);
    await page.keyboard.press('Tab');
    await typeInto(page, 'q4-2012', 'cost_of_revenue', '4000');
    await expectValue(page, 'q4-2012', 'cost_of_revenue', '4000');
    await page.keyboard.press('Tab');
    await typeInto(page, 'q3-2012', 'cost_of_revenue', '6000');
    await expectValue(page, '9m-2012', 'cost_of_revenue', '14789');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(100);
    assert.equal(await value(page, 'q4-2012', 'cost_of_revenue'), '4000', 'Q4 holds what was typed');
    await expectValue(page, 'fy-2012', 'cost_of_revenue', '18789');
    // Reset: it follows the third quarter again, and says so.
    const reset = input(page, 'q4-2012', 'cost_of_revenue').locator('xpath=ancestor::td[1]').locator('button.reset');
    assert.equal(await reset.getAttribute('title'), 'Reset to follow Q3 2012 again, 6,000');
    await reset.click();
    await expectValue(page, 'q4-2012', 'cost_of_revenue', '6000');
    await expectValue(page, 'fy-2012', 'cost_of_revenue', '20789');
    // The button goes with the edit; the focus it took goes back to its field, not the page's start.
    await eventually(() => page.evaluate(() => document.activeElement?.matches('input.field[data-period="q4-2012"][data-line="cost_of_revenue"]')), true, 'focus on the field after ↺');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('named scenarios and compare cover the estimates', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await typeInto(page, 'q4-2012', 'revenue', '25000');
    await page.keyboard.press('Tab');
    await page.click('.open-scenarios');
    await page.fill('#save-name', 'Strong Q4');
    await page.press('#save-name', 'Enter');
    await page.locator('li[data-scenario="Strong Q4"]').waitFor();
    await page.click('.reset-all');
    await expectValue(page, 'q4-2012', 'revenue', '24300');
    await page.click('.open-compare');
    const cmp = (scenario, period, line) =>
      page.locator(`td[data-compare-scenario="${scenario}"][data-compare-period="${period}"][data-compare-line="${line}"]`);
    // The year's headline card is compared too.
    await eventually(() => cmp('Strong Q4', 'fy-2012', 'revenue').getAttribute('data-compare-value'), '91763', 'headline FY revenue');
    await page.selectOption('.compare-view', 'operations');
    await eventually(() => cmp('Strong Q4', 'q4-2012', 'revenue').getAttribute('data-compare-value'), '25000', 'Q4 revenue');
    assert.equal(await cmp('release', 'q4-2012', 'revenue').getAttribute('data-compare-value'), '24300');
    assert.equal(await cmp('Strong Q4', 'q4-2012', 'gross_profit').getAttribute('data-compare-value'), '20366');
    // Opening the saved scenario brings the estimate back.
    await page.click('.open-scenarios');
    await page.locator('li[data-scenario="Strong Q4"] button.open').click();
    await expectValue(page, 'q4-2012', 'revenue', '25000');
    await expectValue(page, 'fy-2012', 'revenue', '91763');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
