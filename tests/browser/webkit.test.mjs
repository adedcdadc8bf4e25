// The smoke suite (engines.mjs) in WebKitGTK, Safari's engine: Debian's WebKitWebDriver, driven
// by selenium-webdriver. WebKitGTK has no headless mode, so the driver runs under xvfb-run. It
// cannot click an element it has not scrolled to (the statements off screen are skipped by
// `content-visibility: auto`), so each click scrolls its element into view first (`SCROLL_TO`).
import { after, before, test } from 'node:test';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { Builder, By, Key } from 'selenium-webdriver';
import { serveDir, TIMEOUT_MS } from './harness.mjs';
import { smoke } from './engines.mjs';

const DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
// The browser WebKitWebDriver drives: the minimal one shipped with libwebkit2gtk.
const MINIBROWSER = process.env.WEBKIT_BROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const TEST_TIMEOUT = TIMEOUT_MS * 9;

/** A free port on 127.0.0.1 for the driver. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Resolves once something listens on `port`, bounded by TIMEOUT_MS. */
async function listening(port, child) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    const up = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
      c.once('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error('WebKitWebDriver did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

let server;
let driverProcess;
let session;
before(async () => {
  server = await serveDir();
  const port = await freePort();
  // Its own process group, so the X server and the browser go with it.
  driverProcess = spawn('xvfb-run', ['-a', DRIVER, `--port=${port}`], { detached: true, stdio: 'ignore' });
  await listening(port, driverProcess);
  session = await new Builder()
    .usingServer(`http://127.0.0.1:${port}`)
    .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
    .build();
  await session.manage().setTimeouts({ script: TIMEOUT_MS, pageLoad: TIMEOUT_MS });
  await session.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
}, { timeout: TEST_TIMEOUT });
after(async () => {
  await session?.quit().catch(() => {});
  if (driverProcess?.exitCode === null) {
    try { process.kill(-driverProcess.pid, 'SIGTERM'); } catch {}
  }
  await server?.close();
}, { timeout: TEST_TIMEOUT });

// Scrolls an element into view until it stays put. The statements above it that were skipped
// (`content-visibility: auto`) take their real height once in view, and WebKitGTK has no scroll
// anchoring: the element moved by 209 px after the scroll, and the click went where it had been
// (its press on the field, its release on another figure). Bounded: 40 tries.
const SCROLL_TO = `
  const [el, done] = arguments;
  let last = null, still = 0, tries = 0;
  const step = () => {
    el.scrollIntoView({ block: 'center' });
    const top = el.getBoundingClientRect().top;
    still = top === last ? still + 1 : 0;
    last = top;
    if (still >= 2 || ++tries >= 40) return done();
    requestAnimationFrame(() => requestAnimationFrame(step));
  };
  step();`;

test('WebKitGTK: load, typing, a link, undo, a derivation, export and import', { timeout: TEST_TIMEOUT }, async () => {
  const driver = {
    goto: (url) => session.get(url),
    run: (body) => session.executeScript(body),
    click: async (selector) => {
      const el = await session.findElement(By.css(selector));
      await session.executeAsyncScript(SCROLL_TO, el);
      await el.click();
    },
    type: (text) => session.switchTo().activeElement().then((el) => el.sendKeys(text)),
    enter: () => session.switchTo().activeElement().then((el) => el.sendKeys(Key.ENTER)),
  };
  await smoke(driver, server.url, server);
});
