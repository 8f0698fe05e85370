// A live change made through the session (p, scaling, ε, momentum, the teaching switches, γ/β) reaches
// every network a run computes with: the training model, the evaluation twin, the training-view twin
// and the Inference lab's inspection network made before the change.
import { describe, expect, test } from 'vitest';
import { DEFAULT_TEACH } from '../../src/protocol/config.ts';
import { BatchNorm } from '../../src/engine/layers/batchnorm.ts';
import { Dropout } from '../../src/engine/layers/dropout.ts';
import { EVAL_MODE } from '../../src/engine/layers/types.ts';
import type { Model } from '../../src/engine/model.ts';
import { Session } from '../../src/worker/session.ts';
import { inspect } from '../../src/worker/inspect.ts';
import { InspectNet } from '../../src/worker/inspect-net.ts';
import { tinyConfig } from './harness.ts';

function session(): { s: Session; nets: () => Model[] } {
  const s = new Session();
  s.configure(tinyConfig({ norm: ['batchnorm', 'none'], dropoutP: 0.2, dropoutScaling: 'classic' }), { ...DEFAULT_TEACH }, 'training');
  for (let i = 0; i < 5; i++) s.current.trainStep();
  const run = s.current, ins = new InspectNet(run.model, run.seed);
  return { s, nets: () => [run.model, run.evalNet, run.viewNet, ins.net] };
}

const drops = (m: Model) => m.layers.filter((l): l is Dropout => l instanceof Dropout);
const bns = (m: Model) => m.layers.filter((l): l is BatchNorm => l instanceof BatchNorm);

describe('live settings reach every network of a run', () => {
  test('p and the dropout scaling', () => {
    const { s, nets } = session();
    s.set({ net: { dropoutP: 0.65 } });
    s.set({ net: { dropoutScaling: 'inverted' } });
    expect(s.run).not.toBeNull();
    for (const m of nets()) {
      // The input dropout is off (p 0); each hidden layer's follows the slider.
      expect(drops(m).map((d) => [d.p, d.cfg.scaling])).toEqual([[0, 'inverted'], [0.65, 'inverted'], [0.65, 'inverted']]);
    }
  });

  test('BN’s ε and momentum', () => {
    const { s, nets } = session();
    s.set({ net: { bnEps: 1e-3, bnMomentum: 0.3 } });
    for (const m of nets()) for (const l of bns(m)) expect([l.cfg.eps, l.cfg.momentum]).toEqual([1e-3, 0.3]);
  });

  test('the teaching switches (the inspection keeps its own noise switch off)', () => {
    const { s, nets } = session();
    s.set({ teach: { forgetDropoutScaling: true, bnBatchStatsAtInference: true, bnNoise: true } });
    const [model, evalNet, viewNet, insNet] = nets();
    for (const m of [model, evalNet, viewNet, insNet]) {
      for (const d of drops(m)) expect(d.cfg.forgetScaling).toBe(true);
      for (const l of bns(m)) expect(l.cfg.batchStatsAtInference).toBe(true);
    }
    for (const m of [model, evalNet, viewNet]) for (const l of bns(m)) expect(l.cfg.noise).toBe(true);
    for (const l of bns(insNet)) expect(l.cfg.noise).toBe(false);
  });

  test('γ and β set from the BN panel: every network computes with them', () => {
    const { s, nets } = session();
    const at = s.current.model.layers.findIndex((l) => l instanceof BatchNorm);
    s.setNorm({ type: 'setNorm', layer: at, feature: 'all', gamma: 0, beta: 0.5 });
    const x = s.current.probeX;
    for (const m of nets()) {
      m.forward(x, 2, EVAL_MODE);
      const bn = m.layers[at];
      expect(bn.type).toBe('batchnorm');
      expect(Array.from(bn.out.subarray(0, 2 * bn.outDim))).toEqual(new Array(2 * bn.outDim).fill(0.5));
    }
  });

  test('the inspection made before a change measures with what is in force', () => {
    const { s } = session();
    const before = inspect(s.current, 10);
    expect(before.scaling!.p).toBe(0.2);
    expect(before.scaling!.forgottenInLab).toBe(false);
    s.set({ net: { dropoutP: 0.5 }, teach: { forgetDropoutScaling: true } });
    const after = inspect(s.current, 10);
    expect(after.scaling!.p).toBe(0.5);
    expect(after.scaling!.forgottenInLab).toBe(true);
  });
});
