// The initial-JS budget check on a hand-made dist: it follows the entry's static imports and
// modulepreload links, adds the larger language's first-screen strings, and leaves out other dynamic
// import() chunks and the worker.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { initialJs } from '../../scripts/check-size.mjs';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function dist(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'reglab-size-'));
  mkdirSync(join(dir, 'assets'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('initialJs', () => {
  it('counts the entry, its static imports (transitively), preloads and the larger first-screen strings, not lazy chunks or the worker', () => {
    const entry = 'import{a as x}from"./shared-1.js";import"./side-2.js";const l=()=>import("./lazy-3.js");new Worker(new URL("./worker-4.js",import.meta.url));export{x};';
    const files = {
      'index.html': '<script type="module" crossorigin src="./assets/entry-0.js"></script><link rel="modulepreload" href="./assets/pre-5.js">',
      'assets/entry-0.js': entry,
      'assets/shared-1.js': 'export * from "./deep-6.js";export const a=1;',
      'assets/side-2.js': 'console.log(1)',
      'assets/lazy-3.js': 'x'.repeat(5000),
      'assets/worker-4.js': 'y'.repeat(5000),
      'assets/pre-5.js': 'export const p=2;',
      'assets/deep-6.js': 'export const d=3;',
      'assets/en-first-7.js': 'export default {a:"one"};',
      'assets/ko-first-8.js': 'export default {a:"하나 둘 셋"};',
      'assets/ko-rest-9.js': 'z'.repeat(5000),
    };
    const r = initialJs(dist(files));
    expect(r.files.map((f) => f.file).sort()).toEqual(['assets/deep-6.js', 'assets/entry-0.js', 'assets/ko-first-8.js', 'assets/pre-5.js', 'assets/shared-1.js', 'assets/side-2.js']);
    const expected = r.files.reduce((s, f) => s + gzipSync(files[f.file as keyof typeof files]).length, 0);
    expect(r.gzip).toBe(expected);
    // Each language's page: the same code with its own strings; the larger is the budget's figure.
    expect(r.byLang.ko).toBe(r.gzip);
    expect(r.byLang.en).toBe(r.gzip - gzipSync(files['assets/ko-first-8.js']).length + gzipSync(files['assets/en-first-7.js']).length);
  });

  it('refuses a dist without a module entry', () => {
    expect(() => initialJs(dist({ 'index.html': '<p>empty</p>' }))).toThrow(/no module script/);
  });

  it('refuses a dist whose entry loads no first-screen strings', () => {
    expect(() => initialJs(dist({ 'index.html': '<script type="module" src="./assets/e.js"></script>', 'assets/e.js': 'export{}' }))).toThrow(/first-screen strings/);
  });
});
