// "Why this number" in headless Chromium: derivations that follow and highlight, edits that
// flow through all three statements, the tie-out, and the bridge charts, each following an edit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, TIMEOUT_MS } from './harness.mjs';
import { eventually, expectValue, input, live, typeInto, value } from './page.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 4;
const tableFigure = (page, period, line) => page.locator(`td [data-period="${period}"][data-line="${line}"]`).first();

describe('why this number', { concurrency: 1, timeout: TEST_TIMEOUT * 8 }, () => {
  let h;
  before(async () => { h = await startHarness(); }, { timeout: TEST_TIMEOUT });
  after(async () => { await h?.close(); }, { timeout: TEST_TIMEOUT });

  async function openPage(fragment = '') {
    const { page, problems } = await h.open(h.rootUrl + fragment);
    await live(page);
    return { page, problems };
  }

  test('on a phone, a figure followed in the derivation comes into view above the sheet', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.rootUrl, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.locator('main.settled').waitFor();
    await tableFigure(page, 'q3-2012', 'income_before_taxes').tap();
    const panel = page.locator('aside.explain');
    await panel.waitFor();
    // A touch target: "▸ from n figures", a line of small text, is as tall as a finger.
    assert.ok(await panel.locator('ul.tree summary').first().evaluate((el) => el.getBoundingClientRect().height) >= 40, 'the tree\'s toggles');
    await panel.locator('[data-explains="q3-2012.income_from_operations"]').first().tap();
    await panel.locator('[data-explains="q3-2012.gross_profit"]').first().tap();
    await panel.locator('[data-explains="q3-2012.revenue"]').first().tap();
    const seen = () => page.evaluate(() => {
      const r = document.querySelector('#operations input[data-line="revenue"][data-period="q3-2012"]').getBoundingClientRect();
      return r.top >= document.querySelector('header').getBoundingClientRect().bottom - 1 && r.bottom <= document.querySelector('aside.explain').getBoundingClientRect().top + 1;
    });
    await eventually(seen, true, 'revenue in the statement, between the header and the sheet');
    assert.deepEqual(problems, []);
  });

  test('a derivation shows live values, follows each figure in turn, goes back, and highlights', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    // By keyboard: focus a computed figure and press Enter.
    await tableFigure(page, 'q3-2012', 'non_gaap_income_from_operations').focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('aside.explain');
    await panel.waitFor();
    const text = () => panel.textContent();
    assert.match(await text(), /Non-GAAP income from operations 2,748 = Income from operations 1,721 \+ Total stock-based compensation 1,027/);
    assert.match(await text(), /Comes down to 9 inputs/);
    // The figure, what it is built from and what it feeds are marked in the tables.
    assert.ok(await page.locator('td.hl-self [data-line="non_gaap_income_from_operations"][data-period="q3-2012"]').count() >= 1);
    assert.ok(await page.locator('td.hl-source [data-line="sbc_total"][data-period="q3-2012"]').count() >= 1);
    assert.ok(await page.locator('td.hl-feeds [data-line="non_gaap_operating_margin"][data-period="q3-2012"]').count() >= 1);
    // Down the tree to an input, and follow it.
    await panel.locator('summary').first().click();
    await panel.locator('[data-explains="q3-2012.gross_profit"]').click();
    await eventually(async () => (await text()).includes('Gross profit 18,748 = Revenues 23,382 − Cost of revenues 4,634'), true, 'followed to gross profit');
    await panel.locator('[data-explains="q3-2012.revenue"]').first().click();
    await eventually(async () => /Revenues, Q3 2012.*An input, as reported/.test(await text()), true, 'followed to revenue');
    assert.ok(await page.locator('td.hl-self input[data-line="revenue"][data-period="q3-2012"]').count() >= 1);
    // Back, twice, to where it started.
    await panel.getByRole('button', { name: 'Back to the figure before' }).click();
    await eventually(async () => page.locator('aside.explain h2').textContent(), 'Gross profit, Q3 2012', 'back to gross profit');
    await panel.getByRole('button', { name: 'Back to the figure before' }).click();
    await eventually(async () => (await text()).includes('Non-GAAP income from operations, Q3 2012'), true, 'back to the start');
    // ? in an input explains it too, and the derivation is live: each keystroke shows.
    await typeInto(page, 'q3-2012', 'sbc_general_and_administrative', '54');
    await page.keyboard.press('?');
    await page.keyboard.type('3');
    await eventually(async () => page.locator('aside.explain h2').textContent(), 'Stock-based compensation in general and administrative, Q3 2012', 'the input explained');
    await eventually(async () => /543 \(reported 443\)An input you edited\..*Feeds.*Total stock-based compensation 1,127/.test(await text()), true, 'live');
    await panel.locator('[data-explains="q3-2012.sbc_total"]').click();
    await eventually(async () => (await text()).includes('1,127 (reported 1,027)'), true, 'followed to the total');
    await page.keyboard.press('Escape');
    assert.deepEqual(problems, []);
  });

  test('edits to revenue, costs, taxes, SBC and deferred revenue keep both balance sheets balanced and cash tied', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const balanced = async (date) => assert.equal(await value(page, date, 'total_assets'), await value(page, date, 'total_liabilities_and_equity'), date);
    await typeInto(page, 'q3-2012', 'revenue', '25000');
    await typeInto(page, 'q3-2012', 'cost_of_revenue', '5000');
    await typeInto(page, '9m-2012', 'provision_for_income_taxes', '500');
    await typeInto(page, 'q3-2012', 'sbc_sales_and_marketing', '500');
    await typeInto(page, '2012-09-30', 'deferred_revenue_current', '55000');
    await typeInto(page, '2011-12-31', 'deferred_revenue_current', '47717');
    await page.keyboard.press('Enter');
    // Net income 9M: 1,105 + 1,618 − 366 − 423 = 1,934; deficit −76,372 + 1,934.
    await expectValue(page, '9m-2012', 'net_income', '1934');
    await expectValue(page, '2012-09-30', 'accumulated_deficit', '-74438');
    await expectValue(page, '2012-09-30', 'additional_paid_in_capital', '17408');
    await expectValue(page, '2011-12-31', 'cash', '25548');
    // Cash: the same figure on the cash flow statement and the balance sheet.
    assert.equal(await value(page, '9m-2012', 'cash_ending'), await value(page, '2012-09-30', 'cash'));
    await balanced('2012-09-30');
    await balanced('2011-12-31');
    // A nine-month edit implies first-half taxes other than the release's: the one tie that says so.
    const ties = await page.locator('tr[data-tie]:not(.informational)').count();
    await eventually(() => page.locator('.tie-summary').textContent(), `1 of ${ties} do not hold after your edits.`, 'every other tie holds');
    assert.equal(await page.locator('tr[data-tie="9m-2012.provision_for_income_taxes"]').getAttribute('class'), 'breaks');
    assert.equal(await page.locator('.notice.info').count(), 0, 'no imbalance notice');
    assert.deepEqual(problems, []);
  });

  test('the tie-out shows what still holds after an edit that overrides a link', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const ties = await page.locator('tr[data-tie]:not(.informational)').count();
    await eventually(() => page.locator('.tie-summary').textContent(), `All ${ties} hold.`, 'all hold on the release');
    // Interest expense reads as the statement prints it, (153), its data-value the expense.
    const interest = page.locator('tr[data-tie="9m-2012.interest_expense"] td.num');
    assert.deepEqual(await interest.allTextContents(), ['(153)', '(153)']);
    assert.equal(await interest.first().locator('[data-value]').getAttribute('data-value'), '153');
    await typeInto(page, '2012-09-30', 'property_and_equipment', '17000');
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.tie-summary').textContent(), `2 of ${ties} do not hold after your edits.`, 'two break');
    const row = (key) => page.locator(`tr[data-tie="${key}"]`);
    assert.equal(await row('2012-09-30.property_and_equipment').getAttribute('class'), 'breaks');
    assert.match(await row('2012-09-30.property_and_equipment').textContent(), /differs by 104/);
    assert.match(await row('2012-09-30.total_assets').textContent(), /differs by 104/);
    assert.equal(await row('2011-12-31.total_assets').getAttribute('class'), 'holds');
    assert.equal(await row('9m-2012.change_deferred_revenue').getAttribute('class'), 'holds');
    await page.locator('.notice.info').waitFor();
    // Reset and everything holds again.
    await page.getByRole('button', { name: 'Reset all' }).click();
    await eventually(() => page.locator('.tie-summary').textContent(), `All ${ties} hold.`, 'all hold after reset');
    assert.deepEqual(problems, []);
  });

  test('figures outside the tables open their derivations too: headline cards, bridge bars, the tie-out, the narrative', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const heading = () => page.locator('aside.explain h2').textContent();
    // By keyboard: focus, then Enter or Space.
    await page.locator('.headlines [data-period="q3-2012"][data-line="non_gaap_eps_diluted"]').focus();
    await page.keyboard.press('Enter');
    await eventually(heading, 'Non-GAAP net income per share - diluted, Q3 2012', 'a headline card');
    await page.locator('#bridge-net-income g.bar').nth(2).focus();
    await page.keyboard.press('Enter');
    await eventually(heading, 'Stock-based compensation in research and development, Q3 2012', 'a bridge bar');
    await page.locator('#ties tr[data-tie="2012-09-30.total_assets"] .fig').focus();
    await page.keyboard.press(' ');
    await eventually(heading, 'Total assets, Sep 30, 2012', 'a tie-out figure');
    // By mouse.
    await page.locator('.headlines [data-line="adjusted_ebitda_margin"]').click();
    await eventually(heading, 'Adjusted EBITDA margin, Q3 2012', 'a headline figure beside the card');
    await page.locator('#highlights [data-line="revenue_growth"][data-period="q3-2012"]').click();
    await eventually(heading, 'Revenue growth, Q3 2012', 'a narrative highlight');
    assert.deepEqual(problems, []);
  });

  test('the balance notice jumps to the tie-out and keeps the scenario, on a desktop and a phone', { timeout: TEST_TIMEOUT }, async () => {
    const fragment = '#v=1&9m-2012.non_cash_interest_expense=300';
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 800 }]) {
      const { page, problems } = await h.open(h.rootUrl + fragment, { viewport });
      await h.waitForApp(page);
      // Once the page has settled, statements off screen are skipped; the jump still lands.
      await page.locator('main.settled').waitFor();
      await page.locator('.notice .to-ties').click();
      await eventually(() => page.evaluate(() => {
        const top = document.getElementById('ties').getBoundingClientRect().top;
        return top >= 0 && top < innerHeight / 2;
      }), true, `the tie-out is on screen at ${viewport.width} px`);
      assert.equal(new URL(page.url()).hash, fragment, 'the link in the address is kept');
      assert.equal(await page.locator('header .edits').textContent(), '1 edit');
      assert.equal(await page.locator('.link-problems').count(), 0);
      assert.deepEqual(problems, []);
    }
  });

  test('the bridge charts follow an edit, switch period, describe themselves and explain a bar', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const chart = page.locator('#bridge-operations');
    const amount = (line) => chart.locator(`text[data-line="${line}"]`).textContent();
    assert.equal(await amount('income_from_operations'), '1,721');
    assert.equal(await amount('sbc_general_and_administrative'), '+443');
    assert.equal(await amount('non_gaap_income_from_operations'), '2,748');
    await typeInto(page, 'q3-2012', 'sbc_general_and_administrative', '543');
    await eventually(() => amount('sbc_general_and_administrative'), '+543', 'the step follows');
    await eventually(() => amount('non_gaap_income_from_operations'), '2,848', 'the total follows');
    assert.match(await chart.locator('svg desc').textContent(), /Income from operations 1,721, SBC: cost of revenues \+68, .*Non-GAAP income from operations 2,848/);
    assert.equal(await chart.locator('svg').getAttribute('role'), 'group');
    // Another period.
    await chart.getByRole('button', { name: '9M 2012' }).click();
    await eventually(() => amount('non_gaap_income_from_operations'), '4,060', 'nine months');
    assert.equal(await chart.locator('text[data-line="non_gaap_income_from_operations"]').getAttribute('data-period'), '9m-2012');
    // Bookings: four-quarter revenue plus the change in current deferred revenue.
    const bookings = page.locator('#bridge-bookings');
    await typeInto(page, '2012-09-30', 'deferred_revenue_current', '55000');
    await eventually(() => bookings.locator('text[data-line="deferred_revenue_current_change"]').textContent(), '+14,587', 'bookings change');
    await eventually(() => bookings.locator('text[data-line="four_quarter_bookings"]').textContent(), '102,003', 'bookings');
    // A bar explains its figure.
    await page.keyboard.press('Enter');
    await chart.locator('g.bar').last().click();
    await page.locator('aside.explain').waitFor();
    assert.match(await page.locator('aside.explain h2').textContent(), /Non-GAAP income from operations, 9M 2012/);
    assert.deepEqual(problems, []);
  });
});
