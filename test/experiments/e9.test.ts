// E9 on the lab's engine and initialization (He normal), seeds 1–3, batch 32, at most 400 steps:
// under SGD (momentum 0.9, lr 0.1) the deep CNN with BatchNorm2d reaches test accuracy ≥ 0.9 while the
// plain one stays ≤ 0.5 or diverges; under Adam 1e-3 both exceed 0.9. Runs that reach 0.9 stop there
// (checked every 25 steps), so only the plain SGD runs take all 400 steps.
import { describe, expect, it } from 'vitest';
import { E9_STEPS, judgeE9, measureE9 } from '../../src/experiments/e9.ts';

describe('E9: BN2d lets a deep CNN train with plain SGD at a high rate', () => {
  it.each([1, 2, 3])('seed %i', (seed) => {
    const f = measureE9(seed, { stopAtAccuracy: 0.9, checkEvery: 25 });
    const j = judgeE9(f);
    expect(j.checks, JSON.stringify(f)).toEqual({ bnSgdTrains: true, plainSgdFails: true, plainAdamTrains: true, bnAdamTrains: true });
    // The plain SGD run really trained for the whole budget (or diverged), it did not stop early.
    expect(f['plain-sgd'].steps === E9_STEPS || f['plain-sgd'].divergedAt !== null).toBe(true);
    expect(f['bn-sgd'].steps).toBeLessThan(E9_STEPS);
  }, 900_000);
});
