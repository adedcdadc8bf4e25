// Trunk post_build hook step (scripts/post-build.sh): the early figures' files (src/early.rs) get
// names that change with their content, as the app's do. Trunk builds them as a "worker", which
// it names after the binary alone (early.js, early_bg.wasm), so that a page loads them by name:
// served under fixed names, a browser could keep one of an earlier build beside this page. Each
// is renamed `early-<hash>`, and index.html's loader (its one reference to each) follows; the
// build fails if the loader does not name each exactly once. The app's loader (Trunk.toml's
// pattern_script) gets the size of the app's wasm, APP_WASM_BYTES: a visitor who touches a field
// while less than half of it has come stops its download until the early figures are up.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('early-names.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const htmlFile = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlFile, 'utf8');
for (const name of ['early.js', 'early_bg.wasm']) {
  const bytes = fs.readFileSync(path.join(dir, name));
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const renamed = name.replace(/^early/, `early-${hash}`);
  const reference = new RegExp(`(["'])\\./${name.replace('.', '\\.')}\\1`, 'g');
  const found = html.match(reference) ?? [];
  if (found.length !== 1) throw new Error(`index.html names ./${name} ${found.length} times, not once`);
  html = html.replace(reference, (_, quote) => `${quote}./${renamed}${quote}`);
  fs.renameSync(path.join(dir, name), path.join(dir, renamed));
  console.log(`early-names: ${name} -> ${renamed}`);
}
const appWasm = fs.readdirSync(dir).filter((name) => /^qualys-what-if-.*_bg\.wasm$/.test(name));
if (appWasm.length !== 1) throw new Error(`the build has ${appWasm.length} app wasm files, not one`);
const sizeNamed = html.split('APP_WASM_BYTES').length - 1;
if (sizeNamed !== 1) throw new Error(`index.html names APP_WASM_BYTES ${sizeNamed} times, not once`);
html = html.replace('APP_WASM_BYTES', String(fs.statSync(path.join(dir, appWasm[0])).size));
fs.writeFileSync(htmlFile, html);
