// Each claim's criterion, applied to the measured figures: named checks (all must pass for the claim to
// hold on that seed) and the one figure the lab shows. Thresholds are stated here, once, with why.
import type { ExperimentId } from './presets.ts';
import { E3_RATE_KEYS, E3_RATES } from './presets.ts';
import {
  E3_TARGET, measureE1, measureE2, measureE3, measureE4, stepRatio,
  type E2Figures, type E3Figures, type E4Figures, type E4Key, type Memo, type OverfitFigures,
} from './measures.ts';
import { measureE5, measureE6, measureE7, measureE8, type E5Figures, type E6Figures, type E7Figures, type E8Figures } from './measures-modes.ts';
import { E10_TARGET, measureE10, measureE11, type E10Figures, type E11Figures } from './measures-teach.ts';

export interface Judgement {
  /** The figure the lab shows; null when it could not be measured (say, a run diverged). */
  value: number | null;
  checks: Record<string, boolean>;
}

export type Details = Record<string, number | boolean | null>;

export interface ExperimentResult extends Judgement {
  id: ExperimentId;
  seed: number;
  figure: string;
  holds: boolean;
  /** Every measured number behind value and checks, by dotted name. */
  details: Details;
}

/** What each experiment's value is, with the conditions it was measured under. */
export const FIGURES: Record<ExperimentId, string> = {
  E1: 'final test − train loss (spiral, 150 points, noise 0.3, [64, 64] ReLU, Adam 0.01, 3000 steps)',
  E2: 'gap with dropout p = 0.5 on both hidden layers ÷ gap without (E1 setup)',
  E3: `plain ÷ BN steps to a training loss of ${E3_TARGET} at SGD lr 1 (digits, 4×64 ReLU, no momentum; ≥ when plain never got there); details: the same at lr 0.1 and 0.01`,
  E4: 'final training loss of the BN network, worse of 0.1× and 10× He init (digits, 4×64, SGD lr 0.1, 500 steps); details: plain SGD, and plain Adam 0.01 (its 10× result varies widely with the seed)',
  E5: 'Var(train) ÷ Var(inference) of the 2nd BN layer\'s input over the training set, dropout p = 0.5 on the ReLU outputs before it (spiral, [64, 64]); details: zero-mean input, dropout after the last BN',
  E6: 'spiral test loss with the classic-dropout scaling forgotten ÷ with it (p = 0.5, [64, 64]); details: gaussians (loss may go either way where nearly all is right), accuracies, activation ratio',
  E7: 'test accuracy of BN at inference on batches of one using the batch\'s own statistics (digits); details: with running statistics',
  E8: 'final training loss of a LayerNorm network trained at batch size 1 (spiral, Adam 0.003, 6000 steps); BN refuses that batch size',
  E10: `per-step drift of noisy BN ÷ the plain network's: Σ(|Δmean| + |Δstd|) over the 5th linear layer's input units ÷ their summed std, probe batch of 256 in training mode (digits, 6×64 ReLU, SGD m 0.9 lr 0.05, init 0.41× He); details: steps to a training loss of ${E10_TARGET}, absolute drift`,
  E11: 'accuracy points lost when half the last hidden layer\'s units are knocked out at inference, dropout-trained ÷ plain (digits, 64→64→64→10 ReLU, Adam 0.003, 2000 steps, p = 0.3, 20 draws)',
};

// Thresholds. Each names a direction with a margin wide enough that seed noise does not decide it.
/** "Rises after its minimum": at least 25% above the lowest test loss seen. */
const TEST_RISE = 1.25;
/** "Keeps falling": below half of the training loss at the test minimum. */
const TRAIN_FALL = 0.5;
/** "Crawls or diverges": the plain network needs at least twice BN's steps (or never gets there). */
const E3_HIGH_RATIO = 2;
/** "Trains" / "stalls", as fractions of the chance-level loss ln C. */
const TRAINED = 0.25, STALLED = 0.9;
/** E5: near 1/(1 − p), near 1, and "shifted" (10% either way). */
const NEAR = 0.1, SHIFTED = 1.1;
/** E6: accuracy "drops" by 3 points or more, "does not drop" within 1 point. */
const ACC_DROP = 0.03, ACC_SAME = 0.01;
/** E8: "learns" — loss clearly under chance level, and training accuracy 25 points above chance. */
const LEARNED = 0.75, ABOVE_CHANCE = 0.25;

const near = (x: number, target: number, rel: number): boolean => Math.abs(x - target) <= rel * Math.abs(target);

export function judgeE1(f: OverfitFigures): Judgement {
  return {
    value: f.gap,
    checks: {
      testMinimumInFirstHalf: f.minTestStep <= f.steps / 2,
      testLossRoseAfterMinimum: f.finalTestLoss >= TEST_RISE * f.minTestLoss,
      trainLossKeptFalling: f.finalTrainLoss <= TRAIN_FALL * f.trainLossAtMin,
      gapPositive: f.gap > 0,
    },
  };
}

