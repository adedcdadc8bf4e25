// Trunk post_build hook (Trunk.toml): minifies the JavaScript glue wasm-bindgen writes, in a
// release build. Trunk 0.21's own minifier fails on the glue's `export default`, so it ships
// the glue as written. index.html pins the file by its hash (Subresource Integrity): the hash
// is replaced by the minified file's, and the build fails if the old one is not found, so a
// mismatch can never reach a browser (which would refuse to run the page).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { transform } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
if (!dir) throw new Error('minify-js.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');

const integrity = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
const htmlFile = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlFile, 'utf8');
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const file = path.join(dir, name);
  const source = fs.readFileSync(file);
  const { code } = await transform(source.toString('utf8'), { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
  const [before, after] = [integrity(source), integrity(code)];
  if (!html.includes(before)) throw new Error(`index.html does not pin ${name} by ${before}`);
  html = html.replaceAll(before, after);
  fs.writeFileSync(file, code);
  console.log(`minify-js: ${name} ${source.length} -> ${Buffer.byteLength(code)} bytes`);
}
fs.writeFileSync(htmlFile, html);
