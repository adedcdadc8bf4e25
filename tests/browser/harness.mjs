// Browser-test harness: serves the built dist/ over HTTP and drives Debian's
// headless Chromium through playwright-core.
//
//   import { startHarness } from './harness.mjs';
//   const h = await startHarness();            // servers + one Chromium
//   const { page, problems } = await h.open(h.rootUrl);
//   await h.waitForApp(page);                   // <h1> and <main> rendered by wasm
//   assert.deepEqual(problems, []);             // console errors, page errors, failed/4xx requests
//   await h.close();
//
// dist/ is served twice, each on its own free 127.0.0.1 port:
//   - h.rootUrl: at "/"
//   - h.subUrl:  only under SUBPATH ("/sub/dir/"), like a GitHub Pages project
//     site; anything outside that prefix is a 404, so an absolute asset URL in
//     the build shows up as a failed request.
// Every wait is bounded (TIMEOUT_MS, override with BROWSER_TEST_TIMEOUT_MS).

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DIST = path.join(REPO_ROOT, 'dist');
export const ARTIFACTS = path.join(REPO_ROOT, 'test-results');
export const SUBPATH = '/sub/dir/';
export const TIMEOUT_MS = Number(process.env.BROWSER_TEST_TIMEOUT_MS || 20_000);
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags that keep Chromium from reaching for the network (which stalls it here).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-dev-shm-usage',
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * Serve `root` (default dist/) on 127.0.0.1 at a free port, mounted at `base`
 * ("/" or e.g. "/sub/dir/"). Requests outside `base` get 404; `base` without
 * its trailing slash redirects to it (as GitHub Pages does).
 * Resolves to { origin, url, requests, hold(), close() }; `requests` logs
 * { method, path, status, type } (type = Content-Type) for every request. `hold(which)` keeps every
 * WebAssembly request (or those whose file name matches `which`) waiting until the function it
 * returns is called: the prerendered page for as long as a test needs it, in any browser.
 */
export async function serveDir({ root = DIST, base = '/' } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) {
    throw new Error(`base must start and end with "/": ${base}`);
  }
  const rootReal = await fsp.realpath(root);
  const requests = [];
  let held = null;

  const server = http.createServer(async (req, res) => {
    const send = (status, headers, body) => {
      requests.push({ method: req.method, path: req.url, status, type: headers['Content-Type'] });
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, { Allow: 'GET, HEAD' }, 'method not allowed');
      }
      const { pathname } = new URL(req.url, 'http://127.0.0.1');
      if (base !== '/' && pathname === base.slice(0, -1)) {
        return send(301, { Location: base }, '');
      }
      if (!pathname.startsWith(base)) {
        return send(404, { 'Content-Type': 'text/plain' }, 'not found (outside base)');
      }
      let rel = decodeURIComponent(pathname.slice(base.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(rootReal, rel);
      if (file !== rootReal && !file.startsWith(rootReal + path.sep)) {
        return send(403, { 'Content-Type': 'text/plain' }, 'forbidden');
      }
      let stat;
      try {
        stat = await fsp.stat(file);
      } catch {
        return send(404, { 'Content-Type': 'text/plain' }, 'not found');
      }
      if (stat.isDirectory()) {
        return send(301, { Location: pathname + '/' }, '');
      }
      if (file.endsWith('.wasm') && held?.which.test(path.basename(file))) await held.until;
      const body = req.method === 'HEAD' ? '' : await fsp.readFile(file);
      return send(200, { 'Content-Type': mimeType(file), 'Content-Length': stat.size }, body);
    } catch (err) {
      return send(500, { 'Content-Type': 'text/plain' }, String(err));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + base,
    requests,
    hold: (which = /./) => {
      let release;
      held = { which, until: new Promise((r) => { release = r; }) };
      return () => { held = null; release(); };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Launch Debian's Chromium headless with the network-quiet flags. */
export async function launchChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run "bash scripts/setup.sh --browser"`);
  }
  // Playwright gives every launch a fresh temporary --user-data-dir and deletes it on close.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: TIMEOUT_MS,
  });
}

/**
 * Start both servers and one Chromium. Returns
 * { rootUrl, subUrl, root, sub, browser, open(url), waitForApp(page), screenshot(page, name), close() }.
 */
export async function startHarness({ root = DIST } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html missing: run "trunk build --release --offline" first`);
  }
  const servers = [];
  let browser;
  const contexts = [];
  const close = async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    if (browser) await browser.close().catch(() => {});
    await Promise.allSettled(servers.map((s) => s.close()));
  };
  try {
    const rootSrv = await serveDir({ root, base: '/' });
    servers.push(rootSrv);
    const subSrv = await serveDir({ root, base: SUBPATH });
    servers.push(subSrv);
    browser = await launchChromium();

    /**
     * Open `url` in a fresh context (a viewport, and any other context options). Resolves to { page, context, problems }
     * once the load event fired; `problems` keeps collecting console errors,
     * uncaught page errors, failed requests and HTTP >= 400 responses.
     */
    const open = async (url, { viewport = { width: 1280, height: 900 }, ...options } = {}) => {
      // `options`: more of the context's, e.g. colorScheme, isMobile, hasTouch.
      const context = await browser.newContext({ viewport, serviceWorkers: 'block', ...options });
      contexts.push(context);
      context.setDefaultTimeout(TIMEOUT_MS);
      context.setDefaultNavigationTimeout(TIMEOUT_MS);
      const page = await context.newPage();
      const problems = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      page.on('requestfailed', (req) =>
        problems.push(`requestfailed: ${req.url()} (${req.failure()?.errorText})`),
      );
      page.on('response', (res) => {
        if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
      return { page, context, problems };
    };

    /**
     * Wait (bounded) until the app is live: a visible <h1> and <main class="settled"> (the
     * contract's "Readiness"). Before that, index.html shows the page prerendered at build time,
     * whose <main> is never settled. Returns the h1.
     */
    const waitForApp = async (page, { timeout = TIMEOUT_MS } = {}) => {
      const h1 = page.locator('h1').first();
      await h1.waitFor({ state: 'visible', timeout });
      await page.locator('main.settled:not([aria-busy])').first().waitFor({ state: 'attached', timeout });
      return h1;
    };

    /** Save a PNG under test-results/ (ignored by git); returns its path. */
    const screenshot = async (page, name) => {
      await fsp.mkdir(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: TIMEOUT_MS });
      return file;
    };

    return {
      root: rootSrv,
      sub: subSrv,
      rootUrl: rootSrv.url,
      subUrl: subSrv.url,
      browser,
      open,
      waitForApp,
      screenshot,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
