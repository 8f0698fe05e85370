// Test helpers: seeded float32 data, snapshots of a model's whole state, and the float64 reference MLP
// (src/engine/reference.ts, written from test/parity/README.md alone), so that hand-built cases check
// the engine against something that shares none of its code.
import { BatchNorm, Rng, type Model } from '../../src/engine/index.ts';

import type { Mat } from '../../src/engine/reference.ts';

export * from '../../src/engine/reference.ts';
const f32 = Math.fround;

/** rows×cols float32-valued numbers, normal with the given scale. */
export function randMat(rng: Rng, rows: number, cols: number, scale = 1): Mat {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => f32(rng.normal() * scale)));
}

export const flat = (m: Mat): number[] => m.flat();
export const toF32 = (m: Mat): Float32Array => new Float32Array(m.flat());

/** Copies of every parameter value and BN running statistic, in a fixed order. */
export function snapshot(model: Model): Float32Array[] {
  const out: Float32Array[] = [];
  for (const l of model.layers) {
    for (const p of l.params) out.push(p.value.slice());
    if (l instanceof BatchNorm) out.push(l.runningMean.slice(), l.runningVar.slice());
  }
  return out;
}

/** Bitwise equality (so −0 ≠ 0 and NaN = NaN of the same payload): "unchanged" means exactly that. */
export function sameBits(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length), ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return false;
  return true;
}

export function sameSnapshot(a: Float32Array[], b: Float32Array[]): boolean {
  return a.length === b.length && a.every((x, i) => sameBits(x, b[i]));
}

