// Asking the page backwards (issue 14), typed the way a person does: goal seek from a figure's
// derivation, the sensitivity table and tornado, and the stock-compensation reading.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, TIMEOUT_MS } from './harness.mjs';
import { eventually, expectValue, input, typeInto, value } from './page.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 4;
const tableFigure = (page, period, line) => page.locator(`td [data-period="${period}"][data-line="${line}"]`).first();
const hash = (page) => new URL(page.url()).hash;

describe('asking backwards', { concurrency: 1, timeout: TEST_TIMEOUT * 8 }, () => {
  let h;
  before(async () => { h = await startHarness(); }, { timeout: TEST_TIMEOUT });
  after(async () => { await h?.close(); }, { timeout: TEST_TIMEOUT });

  async function openPage(fragment = '', viewport) {
    const { page, problems } = await h.open(h.rootUrl + fragment, viewport ? { viewport } : {});
    await page.locator('main.settled').waitFor({ timeout: TIMEOUT_MS });
    return { page, problems };
  }

  /** Opens a figure's derivation from the keyboard. */
  async function explain(page, period, line) {
    await tableFigure(page, period, line).focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('aside.explain');
    await panel.waitFor();
    return panel;
  }

  test('goal seek finds the nearest value that shows the target, applies it as one undoable edit in the link', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const panel = await explain(page, 'q3-2012', 'non_gaap_eps_diluted');
    await panel.getByRole('button', { name: 'Goal seek' }).click();
    // Opened, the form has the focus where the target is typed.
    await eventually(() => panel.getByLabel('Target').evaluate((el) => el === document.activeElement), true, 'the target has the focus');
    // Typed like a person: Tab from the target to the select, choose, Enter to solve.
    await page.keyboard.type('$0.12');
    // It starts by changing the input that moves the figure most: revenue, not the share count
    // nearest EPS in its derivation.
    assert.equal(await panel.getByLabel('By changing').inputValue(), 'q3-2012.revenue');
    // Its long names stay within the panel: no sideways scroll to reach the select's arrow.
    assert.equal(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth), true, 'the form fits the panel');
    await panel.getByLabel('By changing').selectOption('q3-2012.sbc_sales_and_marketing');
    const options = await panel.getByLabel('By changing').locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(options.includes('q3-2012.revenue') && options.includes('q3-2012.shares_basic'), options.join());

    await panel.getByLabel('Target').press('Enter');
    const result = panel.locator('.goal-seek-result');
    // Solving applies the nearest value that shows the target, as one edit, and says so.
    await eventually(async () => /Applied the nearest value that shows 0\.12: .*713\.179 \(was 349\)/.test(await result.textContent()), true, 'the nearest, applied');
    assert.match(await result.textContent(), /Exactly 0\.12 at 846\.142908653846…/);
    await expectValue(page, 'q3-2012', 'sbc_sales_and_marketing', '713.179');
    assert.equal(await tableFigure(page, 'q3-2012', 'non_gaap_eps_diluted').textContent().then((t) => t.includes('0.12')), true);
    await eventually(() => hash(page), '#v=1&q3-2012.sbc_sales_and_marketing=713.179', 'in the share link');
    // One undo takes it back; the answer is then offered again.
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expectValue(page, 'q3-2012', 'sbc_sales_and_marketing', '349');
    await panel.getByRole('button', { name: 'Apply 713.179' }).waitFor();
    await page.getByRole('button', { name: '↷ Redo' }).click();
    await expectValue(page, 'q3-2012', 'sbc_sales_and_marketing', '713.179');
    assert.match(await result.textContent(), /Applied the nearest/);
    assert.deepEqual(problems, []);
  });

  test('goal seek says when an answer may not be what was meant: a margin typed as a fraction, an input made negative', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const panel = await explain(page, 'q4-2012', 'gross_margin');
    await panel.getByRole('button', { name: 'Goal seek' }).click();
    await panel.getByLabel('By changing').selectOption('q4-2012.cost_of_revenue');
    const result = panel.locator('.goal-seek-result');
    const solve = async (target) => {
      await panel.getByLabel('Target').fill(target);
      await panel.getByRole('button', { name: 'Solve' }).click();
    };
    await solve('0.805');
    const cautions = async () => (await result.locator('.caution').allTextContents()).join(' ');
    await eventually(cautions, 'The target is read in percentage points, as margins are shown: 0.805 is 0.805 %. For 80.5 %, type 80.5.', 'a margin typed as a fraction');
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await solve('150');
    await eventually(async () => /^Cost of revenues, Q4 2012 estimate is negative at \(12,1\d\d(\.\d+)?\); on the release alone it is 4,634\.$/.test(await cautions()), true, 'a cost made negative');
    await solve('80');
    await eventually(() => result.locator('.caution').count(), 0, 'an answer to take as it is');
    // What the margin comes to is in percent, and the target is as the figure shows it: 80.0%.
    await eventually(async () => /the figure is now 80\.04\d+…?%\./.test(await result.textContent()), true, `in percent: ${await result.textContent()}`);
    assert.match(await result.textContent(), /Exactly 80\.0% at 4,860\./);
    // Below zero, in brackets as the page shows a margin: (50.0%), not (50) or (49.95…)%.
    await solve('-50');
    await eventually(async () => /the figure is now \(49\.95\d*…?%\)\./.test(await result.textContent()), true, `below zero: ${await result.textContent()}`);
    assert.match(await result.textContent(), /Exactly \(50\.0%\) at 36,450\./);
    assert.deepEqual(problems, []);
  });

  test('goal seek offers the exact solution, and says why when there is none', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const panel = await explain(page, 'q3-2012', 'net_income');
    await panel.getByRole('button', { name: 'Goal seek' }).click();
    await panel.getByLabel('By changing').selectOption('q3-2012.revenue');
    await panel.getByLabel('Target').click();
    await page.keyboard.type('0');
    await panel.getByRole('button', { name: 'Solve' }).click();
    const result = panel.locator('.goal-seek-result');
    await eventually(async () => /Applied the nearest value that shows zero \(“-”\): .*21,715\.499/.test(await result.textContent()), true, 'nearest showing zero, printed as the release prints it');
    await expectValue(page, 'q3-2012', 'revenue', '21715.499');
    await panel.getByRole('button', { name: 'Apply 21,715 instead' }).click();
    await expectValue(page, 'q3-2012', 'revenue', '21715');
    await expectValue(page, 'q3-2012', 'net_income', '0');
    await eventually(async () => /Applied instead: exactly 0 at 21,715\./.test(await result.textContent()), true, 'the exact one, applied instead');
    // In place of the nearest: one Undo goes back to before the solve.
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    await page.getByRole('button', { name: '↷ Redo' }).click();
    await expectValue(page, 'q3-2012', 'revenue', '21715');
    // A billion is past what revenue can hold: said plainly, nothing changed.
    await panel.getByLabel('Target').fill('');
    await panel.getByLabel('Target').click();
    await page.keyboard.type('1,000,000,000');
    await page.keyboard.press('Enter');
    await eventually(async () => /beyond what an input holds.*Nothing was changed/.test(await result.textContent()), true, 'no solution');
    await expectValue(page, 'q3-2012', 'revenue', '21715');
    // A target that is not a number is refused next to its field.
    await panel.getByLabel('Target').fill('twelve');
    await panel.getByRole('button', { name: 'Solve' }).click();
    await eventually(() => panel.getByLabel('Target').getAttribute('aria-invalid'), 'true', 'refused');
    // The answer to the target before it goes with it.
    assert.equal(await result.textContent(), '');
    // Typing again: the message was about the text before, and goes as soon as it changes.
    await panel.getByLabel('Target').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('0.5');
    await eventually(() => panel.getByLabel('Target').getAttribute('aria-invalid'), null, 'no longer said to be refused');
    assert.equal(await panel.locator('.goal-seek .field-error').count(), 0);
    assert.deepEqual(problems, []);
  });

  test("goal seek's Target takes what an input takes: a change to the figure as it is, +10% or *2", { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const panel = await explain(page, 'q3-2012', 'gross_profit');
    await panel.getByRole('button', { name: 'Goal seek' }).click();
    await panel.getByLabel('By changing').selectOption('q3-2012.revenue');
    await panel.getByLabel('Target').click();
    // A tenth more than its 18,748: 20,622.8, which shows as 20,623; revenue 23,382 − 18,748
    // of costs (4,634) plus that, nearest where it first shows so: 25,256.5.
    await page.keyboard.type('+10%');
    await panel.getByRole('button', { name: 'Solve' }).click();
    await expectValue(page, 'q3-2012', 'revenue', '25256.5');
    const result = panel.locator('.goal-seek-result');
    await eventually(async () => /20,623/.test(await result.textContent()), true, 'the target read as a tenth more');
    assert.equal(await panel.getByLabel('Target').getAttribute('aria-invalid'), null);
    assert.deepEqual(problems, []);
  });

  test('a figure with no value says why: in its title, its derivation (a zero written 0) and its tornado, which blames no input', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('#v=1&q3-2012.revenue=0');
    const margin = page.locator('.fig[data-line="gross_margin"][data-period="q3-2012"]').first();
    assert.equal(await margin.getAttribute('data-value'), '');
    assert.match(await margin.getAttribute('title'), /^No value in this scenario: it divides by zero\. Reported: 80\.2%/);
    assert.match(await margin.getAttribute('aria-label'), /: no value, it divides by zero, reported 80\.2%/);
    const panel = await explain(page, 'q3-2012', 'gross_margin');
    await eventually(() => panel.locator('.undefined-why').textContent(), 'No value in this scenario: it divides by zero.', 'said');
    assert.match(await panel.locator('.formula').first().textContent(), /÷ Revenues 0$/);
    await panel.getByRole('button', { name: 'Sensitivity' }).click();
    await eventually(() => panel.locator('.tornado-none').textContent(), 'Gross margin has no value in this scenario (it divides by zero): no swing can be measured from it.', 'the tornado says it once');
    assert.equal(await panel.locator('.tornado li').count(), 0, 'no bar blames an input');
    assert.equal(await panel.locator('.sensitivity .hint:not(.tornado-none)').filter({ hasText: 'Each input moved by' }).count(), 0, 'no sentence about its ends');
    // A goal for a change of it (+10%) has nothing to change: said so, not "not a number".
    await panel.getByRole('button', { name: 'Goal seek' }).click();
    await panel.getByLabel('Target').fill('+10%');
    await panel.getByRole('button', { name: 'Solve' }).click();
    const target = panel.getByLabel('Target');
    await eventually(() => target.getAttribute('aria-invalid'), 'true', 'refused');
    assert.equal(await page.locator(`[id="${await target.getAttribute('aria-describedby')}"]`).textContent(), 'A change of the value needs one: this figure has none now. Type the figure itself.');
    assert.deepEqual(problems, []);
  });

  test('on a phone, the derivation sheet keeps its × in view, above the tables, however far it is scrolled', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('', { width: 375, height: 667 });
    const panel = await explain(page, 'q3-2012', 'net_income');
    await panel.getByRole('button', { name: 'Sensitivity' }).click();
    await panel.locator('.tornado').waitFor();
    for (const top of [300, 900, 100000]) {
      await panel.evaluate((p, t) => { p.scrollTop = t; }, top);
      const hit = await panel.evaluate((p) => {
        const close = p.querySelector('button.close').getBoundingClientRect();
        const sheet = p.getBoundingClientRect();
        const at = document.elementFromPoint(close.left + close.width / 2, close.top + close.height / 2);
        return { inside: close.top >= sheet.top && close.bottom <= sheet.bottom, topmost: !!at?.closest('button.close') };
      });
      assert.deepEqual(hit, { inside: true, topmost: true }, `scrolled to ${top}`);
    }
    // The table's name is whole on the sheet, not cut off at its frame's edge with the table.
    const caption = panel.locator('.sensitivity-caption');
    assert.match(await caption.textContent(), /^Net income, Q3 2012 by .* \(rows\) and .* \(columns\)$/);
    assert.equal(await caption.evaluate((c) => c.getBoundingClientRect().right <= c.closest('aside').getBoundingClientRect().right), true, 'within the sheet');
    assert.equal(await panel.getByRole('table', { name: await caption.textContent() }).count(), 1, 'it names the table');
    await panel.getByRole('button', { name: 'Close' }).click();
    await eventually(() => page.locator('aside.explain').count(), 0, 'closed');
    assert.deepEqual(problems, []);
  });

  test('the sensitivity table marks the current cell; a tornado bar applies its change', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const panel = await explain(page, 'q3-2012', 'net_income');
    await panel.getByRole('button', { name: 'Sensitivity' }).click();
    const table = panel.locator('table.sensitivity-table');
    await table.waitFor();
    // Docked beside the page, the panel is wide enough for the whole table.
    assert.equal(await panel.locator('.sensitivity .scroll').evaluate((el) => el.scrollWidth <= el.clientWidth), true, 'the table fits the panel');
    assert.equal(await table.locator('tbody td').count(), 49);
    const current = table.locator('td.current');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('data-value'), '1667');
    assert.equal(await current.getAttribute('aria-current'), 'true');
    // Three values of each: nine cells, still one marked.
    await panel.getByLabel('Values of each').fill('3');
    await eventually(() => table.locator('tbody td').count(), 9, '3 × 3');
    assert.equal(await table.locator('td.current').count(), 1);
    // Text that cannot be used is refused beside its field; the table and the tornado stay as
    // they were meanwhile (typing 0.5 passes through 0), not gone.
    const cells = await table.locator('tbody td').evaluateAll((tds) => tds.map((td) => td.dataset.value));
    await panel.getByLabel('Row step').fill('0');
    await eventually(() => panel.getByLabel('Row step').getAttribute('aria-invalid'), 'true', 'a step of 0 refused');
    await panel.getByLabel('Values of each').fill('x');
    await eventually(() => panel.getByLabel('Values of each').getAttribute('aria-invalid'), 'true', 'x refused');
    await panel.getByLabel('Move each input by ± %').fill('abc');
    await eventually(() => panel.getByLabel('Move each input by ± %').getAttribute('aria-invalid'), 'true', 'abc refused');
    assert.deepEqual(await table.locator('tbody td').evaluateAll((tds) => tds.map((td) => td.dataset.value)), cells, 'the table as it was');
    assert.ok(await panel.locator('.tornado li').count() > 0, 'the tornado as it was');
    await panel.getByLabel('Row step').fill('');
    await panel.getByLabel('Values of each').fill('3');
    await panel.getByLabel('Move each input by ± %').fill('10');
    // The tornado: revenue swings net income most; its +10 % end applies 25,720.2.
    const first = panel.locator('.tornado li').first();
    assert.equal(await first.getAttribute('data-input'), 'q3-2012.revenue');
    // No bar runs under its end's text, and the end reaching farthest fills the room the text leaves.
    const ends = await panel.locator('.tornado .t-end:not(.none)').evaluateAll((es) => es.map((e) => {
      const [bar, text] = [e.querySelector('.t-bar').getBoundingClientRect(), e.querySelector('.t-text').getBoundingClientRect()];
      return { under: bar.width > 0 && bar.left < text.right && text.left < bar.right, room: bar.width / e.querySelector('.t-bar').offsetParent.getBoundingClientRect().width };
    }));
    assert.deepEqual(ends.filter((e) => e.under), [], 'no bar under a text');
    assert.ok(Math.abs(Math.max(...ends.map((e) => e.room)) - 1) < 0.01, `the farthest end fills its room: ${Math.max(...ends.map((e) => e.room))}`);
    await first.locator('button.t-high').click();
    await expectValue(page, 'q3-2012', 'revenue', '25720.2');
    await eventually(() => hash(page), '#v=1&q3-2012.revenue=25720.2', 'in the link');
    // The table follows the scenario: the current cell is the new net income; the tornado's
    // caption gives the figure its ends are read against.
    await eventually(() => table.locator('td.current').getAttribute('data-value'), '4005.2', 'current follows');
    await eventually(async () => /the figure below its 4,005 now on the left, above it on the right/.test(await panel.textContent()), true, "the tornado's base");
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    // ±5 % instead.
    await panel.getByLabel('Move each input by ± %').fill('5');
    await panel.locator('.tornado li').first().locator('button.t-low').click();
    await expectValue(page, 'q3-2012', 'revenue', '22212.9');
    // Both export as CSV.
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export table (CSV)' }).click()]);
    assert.match(download.suggestedFilename(), /^sensitivity-q3-2012\.net_income\.csv$/);
    const [tornado] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export tornado (CSV)' }).click()]);
    assert.match(tornado.suggestedFilename(), /^tornado-q3-2012\.net_income\.csv$/);
    // Moved by 100 %, a share count reaches zero: that end has no figure, and says why.
    const eps = await explain(page, 'q4-2012', 'eps_diluted');
    await eps.getByRole('button', { name: 'Sensitivity' }).click();
    await eps.getByLabel('Move each input by ± %').fill('100');
    const none = eps.locator('.tornado li[data-input="q4-2012.shares_diluted"] .t-end.none');
    await eventually(() => none.textContent(), '−100 %: — (Net income per share - diluted has no value with Weighted average shares - diluted, Q4 2012 estimate at 0: it divides by zero)', 'the end without a figure says why');
    // A move that cannot be used: its message, and the bars and caption of the last move that
    // could, which stays in force.
    const move = panel.getByLabel('Move each input by ± %');
    await move.fill('abc');
    await eventually(() => move.getAttribute('aria-invalid'), 'true', 'refused');
    assert.ok(await panel.locator('.tornado li').count() > 0, 'the bars of 100 %');
    assert.equal(await panel.getByText(/Each input moved by −100 % and \+100 %/).count(), 1, 'the caption of the move in force');
    assert.deepEqual(problems, []);
  });

  test("the year's goal seek and sensitivity start with the fourth quarter's inputs, not the nine months reported", { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const panel = await explain(page, 'fy-2012', 'non_gaap_eps_diluted');
    assert.equal(await panel.locator('.explain-value').textContent(), "0.26 (the page's estimate from the release alone; not reported)");
    await panel.getByRole('button', { name: 'Goal seek' }).click();
    // Nine months' revenue moves the year most, but what the year would take is the fourth quarter.
    assert.equal(await panel.getByLabel('By changing').inputValue(), 'q4-2012.revenue');
    // The derivation counts the inputs goal seek offers, the estimates that follow the third quarter among them.
    const offered = await panel.getByLabel('By changing').locator('option').count();
    // Grouped by period, in the statements' order (in the order reached from the figure they
    // read as no order at all), each input in its own period's group.
    const byPeriod = await panel.getByLabel('By changing').locator('optgroup').evaluateAll((gs) => gs.map((g) => [g.label, [...new Set([...g.querySelectorAll('option')].map((o) => o.value.split('.')[0]))]]));
    assert.deepEqual(byPeriod, [['Q3 2012', ['q3-2012']], ['9M 2012', ['9m-2012']], ['Q4 2012 estimate', ['q4-2012']], ['FY 2012 estimate', ['fy-2012']]]);
    const note = await panel.locator('.inputs-note').textContent();
    assert.match(note, new RegExp(`^Comes down to ${offered} inputs; \\d+ of them follow others until you set them\\.$`));
    await panel.getByRole('button', { name: 'Sensitivity' }).click();
    await panel.locator('table.sensitivity-table').waitFor();
    const axes = await panel.locator('.sensitivity select').evaluateAll((ss) => ss.map((s) => s.value));
    assert.deepEqual(axes.slice(0, 2), ['q4-2012.revenue', 'q4-2012.sales_and_marketing']);
    // The tornado agrees: the estimate's own inputs, then the reported ones behind them.
    const groups = await panel.locator('.sensitivity h5.t-group').allTextContents();
    assert.deepEqual(groups, ["The estimate's own inputs", 'Reported inputs behind them: the third quarter, which the fourth follows until you set it, and the nine months']);
    const lists = panel.locator('ol.tornado');
    assert.equal(await lists.first().locator('li').first().getAttribute('data-input'), 'q4-2012.revenue');
    const periods = await lists.nth(1).locator('li').evaluateAll((lis) => [...new Set(lis.map((li) => li.dataset.input.split('.')[0]))].sort());
    assert.deepEqual(periods, ['9m-2012', 'q3-2012']);
    // The two-way table's shading is named, with the guidance it stands for.
    assert.equal(await panel.locator('.guidance-key').textContent(), 'Shaded: within the guidance, $0.17 to $0.19, as displayed.');
    assert.deepEqual(problems, []);
  });

  test('a per-share tornado ranks by figures finer than the table\'s cent, so that its ends can be told apart', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const panel = await explain(page, 'q3-2012', 'non_gaap_eps_diluted');
    await panel.getByRole('button', { name: 'Sensitivity' }).click();
    await panel.locator('.tornado li').first().waitFor();
    const texts = await panel.locator('.tornado .t-end:not(.none) .t-text').allTextContents();
    // To four places: at the table's cent most ends read 0.10, whichever input moved.
    assert.ok(texts.length > 10 && texts.every((t) => /: \(?\d+\.\d{4}\)?$/.test(t)), texts.join(' | '));
    assert.ok(new Set(texts.map((t) => t.split(': ')[1])).size > texts.length / 2, `mostly different: ${texts.join(' | ')}`);
    assert.deepEqual(problems, []);
  });

  test('for a guided estimate, the table shades the cells within the guidance, as displayed', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const panel = await explain(page, 'q4-2012', 'non_gaap_eps_diluted');
    await panel.getByRole('button', { name: 'Sensitivity' }).click();
    const table = panel.locator('table.sensitivity-table');
    await table.waitFor();
    // Non-GAAP EPS guided at $0.03 to $0.05 for the fourth quarter.
    const shown = await table.locator('tbody td').evaluateAll((tds) => tds.map((td) => [td.textContent, td.classList.contains('in-guidance')]));
    assert.equal(shown.length, 49);
    const within = (t) => ['0.03', '0.04', '0.05'].includes(t);
    assert.ok(shown.some(([, shaded]) => shaded), 'some cells within the guidance');
    for (const [text, shaded] of shown) assert.equal(shaded, within(text), `${text} shaded: ${shaded}`);
    assert.deepEqual(problems, []);
  });

  test('the stock-compensation reading changes GAAP and the link, and a link opens with it', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('#v=1&q3-2012.sbc_sales_and_marketing=849');
    // Within (the default): GAAP stays, non-GAAP rises.
    await expectValue(page, 'q3-2012', 'sales_and_marketing', '8797');
    await expectValue(page, 'q3-2012', 'non_gaap_net_income', '3194');
    const onTop = page.locator('input[name="sbc-reading"][value="on-top"]');
    assert.equal(await page.locator('input[name="sbc-reading"][value="within"]').isChecked(), true);
    await onTop.focus();
    await page.keyboard.press('Space');
    await expectValue(page, 'q3-2012', 'sales_and_marketing', '9297');
    await expectValue(page, '9m-2012', 'sales_and_marketing', '28327');
    await expectValue(page, 'q3-2012', 'non_gaap_net_income', '2694');
    await eventually(() => hash(page), '#v=1&sbc=on-top&q3-2012.sbc_sales_and_marketing=849', 'the link says on-top');
    // The derivation of a GAAP expense line says which reading is in force.
    await input(page, 'q3-2012', 'sales_and_marketing').click();
    await page.keyboard.press('?');
    const panel = page.locator('aside.explain');
    await eventually(async () => /read on top of the GAAP lines: this line is 8,797 plus the change in Stock-based compensation in sales and marketing, \+500\./.test(await panel.textContent()), true, "stated");
    // Undo is one step back to within.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expectValue(page, 'q3-2012', 'sales_and_marketing', '8797');
    await eventually(() => hash(page), '#v=1&q3-2012.sbc_sales_and_marketing=849', 'within again');
    // Opened from a link, on top.
    const other = await openPage('#v=1&sbc=on-top&q3-2012.sbc_sales_and_marketing=849');
    await expectValue(other.page, 'q3-2012', 'sales_and_marketing', '9297');
    assert.equal(await other.page.locator('input[name="sbc-reading"][value="on-top"]').isChecked(), true);
    assert.equal(await other.page.locator('header .edits').textContent(), '1 edit · SBC on top');
    // The reading alone is a scenario: the header says so, and its link can be copied.
    const alone = await openPage('#v=1&sbc=on-top');
    assert.equal(await alone.page.locator('header .edits').textContent(), 'No edits · SBC on top');
    assert.equal(await alone.page.locator('header .copy-link').isDisabled(), false);
    assert.equal(await alone.page.locator('header .reset-all').isDisabled(), false);
    assert.deepEqual([...problems, ...other.problems, ...alone.problems], []);
  });

  test('on a phone, the goal seek answer is on screen and applies', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage('', { width: 390, height: 844 });
    const panel = await explain(page, 'q3-2012', 'net_income');
    await panel.getByRole('button', { name: 'Goal seek' }).click();
    // A text keyboard on a phone: a target may be negative or a change, which a number pad
    // (iOS's) cannot type.
    assert.equal(await panel.getByLabel('Target').getAttribute('inputmode'), null);
    await panel.getByLabel('Target').fill('0');
    await panel.getByLabel('By changing').selectOption('q3-2012.cost_of_revenue');
    await panel.getByRole('button', { name: 'Solve' }).click();
    const apply = panel.getByRole('button', { name: 'Apply 6,301 instead' });
    await apply.waitFor();
    // In view on the sheet, below the form: it was past the sheet's bottom.
    await eventually(async () => {
      const [box, sheet] = [await apply.boundingBox(), await panel.boundingBox()];
      return !!box && box.x >= 0 && box.x + box.width <= 390 && box.y >= sheet.y && box.y + box.height <= sheet.y + sheet.height && box.y + box.height <= 844;
    }, true, 'the apply button is on screen');
    await apply.click();
    await expectValue(page, 'q3-2012', 'net_income', '0');
    await h.screenshot(page, 'analysis-phone');
    assert.deepEqual(problems, []);
  });
});
