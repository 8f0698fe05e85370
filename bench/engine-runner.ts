// Our side of the comparison: the model built from its ModelSpec and trained by the Trainer, exactly
// as the app's worker does (shuffled mini-batches gathered each step, full training step).
import { buildModel, type Model } from '../src/engine/model.ts';
import { Trainer } from '../src/engine/trainer.ts';
import { rngFor } from '../src/engine/rng.ts';
import { modelSpecOf, type Workload } from './workloads.ts';
import type { Runner } from './runner.ts';

export const BENCH_SEED = 7;

/** The engine model a workload starts from (also the tfjs side's initial weights). */
export function buildEngineModel(w: Workload): Model {
  const model = buildModel(modelSpecOf(w), { initRng: rngFor(BENCH_SEED, 'init'), dropoutRng: rngFor(BENCH_SEED, 'dropout') });
  model.setOptimizer(w.optimizer);
  return model;
}

export function engineRunner(w: Workload): Runner {
  const model = buildEngineModel(w);
  const trainer = new Trainer(model, w.data, w.batch, rngFor(BENCH_SEED, 'shuffle'));
  let sink = 0;
  return {
    label: 'engine',
    async activate() {},
    steps(n: number) {
      let s = 0; // a local: a closure variable would box every sum
      for (let i = 0; i < n; i++) s += trainer.trainStep().loss;
      sink += s;
    },
    lastLoss() {
      return sink;
    },
    dispose() {},
  };
}
