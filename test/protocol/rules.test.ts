// One rule each: the seed's range and the next seed, the batch that fits the training rows, and the
// Monte-Carlo pass count. Every side that enforces a rule must agree with rules.ts on every input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SEED, MC_SAMPLES, batchFits, fitBatch, isValidSeed, nextSeed } from '../../src/protocol/rules.ts';
import { entry, invalidParams } from '../../src/protocol/hyperparams.ts';
import { validateTrain } from '../../src/worker/run.ts';
import { validateOptions, Session } from '../../src/worker/session.ts';
import { isValidSeed as experimentSeedOk } from '../../src/protocol/experiments.ts';
import { INSPECT_LIMITS } from '../../src/protocol/inspection.ts';
import { DEFAULT_CONFIG, DEFAULT_TEACH } from '../../src/protocol/config.ts';
import { DEFAULT_STATE } from '../../src/protocol/lab-state.ts';

describe('seed', () => {
  it('nextSeed is exact on every call (checked with BigInt) and stays a valid seed', () => {
    let s = 1;
    let big = 1n;
    const got: number[] = [], want: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      s = nextSeed(s);
      big = (big * 48271n) % BigInt(MAX_SEED);
      got.push(s);
      want.push(Number(big));
    }
    expect(got).toEqual(want);
    expect(got.every((v) => isValidSeed(v) && v >= 1)).toBe(true);
  });

  it('any starting value, however odd, gives a valid next seed', () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.double(), fc.constant(MAX_SEED), fc.constant(0), fc.constant(2 ** 32)), (v) => {
      const n = nextSeed(v);
      return Number.isInteger(n) && n >= 1 && n < MAX_SEED;
    }));
  });

  it('the table, the experiments worker and the training worker accept the same seeds', () => {
    const e = entry('seed');
    expect('max' in e && e.max).toBe(MAX_SEED);
    for (const v of [0, 1, MAX_SEED, MAX_SEED + 1, 2 ** 32 - 1, -1, 1.5]) {
      expect(experimentSeedOk(v)).toBe(isValidSeed(v));
    }
    const session = new Session();
    session.configure({ ...DEFAULT_CONFIG, data: { ...DEFAULT_CONFIG.data, trainSize: 40, testSize: 20 } }, DEFAULT_TEACH, 'training', {});
    expect(() => session.newSeed(MAX_SEED + 1)).toThrow(/seed/);
    expect(() => session.newSeed(2 ** 32 - 1)).toThrow(/seed/);
    expect(session.newSeed(MAX_SEED).config.seed).toBe(MAX_SEED);
  });
});

describe('batch', () => {
  it('fitBatch always gives a batch that fits, and leaves one that fits alone', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 }), (b, rows) => {
      const f = fitBatch(b, rows);
      expect(batchFits(f, rows)).toBe(true);
      if (batchFits(b, rows)) expect(f).toBe(b);
    }));
  });

  it('the URL table and the worker refuse exactly the batches rules.ts refuses', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 512 }), fc.integer({ min: 10, max: 500 }), (b, rows) => {
      const state = { ...DEFAULT_STATE, config: { ...DEFAULT_CONFIG, data: { ...DEFAULT_CONFIG.data, name: 'spiral' as const, trainSize: rows }, train: { ...DEFAULT_CONFIG.train, batchSize: b } } };
      const tableRefuses = invalidParams(state).includes('batchSize');
      let workerRefuses = false;
      try {
        validateTrain(state.config.train, rows);
      } catch {
        workerRefuses = true;
      }
      expect(tableRefuses).toBe(!batchFits(b, rows));
      expect(workerRefuses).toBe(!batchFits(b, rows));
    }));
  });
});

describe('Monte-Carlo passes', () => {
  it('the inspection limits and the worker options use the one range', () => {
    expect(INSPECT_LIMITS.k).toBe(MC_SAMPLES);
    expect(() => validateOptions({ mcSamples: MC_SAMPLES.max })).not.toThrow();
    expect(() => validateOptions({ mcSamples: MC_SAMPLES.max + 1 })).toThrow(/mcSamples/);
    expect(() => validateOptions({ mcSamples: MC_SAMPLES.min - 1 })).toThrow(/mcSamples/);
  });
});
