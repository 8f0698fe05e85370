// Trains a lab config with the real engine the way the worker does (seeded data, init, shuffle and
// masks; inference-mode evaluation on the full sets), so lesson answers can be checked against the
// lab instead of against our own belief.
import { Trainer, buildModel, makeDataset, rngFor, type Model } from '../../src/engine/index.ts';
import { modelSpecOf } from '../../src/protocol/arch.ts';
import type { LabConfig, TeachFlags } from '../../src/protocol/config.ts';
import { DEFAULT_TEACH } from '../../src/protocol/config.ts';
import type { Dataset } from '../../src/engine/datasets/index.ts';

export interface SimPoint {
  step: number;
  trainLoss: number;
  testLoss: number;
  trainAcc: number;
  testAcc: number;
}

export interface Sim {
  model: Model;
  data: Dataset;
  trainer: Trainer;
  points: SimPoint[];
  diverged: boolean;
  /** Trains `steps` more steps, evaluating every `every`. */
  run(steps: number, every?: number): Sim;
  evalNow(): SimPoint;
}

export function simulate(config: LabConfig, teach: TeachFlags = DEFAULT_TEACH): Sim {
  const data = makeDataset(config.data, config.seed);
  const loss = data.kind === 'classification' ? 'cross_entropy' : 'mse';
  const spec = modelSpecOf(config, data.inputDim, data.kind === 'classification' ? data.classes : 1, loss);
  const model = buildModel(spec, { initRng: rngFor(config.seed, 'init'), dropoutRng: rngFor(config.seed, 'dropout'), noiseRng: rngFor(config.seed, 'noise') });
  model.setTeaching(teach);
  const t = config.train;
  model.setOptimizer(
    t.optimizer === 'adam'
      ? { type: 'adam', lr: t.lr, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: t.weightDecay }
      : { type: 'sgd', lr: t.lr, momentum: t.momentum, weightDecay: t.weightDecay },
  );
  const trainer = new Trainer(model, data.train, Math.min(t.batchSize, data.train.n), rngFor(config.seed, 'shuffle'));
  const sim: Sim = {
    model,
    data,
    trainer,
    points: [],
    diverged: false,
    evalNow() {
      const tr = model.evaluate(data.train.x, data.train.y, data.train.n);
      const te = model.evaluate(data.test.x, data.test.y, data.test.n);
      return { step: trainer.step, trainLoss: tr.loss, testLoss: te.loss, trainAcc: tr.accuracy, testAcc: te.accuracy };
    },
    run(steps, every = 50) {
      if (sim.points.length === 0) sim.points.push(sim.evalNow());
      for (let s = 0; s < steps && !sim.diverged; s++) {
        if (trainer.trainStep().diverged) sim.diverged = true;
        if (trainer.step % every === 0) sim.points.push(sim.evalNow());
      }
      return sim;
    },
  };
  return sim;
}

export function stepsTo(points: readonly SimPoint[], target: number): number | null {
  for (const p of points) if (p.trainLoss <= target) return p.step;
  return null;
}

export function last(points: readonly SimPoint[]): SimPoint {
  return points[points.length - 1];
}
