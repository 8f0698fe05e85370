// What the batch-norm panel reads off a frame: the norm layers with their place in the network, and
// plain moments of a batch column.
import type { Frame, LayerFrame } from '../../protocol/frame.ts';

export interface NormInfo {
  layer: LayerFrame;
  kind: 'batchnorm' | 'layernorm';
  /** Hidden layer it belongs to, 0-based. */
  hidden: number;
  place: 'before' | 'after';
}

export function normLayersOf(f: Frame): NormInfo[] {
  const out: NormInfo[] = [];
  let hidden = -1;
  f.layers.forEach((l, i) => {
    if (l.type === 'linear') hidden++;
    else if (l.type === 'batchnorm' || l.type === 'layernorm') {
      // compileNet puts a norm layer right after the Linear (before the activation) or after the activation.
      out.push({ layer: l, kind: l.type, hidden, place: f.layers[i - 1]?.type === 'linear' ? 'before' : 'after' });
    }
  });
  return out;
}

export interface Moments {
  n: number;
  mean: number;
  /** Biased (divide by n), as batch normalization uses. */
  variance: number;
  min: number;
  max: number;
}

export function moments(v: ArrayLike<number>): Moments {
  const n = v.length;
  let s = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    s += v[i];
    if (v[i] < min) min = v[i];
    if (v[i] > max) max = v[i];
  }
  const mean = n ? s / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
  return { n, mean, variance: n ? ss / n : NaN, min, max };
}
