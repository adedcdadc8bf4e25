// Trunk post_build hook (Trunk.toml): minifies the JavaScript, in a release build, with esbuild.
//
// - The glue wasm-bindgen writes. Trunk 0.21's own minifier fails on the glue's `export default`,
//   so it ships the glue as written. Nothing pins it by its hash: the page imports it by its
//   hashed name once it has been shown (Trunk.toml's pattern_script), with no preload link.
// - index.html's inline script, from its source. Trunk's HTML minifier (minify-html, with
//   minify-js 0.5) minifies it too, but writes the functions it hoists and the constants it
//   pulls out in the order of a hash map seeded at random: two builds of the same source gave
//   two index.html. Here it is minified from the source instead, the same on every build.
// - The app's loader, the inline module Trunk writes from Trunk.toml's pattern_script, as written.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
if (!dir) throw new Error('minify-js.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');

const htmlFile = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlFile, 'utf8');
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const file = path.join(dir, name);
  const source = fs.readFileSync(file);
  const { code } = await transform(source.toString('utf8'), { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
  fs.writeFileSync(file, code);
  console.log(`minify-js: ${name} ${source.length} -> ${Buffer.byteLength(code)} bytes`);
}

// The one classic inline script (Trunk's own loader is `<script type=module>`); the build fails
// if there is not exactly one, in the source and in the staged page.
const inline = (text, where) => {
  const found = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)];
  if (found.length !== 1) throw new Error(`${where} has ${found.length} inline <script> elements, not one`);
  return found[0];
};
const sourceFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'index.html');
const [, script] = inline(fs.readFileSync(sourceFile, 'utf8'), 'index.html');
const { code: start } = await transform(script, { minify: true, target: 'es2020', legalComments: 'none' });
const [staged] = inline(html, 'the staged index.html');
html = html.replace(staged, () => `<script>${start.trimEnd()}</script>`);
console.log(`minify-js: index.html's inline script, ${Buffer.byteLength(start.trimEnd())} bytes`);

// The app's loader (Trunk.toml's pattern_script), an inline module that Trunk leaves as written.
const loaders = [...html.matchAll(/(<script\b[^>]*\btype="?module"?[^>]*>)([\s\S]*?)<\/script>/g)];
if (loaders.length !== 1) throw new Error(`the staged index.html has ${loaders.length} inline module scripts, not one`);
const [loader, open, body] = loaders[0];
const { code: load } = await transform(body, { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
html = html.replace(loader, () => `${open}${load.trimEnd()}</script>`);
console.log(`minify-js: the app's loader, ${Buffer.byteLength(body)} -> ${Buffer.byteLength(load.trimEnd())} bytes`);
fs.writeFileSync(htmlFile, html);
