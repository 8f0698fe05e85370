// Finite-difference gradient checks: the engine's backward pass against central differences of its
// own training-mode loss, for every layer type, both losses, parameters and the input.
import { describe, expect, it } from 'vitest';
import { Activation, compileNet, Linear, THIS_BATCH_MODE, type ModelSpec, type NetSpec } from '../../src/engine/index.ts';
import { checkAll, compareGrads, makeCase, reluMarginOk, type Case } from './gradcheck-lib.ts';

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
    relu.forward(new Float32Array([-1, -0, 0, 1e-30, 2]), 1, THIS_BATCH_MODE);
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
