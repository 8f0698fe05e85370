// What the Inference lab asks the worker to measure (the `inspect` command) and what comes back: the
// same inputs through training and inference mode, dropout's scaling done right and forgotten,
// Monte-Carlo dropout, and batch normalization at inference with running vs batch statistics. Plain
// numbers only; computed on a twin of the network, so training is never disturbed.
import type { DropoutScaling, LayerType } from '../engine/spec.ts';
import { MC_SAMPLES } from './rules.ts';

/** Loss and accuracy over a set of rows (accuracy NaN for regression). */
export interface EvalFigures {
  loss: number;
  acc: number;
}

/** One layer's outputs over the inspected rows in both modes. */
export interface LayerModes {
  /** Position in the compiled ModelSpec.layers. */
  index: number;
  type: LayerType;
  /** Dropout: the drop probability now in force (0 where dropout is switched off). */
  p?: number;
  /** Mean output in training mode (masks sampled, BN on these rows' statistics), averaged over several mask draws. */
  meanTrain: number;
  /** Mean output in inference mode as the lab's network computes it now (teaching switches included). */
  meanInfer: number;
  /** Mean |output| in each mode: magnitudes, so positive and negative values cannot cancel. */
  absTrain: number;
  absInfer: number;
  /** absInfer ÷ absTrain (NaN when the training magnitude is 0). */
  ratio: number;
  /**
   * In inference mode, how much the layer changed its input: mean and largest |out − in| over the
   * inspected rows (NaN where input and output differ in size, as for a linear layer).
   */
  changeInfer: number;
  changeInferMax: number;
}

/**
 * What forgetting dropout's scaling does. Classic dropout must multiply by (1 − p) at inference: the
 * mistake skips it. Inverted dropout has nothing to do at inference, so there is nothing to skip; the
 * comparable mistake shown for it multiplies by 1/(1 − p) at inference as well (the training factor
 * left on). Either way inference activations come out 1/(1 − p) times too large.
 */
export interface ScalingInspection {
  scaling: DropoutScaling;
  mistake: 'skip-keep-factor' | 'train-factor-at-inference';
  /** Index and p of the first dropout layer with p > 0. */
  layer: number;
  p: number;
  /** Dropout layers with p > 0. */
  dropping: number;
  /** 1/(1 − p). */
  theory: number;
  /** Whether the lab's network itself evaluates with the scaling forgotten now (classic and the teaching switch on). */
  forgottenInLab: boolean;
  /** Test set, inference mode, scaled correctly. */
  scaled: EvalFigures;
  /** Test set, inference mode, with the mistake at every dropping layer. */
  forgot: EvalFigures;
  /** Mean |output| of the first dropping layer over the inspected rows: training mode (average over mask draws), inference correct, inference with the mistake. */
  meanTrain: number;
  meanScaled: number;
  meanForgot: number;
  /** meanForgot ÷ meanScaled (equals theory up to rounding). */
  ratio: number;
}

/** Monte-Carlo dropout at one probe input. */
export interface McProbe {
  /** Classification: the class the MC mean ranks first; regression: the output index (0). */
  cls: number;
  /** Mean and standard deviation over K passes of the probability of `cls` (classification) or of the value (regression). */
  mean: number;
  std: number;
  /** The single inference-mode pass (dropout off, weights scaled) for the same quantity. */
  single: number;
}

/** Monte-Carlo dropout on one chosen probe input, every class (classification only). */
export interface McDigit {
  /** Index in DataInfo.probeX. */
  probe: number;
  /** Per class: mean and standard deviation of the probability over the K passes, and the single inference pass's probability. */
  mean: number[];
  std: number[];
  single: number[];
}

export interface McInspection {
  k: number;
  /** Only when the request named a probe (and the task is a classification). */
  digit: McDigit | null;
  /** One per DataInfo.probeX row, in order. */
  probes: McProbe[];
  /** Test rows the MC test figures cover: spread evenly over the test set, fewer for a large K or a large network (a fixed work budget). */
  rows: number;
  /** The MC mean's loss and accuracy on those rows, and the single inference pass's on the same rows. */
  mc: EvalFigures;
  single: EvalFigures;
}

