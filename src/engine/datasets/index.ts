// makeDataset: the seeded data sets. All randomness comes from one Rng on the data stream; the train
// and test sets get their own child generators, so changing trainSize never changes the test set and
// changing testSize never changes the training set.
import { EngineError } from '../errors.ts';
import { Rng, STREAM } from '../rng.ts';
import { makeDigits } from './digits.ts';
import { sampleSine, sineDomain } from './sine.ts';
import { TWO_D, sample2D, squareDomain } from './twod.ts';
import type { DataConfig, Dataset, DatasetName } from './types.ts';

export type { Dataset } from './types.ts';
export { SINE_SUPPORT } from './sine.ts';
export { DIGITS_CLASSES, DIGITS_PIXELS, DIGITS_SIDE, digitsSource } from './digits.ts';

/** Allowed ranges of DataConfig (and the seed), for validation and for the controls' bounds. */
export const DATA_LIMITS = {
  noise: { min: 0, max: 1 },
  trainSize: { min: 2, max: 5000 },
  testSize: { min: 1, max: 5000 },
} as const;

const NAMES: Record<DatasetName, true> = { circles: true, xor: true, gaussians: true, spiral: true, moons: true, sine: true, digits: true, custom: true };

export function validateDataConfig(cfg: DataConfig, seed: number): void {
  if (typeof cfg.name !== 'string' || !Object.hasOwn(NAMES, cfg.name)) {
    throw new EngineError('invalid_spec', `name: must be one of ${Object.keys(NAMES).join(', ')} (got ${String(cfg.name)})`, 'name');
  }
  const { noise, trainSize, testSize } = DATA_LIMITS;
  if (typeof cfg.noise !== 'number' || !(cfg.noise >= noise.min && cfg.noise <= noise.max)) {
    throw new EngineError('invalid_spec', `noise: must be a number in [${noise.min}, ${noise.max}] (got ${cfg.noise})`, 'noise');
  }
  for (const [field, lim] of [['trainSize', trainSize], ['testSize', testSize]] as const) {
    const v = cfg[field];
    if (!Number.isInteger(v) || v < lim.min || v > lim.max) {
      throw new EngineError('invalid_spec', `${field}: must be a whole number in [${lim.min}, ${lim.max}] (got ${v})`, field);
    }
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new EngineError('invalid_spec', `seed: must be a whole number in [0, 4294967295] (got ${seed})`, 'seed');
  }
}

/** The data set of a config and seed: the same (cfg, seed) gives bit-identical arrays. */
export function makeDataset(cfg: DataConfig, seed: number): Dataset {
  validateDataConfig(cfg, seed);
  const root = new Rng(seed, STREAM.data);
  const trainRng = new Rng(root.u32(), 0);
  const testRng = new Rng(root.u32(), 1);
  switch (cfg.name) {
    case 'digits':
      // trainSize above the training split just means "all of it"; testSize does not apply.
      return makeDigits(cfg.trainSize, trainRng);
    case 'sine': {
      const train = sampleSine(trainRng, cfg.trainSize, cfg.noise);
      const test = sampleSine(testRng, cfg.testSize, cfg.noise);
      return { name: 'sine', kind: 'regression', inputDim: 1, classes: 1, train, test, domain: sineDomain(train, test) };
    }
    case 'circles':
    case 'xor':
    case 'gaussians':
    case 'spiral':
    case 'moons': {
      const set = TWO_D[cfg.name];
      const train = sample2D(set, trainRng, cfg.trainSize, cfg.noise);
      const test = sample2D(set, testRng, cfg.testSize, cfg.noise);
      return { name: cfg.name, kind: 'classification', inputDim: 2, classes: 2, train, test, domain: squareDomain(train, test) };
    }
    case 'custom':
      // The learner's rows live in the worker's session, not in the config (see src/data/dataset.ts).
      throw new EngineError('data', 'your data: built from the loaded file, not from the config', 'name');
    default: {
      const never: never = cfg.name;
      throw new EngineError('invalid_spec', `name: unknown data set ${String(never)}`, 'name');
    }
  }
}
