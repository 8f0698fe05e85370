// PyTorch parity: every stored fixture passes; the checker rejects a tampered fixture; and cases built
// here from the float64 reference in helpers.ts (never from engine code) pass too.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFixture, type Fixture } from '../../scripts/parity-lib.ts';
import { buildModel, Dropout, EVAL_MODE, Linear, Rng, type LayerSpec } from '../../src/engine/index.ts';
import { randMat, refForward, refLoss, refTrainStep, toF32, type Mat, type RefLayer, type RefOpt, type RefOptState } from './helpers.ts';

const DIR = new URL('../parity/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const load = (f: string): Fixture => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Fixture;
const TOL = { rtol: 1e-4, atol: 1e-5 };

describe('stored PyTorch fixtures', () => {
  it('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(24);
  });
  it.each(files)('%s', (f) => {
    const res = runFixture(load(f));
    expect(res.failures, res.failures.join('\n')).toEqual([]);
  });
});

describe('the checker can fail', () => {
  it('reports an expected output moved just beyond tolerance', () => {
    const fx = load('case-0010-bn-ce-adam.json');
    const row = fx.steps[0].expected.outputs![1][0];
    const j = row.length - 1;
    row[j] += 3 * (fx.tolerance.atol + fx.tolerance.rtol * Math.abs(row[j]));
    const res = runFixture(fx);
    expect(res.failures).toHaveLength(1);
    expect(res.failures[0]).toMatch(new RegExp(`^step 0 \\(train\\) outputs\\[1\\]\\[${j}\\]: expected`));
  });

  it('reports a flipped dropout mask bit', () => {
    const fx = load('case-0008-bn-dropout-ce-sgd.json');
    const mask = fx.steps[0].dropout_masks!['0'];
    // Flip a bit whose input is not zero, so the flip changes what the next layer sees.
    const col = (fx.steps[0].x[0] as number[]).findIndex((v) => v !== 0);
    mask[0][col] = 1 - mask[0][col];
    expect(runFixture(fx).failures.some((m) => m.startsWith('step 0 (train) outputs[0]'))).toBe(true);
  });

  it('reports a changed optimizer setting through params_after', () => {
    const fx = load('case-0022-ce-adam.json');
    fx.optimizer.lr *= 1.01;
    const res = runFixture(fx);
    expect(res.failures.some((m) => /params_after/.test(m))).toBe(true);
    expect(res.failures.some((m) => /step 0 \(train\) (outputs|loss|grads)/.test(m))).toBe(false);
  });

  it('reports an error step that the engine ran', () => {
    const fx = load('case-0009-mse-sgd.json');
    fx.steps[0].expected = { error: 'batchnorm needs batch size > 1 in training' };
    expect(runFixture(fx).failures[0]).toMatch(/expected the error/);
  });
});

// ---- hand-built cases -------------------------------------------------------------------------

interface StepIn {
  mode: 'train' | 'eval';
  x: Mat;
  y: number[] | Mat;
  masks?: Record<number, Mat>;
}

const r32 = (v: unknown): unknown => (Array.isArray(v) ? v.map(r32) : typeof v === 'number' ? Math.fround(v) : v);

function fixtureLayer(l: RefLayer, width: number): Fixture['layers'][number] {
  switch (l.type) {
    case 'linear':
      return { type: 'linear', in: width, out: l.W.length, weight: l.W.map((r) => r.slice()), bias: l.b ? l.b.slice() : null };
    case 'batchnorm':
      return { type: 'batchnorm', features: width, eps: l.eps, momentum: l.momentum, gamma: [...l.gamma], beta: [...l.beta], running_mean: [...l.rm], running_var: [...l.rv] };
    case 'layernorm':
      return { type: 'layernorm', features: width, eps: l.eps, gamma: [...l.gamma], beta: [...l.beta] };
    case 'dropout':
      return { type: 'dropout', p: l.p };
    default:
      return { type: l.type };
  }
}

