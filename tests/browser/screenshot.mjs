// Take a headless screenshot of the built dist/ as served under the sub-path.
//   node tests/browser/screenshot.mjs [OUT.png] [--root] [--width=1280] [--height=900]
// (run `trunk build --release --offline` first; default OUT is test-results/page.png)
import path from 'node:path';
import fs from 'node:fs/promises';
import { startHarness, ARTIFACTS } from './harness.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : dflt;
};
const out = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(ARTIFACTS, 'page.png'));
const atRoot = args.includes('--root');

const h = await startHarness();
try {
  const url = atRoot ? h.rootUrl : h.subUrl;
  const { page, problems } = await h.open(url, {
    viewport: { width: opt('width', 1280), height: opt('height', 900) },
  });
  await h.waitForApp(page);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`${url} -> ${out}`);
  if (problems.length) {
    console.error(`problems:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  await h.close();
}
