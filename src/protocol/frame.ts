// What the training worker streams: one `ReadyInfo` per run (data and network), then frames — every
// array freshly allocated per frame and transferred (not copied) across the worker boundary, so a
// panel may keep a frame's arrays as long as it likes. Plain typed arrays only; no classes.
import type { LayerType, ModelSpec, DropoutScaling } from '../engine/spec.ts';
import type { DatasetName, LabConfig, TeachFlags, ViewMode } from './config.ts';

/**
 * Fixed-edge histogram: `counts.length` equal bins over [lo, hi]. The edges are chosen once per run
 * (from the run's first batch, widened by half its range on each side) so bars do not jump; values
 * outside [lo, hi] are not binned but counted in `under` / `over`, so a panel can say "n beyond".
 */
export interface Histogram {
  lo: number;
  hi: number;
  counts: Uint32Array;
  under: number;
  over: number;
}

export interface LayerFrame {
  /** Position in the compiled ModelSpec.layers. */
  index: number;
  type: LayerType;
  /** Output width. */
  width: number;
  /**
   * This layer's outputs for the fixed probe inputs (DataInfo.probeX) in the current view mode,
   * probeCount × width, row-major. A Linear layer's (or a BN-before-activation layer's) output is the
   * pre-activation; an activation layer's output is the post-activation. In training view each probe
   * row draws its own dropout masks and BN normalizes with the last training batch's statistics.
   */
  probe: Float32Array;
  /** Mean of this layer's outputs over the last training batch, computed in training mode (the step itself). */
  meanTrain: number;
  /** Mean of this layer's outputs over the same batch rows, computed in inference mode (no dropout, running BN). */
  meanInfer: number;
  /** L2 norm of the last step's gradient over all of this layer's parameters (0 for parameter-free layers). */
  gradNorm: number;

  /**
   * Layers whose output is an image (conv2d, batchnorm2d, dropout2d, maxpool2d and the activations
   * between them): its channels, height and width. Each probe row is then C maps of H×W, channel-major
   * (NCHW): the feature maps of that probe image.
   */
  shape?: { c: number; h: number; w: number };
  /**
   * Dropout2d in training view: which of each probe's channels the probe pass kept (1) or dropped (0),
   * probeCount × C, so a panel can mark the dropped maps by more than their zeros. Element dropout in a
   * conv block (a Dropout layer with a shape): which single values, probeCount × C·H·W. Absent in
   * inference view.
   */
  probeMask?: Uint8Array;
  /** BatchNorm2d: the values each channel's batch statistics were taken over, N·H·W. */
  count?: number;

  /** Dropout: p (drop probability) and scaling now in force (p = 0 where dropout is switched off). */
  p?: number;
  scaling?: DropoutScaling;
  /**
   * Dropout: keep-mask of the last training step (1 kept, 0 dropped), maskRows × width, rows of the
   * training batch (at most MAX_MASK_ROWS). Absent in inference view (no dropout happens there) and
   * before the first step.
   */
  mask?: Uint8Array;
  maskRows?: number;

  /** Linear: weights in PyTorch layout, out × in (absent when out·in > MAX_WEIGHTS), and bias. */
  weight?: Float32Array;
  bias?: Float32Array;
  /** Linear: L2 norms of the last step's weight and bias gradients. */
  weightGradNorm?: number;
  biasGradNorm?: number;

  /**
   * BatchNorm: the last training batch's mean and biased variance, per feature (what training
   * normalized with). Before the first step: the statistics of the first batchSize training rows.
   */
  batchMean?: Float32Array;
  batchVar?: Float32Array;
  /** BatchNorm: running estimates, per feature (what inference normalizes with). */
  runningMean?: Float32Array;
  runningVar?: Float32Array;
  /** BatchNorm: ε and momentum (PyTorch sense) in force; LayerNorm: ε. */
  eps?: number;
  momentum?: number;
  /** BatchNorm and LayerNorm: γ and β per feature, whether they are frozen, their gradient norms. */
  gamma?: Float32Array;
  beta?: Float32Array;
  frozen?: boolean;
  gammaGradNorm?: number;
  betaGradNorm?: number;
  /**
   * Norm layers, for the feature chosen in SessionOptions.feature: the last training batch's values
   * entering (x), normalized (x̂) and leaving (γx̂ + β), one per batch row, in the current view mode
   * (inference view: the same rows passed through the network in inference mode).
   */
  feature?: number;
  batchIn?: Float32Array;
  batchHat?: Float32Array;
  batchOut?: Float32Array;
  /** Norm layers: histograms of all values (every row and feature of the batch) entering and leaving, view mode. */
  histIn?: Histogram;
  histOut?: Histogram;
}

/** Latest full-set evaluation, always in inference mode (loss as trained; accuracy NaN for regression). */
export interface Metrics {
  step: number;
  trainLoss: number;
  trainAcc: number;
  testLoss: number;
  testAcc: number;
}

export type HistoryKey = 'batchLoss' | 'trainLoss' | 'testLoss' | 'trainAcc' | 'testAcc';
/** The history's series in their fixed order (the worker's channels, the CSV's columns). */
export const HISTORY_KEYS: readonly HistoryKey[] = ['batchLoss', 'trainLoss', 'testLoss', 'trainAcc', 'testAcc'];

