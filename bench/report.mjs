// Writes BENCHMARKS.md from the measurements scripts/bench.sh collected: the browser results
// of the app and of the minimal page (bench/browser.mjs), criterion's estimate of the native
// recompute and of a 7 × 7 sensitivity table, and the machine.
//
//   node bench/report.mjs APP.json MINIMAL.json CRITERION_ESTIMATES.json MACHINE.txt TABLE_ESTIMATES.json > BENCHMARKS.md

import fs from 'node:fs';
import { BUDGET_BYTES } from '../scripts/check-size.mjs';

const [appFile, minimalFile, criterionFile, machineFile, tableFile] = process.argv.slice(2);
const app = JSON.parse(fs.readFileSync(appFile, 'utf8'));
const minimal = JSON.parse(fs.readFileSync(minimalFile, 'utf8'));
const native = JSON.parse(fs.readFileSync(criterionFile, 'utf8'));
const machine = fs.readFileSync(machineFile, 'utf8').trim();
const table = JSON.parse(fs.readFileSync(tableFile, 'utf8'));

const BUDGET = { gzip: BUDGET_BYTES, editMedian: 1.5, editP95: 3, load: 150, nativeUs: 20, tableMs: 16 };
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(1)} ms`;
const verdict = (value, budget) => (value <= budget ? 'within' : '**over**');
const nativeUs = native.median.point_estimate / 1000;
const tableMs = table.median.point_estimate / 1e6;

const sizeRows = (r) => r.size.files.map((f) => `| ${f.name} | ${f.raw} | ${f.gzip} |`).join('\n');

console.log(`# Benchmarks

Written by \`bash scripts/bench.sh\`; do not edit by hand. Timings are benchmarks, not tests:
only the download size is checked by the test suite (\`scripts/check-size.mjs\`).

## Results

| Budget | Minimal Yew page (the floor) | This app | Budget | App |
|---|---|---|---|---|
| Download, gzip -9 (HTML + JS + wasm + CSS) | ${kb(minimal.size.gzip)} | ${kb(app.size.gzip)} | ≤ 110 KB | ${verdict(app.size.gzip, BUDGET.gzip)} |
| Edit → every dependent figure in the DOM, median | ${ms(minimal.edit.median)} | ${ms(app.edit.median)} | ≤ 1.5 ms | ${verdict(app.edit.median, BUDGET.editMedian)} |
| Edit → every dependent figure in the DOM, 95th percentile | ${ms(minimal.edit.p95)} | ${ms(app.edit.p95)} | ≤ 3 ms | ${verdict(app.edit.p95, BUDGET.editP95)} |
| Navigation → first figure on screen, median (p95) | ${ms(minimal.load.onScreen.median)} (${ms(minimal.load.onScreen.p95)}) | ${ms(app.load.onScreen.median)} (${ms(app.load.onScreen.p95)}) | ≤ 150 ms | ${verdict(app.load.onScreen.median, BUDGET.load)} |
| Full recompute for one edit, native, median | (no model) | ${nativeUs.toFixed(1)} µs | ≤ 20 µs | ${verdict(nativeUs, BUDGET.nativeUs)} |
| 7 × 7 sensitivity table, native, median | (no model) | ${tableMs.toFixed(1)} ms | ≤ 16 ms | ${verdict(tableMs, BUDGET.tableMs)} |

KB = 1,000 bytes. Edits: ${app.edit.n} on the app (its ${app.edit.fields} input fields in turn),
${minimal.edit.n} on the minimal page (its one field). Loads: ${app.load.onScreen.n} of each.
Navigation → first figure in the DOM (before the next frame), median: minimal ${ms(minimal.load.inDom.median)},
app ${ms(app.load.inDom.median)}. Navigation → the whole page in the DOM (every statement), median:
minimal ${ms(minimal.load.complete.median)}, app ${ms(app.load.complete.median)}.

### Download, per file

App:

| File | Bytes | gzip -9 |
|---|---|---|
${sizeRows(app)}

Minimal page:

| File | Bytes | gzip -9 |
|---|---|---|
${sizeRows(minimal)}

## Machine

${machine}
- Chromium ${app.chromium} (Debian), headless, driven by playwright-core

The machine is shared (two cores, other builds may run at the same time): the load average
above says how busy it was. Timings on a busy machine are higher than on an idle one.

## Method

- **Download size**: each HTML, JS, wasm and CSS file of \`dist/\` gzipped by node's zlib at
  level 9, summed (\`scripts/check-size.mjs\`, the same code the test suite runs). Both pages are
  built the same way: \`trunk build --release --offline\`, release profile opt-level "z", LTO,
  one codegen unit, panic = abort, \`wasm-opt -Oz\` (binaryen 132).
- **Edit latency** (\`bench/browser.mjs\`): Playwright presses keys in headless Chromium: click a
  field (not timed), select its text, type one digit; then a second digit into the same field;
  then the next field. Timed inside the page with \`performance.now()\` (Chromium rounds it to
  0.1 ms): from a capture-phase \`input\` listener on \`document\`, which runs before the app's
  handler, to the last MutationObserver callback that saw a \`data-value\` change before the
  page was quiet (two animation frames). Yew 0.23 renders in a microtask scheduled by the
  callback, and the observer's callback is the microtask after the render, so the time covers
  the app's event handler, the model's recompute, the render and the DOM updates; not style,
  layout and paint, nor the share link, which the app writes in a task after the render. An
  edit that changed no figure fails the benchmark.
- **Load time**: a fresh browser context per load (nothing cached; the server sends
  \`no-store\`), served from 127.0.0.1 by the test harness. A MutationObserver installed before
  any page script records \`performance.now()\` (milliseconds since navigation start) when the
  first element with \`data-value\` is added, and again at the next animation frame: the latter
  ("on screen") is the figure reported against the budget. The app renders the header and the
  headline figures first, and the charts, statements and tie-out in a task after the browser has
  painted them (\`<main>\` is \`aria-busy\` until then): the first figure on screen is a headline
  figure, and "the whole page" is when \`<main>\` stops being busy.
- **Native recompute** (\`benches/recompute.rs\`, criterion, \`cargo bench --bench recompute\`):
  \`Scenario::with\` for one edit plus \`Model::evaluate\` of every figure, cycling through every
  input of the model (each set to its reported value + 1). Criterion's median per iteration.
  \`evaluate\` returns every figure of the scenario: it starts from the release's figures and
  computes again those the edit reaches (an edit to revenue reaches about 250 of them).
- **Sensitivity table** (\`benches/analysis.rs\`, criterion, \`cargo bench --bench analysis\`):
  the two-way table of Q3 2012 non-GAAP diluted EPS over seven values of revenue (the input that
  reaches the most figures) by seven of sales-and-marketing stock compensation: 49 scenarios
  built and evaluated. Criterion's median per table.`);

// Notes kept by hand (bench/notes/*.md, by name): what a change did to the figures above.
const notes = new URL('./notes/', import.meta.url);
for (const name of fs.existsSync(notes) ? fs.readdirSync(notes).filter((f) => f.endsWith('.md')).sort() : []) {
  console.log(`\n${fs.readFileSync(new URL(name, notes), 'utf8').trim()}`);
}