/** Writes a format-1 fixture whose expected values come from the reference network. */
function makeFixture(name: string, net: RefLayer[], loss: Fixture['loss'], opt: RefOpt, steps: StepIn[]): Fixture {
  let width = steps[0].x[0].length;
  const layers = net.map((l) => {
    const fl = fixtureLayer(l, width);
    if (l.type === 'linear') width = l.W.length;
    return fl;
  });
  const work = structuredClone(net), state: RefOptState = new Map();
  const optimizer: Fixture['optimizer'] =
    opt.type === 'sgd'
      ? { type: 'sgd', lr: opt.lr, momentum: opt.momentum, weight_decay: opt.weightDecay }
      : { type: 'adam', lr: opt.lr, betas: [opt.beta1, opt.beta2], eps: opt.eps, weight_decay: opt.weightDecay };
  const fxSteps = steps.map((s): Fixture['steps'][number] => {
    if (s.mode === 'eval') {
      const outs = refForward(work, s.x, false);
      return { mode: 'eval', x: s.x, y: s.y, expected: r32({ outputs: outs, loss: refLoss(outs[outs.length - 1], s.y, loss).loss }) as never };
    }
    const r = refTrainStep(work, s.x, s.y, loss, opt, state, s.masks);
    const expected = { outputs: r.outputs, loss: r.loss, input_grad: r.inputGrad, grads: r.grads, params_after: r.paramsAfter, buffers_after: r.buffersAfter };
    const masks = Object.fromEntries(Object.entries(s.masks ?? {}).map(([k, m]) => [k, m]));
    return { mode: 'train', x: s.x, y: s.y, dropout_masks: masks, expected: r32(expected) as never };
  });
  return { name, format: 1, tolerance: TOL, layers, loss, optimizer, steps: fxSteps };
}

const rng = new Rng(20240611);
const labels = (B: number, C: number): number[] => Array.from({ length: B }, () => rng.int(C));
const mask = (B: number, F: number, p: number): Mat => Array.from({ length: B }, () => Array.from({ length: F }, () => (rng.next() < p ? 0 : 1)));
const vec = (n: number, scale: number, shift = 0): number[] => randMat(rng, 1, n, scale)[0].map((v) => Math.fround(v + shift));

/** The reference's smallest |ReLU input| over a case's steps: float32 rounding must not cross the kink. */
function reluMargin(net: RefLayer[], steps: StepIn[]): number {
  const work = structuredClone(net);
  let m = Infinity;
  for (const s of steps) {
    const outs = refForward(work, s.x, s.mode === 'train', s.masks);
    work.forEach((l, i) => {
      if (l.type === 'relu' && i > 0) for (const v of outs[i - 1].flat()) m = Math.min(m, Math.abs(v));
    });
  }
  return m;
}

