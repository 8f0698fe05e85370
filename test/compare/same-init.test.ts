// The comparison panel tells learners "same seed ⇒ same data and same initial weights for the linear
// layers". Proven here through the path the panel uses: a variant's config, a real Session, its model.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_TEACH, type LabConfig } from '../../src/protocol/config.ts';
import { Linear } from '../../src/engine/layers/linear.ts';
import { Session } from '../../src/worker/session.ts';
import { defaultVariants, variantConfig, newVariant, type Variant } from '../../src/store/compare-variants.ts';

function runOf(config: LabConfig) {
  const s = new Session();
  s.configure(config, DEFAULT_TEACH, 'training');
  return s.current;
}

function linearWeights(config: LabConfig): Float32Array[] {
  return runOf(config)
    .model.layers.filter((l): l is Linear => l instanceof Linear)
    .flatMap((l) => [l.torchWeight(), l.bias ? l.bias.value.slice() : new Float32Array(0)]);
}

const SMALL: LabConfig = {
  ...DEFAULT_CONFIG,
  data: { ...DEFAULT_CONFIG.data, name: 'moons', trainSize: 120, testSize: 80 },
  net: { ...DEFAULT_CONFIG.net, hidden: [16, 12, 8], norm: ['none', 'none', 'none'], dropoutHidden: [false, false, false] },
  seed: 7,
};

function named(base: LabConfig): [string, Variant][] {
  const [none, dropout, bn, both] = defaultVariants(base);
  return [
    ['none', none],
    ['dropout', dropout],
    ['bn', bn],
    ['both', both],
    ['layernorm', newVariant({ dropout: true, p: 0.2, norm: 'layernorm' }, 5)],
  ];
}

describe('variants of one comparison', () => {
  for (const placement of ['before', 'after'] as const) {
    it(`share every linear layer's initial weights and biases (norm ${placement} the activation)`, () => {
      const base = { ...SMALL, net: { ...SMALL.net, normPlacement: placement } };
      const variants = named(base);
      const ref = linearWeights(variantConfig(base, variants[0][1]));
      expect(ref.length).toBe(2 * (base.net.hidden.length + 1));
      for (const [name, v] of variants.slice(1)) {
        const cfg = variantConfig(base, v);
        const layers = runOf(cfg).model.layers.map((l) => l.type);
        // Not vacuous: the variant really has the layers it is named for.
        if (v.norm !== 'none') expect(layers.filter((t) => t === v.norm).length, name).toBe(base.net.hidden.length);
        const w = linearWeights(cfg);
        expect(w.length, name).toBe(ref.length);
        w.forEach((arr, i) => expect(Array.from(arr), `${name} linear array ${i}`).toEqual(Array.from(ref[i])));
      }
    });
  }

  it('share the data and the order of the training batches', () => {
    const variants = named(SMALL);
    const runs = variants.map(([, v]) => runOf(variantConfig(SMALL, v)));
    const firstBatches = runs.map((r) => {
      const batches: number[][] = [];
      for (let k = 0; k < 3; k++) {
        r.trainStep();
        batches.push(Array.from(r.trainer.batchX));
      }
      return batches;
    });
    for (let i = 1; i < runs.length; i++) {
      expect(Array.from(runs[i].dataset.train.x), variants[i][0]).toEqual(Array.from(runs[0].dataset.train.x));
      expect(Array.from(runs[i].dataset.test.y), variants[i][0]).toEqual(Array.from(runs[0].dataset.test.y));
      expect(firstBatches[i], variants[i][0]).toEqual(firstBatches[0]);
    }
  });

  it('differ in weights when the seed differs (the comparison above can fail)', () => {
    const [none] = defaultVariants(SMALL);
    const a = linearWeights(variantConfig(SMALL, none));
    const b = linearWeights(variantConfig({ ...SMALL, seed: SMALL.seed + 1 }, none));
    expect(Array.from(b[0])).not.toEqual(Array.from(a[0]));
  });
});

describe('variantConfig', () => {
  it('sets the regularizers on every hidden layer and leaves everything else as the lab has it', () => {
    const base: LabConfig = { ...SMALL, net: { ...SMALL.net, dropoutInput: true, dropoutHidden: [true, false, true], norm: ['layernorm', 'none', 'batchnorm'], dropoutP: 0.3 } };
    const [none, dropout, bn, both] = defaultVariants(base);
    const c0 = variantConfig(base, none);
    expect(c0.net.norm).toEqual(['none', 'none', 'none']);
    expect(c0.net.dropoutHidden).toEqual([false, false, false]);
    expect(c0.net.dropoutInput).toBe(false);
    const c1 = variantConfig(base, dropout);
    expect(c1.net.dropoutHidden).toEqual([true, true, true]);
    expect(c1.net.dropoutP).toBe(0.3);
    expect(variantConfig(base, bn).net.norm).toEqual(['batchnorm', 'batchnorm', 'batchnorm']);
    const c3 = variantConfig(base, both);
    expect([c3.net.norm, c3.net.dropoutHidden]).toEqual([['batchnorm', 'batchnorm', 'batchnorm'], [true, true, true]]);
    for (const c of [c0, c1, c3]) {
      expect([c.data, c.train, c.seed, c.net.hidden, c.net.activation, c.net.init]).toEqual([base.data, base.train, base.seed, base.net.hidden, base.net.activation, base.net.init]);
    }
    // The base is not changed by deriving from it.
    expect(base.net.norm).toEqual(['layernorm', 'none', 'batchnorm']);
  });

  it('uses p = 0.5 for the dropout variants when the lab has dropout at p = 0', () => {
    const base = { ...SMALL, net: { ...SMALL.net, dropoutP: 0 } };
    const v = defaultVariants(base);
    expect(v.filter((x) => x.dropout).map((x) => variantConfig(base, x).net.dropoutP)).toEqual([0.5, 0.5]);
  });
});
