// Live settings have one owner, the model: applyLive puts p, scaling, ε, momentum and the teaching
// switches in force in the model and in every twin it made (twins of twins too), a twin's own
// overrides survive, and another structure is refused before anything changes.
import { describe, expect, it } from 'vitest';
import {
  BatchNorm, buildModel, compileNet, Dropout, EngineError, EVAL_MODE, LayerNorm, NO_TEACHING, Rng,
  type LiveSettings, type Model, type NetSpec,
} from '../../src/engine/index.ts';

const net = (over: Partial<NetSpec> = {}): NetSpec => ({
  hidden: [6, 5], activation: 'relu', norm: ['batchnorm', 'layernorm'], normPlacement: 'before', dropoutP: 0.2,
  dropoutInput: true, dropoutHidden: [true, true], dropoutScaling: 'inverted', init: 'he', initScale: 1,
  bnMomentum: 0.1, bnEps: 1e-5, lnEps: 1e-5, ...over,
});
const spec = (over: Partial<NetSpec> = {}) => compileNet(net(over), 2, 3, 'cross_entropy');
const build = (): Model => buildModel(spec(), { initRng: new Rng(1, 1), dropoutRng: new Rng(1, 2) });
const settings = (over: Partial<NetSpec>, teach = NO_TEACHING): LiveSettings => ({ layers: spec(over).layers, teach });

/** What every layer of a model holds: p and scaling, ε and momentum, the switches. */
function held(m: Model): unknown[] {
  return m.layers.map((l) => {
    if (l instanceof Dropout) return { p: l.p, scaling: l.cfg.scaling, forget: l.cfg.forgetScaling };
    if (l instanceof BatchNorm) return { eps: l.cfg.eps, momentum: l.cfg.momentum, batch: l.cfg.batchStatsAtInference, noise: l.cfg.noise };
    if (l instanceof LayerNorm) return { eps: l.cfg.eps };
    return l.type;
  });
}

describe('Model.applyLive', () => {
  const changed = settings(
    { dropoutP: 0.6, dropoutScaling: 'classic', bnEps: 1e-3, bnMomentum: 0.01, lnEps: 1e-4 },
    { forgetDropoutScaling: true, bnBatchStatsAtInference: true, bnNoise: true },
  );

  it('reaches the model, every twin and a twin’s twin', () => {
    const m = build(), a = m.twin(new Rng(3)), b = m.twin(new Rng(4)), aa = a.twin(new Rng(5));
    m.applyLive(changed);
    const want = held(m);
    expect(want).toContainEqual({ p: 0.6, scaling: 'classic', forget: true });
    expect(want).toContainEqual({ eps: 1e-3, momentum: 0.01, batch: true, noise: true });
    expect(want).toContainEqual({ eps: 1e-4 });
    for (const t of [a, b, aa]) expect(held(t)).toEqual(want);
    expect(a.live.layers).toEqual(m.live.layers);
  });

  it('a twin made after a change starts with the settings in force', () => {
    const m = build();
    m.applyLive(changed);
    expect(held(m.twin(new Rng(3)))).toEqual(held(m));
  });

  it('a twin’s overrides win over the settings in force, now and after later changes', () => {
    const m = build(), t = m.twin(new Rng(3));
    t.setOverrides({ bnBatchStatsAtInference: false, bnNoise: false });
    m.applyLive(changed);
    const bn = t.layers.find((l): l is BatchNorm => l instanceof BatchNorm)!;
    expect(bn.cfg.batchStatsAtInference).toBe(false);
    expect(bn.cfg.noise).toBe(false);
    expect(t.layers.find((l): l is Dropout => l instanceof Dropout)!.cfg.forgetScaling).toBe(true);
    t.setOverrides({});
    expect(bn.cfg.batchStatsAtInference).toBe(true);
  });

  it('the twins compute with what is in force: p and the classic scaling change their inference output', () => {
    const m = build(), t = m.twin(new Rng(3));
    const x = new Float32Array([0.3, -1.2, 1, 0.5]);
    const before = t.forward(x, 2, EVAL_MODE).slice(0, 6);
    m.applyLive(settings({ dropoutScaling: 'classic', dropoutP: 0.5 }));
    const fresh = buildModel(spec({ dropoutScaling: 'classic', dropoutP: 0.5 }), { initRng: new Rng(1, 1), dropoutRng: new Rng(1, 2) });
    const after = t.forward(x, 2, EVAL_MODE).slice(0, 6);
    expect(Array.from(after)).not.toEqual(Array.from(before));
    expect(Array.from(after)).toEqual(Array.from(fresh.forward(x, 2, EVAL_MODE).slice(0, 6)));
  });

  it('γ and β are parameters every twin shares: set on the model, they are what a twin computes with', () => {
    const m = build(), t = m.twin(new Rng(3)), tt = t.twin(new Rng(4));
    const bn = m.layers.find((l): l is BatchNorm => l instanceof BatchNorm)!, i = m.layers.indexOf(bn);
    bn.gamma.value.fill(0);
    bn.beta.value.fill(0.75);
    for (const tw of [t, tt]) {
      tw.forward(new Float32Array([0.3, -1.2, 1, 0.5]), 2, EVAL_MODE);
      expect(Array.from(tw.layers[i].out.subarray(0, 2 * bn.outDim))).toEqual(new Array(2 * bn.outDim).fill(0.75));
    }
  });

  it('refuses another structure, changing nothing', () => {
    const m = build(), t = m.twin(new Rng(3));
    const before = held(t);
    expect(() => m.applyLive(settings({ hidden: [6], norm: ['batchnorm'], dropoutHidden: [true], dropoutP: 0.9 }))).toThrow(EngineError);
    expect(held(m)).toEqual(before);
    expect(held(t)).toEqual(before);
  });
});
