// Figures of the experiments about training mode versus inference mode (E5–E7) and about a batch of
// one (E8), for one seed.
import { BatchNorm, EVAL_MODE, argmaxRow, rngFor } from '../engine/index.ts';
import { E5_DROPOUT_P, E6_DROPOUT_P, PRESETS, presetRun, withSeed } from './presets.ts';
import { bnInputVarianceRatio, firstDroppingLayer, isRefusal, meanAbsOutput, trained, type Memo } from './measures.ts';
import { buildRun, evalPoint, train } from './run.ts';

// ---- E5: variance shift -------------------------------------------------------------------------

export interface E5Figures {
  p: number;
  /** 1/(1 − p): the shift of a zero-mean input under inverted dropout. */
  theory: number;
  /** Dropout on the (roughly zero-mean) input coordinates, first BN layer's input. */
  ratioZeroMean: number;
  /** Dropout on ReLU outputs of hidden layer 1, second BN layer's input. */
  ratioBeforeBn: number;
  /** Dropout after the last BN only: the second BN layer's input. */
  ratioAfterLastBn: number;
}

/**
 * Measured on the training set, the same rows in both modes: on the test set the inference-mode
 * variance also moves with how differently an overfit first layer responds to unseen points, which
 * is not the shift this experiment is about (seen as ratios of 0.86–1.39 with no dropout before BN).
 */
export function measureE5(seed: number, memo?: Memo): E5Figures {
  const ratio = (key: string, ordinal: number): number => {
    const { run } = trained('E5', key, seed, memo);
    return bnInputVarianceRatio(run.model, run.data.train.x, run.data.train.n, ordinal, seed);
  };
  return {
    p: E5_DROPOUT_P, theory: 1 / (1 - E5_DROPOUT_P),
    ratioZeroMean: ratio('input', 0), ratioBeforeBn: ratio('before-bn', 1), ratioAfterLastBn: ratio('after-last-bn', 1),
  };
}

// ---- E6: classic dropout evaluated without its scaling ------------------------------------------

export interface ScalingFigures {
  testLossScaled: number;
  testLossForgot: number;
  testAccScaled: number;
  testAccForgot: number;
  /** Mean |output| of the first dropout layer at inference, forgotten ÷ scaled. */
  activationRatio: number;
  /** The same for the logits (dropout layers compound, and biases do not scale). */
  logitRatio: number;
}

export function scalingFigures(key: string, seed: number, memo?: Memo): ScalingFigures {
  const { run } = trained('E6', key, seed, memo);
  const { model, data } = run;
  const first = firstDroppingLayer(model), last = model.layers.length - 1;
  const before = model.live.teach.forgetDropoutScaling;
  const look = (forget: boolean) => {
    model.setTeaching({ forgetDropoutScaling: forget });
    const e = model.evaluate(data.test.x, data.test.y, data.test.n);
    return { e, act: meanAbsOutput(model, first, data.test.x, data.test.n), logit: meanAbsOutput(model, last, data.test.x, data.test.n) };
  };
  const a = look(false), b = look(true);
  model.setTeaching({ forgetDropoutScaling: before });
  return {
    testLossScaled: a.e.loss, testLossForgot: b.e.loss, testAccScaled: a.e.accuracy, testAccForgot: b.e.accuracy,
    activationRatio: b.act / a.act, logitRatio: b.logit / a.logit,
  };
}

export interface E6Figures {
  p: number;
  theory: number;
  /** A set where the inflated logits also move the decision boundary. */
  spiral: ScalingFigures;
  /** A set the network gets (nearly) all right: accuracy stays, and the loss may go either way. */
  gaussians: ScalingFigures;
}

export function measureE6(seed: number, memo?: Memo): E6Figures {
  return { p: E6_DROPOUT_P, theory: 1 / (1 - E6_DROPOUT_P), spiral: scalingFigures('spiral', seed, memo), gaussians: scalingFigures('gaussians', seed, memo) };
}