export function judgeE2(f: E2Figures): Judgement {
  return { value: f.gapDropout / f.gapPlain, checks: { dropoutNarrowsGap: f.gapDropout < f.gapPlain } };
}

export function judgeE3(f: E3Figures): Judgement {
  const high = stepRatio(f, 'high'), mid = stepRatio(f, 'mid'), small = stepRatio(f, 'small');
  return {
    value: high.ratio,
    checks: {
      bnReachesTargetAtHighLr: f['bn-high'].steps !== null,
      plainCrawlsOrDivergesAtHighLr: high.ratio !== null && high.ratio >= E3_HIGH_RATIO,
      plainAsFastAtMidLr: mid.ratio !== null && f['plain-mid'].steps !== null && mid.ratio <= 1,
      plainAsFastAtSmallLr: small.ratio !== null && f['plain-small'].steps !== null && small.ratio <= 1,
    },
  };
}

export function judgeE4(f: E4Figures): Judgement {
  const C = f.chanceLoss;
  const trains = (k: E4Key): boolean => {
    const l = f[k].loss;
    return l !== null && l <= TRAINED * C;
  };
  const fails = (k: E4Key): boolean => {
    const l = f[k].loss;
    return l === null || l >= STALLED * C;
  };
  const bn = [f['bn-sgd-0.1x'].loss, f['bn-sgd-10x'].loss];
  return {
    value: bn.some((l) => l === null) ? null : Math.max(...(bn as number[])),
    checks: {
      plainSgdTrainsAtHeScale: trains('plain-sgd-1x'),
      plainSgdFailsAt0p1x: fails('plain-sgd-0.1x'),
      plainSgdFailsAt10x: fails('plain-sgd-10x'),
      bnSgdTrainsAt0p1x: trains('bn-sgd-0.1x'),
      bnSgdTrainsAt10x: trains('bn-sgd-10x'),
      adamHides0p1x: trains('plain-adam-0.1x'),
      adamDoesNotDivergeAt10x: f['plain-adam-10x'].divergedAt === null,
    },
  };
}

export function judgeE5(f: E5Figures): Judgement {
  return {
    value: f.ratioBeforeBn,
    checks: {
      zeroMeanInputNearTheory: near(f.ratioZeroMean, f.theory, NEAR),
      reluOutputsShifted: f.ratioBeforeBn >= SHIFTED,
      reluOutputsLessThanTheory: f.ratioBeforeBn < f.theory,
      afterLastBnNearOne: near(f.ratioAfterLastBn, 1, NEAR),
    },
  };
}

export function judgeE6(f: E6Figures): Judgement {
  const { spiral: s, gaussians: g } = f;
  return {
    value: s.testLossForgot / s.testLossScaled,
    checks: {
      testLossWorseSpiral: s.testLossForgot > s.testLossScaled,
      activationsTooLargeByTheory: near(s.activationRatio, f.theory, 0.01) && near(g.activationRatio, f.theory, 0.01),
      accuracyDropsOnSpiral: s.testAccScaled - s.testAccForgot >= ACC_DROP,
      accuracyHoldsOnGaussians: Math.abs(g.testAccScaled - g.testAccForgot) <= ACC_SAME,
    },
  };
}

export function judgeE7(f: E7Figures): Judgement {
  return {
    value: f.accBatchOfOne,
    checks: {
      everyUnitCollapsesToBeta: f.maxDeviationFromBeta <= 1e-6,
      oneClassPredicted: f.distinctPredictions === 1,
      runningStatisticsRight: f.accRunning >= 0.9,
      batchOfOneNoBetterThanOneClass: f.accBatchOfOne <= f.largestClassShare + 1e-9,
    },
  };
}

export function judgeE8(f: E8Figures): Judgement {
  return {
    value: f.lnFinalLoss,
    checks: {
      bnRefusesBatchOfOne: f.bnRefused && f.bnStepsTaken === 0,
      layerNormLossFalls: f.lnFinalLoss < f.lnInitialLoss && f.lnFinalLoss <= LEARNED * f.chanceLoss,
      layerNormAboveChance: f.lnTrainAcc >= f.chanceAcc + ABOVE_CHANCE,
    },
  };
}

export function judgeE10(f: E10Figures): Judgement {
  const { plain, bn, noisy } = f;
  const mid = plain.steps === null || bn.steps === null ? null : (plain.steps + bn.steps) / 2;
  return {
    value: plain.drift > 0 ? noisy.drift / plain.drift : null,
    checks: {
      noisyDriftLargest: noisy.drift > bn.drift && noisy.drift > plain.drift,
      noisyDriftLargestAbsolute: noisy.driftAbs > bn.driftAbs && noisy.driftAbs > plain.driftAbs,
      bnReachesTarget: bn.steps !== null,
      noisyFasterThanMidpoint: noisy.steps !== null && (plain.steps === null || (mid !== null && noisy.steps < mid)),
    },
  };
}

/** E11: "robust" — the dropout-trained network loses less than half of what the plain one loses. */
const E11_HALF = 0.5;
/** E11: both networks work before anything is knocked out. */
const E11_TRAINED = 0.9;

