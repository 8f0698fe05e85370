// The whole state a learner sets: data, network, training, seed. Plain data: the store holds it, the
// URL serializes it, the worker builds from it, and code export reads it.
import type { NetSpec } from '../engine/netspec.ts';
import type { OptimizerSpec } from '../engine/optim.ts';

// The data settings are the engine's own (it builds the sets from them); the lab's config holds them.
import type { DataConfig, DatasetName } from '../engine/datasets/types.ts';
export type { DataConfig, DatasetName };

/** The built-in sets. 'custom' (the learner's own file, sent with a `data` command) is not listed: a
 *  link or a picker cannot produce it, since the rows are not in the link. */
export const DATASETS: readonly DatasetName[] = ['circles', 'xor', 'gaussians', 'spiral', 'moons', 'sine', 'digits'];

export type OptimizerKind = 'sgd' | 'adam';

export interface TrainConfig {
  optimizer: OptimizerKind;
  lr: number;
  /** SGD momentum (Adam uses β1 = 0.9, β2 = 0.999, ε = 1e-8). */
  momentum: number;
  weightDecay: number;
  batchSize: number;
}

/** Dense layers (MLP) on any data, or a convolutional network on the digit images (1×8×8). */
export type Arch = 'mlp' | 'cnn';
/** The only data set a CNN takes (protocol/arch-rule.ts). */
export const CNN_DATA = 'digits';

/**
 * The CNN's own settings (arch = 'cnn'). What it shares with the MLP is read from `net`: activation,
 * init and its scale, dropout p and scaling, BN ε and momentum, and BN's placement (normPlacement).
 * Kernels are square with "same" padding (k − 1)/2, 3×3 by default as in E9 and the W4 benchmark. A 2×2
 * max-pool follows no block, the 2nd block only ('once'), every block ('each'), or, by default ('auto',
 * what links from before the pooling control meant), every block of a shallow CNN (≤ 3 blocks) and only
 * the 2nd block of a deeper one (E9's network).
 */
/** 'auto' follows depth: after every block up to 3 blocks, after the 2nd only beyond that. */
export type ConvPool = 'auto' | 'none' | 'once' | 'each';
export const CONV_POOLS: readonly ConvPool[] = ['auto', 'none', 'once', 'each'];

export interface ConvConfig {
  /** Conv blocks, 1–6. */
  layers: number;
  /** Output channels of every conv layer. */
  channels: number;
  /** Kernel side: 1, 3 or 5, with "same" padding (k − 1)/2. */
  kernel: number;
  /** Where the 2×2 max-pools stand (see above). */
  pool: ConvPool;
  /** BatchNorm2d in every block. */
  bn: boolean;
  /** Dropout in every block: none, Dropout2d (whole maps) or element dropout (single values). */
  dropout: 'none' | 'channel' | 'element';
}

export interface LabConfig {
  data: DataConfig;
  net: NetSpec;
  arch: Arch;
  conv: ConvConfig;
  train: TrainConfig;
  seed: number;
}

export type ViewMode = 'training' | 'inference';

/** Teaching switches that make a known mistake visible. */
export interface TeachFlags {
  /** BN at inference normalizes with the batch's own statistics (wrong; the lab shows why). */
  bnBatchStatsAtInference: boolean;
  /** Classic dropout evaluated without multiplying by 1 − p (wrong; activations 1/(1 − p) too large). */
  forgetDropoutScaling: boolean;
  /**
   * Noise after every BN in training (each unit × (1 + U(0, 0.2)) + N(0, 0.1²), drawn per unit per step):
   * not a mistake but an experiment — the next layer's input shifts at every step, and training stays fast (E10).
   */
  bnNoise: boolean;
}

export const DEFAULT_CONFIG: LabConfig = {
  data: { name: 'spiral', noise: 0.25, trainSize: 200, testSize: 500 },
  net: {
    hidden: [32, 32],
    activation: 'relu',
    norm: ['none', 'none'],
    normPlacement: 'before',
    dropoutP: 0.3,
    dropoutInput: false,
    dropoutHidden: [false, false],
    dropoutScaling: 'inverted',
    init: 'he',
    initScale: 1,
    bnMomentum: 0.1,
    bnEps: 1e-5,
    lnEps: 1e-5,
  },
  arch: 'mlp',
  conv: { layers: 2, channels: 8, kernel: 3, pool: 'auto', bn: true, dropout: 'channel' },
  train: { optimizer: 'adam', lr: 0.01, momentum: 0.9, weightDecay: 0, batchSize: 32 },
  seed: 1,
};

/**
 * What a link with no settings opens (its language and presentation mode aside): batch normalization
 * on both hidden layers and dropout after the last one, after its BN (the placement the "where"
 * lesson recommends; dropout feeding a BN is the variance-shift case). Every control the first
 * screen offers then acts visibly: p changes the masks, which change every step; γ and β move the
 * BN outputs; Inference drops no unit and normalizes with the running statistics. Links that carry
 * any setting start from DEFAULT_CONFIG and omit its values, so old share links keep their meaning.
 */
export const ARRIVAL_CONFIG: LabConfig = {
  ...DEFAULT_CONFIG,
  net: { ...DEFAULT_CONFIG.net, norm: ['batchnorm', 'batchnorm'], dropoutHidden: [false, true] },
};

export const DEFAULT_TEACH: TeachFlags = { bnBatchStatsAtInference: false, forgetDropoutScaling: false, bnNoise: false };

/** Adam's fixed settings (PyTorch's defaults); the lab exposes only lr and weight decay for Adam. */
export const ADAM_SETTINGS = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

/** The engine's optimizer for the lab's training settings (the worker and the headless experiments). */
export function optimizerSpec(t: TrainConfig): OptimizerSpec {
  return t.optimizer === 'sgd'
    ? { type: 'sgd', lr: t.lr, momentum: t.momentum, weightDecay: t.weightDecay }
    : { type: 'adam', lr: t.lr, ...ADAM_SETTINGS, weightDecay: t.weightDecay };
}
