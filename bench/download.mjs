// The download (issue 15), the BENCHMARKS.md section: the app (wasm, JS), the page (HTML, with
// the stylesheet) and the early figures (src/early.rs, downloaded on demand),
// gzip -9 and brotli, of this app and of the minimal Yew page, measured by the test suite's code
// (scripts/check-size.mjs) and set beside its ceilings, then the ceilings' history, kept by hand
// in bench/size-ceilings.md. No browser: the same bytes always give the same numbers.
//
//   node bench/download.mjs [APP_DIST] [MINIMAL_DIST]   # prints the section

import fs from 'node:fs';
import path from 'node:path';
import { CEILING, distSize } from '../scripts/check-size.mjs';
import { DIST, REPO_ROOT } from '../tests/browser/harness.mjs';

const [appDist = DIST, minimalDist = path.join(REPO_ROOT, 'bench', 'minimal', 'dist')] = process.argv.slice(2);
const app = distSize(appDist);
const minimal = distSize(minimalDist);

const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const bytes = (b) => b.toLocaleString('en-US');
const row = (label, part) => {
  const ceiling = CEILING[part];
  const verdict = app[part].gzip <= ceiling ? 'within' : '**over**';
  return `| ${label} | ${kb(minimal[part].gzip)} | ${kb(minimal[part].brotli)} | ${kb(app[part].gzip)} | ${kb(app[part].brotli)} | ${bytes(ceiling)} B | ${verdict} |`;
};
const files = (size) => size.files.map((f) => `| ${f.name} | ${f.part} | ${bytes(f.raw)} | ${bytes(f.gzip)} | ${bytes(f.brotli)} |`).join('\n');
const history = fs.readFileSync(new URL('./size-ceilings.md', import.meta.url), 'utf8').trim();

console.log(`
## Download (issue 15)

Written by \`node bench/download.mjs\` from each page's \`dist/\`, as the test suite measures it
(\`scripts/check-size.mjs\`): each file compressed by node's zlib, gzip at level 9 and brotli at
quality 11, summed per part. The app's files are named by their hash; the page, \`index.html\`,
holds the prerendered page (every figure, in the HTML) and the stylesheet.
GitHub Pages serves gzip. The test suite fails when any part's gzip size is over its ceiling.
KB = 1,000 bytes.

| Part | Minimal Yew page, gzip | brotli | This app, gzip | brotli | Ceiling (the test, gzip) | App |
|---|---|---|---|---|---|---|
${row('The app (wasm, JS)', 'app')}
${row('The page (HTML, with the stylesheet)', 'page')}
| Both: what every visitor downloads | ${kb(minimal.app.gzip + minimal.page.gzip)} | ${kb(minimal.app.brotli + minimal.page.brotli)} | ${kb(app.app.gzip + app.page.gzip)} | ${kb(app.app.brotli + app.page.brotli)} | | |
${row('The early figures (wasm, JS): only for a visitor who types before the app is up, or opens a share link', 'early')}

Per file, bytes:

| This app | Part | Raw | gzip -9 | brotli |
|---|---|---|---|---|
${files(app)}

| Minimal Yew page | Part | Raw | gzip -9 | brotli |
|---|---|---|---|---|
${files(minimal)}

${history}`);