describe('hand-built cases against the float64 reference', () => {
  it('BatchNorm before ReLU: train, eval, train with another batch size, eval of one sample', () => {
    const net: RefLayer[] = [
      { type: 'linear', W: randMat(rng, 5, 3, 0.6), b: vec(5, 0.1) },
      { type: 'batchnorm', gamma: vec(5, 0.2, 1), beta: vec(5, 0.3), rm: vec(5, 0.2), rv: vec(5, 0.1, 1.2), eps: 1e-5, momentum: 0.3 },
      { type: 'relu' },
      { type: 'linear', W: randMat(rng, 3, 5, 0.5), b: vec(3, 0.1) },
    ];
    const steps: StepIn[] = [
      { mode: 'train', x: randMat(rng, 6, 3), y: labels(6, 3) },
      { mode: 'eval', x: randMat(rng, 4, 3), y: labels(4, 3) },
      { mode: 'train', x: randMat(rng, 3, 3), y: labels(3, 3) },
      { mode: 'eval', x: randMat(rng, 1, 3), y: labels(1, 3) },
    ];
    expect(reluMargin(net, steps)).toBeGreaterThan(1e-4);
    const res = runFixture(makeFixture('gen-bn-relu-ce-sgd', net, 'cross_entropy', { type: 'sgd', lr: 0.2, momentum: 0.9, weightDecay: 0.01 }, steps));
    expect(res.failures, res.failures.join('\n')).toEqual([]);
  });

  it('BatchNorm on the raw inputs and after tanh, MSE, Adam', () => {
    const net: RefLayer[] = [
      { type: 'batchnorm', gamma: vec(4, 0.2, 1), beta: vec(4, 0.2), rm: [0, 0, 0, 0], rv: [1, 1, 1, 1], eps: 1e-3, momentum: 0.1 },
      { type: 'linear', W: randMat(rng, 6, 4, 0.5), b: null },
      { type: 'tanh' },
      { type: 'batchnorm', gamma: vec(6, 0.2, 1), beta: vec(6, 0.2), rm: vec(6, 0.1), rv: vec(6, 0.1, 0.8), eps: 0.1, momentum: 0.9 },
      { type: 'linear', W: randMat(rng, 2, 6, 0.5), b: vec(2, 0.1) },
    ];
    const steps: StepIn[] = [
      { mode: 'train', x: randMat(rng, 5, 4, 2), y: randMat(rng, 5, 2) },
      { mode: 'train', x: randMat(rng, 2, 4, 2), y: randMat(rng, 2, 2) },
      { mode: 'eval', x: randMat(rng, 3, 4, 2), y: randMat(rng, 3, 2) },
    ];
    const opt: RefOpt = { type: 'adam', lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-6, weightDecay: 0.1 };
    const res = runFixture(makeFixture('gen-bn-input-tanh-mse-adam', net, 'mse', opt, steps));
    expect(res.failures, res.failures.join('\n')).toEqual([]);
  });

  it('LayerNorm on a hidden layer and on a single-sample step, sigmoid output, MSE, Adam', () => {
    const net: RefLayer[] = [
      { type: 'linear', W: randMat(rng, 6, 4, 0.5), b: vec(6, 0.1) },
      { type: 'layernorm', gamma: vec(6, 0.2, 1), beta: vec(6, 0.2), eps: 1e-3 },
      { type: 'tanh' },
      { type: 'linear', W: randMat(rng, 2, 6, 0.5), b: vec(2, 0.1) },
      { type: 'sigmoid' },
    ];
    const steps: StepIn[] = [
      { mode: 'train', x: randMat(rng, 4, 4), y: randMat(rng, 4, 2, 0.3) },
      { mode: 'train', x: randMat(rng, 1, 4), y: randMat(rng, 1, 2, 0.3) },
      { mode: 'eval', x: randMat(rng, 3, 4), y: randMat(rng, 3, 2, 0.3) },
    ];
    const opt: RefOpt = { type: 'adam', lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 };
    const res = runFixture(makeFixture('gen-ln-tanh-mse-adam', net, 'mse', opt, steps));
    expect(res.failures, res.failures.join('\n')).toEqual([]);
  });

  it('inverted dropout on the input (p = 0.5) and a hidden layer (p = 0.1)', () => {
    const net: RefLayer[] = [
      { type: 'dropout', p: 0.5, scaling: 'inverted' },
      { type: 'linear', W: randMat(rng, 6, 4, 0.5), b: vec(6, 0.1) },
      { type: 'sigmoid' },
      { type: 'dropout', p: 0.1, scaling: 'inverted' },
      { type: 'linear', W: randMat(rng, 3, 6, 0.5), b: null },
    ];
    const steps: StepIn[] = [
      { mode: 'train', x: randMat(rng, 5, 4), y: labels(5, 3), masks: { 0: mask(5, 4, 0.5), 3: mask(5, 6, 0.1) } },
      { mode: 'eval', x: randMat(rng, 3, 4), y: labels(3, 3) },
      { mode: 'train', x: randMat(rng, 4, 4), y: labels(4, 3), masks: { 0: mask(4, 4, 0.5), 3: mask(4, 6, 0.1) } },
    ];
    const res = runFixture(makeFixture('gen-dropout-ce-sgd', net, 'cross_entropy', { type: 'sgd', lr: 0.5, momentum: 0, weightDecay: 0 }, steps));
    expect(res.failures, res.failures.join('\n')).toEqual([]);
  });

  it('classic dropout: unscaled in training, × (1 − p) at inference', () => {
    // The fixture format has no scaling field, so this case drives the engine directly.
    const net: RefLayer[] = [
      { type: 'linear', W: randMat(rng, 6, 3, 0.7), b: vec(6, 0.1) },
      { type: 'tanh' },
      { type: 'dropout', p: 0.4, scaling: 'classic' },
      { type: 'linear', W: randMat(rng, 2, 6, 0.5), b: vec(2, 0.1) },
    ];
    const specLayers: LayerSpec[] = net.map((l): LayerSpec =>
      l.type === 'linear' ? { type: 'linear', out: l.W.length } : l.type === 'dropout' ? { type: 'dropout', p: l.p, scaling: l.scaling } : { type: 'tanh' },
    );
    const initial = { '0.weight': (net[0] as { W: Mat }).W.flat(), '0.bias': (net[0] as { b: number[] }).b, '3.weight': (net[3] as { W: Mat }).W.flat(), '3.bias': (net[3] as { b: number[] }).b };
    const model = buildModel({ input: 3, layers: specLayers, loss: 'mse' }, { initRng: new Rng(1), dropoutRng: new Rng(2) }, initial);
    model.setOptimizer({ type: 'sgd', lr: 0.3, momentum: 0.5, weightDecay: 0 });
    model.wantInputGrad = true;
    const ref = structuredClone(net), state: RefOptState = new Map();
    const opt: RefOpt = { type: 'sgd', lr: 0.3, momentum: 0.5, weightDecay: 0 };
    const bad: string[] = [];
    const close = (where: string, exp: number[], got: ArrayLike<number>): void => {
      if (exp.length !== got.length) bad.push(`${where}: ${got.length} values, expected ${exp.length}`);
      else exp.forEach((e, i) => {
        if (!(Math.abs(got[i] - e) <= TOL.atol + TOL.rtol * Math.abs(e))) bad.push(`${where}[${i}]: expected ${e}, got ${got[i]}`);
      });
    };
    for (let s = 0; s < 2; s++) {
      const B = 4 + s, x = randMat(rng, B, 3), y = randMat(rng, B, 2), m = mask(B, 6, 0.4);
      (model.layers[2] as Dropout).nextMask = m.flat();
      const res = model.trainStep(toF32(x), toF32(y), B);
      const r = refTrainStep(ref, x, y, 'mse', opt, state, { 2: m });
      r.outputs.forEach((o, i) => close(`step ${s} outputs[${i}]`, o.flat(), model.layers[i].out.subarray(0, o.flat().length)));
      close(`step ${s} loss`, [r.loss], [res.loss]);
      close(`step ${s} input_grad`, r.inputGrad.flat(), model.inputGrad!);
      close(`step ${s} 0.weight grad`, (r.grads['0.weight'] as Mat).flat(), (model.layers[0] as Linear).torchWeightGrad());
      close(`step ${s} 3.weight after`, (r.paramsAfter['3.weight'] as Mat).flat(), (model.layers[3] as Linear).torchWeight());
      close(`step ${s} 0.bias after`, r.paramsAfter['0.bias'] as number[], (model.layers[0] as Linear).bias!.value);
    }
    const xe = randMat(rng, 3, 3);
    model.forward(toF32(xe), 3, EVAL_MODE);
    refForward(ref, xe, false).forEach((o, i) => close(`eval outputs[${i}]`, o.flat(), model.layers[i].out.subarray(0, o.flat().length)));
    expect(bad, bad.join('\n')).toEqual([]);
  });
});
