// Serves a built dist/ the way GitHub Pages does for the benchmarks of a visitor's start
// (bench/lighthouse.mjs, bench/visitor.mjs): every response gzipped when the browser accepts it
// (Content-Encoding: gzip, level 9 here; Pages' own level is not published), and
// Cache-Control: max-age=600. Each load in the benchmarks uses a fresh browser profile or
// context, so nothing is cached between loads. On 127.0.0.1, a free port.
//
//   const s = await serveGzip('dist');  // s.url, s.close()
//   node bench/serve-gzip.mjs [DIST]   # serves until killed, prints the URL
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { mimeType, DIST } from '../tests/browser/harness.mjs';

export async function serveGzip(root = DIST) {
  const base = fs.realpathSync(root);
  const gzipped = new Map(); // file → gzip bytes, compressed once
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, `.${rel}`);
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    const headers = { 'Content-Type': mimeType(file), 'Cache-Control': 'max-age=600', Vary: 'Accept-Encoding' };
    let body = fs.readFileSync(file);
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(body, { level: 9 }));
      body = gzipped.get(file);
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? '' : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const s = await serveGzip(process.argv[2] || DIST);
  console.log(s.url);
}
