// Trunk post_build hook (Trunk.toml, through scripts/post-build.sh): the stylesheet, as Trunk wrote
// it (minified in a release build), goes into index.html as a <style> element, and its file is
// removed. A stylesheet blocks the first paint: linked, it is one more request after the page,
// a round trip the figures wait for on a slow network (throttled, the first figure came about
// 140 ms sooner inlined: BENCHMARKS.md). It is 5 KB gzipped, and GitHub Pages keeps every file
// in the browser's cache for the same ten minutes, so a file of its own saves no later visit.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('inline-css.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const htmlFile = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlFile, 'utf8');
const links = [...html.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)].map((m) => m[0]);
if (links.length !== 1) throw new Error(`the staged index.html links ${links.length} stylesheets, not one`);
const [link] = links;
const href = /\bhref="?\.?\/?([^"\s>]+\.css)"?/.exec(link)?.[1];
if (!href) throw new Error(`no stylesheet file in ${link}`);
const file = path.join(dir, href);
const css = fs.readFileSync(file, 'utf8');
// Nothing in the stylesheet may end the element early.
if (/<\/style/i.test(css)) throw new Error(`${href} holds "</style"`);
html = html.replace(link, () => `<style>${css.trim()}</style>`);
fs.writeFileSync(htmlFile, html);
fs.unlinkSync(file);
console.log(`inline-css: ${href}, ${Buffer.byteLength(css)} bytes, into index.html`);