export function judgeE11(f: E11Figures): Judgement {
  const { plain, dropout } = f;
  return {
    value: plain.drop > 0 ? dropout.drop / plain.drop : null,
    checks: {
      bothTrained: plain.knockout.intact.acc >= E11_TRAINED && dropout.knockout.intact.acc >= E11_TRAINED,
      plainLosesAccuracy: plain.drop > 0,
      dropoutLosesLessThanHalf: dropout.drop < E11_HALF * plain.drop,
    },
  };
}

/** plain ÷ BN steps at each rate, by rate (lr) — and whether it is only a lower bound. */
function e3Ratios(f: E3Figures): Record<string, number | boolean | null> {
  const out: Record<string, number | boolean | null> = {};
  for (const r of E3_RATE_KEYS) {
    const { ratio, lowerBound } = stepRatio(f, r);
    out[`lr${E3_RATES[r]}`] = ratio;
    out[`lr${E3_RATES[r]}LowerBound`] = lowerBound;
  }
  return out;
}

/**
 * Besides the value, the figures each claim names (E2's gap with and without, E3's small-rate ratio,
 * E5's two other ratios, …): the script reports their medians over the seeds next to the value.
 */
export const ALSO: Record<ExperimentId, readonly string[]> = {
  E1: ['minTestLoss', 'minTestStep', 'finalTestLoss', 'finalTrainLoss'],
  E2: ['gapPlain', 'gapDropout'],
  E3: ['ratio.lr1', 'ratio.lr1LowerBound', 'ratio.lr0.1', 'ratio.lr0.01'],
  E4: ['plain-sgd-1x.loss', 'plain-sgd-0.1x.loss', 'plain-sgd-10x.loss', 'plain-sgd-10x.divergedAt', 'bn-sgd-0.1x.loss', 'bn-sgd-10x.loss', 'plain-adam-0.1x.loss', 'plain-adam-10x.loss'],
  E5: ['theory', 'ratioZeroMean', 'ratioBeforeBn', 'ratioAfterLastBn'],
  E6: ['spiral.testLossScaled', 'spiral.testLossForgot', 'spiral.testAccScaled', 'spiral.testAccForgot', 'gaussians.testAccScaled', 'gaussians.testAccForgot', 'spiral.activationRatio'],
  E7: ['accRunning', 'accBatchOfOne', 'distinctPredictions'],
  E8: ['lnFinalLoss', 'bnRefused', 'plainFinalLoss'],
  E10: ['plain.steps', 'bn.steps', 'noisy.steps', 'plain.drift', 'bn.drift', 'noisy.drift', 'plain.driftAbs', 'bn.driftAbs', 'noisy.driftAbs'],
  E11: ['plain.drop', 'dropout.drop', 'plain.knockout.intact.acc', 'dropout.knockout.intact.acc'],
};

/** Nested figures as one flat record of dotted names. */
export function flatten(o: object, prefix = ''): Details {
  const out: Details = {};
  for (const [k, v] of Object.entries(o)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') Object.assign(out, flatten(v, name));
    else out[name] = typeof v === 'number' && !Number.isFinite(v) ? null : (v as number | boolean | null);
  }
  return out;
}

function result(id: ExperimentId, seed: number, figures: object, j: Judgement): ExperimentResult {
  const value = j.value !== null && Number.isFinite(j.value) ? j.value : null;
  return { id, seed, figure: FIGURES[id], value, checks: j.checks, holds: value !== null && Object.values(j.checks).every(Boolean), details: flatten(figures) };
}

/** Runs one experiment on one seed. Pass one memo to several calls to share runs (E1 and E2). */
export function runExperiment(id: ExperimentId, seed: number, memo: Memo = new Map()): ExperimentResult {
  switch (id) {
    case 'E1': { const f = measureE1(seed, memo); return result(id, seed, f, judgeE1(f)); }
    case 'E2': { const f = measureE2(seed, memo); return result(id, seed, f, judgeE2(f)); }
    case 'E3': { const f = measureE3(seed); return result(id, seed, { ...f, ratio: e3Ratios(f) }, judgeE3(f)); }
    case 'E4': { const f = measureE4(seed, memo); return result(id, seed, f, judgeE4(f)); }
    case 'E5': { const f = measureE5(seed, memo); return result(id, seed, f, judgeE5(f)); }
    case 'E6': { const f = measureE6(seed, memo); return result(id, seed, f, judgeE6(f)); }
    case 'E7': { const f = measureE7(seed, memo); return result(id, seed, f, judgeE7(f)); }
    case 'E8': { const f = measureE8(seed); return result(id, seed, f, judgeE8(f)); }
    case 'E10': { const f = measureE10(seed); return result(id, seed, f, judgeE10(f)); }
    case 'E11': { const f = measureE11(seed, memo); return result(id, seed, f, judgeE11(f)); }
    default: {
      const never: never = id;
      throw new Error(`unknown experiment ${String(never)}`);
    }
  }
}
