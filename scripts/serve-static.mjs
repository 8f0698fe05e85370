// A tiny static file server that mounts a built folder under a sub-path (like /courses/ml/lab/) and
// answers 404 for everything else, so a test or benchmark sees exactly what a plain static host gives.
// Usage: node scripts/serve-static.mjs [dir=dist] [base=/courses/ml/lab/] [port=0]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` at `base` on 127.0.0.1 (port 0 picks a free one). Resolves to the origin, the full
 * URL of the app, every path asked for, and a close function.
 */
export async function serveStatic(dir = 'dist', base = '/courses/ml/lab/', port = 0) {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const requested = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requested.push(path);
    if (path === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix });
      res.end();
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = resolve(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    url: origin + prefix,
    requested,
    close: () => new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(() => ok(undefined));
    }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', base = '/courses/ml/lab/', port = '0'] = process.argv.slice(2);
  const s = await serveStatic(dir, base, Number(port));
  console.log(`serving ${resolve(dir)} at ${s.url}`);
}