export interface BatchOfOne extends EvalFigures {
  /** Share of the rows whose prediction is the single most common one (classification; NaN otherwise). */
  topShare: number;
  /** Distinct predicted classes (classification; 0 otherwise). */
  distinct: number;
  /** Standard deviation of the outputs across rows (regression; NaN otherwise). */
  outputStd: number;
  /** Largest |x̂| over every BN unit and row: a batch of one normalizes every value to exactly 0. */
  maxAbsXhat: number;
  /** Largest |BN output − β| over every BN unit and row (0: every normalized unit equals β). */
  maxFromBeta: number;
}

export interface BnInspection {
  /** BatchNorm layers in the network. */
  layers: number;
  /** Test set, inference mode, three ways of normalizing. */
  running: EvalFigures;
  wholeBatch: EvalFigures;
  batchOfOne: BatchOfOne;
  /** Share of the test rows in their most common class: what predicting one class scores at best. */
  largestClassShare: number;
  /** Whether the lab's network itself uses batch statistics at inference now (teaching switch). */
  batchStatsInLab: boolean;
}

/**
 * BatchNorm2d at inference (the CNN): running statistics, the test set's own, and one image at a time,
 * whose H·W values per channel still give it statistics of its own (nothing collapses to β).
 */
export interface Bn2dInspection {
  layers: number;
  /** H·W of each BatchNorm2d layer's maps: the values per channel one image brings. */
  areas: number[];
  running: EvalFigures;
  wholeBatch: EvalFigures;
  batchOfOne: EvalFigures;
  /** Largest |x̂| over every BN2d value with one image per batch (> 0: the image was normalized, not flattened to β). */
  maxAbsXhat: number;
  /** Whether the lab's network itself uses batch statistics at inference now (teaching switch). */
  batchStatsInLab: boolean;
}

/** LayerNorm normalizes each row by itself: one row alone gives what it gives in a full batch. */
export interface LnInspection {
  layers: number;
  fullBatch: EvalFigures;
  batchOfOne: EvalFigures;
  /** Largest |difference| between the two passes' outputs, over every row and output. */
  maxDiff: number;
}

/**
 * Which units to knock out at inference: hidden layer (0-based; for the CNN, the conv block) and the
 * fraction of its units (the CNN's: channels, each a whole feature map), or one chosen unit.
 */
export interface KnockoutRequest {
  hidden: number;
  fraction: number;
  /** This one unit (channel) instead of a random fraction: a single draw. */
  unit?: number;
}

/** A hidden layer's units knocked out at inference: `units` of `width` zeroed, a fresh random set per draw. */
export interface KnockoutInspection extends KnockoutRequest {
  /** 'unit': a dense layer's single values; 'channel': a conv block's whole feature maps. */
  of: 'unit' | 'channel';
  units: number;
  width: number;
  draws: number;
  /** Test rows behind the figures (the same rows as the other test figures). */
  testRows: number;
  /** Nothing knocked out, and the mean over the draws. */
  intact: EvalFigures;
  knocked: EvalFigures;
  /** Lowest and highest accuracy over the draws (NaN for regression). */
  accMin: number;
  accMax: number;
}

export interface InspectionReport {
  runId: number;
  step: number;
  kind: 'classification' | 'regression';
  /** Test rows (fixed per run, classes round-robin) behind the per-layer means and the scaling means. */
  rows: number;
  /** Training-mode passes averaged per layer (mask draws; fewer on a very large network). */
  trainPasses: number;
  /** Test rows behind the loss and accuracy figures: the whole test set, or an even spread of it when the network is very large (a fixed work budget). */
  testRows: number;
  layers: LayerModes[];
  /** Null when no dropout layer has p > 0. */
  scaling: ScalingInspection | null;
  /** Null when no dropout layer has p > 0 (every pass would be the same). */
  mc: McInspection | null;
  bn: BnInspection | null;
  /** The CNN's BatchNorm2d (absent in older reports). */
  bn2d?: Bn2dInspection | null;
  ln: LnInspection | null;
  /** Only when the request asked for it (and the network has that hidden layer). */
  knockout: KnockoutInspection | null;
  /** Worker time spent, in ms. */
  ms: number;
}

export const INSPECT_LIMITS = { k: MC_SAMPLES, rows: { min: 1, max: 5000 }, defaultRows: 64 } as const;
