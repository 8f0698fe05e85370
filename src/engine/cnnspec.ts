// The lab's convolutional network for the digit images (1×8×8), compiled to the engine's layer list:
// conv blocks (Conv2d with "same" zero padding, BatchNorm2d before or after the activation or none,
// the activation, dropout), max-pooling after chosen blocks, then Flatten and a Linear classifier head.
// A dropout layer stands in every block even at p = 0, so switching it is a live change, not a rebuild.
import { EngineError } from './errors.ts';
import type { ActivationKind, DropoutScaling, InitKind, LayerSpec, ModelSpec } from './spec.ts';

export type PoolKind = 'none' | 'once' | 'each';
export type ConvDropoutKind = 'channel' | 'element';

export interface CnnSpec {
  /** Conv layers, 1–6. */
  convLayers: number;
  /** Output channels of every conv layer. */
  channels: number;
  /** Square kernel side (odd, so "same" padding (k − 1)/2 keeps the map size). */
  kernel: number;
  /** Max-pool 2×2: none; 'once' after the 2nd conv (the 1st if there is one); 'each' after every conv while the map is larger than 1×1. */
  pool: PoolKind;
  /** BatchNorm2d after every conv. */
  bn: boolean;
  /** BN before the activation (Conv → BN → act) or after it (Conv → act → BN). */
  bnPlacement: 'before' | 'after';
  activation: ActivationKind;
  /** Dropout2d (whole feature maps) or element dropout (single values). */
  dropout: ConvDropoutKind;
  /** Drop probability in every conv block (0 = off). */
  dropoutP: number;
  dropoutScaling: DropoutScaling;
  init: InitKind;
  initScale: number;
  bnMomentum: number;
  bnEps: number;
}

export const CNN_LIMITS = { convLayers: [1, 6], channels: [1, 32], kernels: [1, 3, 5] } as const;

export const DEFAULT_CNN: CnnSpec = {
  convLayers: 2, channels: 8, kernel: 3, pool: 'each', bn: true, bnPlacement: 'before', activation: 'relu',
  dropout: 'channel', dropoutP: 0, dropoutScaling: 'inverted', init: 'he', initScale: 1, bnMomentum: 0.1, bnEps: 1e-5,
};

/** The digits as images. */
export const DIGIT_IMAGE: readonly [number, number, number] = [1, 8, 8];

/** After which conv layers (0-based) a 2×2 max-pool stands, for a map that starts `side` wide. */
export function poolPlaces(cnn: CnnSpec, side = DIGIT_IMAGE[1]): boolean[] {
  const out: boolean[] = [];
  let s = side;
  for (let i = 0; i < cnn.convLayers; i++) {
    const want = cnn.pool === 'each' || (cnn.pool === 'once' && i === Math.min(1, cnn.convLayers - 1));
    const pool = want && s >= 2;
    if (pool) s = Math.floor(s / 2);
    out.push(pool);
  }
  return out;
}

/** Index, in the compiled layer list, of each conv block's dropout layer. */
export function cnnDropoutIndices(cnn: CnnSpec): number[] {
  return compileCnn(cnn, 10).layers.flatMap((l, i) => (l.type === 'dropout' || l.type === 'dropout2d' ? [i] : []));
}

export function compileCnn(cnn: CnnSpec, classes: number, input: readonly [number, number, number] = DIGIT_IMAGE): ModelSpec {
  const [lo, hi] = CNN_LIMITS.convLayers;
  if (!Number.isInteger(cnn.convLayers) || cnn.convLayers < lo || cnn.convLayers > hi) {
    throw new EngineError('invalid_spec', `convLayers: must be a whole number in [${lo}, ${hi}] (got ${cnn.convLayers})`, 'convLayers');
  }
  if (!Number.isInteger(cnn.kernel) || cnn.kernel % 2 !== 1) {
    throw new EngineError('invalid_spec', `kernel: must be odd (1, 3, 5, …) so the padding keeps the map size (got ${cnn.kernel})`, 'kernel');
  }
  const pools = poolPlaces(cnn, input[1]);
  const layers: LayerSpec[] = [];
  for (let i = 0; i < cnn.convLayers; i++) {
    layers.push({ type: 'conv2d', out: cnn.channels, kernel: cnn.kernel, padding: (cnn.kernel - 1) / 2, init: cnn.init, initScale: cnn.initScale });
    const bn: LayerSpec | null = cnn.bn ? { type: 'batchnorm2d', eps: cnn.bnEps, momentum: cnn.bnMomentum } : null;
    if (bn && cnn.bnPlacement === 'before') layers.push(bn);
    layers.push({ type: cnn.activation });
    if (bn && cnn.bnPlacement === 'after') layers.push(bn);
    layers.push({ type: cnn.dropout === 'channel' ? 'dropout2d' : 'dropout', p: cnn.dropoutP, scaling: cnn.dropoutScaling });
    if (pools[i]) layers.push({ type: 'maxpool2d', kernel: 2, stride: 2 });
  }
  layers.push({ type: 'flatten' }, { type: 'linear', out: classes, init: cnn.init, initScale: cnn.initScale });
  return { input: input[0] * input[1] * input[2], inputShape: input, layers, loss: 'cross_entropy' };
}
