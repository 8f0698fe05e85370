// Finite-difference gradient checks shared by the MLP and the CNN tests: the engine's backward pass
// against central differences of its own training-mode loss (batch statistics, fixed dropout masks).
import { buildModel, Dropout, Dropout2d, MaxPool2d, Rng, THIS_BATCH_MODE, type Model, type ModelSpec, type Targets } from '../../src/engine/index.ts';

export interface Case {
  model: Model;
  x: Float32Array;
  y: Targets;
  B: number;
  /** Fixed keep-masks by dropout layer index, set before every evaluation. */
  masks: Map<number, number[]>;
}

export const H = 3e-3;

export function setMasks(c: Case): void {
  for (const [i, m] of c.masks) (c.model.layers[i] as Dropout | Dropout2d).nextMask = m;
}

/** The training-mode loss (batch statistics, the fixed masks) without touching running statistics. */
export function lossOf(c: Case): number {
  setMasks(c);
  const z = c.model.forward(c.x, c.B, THIS_BATCH_MODE);
  return c.model.loss.forward(z, c.y, c.B, false);
}

/** Central differences over every entry of v; the step is the float32 distance actually moved. */
export function numeric(c: Case, v: Float32Array): Float64Array {
  const g = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) {
    const orig = v[k];
    const hk = H * Math.max(1, Math.abs(orig));
    v[k] = orig + hk;
    const up = v[k], lp = lossOf(c);
    v[k] = orig - hk;
    const down = v[k], lm = lossOf(c);
    v[k] = orig;
    g[k] = (lp - lm) / (up - down);
  }
  return g;
}

/** Analytic gradients from one training step whose SGD update has lr 0 (so nothing moves). */
export function analytic(c: Case): { params: Map<string, Float32Array>; input: Float32Array } {
  c.model.setOptimizer({ type: 'sgd', lr: 0, momentum: 0, weightDecay: 0 });
  c.model.wantInputGrad = true;
  setMasks(c);
  const res = c.model.trainStep(c.x, c.y, c.B);
  if (res.diverged) throw new Error('gradient step diverged');
  const params = new Map(c.model.namedParams().map(({ key, param }) => [key, param.grad.slice()]));
  return { params, input: c.model.inputGrad!.slice() };
}

/**
 * Mismatches between analytic and numeric gradients. The absolute floor scales with the vector's
 * largest entry: float32 forward passes leave about 1e-5 of noise in a difference quotient.
 */
export function compareGrads(where: string, a: ArrayLike<number>, n: ArrayLike<number>): string[] {
  let scale = 0;
  for (let i = 0; i < n.length; i++) scale = Math.max(scale, Math.abs(n[i]));
  const atol = 2e-4 * Math.max(scale, 0.1), rtol = 5e-3;
  const bad: string[] = [];
  for (let i = 0; i < n.length; i++) {
    if (!(Math.abs(a[i] - n[i]) <= atol + rtol * Math.abs(n[i]))) bad.push(`${where}[${i}]: analytic ${a[i]}, numeric ${n[i]}`);
  }
  return bad;
}

export function checkAll(c: Case): string[] {
  const an = analytic(c);
  const bad: string[] = [];
  for (const { key, param } of c.model.namedParams()) bad.push(...compareGrads(key, an.params.get(key)!, numeric(c, param.value)));
  bad.push(...compareGrads('input', an.input, numeric(c, c.x)));
  return bad;
}

export function makeCase(spec: ModelSpec, B: number, seed: number, masks: Record<number, number> = {}): Case {
  const rng = new Rng(seed);
  const model = buildModel(spec, { initRng: new Rng(seed, 1), dropoutRng: new Rng(seed, 2) });
  const x = new Float32Array(B * spec.input).map(() => rng.normal());
  const C = model.outDim;
  const y = spec.loss === 'cross_entropy' ? new Int32Array(B).map(() => rng.int(C)) : new Float32Array(B * C).map(() => rng.normal());
  const m = new Map<number, number[]>();
  for (const [i, p] of Object.entries(masks)) {
    const layer = model.layers[Number(i)];
    // Element dropout: a bit per value; channel dropout: a bit per (sample, channel).
    const width = layer instanceof Dropout2d ? layer.shape.c : layer.inDim;
    // At least one kept unit per row, so no row's gradient is trivially zero.
    m.set(Number(i), Array.from({ length: B * width }, (_, k) => (k % width === 0 || rng.next() >= p ? 1 : 0)));
  }
  return { model, x, y, B, masks: m };
}

/** Smallest |ReLU input| in the case's forward pass, relative to how far one finite-difference step can move it. */
export function reluMarginOk(c: Case, margin = 0.05): boolean {
  lossOf(c);
  const L = c.model.layers;
  for (let i = 1; i < L.length; i++) {
    if (L[i].type !== 'relu') continue;
    const pre = L[i - 1].out.subarray(0, c.B * L[i - 1].outDim);
    if (pre.some((v) => Math.abs(v) < margin)) return false;
  }
  return true;
}


/**
 * Every max-pool window's largest value leads the runner-up by more than one finite-difference step can
 * close (otherwise the difference quotient straddles a switch of the maximum).
 */
export function poolMarginOk(c: Case, gap = 0.05): boolean {
  lossOf(c);
  const L = c.model.layers;
  for (let i = 1; i < L.length; i++) {
    const pool = L[i];
    if (!(pool instanceof MaxPool2d)) continue;
    const x = L[i - 1].out, { c: C, h: Hh, w: W } = pool.inShape, k = pool.kernel, s = pool.stride;
    for (let m = 0; m < c.B * C; m++) {
      for (let oi = 0; oi < pool.outShape.h; oi++) {
        for (let oj = 0; oj < pool.outShape.w; oj++) {
          const vals: number[] = [];
          for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) vals.push(x[m * Hh * W + (oi * s + u) * W + oj * s + v]);
          vals.sort((a, b) => b - a);
          if (vals.length > 1 && vals[0] - vals[1] < gap) return false;
        }
      }
    }
  }
  return true;
}

/** Largest |analytic − numeric| / (atol + rtol·|numeric|) over a case (1 = the edge of what compareGrads allows). */
export function worstRatio(c: Case): number {
  const an = analytic(c);
  const ratio = (a: ArrayLike<number>, n: ArrayLike<number>): number => {
    let scale = 0, worst = 0;
    for (let i = 0; i < n.length; i++) scale = Math.max(scale, Math.abs(n[i]));
    const atol = 2e-4 * Math.max(scale, 0.1), rtol = 5e-3;
    for (let i = 0; i < n.length; i++) worst = Math.max(worst, Math.abs(a[i] - n[i]) / (atol + rtol * Math.abs(n[i])));
    return worst;
  };
  let w = 0;
  for (const { key, param } of c.model.namedParams()) w = Math.max(w, ratio(an.params.get(key)!, numeric(c, param.value)));
  return Math.max(w, ratio(an.input, numeric(c, c.x)));
}
