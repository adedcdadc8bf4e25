// scratch: interleaved A/B of keystroke→frame for several dists
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/harness.mjs';
import { serveGzip } from './serve-gzip.mjs';
const [rate, rounds, presses, ...dists] = process.argv.slice(2);
const PROBE = () => { const b = (window.__visit = { events: [] });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (['keydown','keypress','keyup','input'].includes(e.name)) b.events.push([e.startTime, e.duration]); }).observe({ type: 'event', durationThreshold: 16, buffered: true }); };
function stats(xs){const s=[...xs].sort((a,b)=>a-b);const at=(q)=>s[Math.min(s.length-1,Math.max(0,Math.ceil(q*s.length)-1))];return `med ${at(.5)} p95 ${at(.95)} mean ${(s.reduce((a,b)=>a+b,0)/s.length).toFixed(1)}`;}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const servers = await Promise.all(dists.map((d) => serveGzip(d)));
const all = dists.map(() => []);
for (let r = 0; r < Number(rounds); r++) for (let k = 0; k < dists.length; k++) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
  await page.goto(servers[k].url);
  await page.waitForSelector('main.settled', { timeout: 60000 });
  const inputs = page.locator('input[data-line][data-period]'); const count = await inputs.count();
  for (let i = 0; i < Number(presses); i++) {
    const field = inputs.nth((Math.floor(i / 2) * 7) % count);
    if (i % 2 === 0) { await field.click(); await page.keyboard.press('ControlOrMeta+A'); }
    const t0 = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 20))));
    await page.keyboard.press(String(1 + (i % 9)));
    all[k].push(await page.evaluate((t) => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(Math.max(0, ...window.__visit.events.filter(([s]) => s >= t).map(([, d]) => d))), 50)))), t0));
  }
  await context.close();
}
dists.forEach((d, k) => console.log(d.padEnd(20), stats(all[k])));
for (const s of servers) await s.close(); await browser.close();
