// The engine runs under Node, in a worker and in a page: no UI library and no DOM global may appear in
// its source. The scan strips comments (and, for globals, string contents) before looking.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENGINE = fileURLToPath(new URL('../../src/engine/', import.meta.url));

/**
 * Blanks comments (and, with blankStrings, the insides of string literals and template text) while
 * keeping every newline, so line numbers still match. Knows strings, templates with ${…} and regex literals.
 */
function blank(src: string, blankStrings: boolean): string {
  let out = '';
  let i = 0;
  const templ: number[] = []; // brace depth at which each open template's ${ began
  let depth = 0;
  let prev = ''; // last significant code character, to tell a regex from a division
  const keep = (c: string): string => (c === '\n' ? '\n' : ' ');
  const str = (c: string): string => (blankStrings ? keep(c) : c);
  const readQuoted = (q: string): void => {
    out += q;
    i++;
    while (i < src.length && src[i] !== q && src[i] !== '\n') {
      if (src[i] === '\\') { out += str(src[i]) + str(src[i + 1] ?? ''); i += 2; continue; }
      out += str(src[i++]);
    }
    if (i < src.length) out += src[i++];
  };
  const readTemplate = (): void => {
    // i is just after a backtick or a closing } of ${…}
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') { out += str(c) + str(src[i + 1] ?? ''); i += 2; continue; }
      if (c === '`') { out += c; i++; return; }
      if (c === '$' && src[i + 1] === '{') { out += '${'; i += 2; templ.push(depth); depth++; prev = '{'; return; }
      out += str(c);
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i], n = src[i + 1];
    if (c === '/' && n === '/') {
      while (i < src.length && src[i] !== '\n') { out += ' '; i++; }
    } else if (c === '/' && n === '*') {
      out += '  ';
      i += 2;
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) out += keep(src[i++]);
      out += '  ';
      i += 2;
    } else if (c === '"' || c === "'") {
      readQuoted(c);
      prev = 'a';
    } else if (c === '`') {
      out += c;
      i++;
      readTemplate();
      prev = 'a';
    } else if (c === '/' && (prev === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prev))) {
      let inClass = false;
      out += c;
      i++;
      while (i < src.length && src[i] !== '\n' && (inClass || src[i] !== '/')) {
        if (src[i] === '\\') { out += src[i] + (src[i + 1] ?? ''); i += 2; continue; }
        if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        out += src[i++];
      }
      out += src[i++] ?? '';
      prev = 'a';
    } else if (c === '}' && templ.length && templ[templ.length - 1] === depth - 1) {
      templ.pop();
      depth--;
      out += c;
      i++;
      readTemplate();
      prev = 'a';
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      if (!/\s/.test(c)) prev = /[\w$)\]]/.test(c) ? 'a' : c;
      out += c;
      i++;
    }
  }
  return out;
}

const FORBIDDEN_MODULE = /\b(?:from|import|require)\s*\(?\s*(['"])((?:react|react-dom|zustand|d3(?:-[\w-]+)?)(?:\/[^'"]*)?)\1/g;
const DOM_GLOBAL = /(?<![\w$])(window|document|navigator|HTMLElement|localStorage|requestAnimationFrame)(?![\w$])/g;

/** Every offending import or DOM global in one source text, as "line N: what". */
function violations(src: string): string[] {
  const found: string[] = [];
  const lineOf = (text: string, at: number): number => text.slice(0, at).split('\n').length;
  const code = blank(src, false);
  for (const m of code.matchAll(FORBIDDEN_MODULE)) found.push(`line ${lineOf(code, m.index)}: imports ${m[2]}`);
  const bare = blank(src, true);
  for (const m of bare.matchAll(DOM_GLOBAL)) found.push(`line ${lineOf(bare, m.index)}: uses ${m[1]}`);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|js|mjs)$/.test(f) ? [p] : [];
  });
}

describe('engine purity', () => {
  const files = sources(ENGINE);

  it('scans the whole engine', () => {
    const names = files.map((f) => relative(ENGINE, f).replaceAll('\\', '/'));
    expect(names).toEqual(expect.arrayContaining(['model.ts', 'trainer.ts', 'rng.ts', 'layers/linear.ts', 'layers/batchnorm.ts']));
  });

  it('blanking keeps the code in place: same length, same lines, every import still there', () => {
    for (const f of files) {
      const src = readFileSync(f, 'utf8'), code = blank(src, false);
      expect(code.length, f).toBe(src.length);
      expect(code.split('\n').length, f).toBe(src.split('\n').length);
      const imports = src.split('\n').filter((l) => /^import\b/.test(l)).length;
      expect(code.split('\n').filter((l) => /^import\b/.test(l)).length, f).toBe(imports);
    }
  });

  it('no engine file imports react, react-dom, d3 or zustand, or uses a DOM global', () => {
    const bad = files.flatMap((f) => violations(readFileSync(f, 'utf8')).map((v) => `${relative(ENGINE, f)} ${v}`));
    expect(bad).toEqual([]);
  });
});

describe('the purity check can fail', () => {
  it.each([
    ["import { create } from 'zustand';", 'imports zustand'],
    ['import * as React from "react";', 'imports react'],
    ["import 'react-dom/client';", 'imports react-dom/client'],
    ["const s = await import('d3-scale');", 'imports d3-scale'],
    ["import { max } from 'd3';", 'imports d3'],
    ['const w = window.innerWidth;', 'uses window'],
    ['document.title = "x";', 'uses document'],
    ['const lang = `${navigator.language}`;', 'uses navigator'],
    ['if (el instanceof HTMLElement) f();', 'uses HTMLElement'],
    ["localStorage.setItem('k', v);", 'uses localStorage'],
    ['requestAnimationFrame(tick);', 'uses requestAnimationFrame'],
    ['const r = /"/;\nconst w = window;', 'uses window'],
  ])('catches %s', (src, what) => {
    expect(violations(src)).toEqual([expect.stringContaining(what)]);
  });

  it.each([
    '// the window of a moving average; see document X',
    "/* import React from 'react' */",
    "const msg = 'paste into the document window';",
    'const windowSize = 3, documented = true, reactive = 1, d3x = 2, myWindow = 4;',
    "import { x } from './react-free.ts';",
    'const half = a / 2; const b = c / d; // window',
    'const t = `rows: ${n}` + "//" + \'/*\';',
  ])('leaves alone: %s', (src) => {
    expect(violations(src)).toEqual([]);
  });

  it('reports the line of a planted offence in a real engine file', () => {
    const src = readFileSync(join(ENGINE, 'model.ts'), 'utf8') + '\nexport const planted = () => window;\n';
    expect(violations(src)).toEqual([`line ${src.split('\n').length - 1}: uses window`]);
  });
});

describe('reference', () => {
  it('every fast layer file points to the readable reference engine', () => {
    for (const name of readdirSync(join(ENGINE, 'layers'))) {
      if (!name.endsWith('.ts') || name === 'types.ts' || name === 'fastmath.ts') continue;
      const text = readFileSync(join(ENGINE, 'layers', name), 'utf8');
      const header = text.split('\n').filter((l) => l.startsWith('//')).join('\n');
      expect(header.includes('reference'), name).toBe(true);
    }
  });
});
