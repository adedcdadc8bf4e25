// Lighthouse 13, mobile preset (its default: a mid-range phone, simulated slow 4G and CPU 4×),
// on dist/ served gzipped as GitHub Pages serves it (bench/serve-gzip.mjs): performance, and
// accessibility, best practices and SEO (issue 16) in the same runs, then those three in one
// run of the desktop preset; with every audit that kept one of these three below 100.
// Lighthouse 13 needs Node >= 22.19: it runs under the npm package node@22 from bench/tools/
// (scripts/bench.sh installs it there), not the system's Node. Prints one JSON object: the
// median run by performance score, every run's figures and the desktop run's scores.
//
//   node bench/lighthouse.mjs [DIST] [--runs 3]
//   node bench/lighthouse.mjs --report RESULT.json   # the BENCHMARKS.md section
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { serveGzip } from './serve-gzip.mjs';
import { DIST } from '../tests/browser/harness.mjs';

const TOOLS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tools', 'node_modules');
const BUDGET = { performance: 98, lcp: 1000, tbt: 100, cls: 0 };
// The categories scored besides performance, each to be 100, with their names in the report.
const SCORED = { accessibility: 'accessibility', 'best-practices': 'best practices', seo: 'SEO' };

if (process.argv[2] === '--report') {
  const r = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
  const m = r.median;
  const v = (ok) => (ok ? 'within' : '**over**');
  const s = (x) => `${(x / 1000).toFixed(2)} s`;
  const all = (k, f) => r.runs.map((x) => f(x[k])).join(', ');
  const d = r.desktop;
  const rows = Object.entries(SCORED)
    .map(([id, name]) => `| ${name[0].toUpperCase()}${name.slice(1)} score | ${m[id]} (${all(id, String)}) | 100 | ${v(m[id] >= 100)} |`)
    .join('\n');
  const desktop = Object.entries(SCORED).map(([id, name]) => `${name} ${d[id]}`).join(', ');
  // "accessibility: `target-size`" for each category a run's failed audits kept below 100.
  const below = (run) => Object.entries(SCORED)
    .filter(([id]) => run.failing[id].length)
    .map(([id, name]) => `${name}: ${run.failing[id].map((a) => `\`${a}\``).join(', ')}`);
  const failed = [...below(m).map((x) => `on the phone, ${x}`), ...below(d).map((x) => `on the desktop, ${x}`)];
  const verdict = failed.length ? `What kept a score below 100: ${failed.join('; ')}.` : 'No audit that counts towards these three scores failed, on the phone (the median run) or on the desktop.';
  console.log(`
## Lighthouse (issues 15 and 16)

Written by \`node bench/lighthouse.mjs\`: Lighthouse ${r.lighthouse} under Node ${r.node} (npm \`node@22\`),
its default mobile preset (simulated slow 4G, CPU 4×, a Moto G Power screen), Chromium ${r.chromium}
headless, on \`dist/\` served gzipped from 127.0.0.1 by \`bench/serve-gzip.mjs\`, as GitHub Pages
serves it. The run with the median performance score of ${r.runs.length}; every run in brackets.
Accessibility, best practices and SEO are scored in the same runs (issue 16: each to be 100).
Load average ${r.load}: Lighthouse's simulated timings depend on the CPU time measured here, so a
busy machine gives a lower score.

| Metric | Median run (all runs) | Budget | |
|---|---|---|---|
| Performance score | ${m.performance} (${all('performance', String)}) | ≥ ${BUDGET.performance} | ${v(m.performance >= BUDGET.performance)} |
| First contentful paint | ${s(m.fcp)} (${all('fcp', s)}) | | |
| Largest contentful paint | ${s(m.lcp)} (${all('lcp', s)}) | ≤ ${s(BUDGET.lcp)} | ${v(m.lcp <= BUDGET.lcp)} |
| Total blocking time | ${Math.round(m.tbt)} ms (${all('tbt', (x) => Math.round(x))}) | ≤ ${BUDGET.tbt} ms | ${v(m.tbt <= BUDGET.tbt)} |
| Cumulative layout shift | ${m.cls.toFixed(3)} (${all('cls', (x) => x.toFixed(3))}) | 0 | ${v(m.cls <= BUDGET.cls)} |
| Time to interactive | ${s(m.tti)} (${all('tti', s)}) | | |
${rows}

Lighthouse's desktop preset (one run, accessibility, best practices and SEO only): ${desktop}.
${verdict}
${m.lcpElement ? `\nThe largest contentful paint of the median run was \`${m.lcpElement}\`.\n` : ''}`);
  process.exit(0);
}

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) || DIST;
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const node = path.join(TOOLS, '.bin', 'node');
const cli = path.join(TOOLS, 'lighthouse', 'cli', 'index.js');
const flags = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';

/** One Lighthouse run of `categories` on `url`, with `options` (a preset): its result. */
async function lighthouse(url, categories, options = []) {
  const file = path.join(os.tmpdir(), `lighthouse-${process.pid}.json`);
  // Asynchronously: the server answering Lighthouse's Chromium runs in this process.
  await promisify(execFile)(node, [cli, url, '--quiet', `--only-categories=${categories.join(',')}`, ...options, '--output=json', `--output-path=${file}`, `--chrome-flags=${flags}`], {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' },
    maxBuffer: 1 << 26,
  });
  const lhr = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.rmSync(file);
  return lhr;
}

/** Accessibility, best practices and SEO: each score, and the audits that count towards it and
 * did not pass. */
function scored(lhr) {
  const ids = Object.keys(SCORED);
  const failing = (id) => lhr.categories[id].auditRefs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1).map((ref) => ref.id);
  return {
    ...Object.fromEntries(ids.map((id) => [id, Math.round(lhr.categories[id].score * 100)])),
    failing: Object.fromEntries(ids.map((id) => [id, failing(id)])),
  };
}

const server = await serveGzip(dist);
const out = [];
let meta;
let desktop;
try {
  for (let i = 0; i < runs; i++) {
    const lhr = await lighthouse(server.url, ['performance', ...Object.keys(SCORED)]);
    const a = (id) => lhr.audits[id].numericValue;
    meta = { lighthouse: lhr.lighthouseVersion, chromium: lhr.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] };
    out.push({
      performance: Math.round(lhr.categories.performance.score * 100),
      ...scored(lhr),
      fcp: a('first-contentful-paint'),
      lcp: a('largest-contentful-paint'),
      tbt: a('total-blocking-time'),
      cls: a('cumulative-layout-shift'),
      tti: a('interactive'),
      // Which element was the largest contentful paint (a CSS selector), to tell the prerendered
      // page's paint from the live page's.
      lcpElement: lhr.audits['lcp-breakdown-insight']?.details?.items?.find((i) => i.type === 'node')?.selector ?? null,
    });
  }
  // The wide screen's layout has its own targets and spacing (WCAG 2.5.8's 24 px): one run.
  desktop = scored(await lighthouse(server.url, Object.keys(SCORED), ['--preset=desktop']));
} finally {
  await server.close();
}
const median = [...out].sort((a, b) => a.performance - b.performance)[Math.floor(out.length / 2)];
const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(JSON.stringify({ dist, ...meta, node: nodeVersion, load, median, runs: out, desktop }));
