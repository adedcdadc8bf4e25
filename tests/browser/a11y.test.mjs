// axe-core 4 finds no violation of its rules (WCAG 2.1 A and AA, best practices, the
// label-in-name check and WCAG 2.2's target size) in the states a person works in: an edit applied, a derivation open,
// on a phone and in dark mode.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startHarness, TIMEOUT_MS } from './harness.mjs';
import { expectValue, typeInto } from './page.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 6;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** axe's violations on the page, one line each: rule, impact, and the first few elements. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    // label-content-name-mismatch is still tagged experimental in axe 4, and target-size (24 px,
    // or room around: Lighthouse checks it) is off by default, so they are turned on.
    const rules = { 'label-content-name-mismatch': { enabled: true }, 'target-size': { enabled: true } };
    const result = await window.axe.run(document, { rules });
    return result.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return found;
}

describe('accessibility (axe-core)', { concurrency: 1, timeout: TEST_TIMEOUT * 5 }, () => {
  let h;
  before(async () => { h = await startHarness(); }, { timeout: TEST_TIMEOUT });
  after(async () => { await h?.close(); }, { timeout: TEST_TIMEOUT });

  const states = [
    ['desktop, an edit applied and its derivation open', {}],
    ['phone, an edit applied and its derivation open', PHONE],
    ['dark mode, an edit applied and its derivation open', { colorScheme: 'dark' }],
    ['phone in dark mode, an edit applied', { ...PHONE, colorScheme: 'dark' }],
  ];
  for (const [name, options] of states) {
    test(name, { timeout: TEST_TIMEOUT }, async () => {
      const { page, problems } = await h.open(h.rootUrl, options);
      await page.locator('main.settled').waitFor();
      await typeInto(page, 'q3-2012', 'sbc_sales_and_marketing', '900');
      await page.keyboard.press('Tab');
      await expectValue(page, 'q3-2012', 'sbc_sales_and_marketing', '900');
      if (name.includes('derivation')) {
        await page.locator('span.fig[data-period="q3-2012"][data-line="non_gaap_income_from_operations"]').first().click();
        await page.locator('aside.explain').waitFor();
      }
      const found = await violations(page);
      if (found.length) await h.screenshot(page, `a11y-${name}`);
      assert.deepEqual(found, [], 'no axe violations');
      assert.deepEqual(problems, []);
    });
  }

  test('phone, a field being typed into (its ±) and the saved scenarios, one of them unreadable, with an import confirmed', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.rootUrl, PHONE);
    await page.locator('main.settled').waitFor();
    await page.evaluate(() => localStorage.setItem('qualys-what-if', JSON.stringify({
      format: 'qualys-what-if/saved', version: 1, current: {},
      scenarios: [{ name: 'Good', edits: { 'q3-2012.revenue': '24000' } }, { name: 'Later', edits: {}, extra: 1 }],
    })));
    await page.reload();
    await page.locator('main.settled').waitFor();
    // On a phone, Scenarios is under More.
    await page.click('header .more');
    await page.click('.open-scenarios');
    await page.locator('.unread').waitFor();
    await page.setInputFiles('.import-file', { name: 'bull.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"qualys-what-if/scenario","version":1,"edits":{"q3-2012.revenue":"25000"}}') });
    await page.locator('.imported').waitFor();
    const field = page.locator('input[data-period="q3-2012"][data-line="cost_of_revenue"]').first();
    await field.tap();
    await page.keyboard.type('5000');
    await page.locator('button.turn-sign').first().waitFor();
    const found = await violations(page);
    if (found.length) await h.screenshot(page, 'a11y-phone-fields-and-scenarios');
    assert.deepEqual(found, [], 'no axe violations');
    assert.deepEqual(problems, []);
  });
});
