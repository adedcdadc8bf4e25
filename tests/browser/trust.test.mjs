// Nothing wrong, nothing lost: a loss, half-typed values, overridden links, linked balances,
// messages and figures that add up on the screen, each as a person meets it.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, TIMEOUT_MS } from './harness.mjs';
import { cell, eventually, expectValue, input, typeInto } from './page.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 4;
const text = async (locator) => (await locator.textContent()).replace(/[▲▼◆]/g, '').trim();

describe('figures a person can trust', { concurrency: 1, timeout: TEST_TIMEOUT * 8 }, () => {
  let h;
  before(async () => { h = await startHarness(); }, { timeout: TEST_TIMEOUT });
  after(async () => { await h?.close(); }, { timeout: TEST_TIMEOUT });

  async function openPage(fragment = '') {
    const { page, problems } = await h.open(h.rootUrl + fragment);
    await h.waitForApp(page);
    return { page, problems };
  }

  test('a loss is all the common stockholders\', and diluted EPS equals basic', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'revenue', '21000');
    await page.keyboard.press('Enter');
    await expectValue(page, 'q3-2012', 'net_income', '-715');
    await expectValue(page, 'q3-2012', 'net_income_to_common_basic', '-715');
    assert.equal(await text(cell(page, 'q3-2012', 'eps_basic')), '(0.12)');
    assert.equal(await text(cell(page, 'q3-2012', 'eps_diluted')), '(0.12)');
    // The headline's change is the difference of the two figures as shown: 0.06 → (0.12).
    const card = page.locator('.card:has([data-line="eps_diluted"]) .delta');
    assert.equal(await card.textContent(), '· −0.18');
    await cell(page, 'q3-2012', 'eps_diluted').click();
    await eventually(async () => /rule for a loss/.test(await page.locator('aside.explain').textContent()), true, 'the derivation names the rule');
    assert.match(await page.locator('aside.explain .formula').textContent(), /= Net income per share - basic \(0\.12\)$/);
    assert.deepEqual(problems, []);
  });

  test('▲ and ▼ say which way a figure moved as its label reads it', { timeout: TEST_TIMEOUT }, async () => {
    // Opened on the edits: Q3 other income 60 → 100, Q3 interest expense 38 → 100.
    const { page, problems } = await openPage('#v=1&q3-2012.other_income_expense_net=100&q3-2012.interest_expense=100');
    const arrow = async (table, period, line) => (await page.locator(`${table} [data-period="${period}"][data-line="${line}"]`).first().textContent()).replace(/[^▲▼◆]/g, '');
    await expectValue(page, 'fy-2012', 'other_income_expense_net', '96');
    assert.equal(await arrow('#operations', 'fy-2012', 'other_income_expense_net'), '▲', '"Other income (expense), net": more income is up');
    assert.equal(await arrow('#ebitda', 'fy-2012', 'other_income_expense_net'), '▼', '"Other (income) expense, net": more income is less of it, shown (96)');
    assert.equal(await text(page.locator('#ebitda [data-period="fy-2012"][data-line="other_income_expense_net"]')), '(96)');
    assert.equal(await arrow('#operations', 'fy-2012', 'interest_expense'), '▲', 'interest expense up, in brackets or not');
    assert.deepEqual(problems, []);
  });

  test('text that cannot be used never reaches the link, storage or a reload', { timeout: TEST_TIMEOUT }, async () => {
    for (const [typed, kept] of [['1e400', '23,382'], ['1.2.3', '23,382'], ['12,345.6789', '23,382'], ['1,2345', '23,382']]) {
      const { page, problems } = await openPage();
      await typeInto(page, 'q3-2012', 'revenue', typed);
      await page.keyboard.press('Tab');
      const field = input(page, 'q3-2012', 'revenue');
      await eventually(() => field.inputValue(), kept, `${typed}: the field goes back`);
      await expectValue(page, 'q3-2012', 'revenue', '23382');
      await expectValue(page, '9m-2012', 'revenue', '66763');
      assert.match(await page.locator('.field-note').textContent(), new RegExp(`“${typed.replace(/[.]/g, '\\.')}” was not used`));
      await page.waitForTimeout(100);
      assert.equal(new URL(page.url()).hash, '', `${typed}: not in the link`);
      await page.reload();
      await h.waitForApp(page);
      await expectValue(page, 'q3-2012', 'revenue', '23382');
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('a value taken back at once is not what the browser keeps', { timeout: TEST_TIMEOUT }, async () => {
    // "5" is written soon after it is typed; Escape right away takes it back before that write
    // has run. What storage holds, and a reload shows, must be the value taken back to.
    for (let i = 0; i < 3; i++) {
      const { page, problems } = await openPage();
      await typeInto(page, 'q3-2012', 'revenue', '5');
      await page.keyboard.press('Escape');
      await expectValue(page, 'q3-2012', 'revenue', '23382');
      await page.waitForTimeout(100);
      await page.reload();
      await h.waitForApp(page);
      await expectValue(page, 'q3-2012', 'revenue', '23382');
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('+10%, -5% and *1.1 change the value editing began with', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await typeInto(page, 'q3-2012', 'revenue', '+10%');
    await expectValue(page, 'q3-2012', 'revenue', '25720.2');
    await page.keyboard.press('Enter');
    await eventually(() => input(page, 'q3-2012', 'revenue').inputValue(), '25,720.2', 'the result, formatted');
    await eventually(async () => new URL(page.url()).hash, '#v=1&q3-2012.revenue=25720.2', 'in the link');
    await typeInto(page, 'q3-2012', 'sales_and_marketing', '*1.1');
    await expectValue(page, 'q3-2012', 'sales_and_marketing', '9676.7');
    await page.keyboard.press('Escape');
    await expectValue(page, 'q3-2012', 'sales_and_marketing', '8797');
    // Something that looks like an attempt gets a hint.
    await typeInto(page, 'q3-2012', 'sales_and_marketing', '10%');
    const field = input(page, 'q3-2012', 'sales_and_marketing');
    await eventually(() => field.getAttribute('aria-invalid'), 'true', 'refused');
    assert.match(await page.locator(`#${await field.getAttribute('aria-describedby')}`).textContent(), /\+10%, -5% or \*1\.1/);
    assert.deepEqual(problems, []);
  });

  test('an overridden link shows in the tie-out and beside the figure', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('#v=1&9m-2012.revenue=67763&q3-2012.revenue=22382');
    const tie = page.locator('tr[data-tie="9m-2012.revenue"]');
    assert.equal(await tie.getAttribute('class'), 'breaks');
    assert.match(await tie.locator('.status').textContent(), /differs by 2,000/);
    assert.match(await page.locator('.tie-summary').textContent(), /do not hold/);
    const mark = page.locator('td:has(input[data-period="9m-2012"][data-line="revenue"]) .overridden');
    assert.equal(await mark.textContent(), 'formula gives 65,763');
    assert.deepEqual(problems, []);
  });

  test('accumulated deficit and OCI at September 30, 2012 take edits like other linked balances', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await typeInto(page, '2012-09-30', 'accumulated_deficit', '(75,167)');
    await page.keyboard.press('Enter');
    await expectValue(page, '2012-09-30', 'accumulated_deficit', '-75167');
    await expectValue(page, '2012-09-30', 'total_liabilities_and_equity', '77936');
    assert.equal(await page.locator('tr[data-tie="2012-09-30.accumulated_deficit"]').getAttribute('class'), 'breaks');
    await typeInto(page, '2012-09-30', 'accumulated_oci', '(901)');
    await page.keyboard.press('Enter');
    await expectValue(page, '2012-09-30', 'accumulated_oci', '-901');
    await eventually(async () => new URL(page.url()).hash, '#v=1&2012-09-30.accumulated_deficit=-75167&2012-09-30.accumulated_oci=-901', 'both in the link');
    assert.deepEqual(problems, []);
  });

  test('a link of junk says so in one short message; a zero prints as the release prints it', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage(`#v=1&${'x&'.repeat(5000)}q3-2012.revenue=24000&q3-2012.cost_of_revenue=%C3%A`);
    const notice = page.locator('.link-problems');
    assert.equal(await notice.locator('li').count(), 2);
    assert.match(await notice.textContent(), /Skipped 5,000 parts: Not a key=value pair\./);
    assert.match(await notice.textContent(), /“q3-2012\.cost_of_revenue=%C3%A”/);
    assert.doesNotMatch(await notice.textContent(), /\uFFFD/);
    const box = await notice.boundingBox();
    assert.ok(box.height < 400, `the notice is ${box.height}px tall`);
    await expectValue(page, 'q3-2012', 'revenue', '24000');
    assert.equal(await input(page, 'q3-2012', 'dilutive_warrants').inputValue(), '-', 'a zero input');
    assert.equal(await input(page, '9m-2012', 'proceeds_from_preferred_issuance').inputValue(), '-', 'a zero in the cash flows');
    assert.deepEqual(problems, []);
  });
});
