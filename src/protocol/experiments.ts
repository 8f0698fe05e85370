// The experiments worker's messages: the page asks for one experiment on one seed, the worker answers
// with progress, then one result or one error. Both sides read these types; neither owns them.
import { EXPERIMENT_IDS, type ExperimentId, type ExperimentResult } from '../experiments/index.ts';
import { isValidSeed } from './rules.ts';

export { isValidSeed };

export interface ExperimentRequest {
  type: 'run';
  id: ExperimentId;
  seed: number;
}

export interface ExperimentProgress {
  type: 'progress';
  id: ExperimentId;
  seed: number;
  /** 1-based index of the run being trained, of `runs` (the preset's runs, in its order). */
  run: number;
  runs: number;
  /** The preset run's key (its label is `experiment.run.<key>`). */
  key: string;
  step: number;
  /** The step budget of every run (a run that reaches its target stops early). */
  steps: number;
}

export type ExperimentEvent =
  | ExperimentProgress
  | { type: 'result'; result: ExperimentResult; ms: number }
  | { type: 'error'; id: ExperimentId | null; seed: number | null; message: string };

export function isExperimentId(x: unknown): x is ExperimentId {
  return typeof x === 'string' && (EXPERIMENT_IDS as readonly string[]).includes(x);
}

