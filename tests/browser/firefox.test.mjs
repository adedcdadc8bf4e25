// The smoke suite (engines.mjs) in Firefox ESR: Debian's firefox-esr, driven by puppeteer-core
// over WebDriver BiDi. Console errors and uncaught exceptions fail it too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { serveDir, TIMEOUT_MS } from './harness.mjs';
import { smoke } from './engines.mjs';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const TEST_TIMEOUT = TIMEOUT_MS * 9;

let server;
let browser;
before(async () => {
  server = await serveDir();
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, timeout: TIMEOUT_MS });
}, { timeout: TEST_TIMEOUT });
after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
}, { timeout: TEST_TIMEOUT });

test('Firefox ESR: load, typing, a link, undo, a derivation, export and import', { timeout: TEST_TIMEOUT }, async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console.error: ${msg.text()}`));
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  const driver = {
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    run: (body) => page.evaluate(`(() => { ${body} })()`),
    click: (selector) => page.click(selector),
    type: (text) => page.keyboard.type(text),
    enter: () => page.keyboard.press('Enter'),
  };
  await smoke(driver, server.url, server);
  assert.deepEqual(problems, [], 'no console errors or uncaught exceptions');
});
