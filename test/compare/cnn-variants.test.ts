// Compare on the CNN (arch=cnn): the variants are BatchNorm2d on/off and the conv blocks' dropout
// (none, Dropout2d, element). Proven through the path the panel uses: a variant's config, a real
// Session, its model — the layers it is named for, the same initial conv weights, and training.
import { describe, expect, it } from 'vitest';
import { Conv2d } from '../../src/engine/layers/conv2d.ts';
import { DEFAULT_CONFIG, DEFAULT_TEACH, type LabConfig } from '../../src/protocol/config.ts';
import { Session } from '../../src/worker/session.ts';
import { defaultVariants, forCnn, newVariant, sameSettings, variantConfig } from '../../src/store/compare-variants.ts';
import { nextVariant } from '../../src/store/compare.ts';
import { variantName } from '../../src/panels/compare/text.ts';

const CNN: LabConfig = {
  ...DEFAULT_CONFIG,
  arch: 'cnn',
  data: { ...DEFAULT_CONFIG.data, name: 'digits', trainSize: 300, testSize: 100 },
  conv: { ...DEFAULT_CONFIG.conv, layers: 2, channels: 6, bn: true, dropout: 'channel' },
  net: { ...DEFAULT_CONFIG.net, dropoutP: 0.3 },
  seed: 4,
};

function sessionOf(config: LabConfig): Session {
  const s = new Session();
  s.configure(config, DEFAULT_TEACH, 'training');
  return s;
}

describe('the CNN’s comparison variants', () => {
  it('are plain, BN2d, BN2d + Dropout2d and BN2d + element dropout, with CNN names', () => {
    const vs = defaultVariants(CNN);
    expect(forCnn(vs)).toBe(true);
    expect(forCnn(defaultVariants(DEFAULT_CONFIG))).toBe(false);
    expect(vs.map((v) => variantName('en', v))).toEqual(['Plain CNN', 'BN2d', 'BN2d + Dropout2d p = 0.3', 'BN2d + element dropout p = 0.3']);
    expect(sameSettings(vs[2], vs[3])).toBe(false); // same p, other dropout kind
    expect(sameSettings(vs[2], { ...vs[2], id: 99 })).toBe(true);
    // A fifth would be the first default missing: none is, so the plain CNN again (the panel warns about duplicates).
    const added = nextVariant(vs.slice(1), CNN)!;
    expect(added.convDropout).toBe('channel');
    expect(variantName('en', added)).toBe('Plain CNN');
  });

  it('build the layers they are named for, from the same initial conv weights', () => {
    const vs = [...defaultVariants(CNN), newVariant({ dropout: true, p: 0.5, norm: 'none', convDropout: 'channel' }, 5)];
    const layers = vs.map((v) => sessionOf(variantConfig(CNN, v)).current.model.layers);
    const types = layers.map((ls) => ls.map((l) => l.type));
    expect(types[0].filter((t) => t === 'batchnorm2d')).toHaveLength(0);
    expect(types[1].filter((t) => t === 'batchnorm2d')).toHaveLength(2);
    const ps = (i: number, t: string) => layers[i].flatMap((l) => (l.type === t ? [(l as unknown as { p: number }).p] : []));
    expect(ps(0, 'dropout2d').every((p) => p === 0) && ps(0, 'dropout').length === 0).toBe(true); // "none": Dropout2d at p = 0
    expect(ps(2, 'dropout2d')).toEqual([0.3, 0.3]);
    expect(ps(3, 'dropout')).toEqual([0.3, 0.3]);
    expect(ps(4, 'dropout2d')).toEqual([0.5, 0.5]);
    const convW = (i: number) => layers[i].filter((l): l is Conv2d => l instanceof Conv2d).map((l) => Array.from(l.weight.value));
    for (let i = 1; i < vs.length; i++) expect(convW(i)).toEqual(convW(0));
  });

  it('train for real: each variant’s loss comes down, and they differ', () => {
    const losses = defaultVariants(CNN).map((v) => {
      const run = sessionOf(variantConfig(CNN, v)).current;
      run.evaluate();
      const first = run.metrics!.testLoss;
      for (let i = 0; i < 60; i++) run.trainStep();
      run.evaluate();
      return [first, run.metrics!.testLoss];
    });
    for (const [first, last] of losses) expect(last).toBeLessThan(first);
    expect(new Set(losses.map(([, last]) => last.toFixed(6))).size).toBe(4);
  });
});