// ---- E7: BN at inference on a batch of one, with the batch's own statistics -----------------------

export interface E7Figures {
  /** Test accuracy with running statistics (the right way), one example at a time. */
  accRunning: number;
  /** Test accuracy with each single example's own statistics. */
  accBatchOfOne: number;
  /** Distinct classes predicted over the test set with batch-of-one statistics. */
  distinctPredictions: number;
  /** Largest |BN output − β| over every BN unit and test example, batch-of-one statistics. */
  maxDeviationFromBeta: number;
  /** Share of the test set in its most common class: what predicting one class can score at best. */
  largestClassShare: number;
}

export function measureE7(seed: number, memo?: Memo): E7Figures {
  const { run } = trained('E7', 'batchnorm', seed, memo);
  const tw = run.model.twin(rngFor(seed, 'view')); // inference mode: no mask is drawn
  const { x, y, n } = run.data.test, D = run.data.inputDim, C = run.data.classes;
  const bns = tw.layers.filter((l): l is BatchNorm => l instanceof BatchNorm);
  const pass = (batchStats: boolean) => {
    tw.setOverrides({ bnBatchStatsAtInference: batchStats });
    let correct = 0, dev = 0;
    const predicted = new Set<number>();
    for (let i = 0; i < n; i++) {
      const z = tw.forward(x.subarray(i * D, i * D + D), 1, EVAL_MODE);
      const k = argmaxRow(z, 0, C);
      predicted.add(k);
      if (k === y[i]) correct++;
      for (const l of bns) for (let j = 0; j < l.outDim; j++) dev = Math.max(dev, Math.abs(l.out[j] - l.beta.value[j]));
    }
    return { acc: correct / n, distinct: predicted.size, dev };
  };
  const running = pass(false), single = pass(true);
  return {
    accRunning: running.acc, accBatchOfOne: single.acc, distinctPredictions: single.distinct,
    maxDeviationFromBeta: single.dev, largestClassShare: largestShare(y as Int32Array, C),
  };
}

function largestShare(labels: Int32Array, classes: number): number {
  const counts = new Array<number>(classes).fill(0);
  for (const k of labels) counts[k]++;
  return Math.max(...counts) / labels.length;
}

// ---- E8: batch size one ---------------------------------------------------------------------------

export interface E8Figures {
  chanceLoss: number;
  lnInitialLoss: number;
  lnFinalLoss: number;
  lnTrainAcc: number;
  lnTestAcc: number;
  /** Chance-level accuracy: the share of the largest class in the training set. */
  chanceAcc: number;
  /** BN's first step at batch size one was refused (bn_batch_one) and no step was taken. */
  bnRefused: boolean;
  bnStepsTaken: number;
  /** No normalization at batch size one, for reference. */
  plainFinalLoss: number;
}

export function measureE8(seed: number): E8Figures {
  const fresh = (key: string) => {
    const r = withSeed(presetRun('E8', key), seed);
    return buildRun(r.config, r.teach);
  };
  const steps = PRESETS.E8.steps;
  const ln = fresh('layernorm');
  const lnStart = evalPoint(ln, 0);
  train(ln, steps);
  const lnEnd = evalPoint(ln, steps);
  const bn = fresh('batchnorm');
  let refused = false;
  try {
    train(bn, steps);
  } catch (e) {
    if (!isRefusal(e)) throw e;
    refused = true;
  }
  const plain = fresh('plain');
  train(plain, steps);
  return {
    chanceLoss: Math.log(ln.data.classes), lnInitialLoss: lnStart.trainLoss, lnFinalLoss: lnEnd.trainLoss,
    lnTrainAcc: lnEnd.trainAcc, lnTestAcc: lnEnd.testAcc, chanceAcc: largestShare(ln.data.train.y as Int32Array, ln.data.classes), bnRefused: refused, bnStepsTaken: bn.trainer.step,
    plainFinalLoss: evalPoint(plain, steps).trainLoss,
  };
}
