// What one frame from the training worker carries: everything the panels draw, as typed arrays that
// are transferred (not copied) across the worker boundary. Every array is freshly allocated per frame.
import type { LayerType, ModelSpec } from '../engine/spec.ts';
import type { DatasetName, ViewMode } from './config.ts';

/** Fixed-edge histogram: `bins` equal bins over [lo, hi]; values outside are counted in the end bins. */
export interface Histogram {
  lo: number;
  hi: number;
  counts: Uint32Array;
}

export interface LayerFrame {
  /** Position in the compiled ModelSpec.layers. */
  index: number;
  type: LayerType;
  width: number;
  /** This layer's outputs for the fixed probe inputs, in the current view mode: probeCount × width. */
  probe: Float32Array;
  /** Dropout: p (drop probability) now in force. */
  p?: number;
  /** Dropout: keep-mask (1 kept, 0 dropped) of the last training step, maskRows × width; absent in inference view. */
  mask?: Uint8Array;
  maskRows?: number;
  /** Linear: weights in PyTorch layout, out × in, and the last step's gradient norms. */
  weight?: Float32Array;
  bias?: Float32Array;
  weightGradNorm?: number;
  /** BatchNorm: the last training batch's mean and (biased) variance, per feature. */
  batchMean?: Float32Array;
  batchVar?: Float32Array;
  /** BatchNorm: running estimates, per feature. */
  runningMean?: Float32Array;
  runningVar?: Float32Array;
  /** BatchNorm and LayerNorm: γ and β, whether frozen, and the last step's gradient norms. */
  gamma?: Float32Array;
  beta?: Float32Array;
  frozen?: boolean;
  gammaGradNorm?: number;
  betaGradNorm?: number;
  /** Norm layers: the last training batch's values entering (x), normalized (x̂) and leaving (γx̂+β) for the chosen feature. */
  batchIn?: Float32Array;
  batchHat?: Float32Array;
  batchOut?: Float32Array;
  /** Norm layers: histograms of the chosen feature entering and leaving, fixed edges per run. */
  histIn?: Histogram;
  histOut?: Histogram;
}

/** Latest full-set evaluation, always in inference mode. */
export interface Metrics {
  step: number;
  trainLoss: number;
  trainAcc: number;
  testLoss: number;
  testAcc: number;
}

/** Bounded history (old points merged), replaced whole each frame. */
export interface History {
  step: Float64Array;
  trainLoss: Float32Array;
  testLoss: Float32Array;
  trainAcc: Float32Array;
  testAcc: Float32Array;
  batchLoss: Float32Array;
}

/** Quantiles (5, 25, 50, 75, 95 %) over steps of each hidden activation layer's outputs on the training batch. */
export interface ActivationHistory {
  step: Float64Array;
  /** Per tracked layer: steps × 5 quantiles, row-major. */
  layers: { index: number; q: Float32Array }[];
}

/** 2-D data: the network's output over a grid in the current view mode. */
export interface GridOutput {
  kind: 'grid';
  size: number;
  /** size × size, row-major from (xMin, yMax) at top-left: probability of class 1 (2 classes) or of the argmax. */
  prob: Float32Array;
  /** size × size predicted class. */
  cls: Uint8Array;
}

/** 1-D regression: predicted curve in the view mode, and the Monte-Carlo dropout mean ± std. */
export interface CurveOutput {
  kind: 'curve';
  xs: Float32Array;
  ys: Float32Array;
  mcMean: Float32Array;
  mcStd: Float32Array;
  mcSamples: number;
}

/** Digits: confusion matrix on the test set (true row, predicted column) and a few test images. */
export interface DigitsOutput {
  kind: 'digits';
  confusion: Uint32Array;
  /** sampleCount × 64 pixel values (0–16). */
  images: Float32Array;
  labels: Uint8Array;
  predicted: Uint8Array;
}

export type OutputFrame = GridOutput | CurveOutput | DigitsOutput;

export interface Frame {
  /** Increases by one per frame; the UI acknowledges it. */
  seq: number;
  step: number;
  epoch: number;
  batchLoss: number;
  stepsPerSecond: number;
  playing: boolean;
  mode: ViewMode;
  metrics: Metrics | null;
  history: History;
  activations: ActivationHistory;
  layers: LayerFrame[];
  output: OutputFrame;
}

/** Sent once per configure/rebuild: the data and the built network, for the panels that need them. */
export interface DataInfo {
  name: DatasetName;
  kind: 'classification' | 'regression';
  inputDim: number;
  classes: number;
  /** 2-D and 1-D: plotting bounds. */
  domain: { xMin: number; xMax: number; yMin: number; yMax: number } | null;
  /** Up to a few hundred points for drawing (2-D: x,y; 1-D: x with target). */
  trainX: Float32Array;
  trainY: Float32Array;
  testX: Float32Array;
  testY: Float32Array;
  trainSize: number;
  testSize: number;
  /** Probe inputs whose activations the frames carry: probeCount × inputDim. */
  probeX: Float32Array;
  probeCount: number;
}

export interface ReadyInfo {
  data: DataInfo;
  model: ModelSpec;
}
