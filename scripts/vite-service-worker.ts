// Build plugin: compiles src/sw/service-worker.ts into dist/sw.js with the list of every file of this
// build (the bundle and the public folder, not source maps) and a version made from their contents,
// so a new build is a new service worker and an unchanged one is byte-identical. Build only: the dev
// server and the tests never register a service worker.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { transformWithOxc, type Plugin, type ResolvedConfig } from 'vite';

export const SW_FILE = 'sw.js';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** Files a page may ask for: everything built and public, less source maps and build bookkeeping. */
export function precacheable(name: string): boolean {
  return !name.endsWith('.map') && !name.startsWith('.') && !name.includes('/.') && name !== SW_FILE;
}

export function serviceWorker(source = 'src/sw/service-worker.ts'): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(c) {
      config = c;
    },
    async generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const [name, item] of Object.entries(bundle)) {
        if (!precacheable(name)) continue;
        files.push(name);
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source);
      }
      const pub = config.publicDir;
      if (pub) {
        for (const file of listFiles(pub)) {
          const name = relative(pub, file).split(sep).join('/');
          if (!precacheable(name) || bundle[name]) continue;
          files.push(name);
          hash.update(name).update(readFileSync(file));
        }
      }
      files.sort();
      // index.html first: the page itself, then what it loads.
      const ordered = ['index.html', ...files.filter((f) => f !== 'index.html')];
      if (!files.includes('index.html')) throw new Error('service worker: no index.html in the build');
      const version = hash.digest('hex').slice(0, 16);
      const file = resolve(config.root, source);
      const ts = readFileSync(file, 'utf8');
      // A classic script: the `export {}` that makes the source a module for the type check goes.
      const js = (await transformWithOxc(ts, file, { lang: 'ts' })).code.replace(/^export\s*\{\s*\};?\s*$/m, '');
      const manifest = JSON.stringify({ version, files: ordered });
      if (!js.includes('__PRECACHE__')) throw new Error(`service worker: ${source} does not read __PRECACHE__`);
      this.emitFile({ type: 'asset', fileName: SW_FILE, source: js.replace(/\b__PRECACHE__\b/g, manifest) });
    },
  };
}
