// Finite-difference gradient checks: the engine's backward pass against central differences of its
// own training-mode loss, for every layer type, both losses, parameters and the input.
import { describe, expect, it } from 'vitest';
import {
  Activation, buildModel, compileNet, Dropout, Linear, Rng, TRAIN_VIEW_MODE,
  type Model, type ModelSpec, type NetSpec, type Targets,
} from '../../src/engine/index.ts';

interface Case {
  model: Model;
  x: Float32Array;
  y: Targets;
  B: number;
  /** Fixed keep-masks by dropout layer index, set before every evaluation. */
  masks: Map<number, number[]>;
}

const H = 3e-3;

function setMasks(c: Case): void {
  for (const [i, m] of c.masks) (c.model.layers[i] as Dropout).nextMask = m;
}

/** The training-mode loss (batch statistics, the fixed masks) without touching running statistics. */
function lossOf(c: Case): number {
  setMasks(c);
  const z = c.model.forward(c.x, c.B, TRAIN_VIEW_MODE);
  return c.model.loss.forward(z, c.y, c.B, false);
}

/** Central differences over every entry of v; the step is the float32 distance actually moved. */
function numeric(c: Case, v: Float32Array): Float64Array {
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
function analytic(c: Case): { params: Map<string, Float32Array>; input: Float32Array } {
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
function compareGrads(where: string, a: ArrayLike<number>, n: ArrayLike<number>): string[] {
  let scale = 0;
  for (let i = 0; i < n.length; i++) scale = Math.max(scale, Math.abs(n[i]));
  const atol = 2e-4 * Math.max(scale, 0.1), rtol = 5e-3;
  const bad: string[] = [];
  for (let i = 0; i < n.length; i++) {
    if (!(Math.abs(a[i] - n[i]) <= atol + rtol * Math.abs(n[i]))) bad.push(`${where}[${i}]: analytic ${a[i]}, numeric ${n[i]}`);
  }
  return bad;
}

function checkAll(c: Case): string[] {
  const an = analytic(c);
  const bad: string[] = [];
  for (const { key, param } of c.model.namedParams()) bad.push(...compareGrads(key, an.params.get(key)!, numeric(c, param.value)));
  bad.push(...compareGrads('input', an.input, numeric(c, c.x)));
  return bad;
}

function makeCase(spec: ModelSpec, B: number, seed: number, masks: Record<number, number> = {}): Case {
  const rng = new Rng(seed);
  const model = buildModel(spec, { initRng: new Rng(seed, 1), dropoutRng: new Rng(seed, 2) });
  const x = new Float32Array(B * spec.input).map(() => rng.normal());
  const C = model.outDim;
  const y = spec.loss === 'cross_entropy' ? new Int32Array(B).map(() => rng.int(C)) : new Float32Array(B * C).map(() => rng.normal());
  const m = new Map<number, number[]>();
  for (const [i, p] of Object.entries(masks)) {
    const width = model.layers[Number(i)].inDim;
    // At least one kept unit per row, so no row's gradient is trivially zero.
    m.set(Number(i), Array.from({ length: B * width }, (_, k) => (k % width === 0 || rng.next() >= p ? 1 : 0)));
  }
  return { model, x, y, B, masks: m };
}

/** Smallest |ReLU input| in the case's forward pass, relative to how far one finite-difference step can move it. */
function reluMarginOk(c: Case): boolean {
  lossOf(c);
  const L = c.model.layers;
  for (let i = 1; i < L.length; i++) {
    if (L[i].type !== 'relu') continue;
    const pre = L[i - 1].out.subarray(0, c.B * L[i - 1].outDim);
    if (pre.some((v) => Math.abs(v) < 0.05)) return false;
  }
  return true;
}

const net = (over: Partial<NetSpec>): NetSpec => ({
  hidden: [5, 4], activation: 'tanh', norm: ['none', 'none'], normPlacement: 'before',
  dropoutP: 0.3, dropoutInput: false, dropoutHidden: [false, false], dropoutScaling: 'inverted',
  init: 'he', initScale: 1, bnMomentum: 0.1, bnEps: 1e-5, lnEps: 1e-5, ...over,
});

describe('gradients match central differences', () => {
  it('Linear with and without bias, tanh, MSE', () => {
    const c = makeCase({ input: 3, layers: [{ type: 'linear', out: 5 }, { type: 'tanh' }, { type: 'linear', out: 2, bias: false }], loss: 'mse' }, 4, 11);
    expect(c.model.params().length).toBe(3);
    const bad = checkAll(c);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('ReLU away from its kink, cross-entropy', () => {
    let c: Case | null = null;
    for (let seed = 1; seed < 200 && !c; seed++) {
      const cand = makeCase({ input: 3, layers: [{ type: 'linear', out: 6 }, { type: 'relu' }, { type: 'linear', out: 3 }], loss: 'cross_entropy' }, 5, seed);
      if (reluMarginOk(cand)) c = cand;
    }
    expect(c).not.toBeNull();
    const bad = checkAll(c!);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('ReLU then dropout feeding a Linear (the path that skips zero inputs in ∂X)', () => {
    const spec: ModelSpec = { input: 4, layers: [{ type: 'linear', out: 8 }, { type: 'relu' }, { type: 'dropout', p: 0.5 }, { type: 'linear', out: 2 }], loss: 'mse' };
    let c: Case | null = null;
    for (let seed = 1; seed < 200 && !c; seed++) {
      const cand = makeCase(spec, 5, seed, { 2: 0.5 });
      if (reluMarginOk(cand)) c = cand;
    }
    expect(c).not.toBeNull();
    expect((c!.model.layers[3] as Linear).sparseInputGrad).toBe(true);
    const bad = checkAll(c!);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('sigmoid, cross-entropy', () => {
    const c = makeCase({ input: 4, layers: [{ type: 'linear', out: 5 }, { type: 'sigmoid' }, { type: 'linear', out: 3 }], loss: 'cross_entropy' }, 6, 12);
    const bad = checkAll(c);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it.each(['inverted', 'classic'] as const)('dropout with a fixed mask, %s scaling', (scaling) => {
    const spec: ModelSpec = {
      input: 4,
      layers: [
        { type: 'dropout', p: 0.5, scaling }, { type: 'linear', out: 6 }, { type: 'tanh' },
        { type: 'dropout', p: 0.3, scaling }, { type: 'linear', out: 2 },
      ],
      loss: 'mse',
    };
    const c = makeCase(spec, 5, 13, { 0: 0.5, 3: 0.3 });
    const bad = checkAll(c);
    expect(bad, bad.join('\n')).toEqual([]);
    // The mask really was applied: a dropped input has exactly zero gradient.
    const m0 = c.masks.get(0)!;
    expect(m0.some((k) => k === 0)).toBe(true);
    c.model.inputGrad!.forEach((g, k) => m0[k] === 0 && expect(g).toBe(0));
  });

  it.each(['before', 'after'] as const)('BatchNorm in training mode, %s the activation (compileNet)', (normPlacement) => {
    const spec = compileNet(
      net({ norm: ['batchnorm', 'batchnorm'], normPlacement, activation: normPlacement === 'before' ? 'tanh' : 'sigmoid', dropoutHidden: [true, false] }),
      3, 2, 'mse',
    );
    const dropIdx = spec.layers.findIndex((l) => l.type === 'dropout' && l.p > 0);
    const c = makeCase(spec, 6, 14, { [dropIdx]: 0.3 });
    expect(c.model.layers.filter((l) => l.type === 'batchnorm')).toHaveLength(2);
    const bad = checkAll(c);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('LayerNorm (compileNet), cross-entropy', () => {
    const c = makeCase(compileNet(net({ norm: ['layernorm', 'layernorm'], normPlacement: 'after' }), 3, 3, 'cross_entropy'), 4, 15);
    const bad = checkAll(c);
    expect(bad, bad.join('\n')).toEqual([]);
  });
});

describe('at the kinks, where differences cannot decide', () => {
  it('ReLU passes the gradient only where its input was positive: 0 at exactly 0, as PyTorch', () => {
    const relu = new Activation('relu', 5);
    relu.forward(new Float32Array([-1, -0, 0, 1e-30, 2]), 1, TRAIN_VIEW_MODE);
    expect(Array.from(relu.backward(new Float32Array([3, 3, 3, 3, 3]), 1, true).subarray(0, 5))).toEqual([0, 0, 0, 3, 3]);
  });
});

describe('the gradient check can fail', () => {
  it('catches a backward pass that is 2% off', () => {
    const c = makeCase({ input: 3, layers: [{ type: 'linear', out: 5 }, { type: 'tanh' }, { type: 'linear', out: 2 }], loss: 'mse' }, 4, 16);
    const act = c.model.layers[1];
    const real = act.backward.bind(act);
    act.backward = (d, B, need) => real(d, B, need).map((v) => v * 1.02);
    const bad = checkAll(c);
    expect(bad.some((m) => m.startsWith('0.weight'))).toBe(true);
    expect(bad.some((m) => m.startsWith('1.') || m.startsWith('2.'))).toBe(false);
  });

  it('catches a single wrong entry', () => {
    const n = [0.5, -0.25, 1e-3, 0];
    expect(compareGrads('v', n, n)).toEqual([]);
    expect(compareGrads('v', [0.5, -0.25, 1e-3 + 2e-3, 0], n)).toEqual(['v[2]: analytic 0.003, numeric 0.001']);
    expect(compareGrads('v', [0.5 * 1.01, -0.25, 1e-3, 0], n)).toHaveLength(1);
  });
});