/**
 * Loss and accuracy over the whole run, one point per evaluation, bounded: when the buffer fills,
 * neighbouring points are merged in pairs, so each point stands for `stride` evaluations (the newest
 * may hold fewer). The plain arrays are the means over a point's evaluations; `min` / `max` hold the
 * extremes, for a band. `batchLoss` summarizes the training batches' losses of the steps the point
 * covers (its mean, min and max over every step). Replaced whole each frame.
 */
export interface History extends Record<HistoryKey, Float32Array> {
  /** Last step each point covers. */
  step: Float64Array;
  /** First step each point covers. */
  stepFirst: Float64Array;
  stride: number;
  min: Record<HistoryKey, Float32Array>;
  max: Record<HistoryKey, Float32Array>;
}

/**
 * Distributions over time: quantiles (5, 25, 50, 75, 95 %) of layer outputs on the training batch, one
 * point per evaluation, bounded like History. Merging keeps the envelope: the 5 % quantile merges by
 * min, the 95 % by max, the middle three by mean.
 */
export interface ActivationHistory {
  step: Float64Array;
  stride: number;
  /**
   * Per tracked layer: steps × 5 quantiles, row-major. Tracked: for every hidden block the layer right
   * before the activation (what the nonlinearity receives) and the activation itself.
   */
  layers: { index: number; q: Float32Array }[];
}

/** 2-D data: the network's output over a grid covering DataInfo.domain, in the current view mode. */
export interface GridOutput {
  kind: 'grid';
  size: number;
  /** size × size, row-major from (xMin, yMax) at top-left, cell centres: P(class 1) for 2 classes, else P(argmax). */
  prob: Float32Array;
  /** size × size predicted class. */
  cls: Uint8Array;
  /**
   * True when every cell was computed in the current view mode since the last change. While training
   * at full speed the grid is refreshed a slice per frame (a full sweep takes a few frames).
   */
  complete: boolean;
}

/** 1-D regression: predicted curve in the view mode, and the Monte-Carlo dropout mean ± std. */
export interface CurveOutput {
  kind: 'curve';
  /** Evenly spaced over [domain.xMin, domain.xMax]. */
  xs: Float32Array;
  /** Prediction at xs in the view mode (training view: one sampled dropout mask shared by all xs). */
  ys: Float32Array;
  /** MC dropout at xs: masks sampled per point and pass, BN on running statistics; mean and std over the passes. */
  mcMean: Float32Array;
  mcStd: Float32Array;
  /** Passes behind mcMean / mcStd (0 until the first band is complete). */
  mcSamples: number;
}

/** Digits: confusion matrix on the test set and a few fixed test images with their predicted class. */
export interface DigitsOutput {
  kind: 'digits';
  /** classes × classes, true class row, predicted column, from the latest inference-mode evaluation. */
  confusion: Uint32Array;
  /** sampleCount × 64 raw pixel values (0–16), row-major 8 × 8 images. */
  images: Float32Array;
  labels: Uint8Array;
  /** Predicted class of each sample image in the current view mode, and its probability. */
  predicted: Uint8Array;
  confidence: Float32Array;
}

export type OutputFrame = GridOutput | CurveOutput | DigitsOutput;

export interface Frame {
  /** Increases by one per frame; the UI acknowledges it (no further frame until it does). */
  seq: number;
  /** Changes whenever a new run starts (configure, reset, new seed, structural change); see ReadyInfo.runId. */
  runId: number;
  /** Highest command `rev` applied before this frame was built (0 if none carried one). */
  rev: number;
  step: number;
  epoch: number;
  /** Loss of the last training batch (NaN before the first step). */
  batchLoss: number;
  /** Training steps per second over the last second (0 when not training). */
  stepsPerSecond: number;
  playing: boolean;
  /** Steps still to run from a `step n` command. */
  pendingSteps: number;
  /** Speed cap in force (steps per second), null for as fast as possible. */
  speed: number | null;
  mode: ViewMode;
  /** Milliseconds the worker spent building this frame. */
  buildMs: number;
  metrics: Metrics | null;
  history: History;
  activations: ActivationHistory;
  layers: LayerFrame[];
  output: OutputFrame;
}

/** Sent once per run: the data and the built network, for the panels that need them. */
export interface DataInfo {
  name: DatasetName;
  kind: 'classification' | 'regression';
  inputDim: number;
  /** Classes (classification) or output width (regression: 1). */
  classes: number;
  /** 2-D and 1-D: plotting bounds (x, y) or (x, target); null for digits. */
  domain: { xMin: number; xMax: number; yMin: number; yMax: number } | null;
  /**
   * Points for drawing (2-D: x,y per row; 1-D: x), at most MAX_DRAW_POINTS of each split; targets
   * (class index, or the regression target) in trainY / testY. Empty for digits.
   */
  trainX: Float32Array;
  trainY: Float32Array;
  testX: Float32Array;
  testY: Float32Array;
  trainSize: number;
  testSize: number;
  /** Probe inputs whose activations the frames carry: probeCount × inputDim (test rows, classes round-robin). */
  probeX: Float32Array;
  /** Target of each probe (class index or regression target). */
  probeY: Float32Array;
  probeCount: number;
}

export interface ReadyInfo {
  /** Increases per run; every later frame with the same runId belongs to this run. */
  runId: number;
  data: DataInfo;
  model: ModelSpec;
  /** The configuration the run was built from, with every applied `set` folded in. */
  config: LabConfig;
  teach: TeachFlags;
}

/** Limits that keep a frame small whatever the network. */
export const MAX_MASK_ROWS = 64;
export const MAX_WEIGHTS = 65536;
export const MAX_DRAW_POINTS = 2000;
export const HIST_BINS = 40;
