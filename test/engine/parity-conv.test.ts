// PyTorch parity for convolutional networks (format 2, test/parity-conv/README.md): every stored case
// passes, the checker fails on tampered cases, and the refusal of n = 1 names PyTorch's reason and
// changes nothing while one sample with larger maps trains.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFixture, type Fixture } from '../../scripts/parity-lib.ts';
import { BN2D_ONE_VALUE_MESSAGE, buildModel, EngineError, Rng, type ModelSpec } from '../../src/engine/index.ts';
import { sameSnapshot, snapshot } from './helpers.ts';

const DIR = new URL('../parity-conv/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const load = (f: string): Fixture => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Fixture;

describe('stored PyTorch fixtures, format 2', () => {
  it('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(16);
  });
  it.each(files)('%s', (f) => {
    const res = runFixture(load(f));
    expect(res.failures, res.failures.join('\n')).toEqual([]);
  });
});

describe('the format-2 checker can fail', () => {
  it('reports a conv weight moved beyond tolerance, at the first layer output', () => {
    const fx = load('conv-0004-conv-ce-sgd.json');
    const w = fx.layers[0].weight as number[][][][];
    w[0][0][0][0] += 0.01;
    expect(runFixture(fx).failures[0]).toMatch(/^step 0 \((train|eval)\) outputs\[0\]/);
  });

  it('reports a flipped channel-dropout bit', () => {
    const fx = load('conv-0002-edge-dropout2d-whole-channels.json');
    const m = fx.steps[0].dropout_masks!['3'];
    m[0][0] = 1 - m[0][0];
    expect(runFixture(fx).failures.some((f) => f.startsWith('step 0 (train) outputs[3]'))).toBe(true);
  });

  it('reports a refusal expected where the engine trains (one sample, 5×5 maps)', () => {
    const fx = load('conv-0000-edge-bn2d-batch1-train.json');
    fx.steps[0].expected = { error: BN2D_ONE_VALUE_MESSAGE };
    expect(runFixture(fx).failures[0]).toMatch(/expected the error/);
  });

  it('reports a changed BatchNorm2d momentum through the running statistics', () => {
    const fx = load('conv-0008-conv-bn2d-ce-sgd.json');
    const i = fx.layers.findIndex((l) => l.type === 'batchnorm2d');
    fx.layers[i].momentum = (fx.layers[i].momentum ?? 0.1) * 1.5;
    const res = runFixture(fx);
    expect(res.failures.some((f) => /buffers_after/.test(f))).toBe(true);
    expect(res.failures.some((f) => /step 0 \(train\) (outputs|loss)/.test(f))).toBe(false);
  });
});

describe('BatchNorm2d refuses only one value per channel', () => {
  const spec = (side: number): ModelSpec => ({
    input: side * side, inputShape: [1, side, side], loss: 'cross_entropy',
    layers: [{ type: 'conv2d', out: 2, kernel: side }, { type: 'batchnorm2d' }, { type: 'relu' }, { type: 'flatten' }, { type: 'linear', out: 3 }],
  });
  const opts = { initRng: new Rng(3), dropoutRng: new Rng(4) };

  it('one sample on 1×1 maps: refused with the message, nothing changed, the next step trains', () => {
    const model = buildModel(spec(2), opts);
    model.setOptimizer({ type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });
    const before = snapshot(model);
    let err: unknown = null;
    try {
      model.trainStep(new Float32Array([1, 2, 3, 4]), new Int32Array([1]), 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).message).toBe(BN2D_ONE_VALUE_MESSAGE);
    expect(sameSnapshot(before, snapshot(model))).toBe(true);
    const res = model.trainStep(new Float32Array([1, 2, 3, 4, -1, 0, 2, 1]), new Int32Array([1, 2]), 2);
    expect(res.diverged).toBe(false);
    expect(sameSnapshot(before, snapshot(model))).toBe(false);
  });

  it('one sample with 2×2 maps (conv 3×3 on 4×4): trains and moves the running statistics', () => {
    const s = spec(4);
    s.layers[0] = { type: 'conv2d', out: 2, kernel: 3 };
    const model = buildModel(s, opts);
    model.setOptimizer({ type: 'sgd', lr: 0.1, momentum: 0, weightDecay: 0 });
    const before = snapshot(model);
    const res = model.trainStep(new Float32Array(16).map((_, i) => Math.sin(i)), new Int32Array([0]), 1);
    expect(res.diverged).toBe(false);
    expect(sameSnapshot(before, snapshot(model))).toBe(false);
  });
});
