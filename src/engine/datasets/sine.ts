// 1-D regression: y = sin(x) + Gaussian noise, x uniform on [-3, -1] ∪ [1, 3]. The gap in the middle
// and the plot running out to ±4 leave places with no data, where MC-dropout's spread should widen.
import type { Rng } from '../rng.ts';
import type { Split } from '../trainer.ts';
import type { Dataset } from './types.ts';

export const SINE_SUPPORT = { min: -3, max: 3, gapMin: -1, gapMax: 1 } as const;
/** Target noise standard deviation at noise 1. */
export const SINE_NOISE_SD = 0.5;
const PLOT_X = 4;

export function sampleSine(rng: Rng, n: number, noise: number): Split {
  const x = new Float32Array(n), y = new Float32Array(n);
  const { min, max, gapMin, gapMax } = SINE_SUPPORT;
  const left = gapMin - min, right = max - gapMax;
  for (let i = 0; i < n; i++) {
    // One uniform over the total length, folded onto the two intervals.
    const u = rng.next() * (left + right);
    const xi = u < left ? min + u : gapMax + (u - left);
    x[i] = xi;
    y[i] = Math.sin(xi) + noise * SINE_NOISE_SD * rng.normal();
  }
  return { x, y, n };
}

export function sineDomain(...splits: Split[]): NonNullable<Dataset['domain']> {
  let m = 0;
  for (const s of splits) for (let i = 0; i < s.n; i++) m = Math.max(m, Math.abs(s.y[i]));
  const h = Math.max(1.5, Math.ceil((m + 0.15) * 4) / 4);
  return { xMin: -PLOT_X, xMax: PLOT_X, yMin: -h, yMax: h };
}
