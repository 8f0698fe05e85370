// One experiment on one seed, as the experiments worker runs it: the pure measuring code of
// src/experiments, with progress posted while it trains and the figures, checks and verdict at the end.
// No DOM: the worker adapter and the Node tests both drive handleExperimentRequest.
import { Trainer } from '../engine/index.ts';
import { PRESETS, runExperiment, type ExperimentId } from '../experiments/index.ts';
import { isExperimentId, isValidSeed, type ExperimentEvent, type ExperimentRequest } from '../protocol/experiments.ts';

/** Progress at most this often: enough to see it move, few enough not to keep the page busy. */
export const PROGRESS_EVERY_MS = 100;

/**
 * Runs the request and posts progress, then one result (or one error). Synchronous: the worker is busy
 * until it returns, so cancelling means terminating the worker.
 */
export function handleExperimentRequest(req: unknown, post: (ev: ExperimentEvent) => void, now: () => number): void {
  const r = req as Partial<ExperimentRequest> | null;
  if (!r || r.type !== 'run' || !isExperimentId(r.id) || !isValidSeed(r.seed)) {
    post({ type: 'error', id: isExperimentId(r?.id) ? r.id : null, seed: isValidSeed(r?.seed) ? r.seed : null, message: 'bad request: expected {type: "run", id: E1–E8, seed: a whole number ≥ 0}' });
    return;
  }
  const { id, seed } = r;
  const t0 = now();
  try {
    const result = withProgress(id, seed, post, now, () => runExperiment(id, seed));
    post({ type: 'result', result, ms: now() - t0 });
  } catch (e) {
    post({ type: 'error', id, seed, message: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * The measuring code has no progress hook, and it builds its own trainers; so for the length of one
 * synchronous call, every Trainer's trainStep reports its step. Each measure trains its preset's runs
 * in the preset's order (one trainer each, nothing shared without a memo), so the n-th trainer seen is
 * the n-th run. Restored in `finally`, so nothing else ever sees the wrapper.
 */
function withProgress<T>(id: ExperimentId, seed: number, post: (ev: ExperimentEvent) => void, now: () => number, body: () => T): T {
  const preset = PRESETS[id];
  const original = Object.getOwnPropertyDescriptor(Trainer.prototype, 'trainStep');
  const plain = Trainer.prototype.trainStep;
  const seen: Trainer[] = [];
  let last = -Infinity;
  const report = (index: number, step: number) => {
    last = now();
    post({ type: 'progress', id, seed, run: index + 1, runs: preset.runs.length, key: preset.runs[index]?.key ?? '', step, steps: preset.steps });
  };
  Trainer.prototype.trainStep = function trainStepWithProgress(this: Trainer) {
    let index = seen.indexOf(this);
    if (index < 0) {
      index = seen.push(this) - 1;
      report(index, this.step);
    }
    const res = plain.call(this);
    if (now() - last >= PROGRESS_EVERY_MS) report(index, this.step);
    return res;
  };
  try {
    return body();
  } finally {
    if (original) Object.defineProperty(Trainer.prototype, 'trainStep', original);
  }
}
