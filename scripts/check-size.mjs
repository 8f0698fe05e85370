// The initial JavaScript budget: the gzipped size of what the browser loads before the app can start —
// index.html's entry module, every chunk that module imports statically (transitively), any
// modulepreload link, and the first screen's strings, which the entry loads in the page's language
// before its first render (assets/<lang>-first-*.js). A page loads one language's strings only; the
// budget holds for either, so the larger (Korean) is counted, and the figure for each is printed.
// Other lazy chunks (import()) and the training worker are not counted: they load after the page is up.
// Usage: node scripts/check-size.mjs [distDir] — exits 1 above the budget.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 110 KB (issue 13; aim 100) as Vite prints sizes (1 kB = 1000 bytes), gzip at zlib's default level. */
export const BUDGET_BYTES = 110_000;

// Static `import … from "x"`, `import "x"` and `export … from "x"` in a minified ES module; a dynamic
// import("x") has a parenthesis after `import` and does not match.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

function htmlEntries(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["'][^>]*>/g)) out.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["'][^>]*>/g)) out.push(m[1]);
  return out;
}

/** The initially loaded JS files of a built app, with raw and gzipped sizes. */
export function initialJs(distDir = 'dist') {
  const dist = resolve(distDir);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const seen = new Map();
  const queue = htmlEntries(html)
    .filter((u) => !/^[a-z]+:|^\/\//i.test(u))
    .map((u) => resolve(dist, u.replace(/^\//, '')));
  if (queue.length === 0) throw new Error(`no module script in ${join(dist, 'index.html')}`);
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    const code = readFileSync(file);
    seen.set(file, { file: relative(dist, file), raw: code.length, gzip: gzipSync(code).length });
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      if (/^[a-z]+:|^\/\//i.test(m[1])) continue;
      queue.push(resolve(dirname(file), m[1]));
    }
  }
  // The first screen's strings: one language's, loaded by the entry before it renders.
  let strings = null;
  const langs = [];
  for (const name of readdirSync(join(dist, 'assets')).filter((f) => /^[a-z]{2}-first-[\w-]+\.js$/.test(f))) {
    const code = readFileSync(join(dist, 'assets', name));
    const f = { file: `assets/${name}`, raw: code.length, gzip: gzipSync(code).length };
    langs.push({ lang: name.slice(0, 2), gzip: f.gzip });
    if (!strings || f.gzip > strings.gzip) strings = f;
  }
  if (!strings) throw new Error(`no first-screen strings (assets/<lang>-first-*.js) in ${dist}`);
  const files = [...seen.values(), strings];
  const code = [...seen.values()].reduce((s, f) => s + f.gzip, 0);
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: code + strings.gzip, byLang: Object.fromEntries(langs.map((l) => [l.lang, code + l.gzip])) };
}

function main() {
  const dir = process.argv[2] ?? 'dist';
  const r = initialJs(dir);
  for (const f of r.files) console.log(`  ${f.file}  ${(f.raw / 1000).toFixed(1)} kB raw, ${(f.gzip / 1000).toFixed(1)} kB gzip`);
  const ok = r.gzip <= BUDGET_BYTES;
  const each = Object.entries(r.byLang).map(([l, g]) => `${l} page ${(g / 1000).toFixed(1)}`).join(', ');
  console.log(`initial JS: ${(r.gzip / 1000).toFixed(1)} kB gzipped (${each}; the larger counts; budget ${BUDGET_BYTES / 1000} kB) ${ok ? 'OK' : 'OVER BUDGET'}`);
  if (!ok) process.exitCode = 1;
  // A development build (React's jsxDEV runtime, built with NODE_ENV=development) is not what ships,
  // and every figure measured on it is wrong: refuse it.
  const dev = r.files.filter((f) => readFileSync(join(resolve(dir), f.file), 'utf8').includes('jsxDEV'));
  if (dev.length) {
    console.log(`development build (jsxDEV in ${dev.map((f) => f.file).join(', ')}): build with NODE_ENV=production`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
