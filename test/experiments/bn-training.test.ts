// E3 and E4 on three seeds: BN against the learning rate (both ends of it) and against the
// initialization scale, with Adam's masking shown. Every run is trained once, in beforeAll.
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPERIMENT_SEEDS } from '../../src/experiments/presets.ts';
import { measureE3, measureE4, stepRatio, type E3Figures, type E4Figures } from '../../src/experiments/measures.ts';
import { judgeE3, judgeE4 } from '../../src/experiments/criteria.ts';

const e3 = new Map<number, E3Figures>();
const e4 = new Map<number, E4Figures>();

beforeAll(() => {
  for (const seed of EXPERIMENT_SEEDS) {
    e3.set(seed, measureE3(seed));
    e4.set(seed, measureE4(seed));
  }
}, 180_000);

describe.each(EXPERIMENT_SEEDS.map((s) => [s]))('seed %i', (seed) => {
  it('E3: at lr 1, BN reaches the target loss and the plain network crawls or diverges', () => {
    const f = e3.get(seed)!;
    expect(f['bn-high'].steps).not.toBeNull();
    expect(f['bn-high'].steps!).toBeLessThan(f.budget / 2);
    const plain = f['plain-high'];
    // Crawls (never reaches the target in the whole budget, or takes twice BN's steps) or diverges.
    expect(plain.steps === null || plain.steps >= 2 * f['bn-high'].steps!).toBe(true);
    expect(stepRatio(f, 'high').ratio!).toBeGreaterThanOrEqual(2);
  });

  it.each(['small', 'mid'] as const)('E3: at the %s rate with He init, the plain network is as fast or faster', (r) => {
    const f = e3.get(seed)!;
    expect(f[`plain-${r}`].steps).not.toBeNull();
    expect(f[`bn-${r}`].steps).not.toBeNull();
    expect(f[`plain-${r}`].steps!).toBeLessThanOrEqual(f[`bn-${r}`].steps!);
    expect(f[`plain-${r}`].divergedAt).toBeNull();
    expect(Object.values(judgeE3(f).checks).every(Boolean)).toBe(true);
  });

  it('E4: with SGD, 0.1× He stalls and 10× He blows up the plain network; BN trains at both', () => {
    const f = e4.get(seed)!, C = f.chanceLoss;
    expect(f['plain-sgd-1x'].loss!).toBeLessThan(0.25 * C); // the rate itself is fine at He scale
    expect(f['plain-sgd-0.1x'].divergedAt).toBeNull();
    expect(f['plain-sgd-0.1x'].loss!).toBeGreaterThan(0.9 * C); // stuck at chance level
    expect(f['plain-sgd-10x'].divergedAt).not.toBeNull();
    for (const k of ['bn-sgd-0.1x', 'bn-sgd-10x'] as const) {
      expect(f[k].divergedAt).toBeNull();
      expect(f[k].loss!).toBeLessThan(0.25 * C);
    }
  });

  it('E4: Adam hides much of it: trains at 0.1×, does not diverge at 10×', () => {
    const f = e4.get(seed)!, C = f.chanceLoss;
    expect(f['plain-adam-0.1x'].loss!).toBeLessThan(0.25 * C);
    expect(f['plain-adam-0.1x'].loss!).toBeLessThan(f['plain-sgd-0.1x'].loss!);
    expect(f['plain-adam-10x'].divergedAt).toBeNull();
    expect(Number.isFinite(f['plain-adam-10x'].loss)).toBe(true);
    expect(Object.values(judgeE4(f).checks).every(Boolean)).toBe(true);
  });
});
