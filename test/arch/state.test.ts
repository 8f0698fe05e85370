// Where the page's state may live. Zustand stores are made only in src/store/ (a few slices, not a
// store per folder), and src/app, src/store and src/panels keep no module-level `let` and no
// module-level Map/Set that is not read-only: state that lasts lives in a store or in a controller
// main.tsx makes (app/controllers.ts), so a test can make a fresh one.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Folders whose modules keep no state of their own (no module-level let, no mutable Map/Set). */
const NO_MODULE_LET = ['app', 'store', 'panels'];

/**
 * Named exceptions, each with its reason (path relative to src/, and the variable).
 * Keep this list short: a new entry needs a reason a reviewer accepts.
 */
export const ALLOWED: Readonly<Record<string, string>> = {
  'panels/output/markers.ts#cache': 'memo of a pure function (a marker shape and radius → its Path2D)',
  'panels/compare/style.ts#cache': 'memo of a pure function (a marker shape and area → its SVG path)',
  'panels/compare/text.ts#formatters': 'memo of Intl.NumberFormat objects by language and digits',
  'panels/lessons/look-at.ts#timers': 'the highlight timer of each marked element, weakly keyed by the element (gone with it)',
};

/** The folder a zustand store may be made in. */
const STORE_DIR = 'store';

function rel(file: string): string {
  return relative(SRC, file).split(sep).join('/');
}

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/**
 * Module-level state: `let`/`var` declarations and `const x = new Map|Set|WeakMap|WeakSet(…)` not typed
 * read-only, at the start of a line (outside any block: no indentation). Returns `let x` / `Map x`.
 */
export function moduleState(code: string): string[] {
  const out: string[] = [];
  const c = stripComments(code);
  const lets = /^(?:export\s+)?(?:let|var)\s+([A-Za-z_$][\w$]*)/gm;
  for (let m; (m = lets.exec(c)); ) out.push(m[1]);
  const colls = /^(?:export\s+)?const\s+([A-Za-z_$][\w$]*)\s*(:[^=]*)?=\s*new\s+(Weak)?(Map|Set)\b/gm;
  for (let m; (m = colls.exec(c)); ) if (!/^:\s*Readonly(Map|Set)\b/.test(m[2] ?? '')) out.push(m[1]);
  return out;
}

/** Calls that make a zustand store: `create(`, `create<T>()(`, `createStore(`, `createStore<T>(`. */
export function makesStore(code: string): boolean {
  const c = stripComments(code);
  if (!/from\s+['"]zustand(?:\/vanilla)?['"]/.test(c)) return false;
  return /(?<![.\w$])(?:create|createStore)\s*(?:<[^;]*?>)?\s*\(/.test(c);
}

export function stateOffences(files: readonly string[], read: (f: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const out: string[] = [];
  for (const file of files) {
    const r = rel(file), top = r.split('/')[0], code = read(file);
    if (top !== STORE_DIR && makesStore(code)) out.push(`${r}: makes a zustand store outside src/store/`);
    if (NO_MODULE_LET.includes(top)) {
      for (const name of moduleState(code)) if (!(`${r}#${name}` in ALLOWED)) out.push(`${r}: module-level state ${name}`);
    }
  }
  return out;
}

describe('state lives in the store slices and the page controllers', () => {
  it('no store outside src/store/, no module-level let or mutable Map/Set in app, store or panels', () => {
    expect(stateOffences(sourceFiles(SRC))).toEqual([]);
  });

  it('every allow-listed exception still exists (a stale entry goes)', () => {
    for (const key of Object.keys(ALLOWED)) {
      const [file, name] = key.split('#');
      expect(moduleState(readFileSync(join(SRC, file), 'utf8')), key).toContain(name);
    }
  });

  it('catches planted offences, and lets the allowed forms through', () => {
    const planted: Record<string, string> = {
      [join(SRC, 'panels/a/store.ts')]: "import { create } from 'zustand';\nexport const useA = create<{ n: number }>()(() => ({ n: 0 }));",
      [join(SRC, 'app/b.ts')]: "import { createStore } from 'zustand/vanilla';\nconst s = createStore(() => ({ n: 0 }));",
      [join(SRC, 'data/c.ts')]: "import { create } from 'zustand';\nexport const useC = create(() => ({}));",
      [join(SRC, 'app/d.ts')]: 'let timer: number | null = null;\nexport function f() { timer = 1; }',
      [join(SRC, 'store/e.ts')]: 'export let count = 0;',
      [join(SRC, 'panels/f/g.tsx')]: 'var seen = false;',
      [join(SRC, 'store/l.ts')]: 'const memory = new Map<string, string>();',
      [join(SRC, 'app/m.ts')]: 'export const seen: Set<string> = new Set();',
      [join(SRC, 'panels/n.ts')]: 'const timers = new WeakMap<Element, number>();',
    };
    const found = stateOffences(Object.keys(planted), (f) => planted[f]);
    expect(found).toHaveLength(Object.keys(planted).length);
    const fine: Record<string, string> = {
      [join(SRC, 'store/h.ts')]: "import { create } from 'zustand';\nexport const useH = create<{ n: number }>()(() => ({ n: 0 }));",
      [join(SRC, 'app/i.ts')]: 'export function f() {\n  let x = 0;\n  return ++x;\n}\n// let y = 0;\nconst z = 1;',
      [join(SRC, 'engine/j.ts')]: 'let scratch = new Float64Array(0);',
      [join(SRC, 'panels/k.tsx')]: "import { useStore } from 'zustand';\nconst m = useStore(s, (x) => x);\nconst o = Object.create(null);",
      [join(SRC, 'app/o.ts')]: "const KEYS: ReadonlySet<string> = new Set(['a']);\nfunction f() {\n  const seen = new Set();\n}",
    };
    expect(stateOffences(Object.keys(fine), (f) => fine[f])).toEqual([]);
  });
});
