// The keyboard of a spreadsheet (src/app/grid.rs): a skip link and contents, one tab stop per
// table, arrows between figures, typing or Enter to edit, Enter to commit and move down, Escape
// to cancel, ? for the derivation and Escape to close it; the derivation docked where it covers
// no figure, focus back where it was. The outlook's tables, the tie-out, the highlights and the
// bridges' bars are one tab stop each too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, TIMEOUT_MS } from './harness.mjs';
import { eventually, expectValue, input } from './page.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 4;
// The focused element: a figure as "tag period.line", anything else by its text or its name.
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a?.dataset.line ? `${a.tagName.toLowerCase()} ${a.dataset.period}.${a.dataset.line}` : a?.textContent || a?.getAttribute('aria-label');
});
const focusIn = (page, selector) => page.evaluate((s) => !!document.activeElement.closest(s), selector);
// The page's tab stops in document order: what Tab reaches (a tab index of 0 or more, enabled,
// not inert, rendered), each as its section and whether it is a bridge's bar.
const tabStops = (page) => page.evaluate(() => [...document.querySelectorAll('*')]
  .filter((e) => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]') && e.checkVisibility())
  .map((e) => ({ section: e.closest('section[id]')?.id, bar: e.matches('g.bar') })));
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the keyboard', { concurrency: 1, timeout: TEST_TIMEOUT * 6 }, () => {
  let h;
  before(async () => { h = await startHarness(); }, { timeout: TEST_TIMEOUT });
  after(async () => { await h?.close(); }, { timeout: TEST_TIMEOUT });

  async function openPage(options) {
    const { page, problems } = await h.open(h.rootUrl, options);
    await page.locator('main.settled').waitFor();
    return { page, problems };
  }

  test('skip link, arrows, typing over an input, Enter down, Escape cancels, ? explains', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'Skip to the tables');
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'input q3-2012.revenue');
    assert.equal(new URL(page.url()).hash, '', 'the skip link leaves the scenario alone');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(page), 'input q3-2011.revenue');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'input q3-2012.cost_of_revenue');
    // Typing over the figure edits it, on each keystroke; Enter commits and moves down.
    await page.keyboard.type('5000');
    await expectValue(page, 'q3-2012', 'gross_profit', String(23382 - 5000));
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'span q3-2012.gross_profit');
    // The address is written in a task of its own (url::replace_soon), so after the keystroke.
    await eventually(() => /q3-2012\.cost_of_revenue=5000/.test(new URL(page.url()).hash), true, 'the link has the edit');
    // Back up: Enter edits, Escape cancels what was typed and leaves the field focused.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.keyboard.type('6000');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '6000');
    await page.keyboard.press('Escape');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5000');
    assert.equal(await focused(page), 'input q3-2012.cost_of_revenue');
    // Enter shows the figure without its grouping: moving the caret into it and typing makes a
    // number (23,3821 would not be one).
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type('1');
    await expectValue(page, 'q3-2012', 'revenue', '233821');
    await page.keyboard.press('Escape');
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'input q3-2012.cost_of_revenue');
    // F2 amends, as in a spreadsheet: the caret after the text, nothing selected.
    await page.keyboard.press('F2');
    await page.keyboard.type('1');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '50001');
    await page.keyboard.press('Escape');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5000');
    // The arrows move again after Escape; Home and End go along the row.
    await page.keyboard.press('End');
    assert.equal(await focused(page), 'span fy-2012.cost_of_revenue', 'the last column, the year\'s estimate');
    await page.keyboard.press('Home');
    assert.equal(await focused(page), 'input q3-2012.cost_of_revenue');
    // ? opens the input's derivation, focus stays; Escape closes it.
    await page.keyboard.press('?');
    await eventually(() => page.locator('aside.explain h2').textContent(), 'Cost of revenues, Q3 2012', 'the derivation');
    assert.equal(await focused(page), 'input q3-2012.cost_of_revenue');
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('aside.explain').count(), 0, 'closed by Escape');
    assert.equal(await focused(page), 'input q3-2012.cost_of_revenue');
    // Shift+Enter commits and moves up.
    await page.keyboard.type('7000');
    await page.keyboard.press('Shift+Enter');
    assert.equal(await focused(page), 'input q3-2012.revenue');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '7000');
    assert.deepEqual(problems, []);
  });

  test('Enter and F2 begin editing without typing: an estimate goes on following the third quarter, a figure shown with its sign turned keeps its sign', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const field = (period, line, table = '#operations') => page.locator(`${table} input[data-period="${period}"][data-line="${line}"]`);
    // Reached by the keyboard (Escape after a click leaves a field so), then Enter, then away.
    for (const key of ['Enter', 'F2']) {
      await field('q4-2012', 'cost_of_revenue').click();
      await page.keyboard.press('Escape');
      await page.keyboard.press(key);
      await page.keyboard.press('Tab');
      assert.equal(new URL(page.url()).hash, '', `${key} alone is no edit`);
      assert.equal(await page.locator('header .edits').textContent().then((t) => /\d+ edit/.test(t)), false, `${key}: no edit counted`);
    }
    await field('q3-2012', 'cost_of_revenue').click();
    await page.keyboard.type('5000');
    await page.keyboard.press('Tab');
    await expectValue(page, 'q4-2012', 'cost_of_revenue', '5000');
    // The EBITDA table's "Other (income) expense": income of 60 shown as (60), typed as shown.
    const other = field('q3-2012', 'other_income_expense_net', '#ebitda');
    await other.scrollIntoViewIfNeeded();
    await other.click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expectValue(page, 'q3-2012', 'other_income_expense_net', '60');
    assert.equal(/other_income_expense_net/.test(new URL(page.url()).hash), false, 'Enter, Enter changes nothing');
    assert.deepEqual(problems, []);
  });

  test('a moved figure shows the focus ring, not its dashed mark; Ctrl+Z on Undo leaves the focus on Redo', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('5000');
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'span q3-2012.gross_profit');
    await expectValue(page, 'q3-2012', 'gross_profit', String(23382 - 5000));
    const outline = () => page.evaluate(() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth}`; });
    assert.equal(await outline(), 'solid 2px', 'the ring a figure has when focused');
    // Undo focused, Ctrl+Z: the step disables it; the focus goes to Redo, not the page's start.
    await page.locator('header .undo').focus();
    await page.keyboard.press('Control+z');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4634');
    await eventually(() => focused(page), '↷ Redo', 'the focus on Redo');
    await page.keyboard.press('Control+y');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5000');
    await eventually(() => focused(page), '↶ Undo', 'and back on Undo');
    assert.deepEqual(problems, []);
  });

  test('? again goes into the derivation: its goal seek a few Tabs away; Escape comes back to the figure', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await page.locator('#operations [data-line="net_income"][data-period="q3-2012"]').first().focus();
    await page.keyboard.press('?');
    await page.locator('aside.explain').waitFor();
    assert.equal(await focused(page), 'span q3-2012.net_income', 'opened, the focus stays on the figure');
    await page.keyboard.press('?');
    await eventually(() => focusIn(page, 'aside.explain h2'), true, 'in the derivation, on its name');
    let tabs = 0;
    while ((await focused(page)) !== 'Goal seek' && tabs < 40) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    assert.ok(tabs <= 12, `Goal seek ${tabs} Tabs on`);
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('aside.explain').count(), 0, 'closed');
    assert.equal(await focused(page), 'span q3-2012.net_income', 'back on the figure');
    assert.deepEqual(problems, []);
  });

  test('a key pressed within a frame of Escape keeps where it went: the restored text is selected only if the field still has focus', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const field = input(page, 'q3-2012', 'cost_of_revenue');
    await field.click();
    await page.keyboard.type('5000');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5000');
    // Escape and End in one task, before the browser's next frame, as a quick typist's are.
    await page.evaluate(() => {
      const f = document.querySelector('input.field[data-period="q3-2012"][data-line="cost_of_revenue"]');
      for (const key of ['Escape', 'End']) f.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
    assert.equal(await focused(page), 'span fy-2012.cost_of_revenue', 'End moved along the row');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
    assert.equal(await focused(page), 'span fy-2012.cost_of_revenue', 'the frame after Escape did not take the focus back');
    assert.deepEqual(problems, []);
  });

  test('Ctrl+Z and Ctrl+Y undo and redo the page from a field moved to but not edited, and from a radio button; in a field being edited Ctrl+Z takes back the typing, whole', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await input(page, 'q3-2012', 'revenue').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('25000');
    // Enter commits and moves down: on cost of revenues, not edited.
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'input q3-2012.cost_of_revenue');
    await page.keyboard.press('Control+Z');
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    await page.keyboard.press('Control+Y');
    await expectValue(page, 'q3-2012', 'revenue', '25000');
    // Editing a field, Ctrl+Z takes back its typing, whole, as Escape does: not one character
    // (the browser's own undo gave 500, which Enter then committed), nor the page's last step.
    await page.keyboard.press('Enter');
    await page.keyboard.type('5000');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5000');
    await page.keyboard.press('Control+Z');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4634');
    assert.equal(await input(page, 'q3-2012', 'cost_of_revenue').inputValue(), '4,634');
    await expectValue(page, 'q3-2012', 'revenue', '25000');
    // On the stock-compensation reading's radio button.
    await page.locator('input[name="sbc-reading"]:checked').focus();
    await page.keyboard.press('Control+Z');
    await expectValue(page, 'q3-2012', 'revenue', '23382');
    // A field clicked into, nothing typed in it yet: Ctrl+Z is the page's Undo at once (it took
    // two presses), and Ctrl+Y its Redo.
    await input(page, 'q3-2012', 'cost_of_revenue').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5100');
    await input(page, 'q3-2012', 'research_and_development').click();
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5100');
    await page.keyboard.press('Control+Z');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4634');
    await page.keyboard.press('Control+Y');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '5100');
    // The field whose own figure the undo gives back is selected again, to be typed over: the
    // caret was left after the figure, and a figure typed then was added to it (23,38224000).
    const cost = input(page, 'q3-2012', 'cost_of_revenue');
    await cost.click();
    await page.keyboard.press('Control+Z');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4634');
    await page.keyboard.type('4700');
    await expectValue(page, 'q3-2012', 'cost_of_revenue', '4700');
    assert.equal(await cost.getAttribute('aria-invalid'), null);
    assert.deepEqual(problems, []);
  });

  test('Escape closes the derivation first, then the open drawer, and gives its button the focus back', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    await page.click('.open-scenarios');
    await page.locator('#save-name').focus();
    await page.locator('#operations [data-line="gross_profit"][data-period="q3-2012"]').first().click();
    await page.locator('aside.explain').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('aside.explain').waitFor({ state: 'detached' });
    assert.equal(await page.locator('.open-scenarios').getAttribute('aria-expanded'), 'true', 'the drawer stays while the derivation closes');
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('.open-scenarios').getAttribute('aria-expanded'), 'false', 'the drawer closes');
    assert.equal(await page.locator('#save-name').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.className), 'open-scenarios', 'focus on its button');
    assert.deepEqual(problems, []);
  });

  test('a figure followed in the derivation, and Back, give the focus to the figure\'s name', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage({ viewport: { width: 1280, height: 900 } });
    const active = () => page.evaluate(() => `${document.activeElement.tagName} ${document.activeElement.textContent}`);
    await page.locator('#operations [data-line="gross_profit"][data-period="q3-2012"]').first().focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('aside.explain');
    await panel.waitFor();
    assert.match(await active(), /^SPAN 18,748/, 'opened, the focus stays on the figure');
    // Followed from inside the panel: the button pressed would stand for another figure now.
    await panel.locator('button.linkish[data-explains="q3-2012.income_from_operations"]').focus();
    await page.keyboard.press('Enter');
    await eventually(active, 'H2 Income from operations, Q3 2012', 'on the new figure\'s name');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await active(), 'BUTTON ←');
    await page.keyboard.press('Enter');
    await eventually(active, 'H2 Gross profit, Q3 2012', 'Back: on the name, not lost with the button');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.match(await active(), /^SPAN 18,748/, 'closed, back on the figure');
    assert.deepEqual(problems, []);
  });

  test('the derivation closed, the figure worked on is in view, not under the sticky header', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage({ viewport: { width: 1280, height: 900 } });
    const panel = page.locator('aside.explain');
    // A figure moved to while the panel was open, which narrowed the tables: once it closes,
    // the rows are shorter and it would sit under the sticky header, out of sight.
    await page.locator('#balance_sheets [data-line="cash"][data-period="2012-09-30"]').first().focus();
    await page.keyboard.press('Enter');
    await panel.waitFor();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.line), 'accounts_receivable');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    // Brought back once the tables have their width again, after the panel's last frame.
    const where = () => page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return [r.top, r.bottom, document.querySelector('header.top').getBoundingClientRect().bottom];
    });
    const inView = ([top, bottom, header]) => top >= header && bottom <= 900;
    await eventually(() => where().then(inView), true, 'the figure worked on comes into view');
    const [top, bottom, header] = await where();
    assert.ok(inView([top, bottom, header]), `the figure worked on is in view (${top} to ${bottom}, the header ends at ${header})`);
    assert.deepEqual(problems, []);
  });

  test('the derivation opened, the figure it explains is in the middle of what the panel leaves in view, and stays in view as the sensitivity widens it and the window narrows', { timeout: TEST_TIMEOUT }, async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const { page, problems } = await openPage({ viewport });
      const eps = page.locator('#non_gaap [data-line="non_gaap_eps_diluted"][data-period="q3-2012"]').first();
      // Mid-window: the panel narrows the tables, their rows wrap, and the figure went to the
      // window's bottom edge (482 → 837 px of 862); the sensitivity table widens the panel,
      // and it went past it.
      await eps.evaluate((el) => new Promise((r) => { el.scrollIntoView({ block: 'center' }); requestAnimationFrame(() => requestAnimationFrame(r)); }));
      await eps.click();
      await page.locator('aside.explain').waitFor();
      // What the panel leaves in view: below the header; above the sheet on a phone.
      const seen = () => eps.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const panel = document.querySelector('aside.explain').getBoundingClientRect();
        const top = document.querySelector('header.top').getBoundingClientRect().bottom;
        const bottom = panel.top > 100 ? panel.top : innerHeight;
        return { top: r.top - top, bottom: bottom - r.bottom, room: bottom - top };
      });
      const middle = (s) => s.top > s.room / 4 && s.bottom > s.room / 4;
      await eventually(async () => middle(await seen()), true, `${viewport.width} px: the figure in the middle of what is in view`);
      await page.locator('aside.explain button.open-sensitivity').click();
      await page.locator('aside.explain .sensitivity-table').first().waitFor();
      await eventually(async () => middle(await seen()), true, `${viewport.width} px: still in view with the sensitivity open`);
      if (viewport.width > 800) {
        // A window made narrower (a tablet turned): the panel becomes a sheet under the tables,
        // and the figure had stayed where the sheet now is.
        await page.setViewportSize({ width: 800, height: 900 });
        await eventually(async () => middle(await seen()), true, 'in view above the sheet once narrower');
      }
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('one tab stop per table, following focus; contents jump to each table', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const stops = await page.$$eval('table[role="grid"]', (tables) => tables.map((t) => t.querySelectorAll('[tabindex="0"]').length));
    assert.ok(stops.length >= 9, 'every statement is a grid');
    assert.deepEqual(stops, stops.map(() => 1), 'one tab stop in each');
    await input(page, 'q3-2012', 'revenue').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('#operations table')), false, 'Tab leaves the table');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(page), 'input q3-2012.cost_of_revenue', 'the tab stop is where focus was');
    const nav = page.getByRole('navigation', { name: 'Contents' });
    // In the page's order.
    const targets = await nav.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href').slice(1)));
    const sections = await page.$$eval('main section.statement[id]', (all) => all.map((s) => s.id));
    assert.deepEqual(targets, sections);
    await nav.getByRole('link', { name: 'Cash flows' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.closest('section').id), 'cash_flows');
    assert.equal(new URL(page.url()).hash, '');
    assert.deepEqual(problems, []);
  });

  test('the outlook\'s two tables, the tie-out, the highlights and the bridges\' bars are one tab stop each', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, problems } = await openPage();
    const stops = await tabStops(page);
    t.diagnostic(`${stops.length} tab stops on the page`);
    assert.equal(stops.filter((s) => s.section === 'guidance').length, 2, 'the outlook: its two tables');
    assert.equal(stops.filter((s) => s.section === 'ties').length, 1, 'the tie-out');
    assert.equal(stops.filter((s) => s.section === 'highlights').length, 1, 'the highlights');
    assert.equal(stops.filter((s) => s.bar).length, 1, 'the bridges\' bars');
    assert.deepEqual(problems, []);
  });

  test('the tie-out and the highlights: Tab to the table, arrows between names and figures, Enter, Space and ? explain', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const heading = () => page.locator('aside.explain h2').textContent();
    await page.locator('#ties h2').click();
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'Total assets, Sep 30, 2012', 'the first identity\'s name');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(page), 'span 2012-09-30.total_assets');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'span 2011-12-31.total_assets');
    await page.keyboard.press('?');
    await eventually(heading, 'Total assets, Dec 31, 2011', '? on a figure');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(page), 'Total assets, Sep 30, 2012');
    await page.keyboard.press(' ');
    await eventually(heading, 'Total assets, Sep 30, 2012', 'Space on a name');
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('aside.explain').count(), 0, 'closed by Escape');
    await page.keyboard.press('Control+End');
    assert.equal(await focused(page), 'span q4-2012.amortization_intangibles', 'the last identity\'s figure');
    // One Tab leaves the tie-out, for the highlights' one tab stop.
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'span q3-2012.revenue');
    assert.ok(await focusIn(page, '#highlights'));
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'span q3-2011.revenue');
    await page.keyboard.press('Control+End');
    assert.equal(await focused(page), 'span q3-2011.adjusted_ebitda_margin');
    await page.keyboard.press('Enter');
    await eventually(heading, 'Adjusted EBITDA margin, Q3 2011', 'Enter on a highlight');
    await page.keyboard.press('Tab');
    assert.equal(await focusIn(page, '#highlights'), false, 'one Tab leaves the highlights');
    // Back: each table's stop is where focus left it.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(page), 'span q3-2011.adjusted_ebitda_margin');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(page), 'span q4-2012.amortization_intangibles');
    assert.deepEqual(problems, []);
  });

  test('the outlook: Tab to each table, arrows through a cell that holds two figures, ? explains', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const heading = () => page.locator('aside.explain h2').textContent();
    await page.locator('#guidance h2').click();
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'span q4-2012.revenue', 'the guidance table\'s first figure');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'span q4-2012.eps_diluted');
    // One Tab leaves the table, for the implied range's one tab stop.
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'span q4-2012.implied_revenue_low');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(page), 'span q4-2012.implied_revenue_high', 'the second figure of the same cell');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(page), 'span q4-2012.revenue', 'then the next cell');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(page), 'span q4-2012.implied_revenue_high', 'back to the last figure of the cell before');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'span q4-2012.implied_net_income_low');
    await page.keyboard.press('?');
    await eventually(async () => /net income implied by the full-year guidance, low/.test(await heading()), true, '? on an implied figure');
    assert.deepEqual(problems, []);
  });

  test('the bridges\' bars: one tab stop after the first chart\'s periods, arrows across the charts, Enter, Space and ? explain', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await openPage();
    const heading = () => page.locator('aside.explain h2').textContent();
    const onBar = () => page.evaluate(() => document.activeElement.matches('g.bar'));
    await page.locator('#bridges h2').click();
    const periods = [];
    for (let i = 0; i < 10 && !(await onBar()); i++) {
      await page.keyboard.press('Tab');
      if (!(await onBar())) periods.push(await focused(page));
    }
    assert.deepEqual(periods, ['Q3 2012', 'Q3 2011', '9M 2012', '9M 2011', 'Q4 2012 estimate', 'FY 2012 estimate'], 'the first chart\'s periods, then its bars');
    assert.match(await focused(page), /^Income from operations 1,721\./);
    await page.keyboard.press('ArrowRight');
    assert.match(await focused(page), /^SBC: cost of revenues \+68:/);
    await page.keyboard.press('?');
    await eventually(heading, 'Stock-based compensation in cost of revenues, Q3 2012', '? on a bar');
    await page.keyboard.press('End');
    assert.match(await focused(page), /^Four-Quarter Bookings 98,696\./, 'End: the last chart\'s last bar');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    assert.match(await focused(page), /^Four-quarter revenues 87,416:/, 'Up is back, as Left');
    await page.keyboard.press('ArrowLeft');
    assert.match(await focused(page), /^Non-GAAP net income 2,694\./, 'into the chart before');
    await page.keyboard.press(' ');
    await eventually(heading, 'Non-GAAP net income, Q3 2012', 'Space on a bar');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    assert.match(await focused(page), /^Income from operations 1,721\./, 'nothing before the first bar');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(heading, 'Stock-based compensation in cost of revenues, Q3 2012', 'Enter on a bar');
    // Tab leaves the bars: what it reaches in the bridges are the other charts' periods.
    const after = [];
    for (let i = 0; i < 20 && (await focusIn(page, '#bridges')); i++) {
      await page.keyboard.press('Tab');
      if (await onBar()) after.push(await focused(page));
    }
    assert.deepEqual(after, [], 'no other bar is a tab stop');
    assert.deepEqual(problems, []);
  });

  for (const [name, viewport] of [['wide screen', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    test(`on a ${name} the derivation opens on request, covers no figure worked on and gives focus back`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, problems } = await openPage({ viewport });
      // Clicking into a field edits it: no derivation.
      const field = input(page, '9m-2012', 'revenue');
      await field.click();
      assert.equal(await page.locator('aside.explain').count(), 0);
      await page.keyboard.press('?');
      const panel = page.locator('aside.explain');
      await panel.waitFor();
      await eventually(async () => !overlap(await panel.boundingBox(), await field.boundingBox()), true, 'the figure worked on is not covered');
      const box = await panel.boundingBox();
      if (name === 'wide screen') {
        const main = await page.locator('main').boundingBox();
        assert.ok(main.x + main.width <= box.x, 'the panel stands beside the page');
      } else {
        assert.ok(box.y >= viewport.height * 0.5, `a sheet along the bottom (top at ${box.y})`);
      }
      // Focus into the panel, close it there: focus comes back to the field.
      await panel.getByRole('button', { name: 'Close' }).click();
      await eventually(() => panel.count(), 0, 'closed');
      assert.equal(await focused(page), 'input 9m-2012.revenue');
      assert.deepEqual(problems, []);
    });
  }
});
