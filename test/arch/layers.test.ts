// Imports only point down. Each folder of src/ may import only from the folders its row allows; the
// test reads every import (static, dynamic, type-only and re-exports) of every source file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** For each top-level folder: the folders it must never import from. */
export const FORBIDDEN: Record<string, readonly string[]> = {
  engine: ['*'], // nothing outside src/engine
  protocol: ['worker', 'bridge', 'store', 'panels', 'charts', 'app', 'lessons'],
  worker: ['bridge', 'store', 'panels', 'charts', 'app', 'data'],
  data: ['worker'], // the page's side of the learner's own data (parsing a file, the loaded rows)
  charts: ['store', 'panels', 'app', 'worker', 'bridge'],
  store: ['charts', 'panels'],
  panels: ['worker'],
};

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

/** Every module specifier a file names: import … from, export … from, import(), side-effect imports. */
export function specifiers(code: string): string[] {
  const noComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;
  for (let m; (m = re.exec(noComments)); ) out.push(m[2]);
  return out;
}

/** The top folder of src/ a relative import lands in (null for packages, or a file directly in src/). */
function topOf(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const rel = relative(SRC, resolve(dirname(file), spec));
  if (rel.startsWith('..')) return '..';
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : null;
}

export function violations(files: readonly string[], read: (f: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const out: string[] = [];
  for (const file of files) {
    const from = relative(SRC, file).split(sep)[0];
    const banned = FORBIDDEN[from];
    if (!banned) continue;
    for (const spec of specifiers(read(file))) {
      const to = topOf(file, spec);
      if (from === 'engine') {
        if (spec.startsWith('.') ? to !== 'engine' : true) out.push(`${relative(SRC, file)} → ${spec}`);
      } else if (to && to !== from && banned.includes(to)) out.push(`${relative(SRC, file)} → ${spec}`);
    }
  }
  return out;
}

describe('layers', () => {
  it('every import points down', () => {
    expect(violations(sourceFiles(SRC))).toEqual([]);
  });

  it('catches planted offences of every kind', () => {
    const planted: Record<string, string> = {
      [join(SRC, 'engine/x.ts')]: "import type { DataConfig } from '../protocol/config.ts';",
      [join(SRC, 'engine/y.ts')]: "import { create } from 'zustand';",
      [join(SRC, 'protocol/x.ts')]: "export { a } from '../worker/run.ts';",
      [join(SRC, 'worker/x.ts')]: "const m = await import('../store/lab.ts');",
      [join(SRC, 'charts/x.ts')]: "import { useFrame } from '../store/frame.ts';",
      [join(SRC, 'store/x.ts')]: "import '../charts/visibility.ts';",
      [join(SRC, 'panels/a/x.tsx')]: "import type { M } from '../../worker/experiments-handler.ts';",
    };
    const found = violations(Object.keys(planted), (f) => planted[f]);
    expect(found).toHaveLength(Object.keys(planted).length);
    // Allowed directions are not flagged.
    const fine: Record<string, string> = {
      [join(SRC, 'engine/z.ts')]: "import { Rng } from './rng.ts'; // import x from '../protocol/a.ts'",
      [join(SRC, 'panels/b/x.tsx')]: "import { useLab } from '../../store/lab.ts';",
      [join(SRC, 'worker/y.ts')]: "import type { Frame } from '../protocol/frame.ts';",
    };
    expect(violations(Object.keys(fine), (f) => fine[f])).toEqual([]);
  });
});

describe('type guards', () => {
  it('the *.check.ts guards are inside a project `tsc -b` checks, and `npm test` runs `tsc -b` first', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const node = JSON.parse(readFileSync(join(root, 'tsconfig.node.json'), 'utf8')) as { include: string[] };
    expect(node.include).toContain('test/**/*.ts');
    const guards = sourceFiles(join(root, 'test')).filter((f) => f.endsWith('.check.ts'));
    expect(guards.length).toBeGreaterThanOrEqual(2);
    for (const g of guards) expect(readFileSync(g, 'utf8')).toMatch(/@ts-expect-error/);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test.startsWith('tsc -b')).toBe(true);
  });
});
