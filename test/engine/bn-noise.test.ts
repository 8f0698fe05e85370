// E10's teaching switch "noise after BN", in BatchNorm1d and BatchNorm2d: in training passes each unit
// (BN1d) or channel (BN2d) is scaled by 1 + U(0, 0.2) and shifted by N(0, 0.1²), one draw per unit or
// channel per pass, shared by every sample (and every position of a map); never at inference; and the
// gradient flows through the scale (dL/d(γx̂ + β) = a · dL/dy).
import { describe, expect, it } from 'vitest';
import { BatchNorm, BatchNorm2d, EVAL_MODE, Rng, TRAIN_MODE } from '../../src/engine/index.ts';

const cfg = (noise: boolean) => ({ eps: 1e-5, momentum: 0.1, batchStatsAtInference: false, noise });

function input(n: number, seed: number): Float32Array {
  const r = new Rng(seed), x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = r.normal() * 2 + 0.5;
  return x;
}

type AnyBn = BatchNorm | BatchNorm2d;
const make: Record<string, (noise: boolean) => { layer: AnyBn; B: number; group: (i: number) => number; n: number }> = {
  BatchNorm1d: (noise) => ({ layer: new BatchNorm(5, cfg(noise)), B: 4, n: 20, group: (i) => i % 5 }),
  BatchNorm2d: (noise) => ({ layer: new BatchNorm2d({ c: 3, h: 2, w: 3 }, cfg(noise)), B: 4, n: 72, group: (i) => Math.floor(i / 6) % 3 }),
};

describe.each(Object.keys(make))('noise after %s', (name) => {
  it('training: one scale and shift per unit/channel, shared by the batch; inference: none', () => {
    const noisy = make[name](true), clean = make[name](false);
    noisy.layer.setNoiseRng(new Rng(7));
    const x = input(noisy.n, 3);
    const y = Float32Array.from(noisy.layer.forward(x, noisy.B, TRAIN_MODE));
    const y0 = Float32Array.from(clean.layer.forward(x, clean.B, TRAIN_MODE));
    const a = noisy.layer.noiseScale, s = noisy.layer.noiseShift;
    expect(noisy.layer.noisy).toBe(true);
    for (let i = 0; i < noisy.n; i++) {
      const g = noisy.group(i);
      expect(a[g]).toBeGreaterThanOrEqual(1);
      expect(a[g]).toBeLessThanOrEqual(1.2);
      expect(y[i]).toBeCloseTo(a[g] * y0[i] + s[g], 5);
    }
    expect(new Set(a).size).toBe(a.length); // a fresh draw per unit/channel
    expect(Array.from(s).some((v) => v !== 0)).toBe(true);
    // A second pass draws again.
    const first = Float32Array.from(a);
    noisy.layer.forward(x, noisy.B, TRAIN_MODE);
    expect(Array.from(noisy.layer.noiseScale)).not.toEqual(Array.from(first));
    // Inference: the running statistics only, no noise.
    const yi = Float32Array.from(noisy.layer.forward(x, noisy.B, EVAL_MODE));
    const yi0 = Float32Array.from(clean.layer.forward(x, clean.B, EVAL_MODE));
    expect(noisy.layer.noisy).toBe(false);
    expect(Array.from(yi)).toEqual(Array.from(yi0));
  });

  it('backward passes the gradient through the scale', () => {
    const noisy = make[name](true), clean = make[name](false);
    noisy.layer.setNoiseRng(new Rng(11));
    const x = input(noisy.n, 5), d = input(noisy.n, 9);
    noisy.layer.forward(x, noisy.B, TRAIN_MODE);
    clean.layer.forward(x, clean.B, TRAIN_MODE);
    const dIn = Float32Array.from(noisy.layer.backward(d, noisy.B, true));
    const scaled = d.map((v, i) => v * noisy.layer.noiseScale[noisy.group(i)]);
    const dIn0 = Float32Array.from(clean.layer.backward(scaled, clean.B, true));
    for (let i = 0; i < noisy.n; i++) expect(dIn[i]).toBeCloseTo(dIn0[i], 5);
    expect(Array.from(noisy.layer.gamma.grad)).toEqual(Array.from(clean.layer.gamma.grad));
  });
});
