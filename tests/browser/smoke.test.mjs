// Smoke test: the built dist/ loads at "/" and under a sub-path, the Yew app
// renders its heading, and nothing goes wrong in the console or the network.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, SUBPATH, TIMEOUT_MS } from './harness.mjs';

const TEST_TIMEOUT = TIMEOUT_MS * 3;

describe('smoke', { concurrency: 1, timeout: TEST_TIMEOUT * 4 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: TEST_TIMEOUT });
  after(async () => {
    await h?.close();
  }, { timeout: TEST_TIMEOUT });

  for (const where of ['root', 'subpath']) {
    test(`page renders at ${where}`, { timeout: TEST_TIMEOUT }, async () => {
      const url = where === 'root' ? h.rootUrl : h.subUrl;
      const server = where === 'root' ? h.root : h.sub;
      const first = server.requests.length;
      const { page, problems } = await h.open(url);
      try {
        const h1 = await h.waitForApp(page);
        assert.match(await h1.textContent(), /Qualys Q3 2012/);
        assert.match(await page.title(), /Qualys Q3 2012/);
        // The wasm module really came from this server, with the right MIME type.
        const requests = server.requests.slice(first);
        const wasm = requests.filter((r) => r.path.endsWith('.wasm'));
        assert.ok(wasm.length >= 1, `a .wasm request, got ${JSON.stringify(requests)}`);
        for (const r of wasm) {
          assert.equal(r.status, 200);
          assert.equal(r.type, 'application/wasm');
        }
        if (where === 'subpath') {
          const outside = requests.filter((r) => !r.path.startsWith(SUBPATH));
          assert.deepEqual(outside, [], 'every request stays under the sub-path');
        }
        assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
      } catch (err) {
        const shot = await h.screenshot(page, `smoke-${where}`).catch(() => null);
        if (shot) err.message += `\n(screenshot: ${shot})`;
        throw err;
      }
    });
  }

  test('sub-path without trailing slash redirects and renders', { timeout: TEST_TIMEOUT }, async () => {
    const { page, problems } = await h.open(h.sub.origin + SUBPATH.slice(0, -1));
    await h.waitForApp(page);
    assert.equal(new URL(page.url()).pathname, SUBPATH);
    assert.deepEqual(problems, []);
  });
});
