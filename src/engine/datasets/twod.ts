// The 2-D classification sets (two classes, inputs around [-1, 1]²). Every point costs the same number
// of draws whatever the noise, and labels alternate 0, 1, 0, …, so: classes are balanced to within one,
// a larger set extends a smaller one (same seed), and moving the noise slider moves points smoothly.
import type { Rng } from '../rng.ts';
import type { Split } from '../trainer.ts';
import type { Dataset } from './types.ts';

type Point = [number, number];
/** One point of a given class from base draws; the caller adds the Gaussian jitter. */
type Shape = (rng: Rng, label: number) => Point;

export interface TwoDSet {
  shape: Shape;
  /** Jitter standard deviation at noise 1 (scales linearly with noise). */
  jitter: number;
}

const TAU = 2 * Math.PI;

/** Inner disc r ≤ 0.5 (class 0) and ring 0.7 ≤ r ≤ 1 (class 1), both area-uniform. */
const circles: Shape = (rng, label) => {
  const u = rng.next(), a = TAU * rng.next();
  const r = label === 0 ? 0.5 * Math.sqrt(u) : Math.sqrt(0.49 + 0.51 * u);
  return [r * Math.cos(a), r * Math.sin(a)];
};

/** Class 0 where x·y > 0, class 1 where x·y < 0; each coordinate at least 0.05 from the axes. */
const xor: Shape = (rng, label) => {
  const sx = rng.next() < 0.5 ? -1 : 1;
  const sy = label === 0 ? sx : -sx;
  return [sx * (0.05 + 0.95 * rng.next()), sy * (0.05 + 0.95 * rng.next())];
};

/** Two round blobs of standard deviation 0.15 at ±(0.45, 0.45); noise widens them. */
const gaussians: Shape = (rng, label) => {
  const c = label === 0 ? -0.45 : 0.45;
  return [c + 0.15 * rng.normal(), c + 0.15 * rng.normal()];
};

export const SPIRAL_TURNS = 1.5;

/** Two interleaved arms r = t, θ = 2π·turns·t + π·label, t ∈ [0.08, 1] (the very centre is ambiguous). */
const spiral: Shape = (rng, label) => {
  const t = 0.08 + 0.92 * rng.next();
  const a = TAU * SPIRAL_TURNS * t + Math.PI * label;
  return [t * Math.cos(a), t * Math.sin(a)];
};

/** scikit-learn's two moons, centred and scaled by 1/1.5 so x ∈ [-1, 1], y ∈ [-0.5, 0.5]. */
const moons: Shape = (rng, label) => {
  const t = Math.PI * rng.next();
  const x = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
  const y = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
  return [(x - 0.5) / 1.5, (y - 0.25) / 1.5];
};

// Jitter scales are set so noise 0.25 blurs the class border a little and noise 1 overlaps it badly.
export const TWO_D: Record<'circles' | 'xor' | 'gaussians' | 'spiral' | 'moons', TwoDSet> = {
  circles: { shape: circles, jitter: 0.3 },
  xor: { shape: xor, jitter: 0.3 },
  gaussians: { shape: gaussians, jitter: 0.6 },
  spiral: { shape: spiral, jitter: 0.3 },
  moons: { shape: moons, jitter: 0.4 },
};

export function sample2D(set: TwoDSet, rng: Rng, n: number, noise: number): Split {
  const x = new Float32Array(n * 2), y = new Int32Array(n);
  const sd = noise * set.jitter;
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const [px, py] = set.shape(rng, label);
    // Drawn even at noise 0, so the noise level never changes which base draws a point gets.
    const jx = rng.normal(), jy = rng.normal();
    x[2 * i] = px + sd * jx;
    x[2 * i + 1] = py + sd * jy;
    y[i] = label;
  }
  return { x, y, n };
}

/** A square domain of half-width ≥ 1.5 (in steps of 0.25) that holds every point with a margin. */
export function squareDomain(...splits: Split[]): NonNullable<Dataset['domain']> {
  let m = 0;
  for (const s of splits) for (let i = 0; i < s.n * 2; i++) m = Math.max(m, Math.abs(s.x[i]));
  const h = Math.max(1.5, Math.ceil((m + 0.15) * 4) / 4);
  return { xMin: -h, xMax: h, yMin: -h, yMax: h };
}
