// The smoke suite every engine runs: load, typing, a link, undo, a derivation, export and import,
// and typing before the page is live.
// Chromium runs the full suite through playwright-core; Firefox ESR (puppeteer-core over WebDriver
// BiDi, firefox.test.mjs) and WebKitGTK (WebKitWebDriver through selenium-webdriver,
// webkit.test.mjs) run this one, through a small driver each test file provides:
//
//   goto(url)        load a page
//   run(body)        run a script body (`return ...`) in the page, resolving to its JSON value
//   click(selector)  scroll the first match into view and click it as a person would
//   type(text)       type into the focused element, key by key
//   enter()          press Enter in the focused element
import assert from 'node:assert/strict';
import { TIMEOUT_MS } from './harness.mjs';

const figure = (period, line) => `[data-period="${period}"][data-line="${line}"]`;
const field = (period, line) => `input${figure(period, line)}`;

/** Polls `body` in the page (bounded) until it returns something truthy, and returns that. */
async function until(driver, body, what) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const got = await driver.run(body);
    if (got) return got;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const valueOf = (driver, period, line) =>
  driver.run(`return document.querySelector('${figure(period, line)}')?.dataset.value ?? null`);

async function expectValue(driver, period, line, want) {
  const deadline = Date.now() + TIMEOUT_MS;
  let got = await valueOf(driver, period, line);
  while (got !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    got = await valueOf(driver, period, line);
  }
  assert.equal(got, want, `${period}.${line}`);
}

const settled = (driver) => until(driver, `return !!document.querySelector('main.settled')`, 'main.settled');

// Downloads are caught in the page: the file's name and text, instead of a save dialog.
const CATCH_DOWNLOADS = `
  window.__files = [];
  const blobs = new Map();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => { const url = create(blob); blobs.set(url, blob); return url; };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = this.download && blobs.get(this.href);
    if (!blob) return click.call(this);
    blob.text().then((text) => window.__files.push({ name: this.download, text }));
  };
  return true`;

/** Runs the smoke suite at `base` (the built site's URL, served by `server`) with `driver`. */
export async function smoke(driver, base, server) {
  // Load: the page renders every table and settles.
  await driver.goto(base);
  await settled(driver);
  assert.match(await driver.run(`return document.querySelector('h1').textContent`), /Qualys Q3 2012/);
  const tables = await driver.run(`return document.querySelectorAll('section.statement table').length`);
  assert.ok(tables >= 9, `every table is there (${tables})`);

  // Typing: each keystroke recomputes; Enter commits.
  const revenue = await valueOf(driver, 'q3-2012', 'revenue');
  const cost = await valueOf(driver, 'q3-2012', 'cost_of_revenue');
  const profit = await valueOf(driver, 'q3-2012', 'gross_profit');
  assert.equal(Number(profit), Number(revenue) - Number(cost), 'gross profit as reported');
  // A click into a field leaves its figure selected, typed over (WebKit put the caret where the
  // button came up: 23,382 clicked and typed 30000 read 2330000,382).
  await driver.click(field('q3-2012', 'revenue'));
  await driver.type('30000');
  await expectValue(driver, 'q3-2012', 'gross_profit', String(30000 - Number(cost)));
  await driver.enter();
  await expectValue(driver, 'q3-2012', 'revenue', '30000');
  await until(driver, `return location.hash.includes('q3-2012.revenue=30000')`, 'the edit in the share link');

  // Undo: the whole edit goes.
  await driver.click('button.undo');
  await expectValue(driver, 'q3-2012', 'revenue', revenue);
  await expectValue(driver, 'q3-2012', 'gross_profit', profit);

  // A derivation: a computed figure opens its formula.
  await driver.click(`span.fig${figure('q3-2012', 'gross_profit')}`);
  const heading = await until(driver, `return document.querySelector('aside.explain h2')?.textContent`, 'the derivation');
  assert.match(heading, /Gross profit/);

  // A link: a new page opened on a share link shows its scenario.
  const before = await valueOf(driver, 'q3-2012', 'non_gaap_income_from_operations');
  const sbc = await valueOf(driver, 'q3-2012', 'sbc_sales_and_marketing');
  await driver.goto(`${base}?link#v=1&q3-2012.sbc_sales_and_marketing=${Number(sbc) + 100}`);
  await settled(driver);
  await expectValue(driver, 'q3-2012', 'sbc_sales_and_marketing', String(Number(sbc) + 100));
  await expectValue(driver, 'q3-2012', 'non_gaap_income_from_operations', String(Number(before) + 100));

  // Export: the CSV and the JSON hold the scenario.
  await driver.run(CATCH_DOWNLOADS);
  await driver.click('button.open-scenarios');
  await driver.click('button.export-csv');
  await driver.click('button.export-json');
  const files = await until(driver, `return window.__files.length === 2 && window.__files`, 'two downloads');
  const [csv, json] = files;
  assert.equal(csv.name, 'qualys-q3-2012-scenario.csv');
  assert.match(csv.text, /^table,line,label,/);
  assert.match(csv.text, new RegExp(`,sbc_sales_and_marketing,.*,${Number(sbc) + 100}(,|\\r?\\n)`));
  assert.equal(json.name, 'qualys-q3-2012-scenario.json');
  assert.equal(JSON.parse(json.text).edits['q3-2012.sbc_sales_and_marketing'], String(Number(sbc) + 100));

  // Import: a scenario file picked in the file field replaces the open scenario.
  const file = JSON.stringify({ format: 'qualys-what-if/scenario', version: 1, edits: { 'q3-2012.revenue': '25000' } });
  await driver.run(`
    const input = document.querySelector('.import-file');
    const files = new DataTransfer();
    files.items.add(new File([${JSON.stringify(file)}], 'mine.json', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true`);
  await expectValue(driver, 'q3-2012', 'revenue', '25000');
  await expectValue(driver, 'q3-2012', 'sbc_sales_and_marketing', sbc);
  await expectValue(driver, 'q3-2012', 'gross_profit', String(25000 - Number(cost)));

  // Typing before the page is live, on a share link: the early figures (a WebAssembly of their
  // own) show the link's scenario, the prerendered field takes the typing and they recompute
  // from it, and the live page uses it.
  const release = server.hold(/^qualys-what-if-/);
  await driver.run(`setTimeout(() => { location.href = ${JSON.stringify(`${base}?early#v=1&q3-2012.cost_of_revenue=5000`)}; }); return true`);
  await until(driver, `return location.search === '?early' && !!document.querySelector('${field('q3-2012', 'revenue')}')`, 'the prerendered page');
  await expectValue(driver, 'q3-2012', 'gross_profit', String(Number(revenue) - 5000));
  await driver.click(field('q3-2012', 'revenue'));
  await driver.run(`document.activeElement.select(); return true`);
  await driver.type('31000');
  assert.equal(await driver.run(`return document.activeElement.value`), '31000', 'the prerendered field holds what was typed');
  assert.equal(await driver.run(`return document.documentElement.classList.contains('typed') && !document.documentElement.classList.contains('live')`), true, 'kept, and said so, before the page is live');
  await expectValue(driver, 'q3-2012', 'gross_profit', String(31000 - 5000));
  assert.equal(await driver.run(`return document.documentElement.classList.contains('early') && !document.documentElement.classList.contains('live')`), true, 'recomputed before the page is live');
  release();
  await settled(driver);
  await expectValue(driver, 'q3-2012', 'revenue', '31000');
  await expectValue(driver, 'q3-2012', 'gross_profit', String(31000 - 5000));
  assert.equal(await driver.run(`return document.activeElement.dataset.line`), 'revenue', 'the live field has the focus');
}
