// The benchmark workloads: one network, batch size and optimizer each, described once and built by
// every side (our engine, tfjs, jax-js) so the comparison trains the same thing on the same data.
import { validateModelSpec, type ModelSpec } from '../src/engine/spec.ts';
import type { OptimizerSpec } from '../src/engine/optim.ts';
import { makeDataset } from '../src/engine/datasets/index.ts';

const DATA_SEED = 20260101;

/** One hidden block: Linear(width) → [BN] → activation → [Dropout p]. */
export interface Block {
  width: number;
  bn: boolean;
  dropout: number;
}

/** One convolutional block: Conv2d(k×k, stride 1, zero padding) → [BN2d] → activation → [MaxPool 2]. */
export interface ConvBlock {
  channels: number;
  kernel: number;
  padding: number;
  bn: boolean;
  pool: boolean;
}

export interface Workload {
  name: string;
  title: string;
  /** Width of a data row (C·H·W for images). */
  input: number;
  classes: number;
  activation: 'tanh' | 'relu';
  /** Images: each row is C×H×W (PyTorch's order); the conv blocks come first, then Flatten. */
  image?: { channels: number; height: number; width: number };
  conv?: ConvBlock[];
  hidden: Block[];
  batch: number;
  optimizer: OptimizerSpec;
  /** N×input rows and N labels; the same arrays feed both sides. */
  data: { x: Float32Array; y: Int32Array; n: number };
}

/**
 * Whether our engine builds this workload: W4 needs its conv layers (conv2d, batchnorm2d, maxpool2d,
 * flatten). Until the engine's spec accepts them, the engine side of W4 sits out and the peers run alone.
 */
export function engineBuilds(w: Workload): boolean {
  try {
    validateModelSpec(modelSpecOf(w));
    return true;
  } catch {
    return false;
  }
}

export function modelSpecOf(w: Workload): ModelSpec {
  // Written as plain objects: the image layer types join the engine's LayerSpec with its conv layers.
  const layers: object[] = [];
  for (const c of w.conv ?? []) {
    layers.push({ type: 'conv2d', out: c.channels, kernel: c.kernel, padding: c.padding, init: 'he' });
    if (c.bn) layers.push({ type: 'batchnorm2d' });
    layers.push({ type: w.activation });
    if (c.pool) layers.push({ type: 'maxpool2d', kernel: 2, stride: 2 });
  }
  if (w.conv) layers.push({ type: 'flatten' });
  for (const h of w.hidden) {
    layers.push({ type: 'linear', out: h.width, init: 'he' });
    if (h.bn) layers.push({ type: 'batchnorm' });
    layers.push({ type: w.activation });
    if (h.dropout > 0) layers.push({ type: 'dropout', p: h.dropout });
  }
  layers.push({ type: 'linear', out: w.classes, init: 'he' });
  const img = w.image;
  return {
    input: w.input,
    ...(img ? { inputShape: [img.channels, img.height, img.width] } : {}),
    layers: layers as ModelSpec['layers'],
    loss: 'cross_entropy',
  } as ModelSpec;
}

/** The app's own seeded data sets, so the bench trains what the lab trains. */
function data(name: 'circles' | 'digits', trainSize: number): Workload['data'] {
  const d = makeDataset({ name, noise: 0.1, trainSize, testSize: 100 }, DATA_SEED);
  if (!(d.train.y instanceof Int32Array)) throw new Error(`${name}: expected class labels`);
  return { x: d.train.x, y: d.train.y, n: d.train.n };
}

export function workloads(): Workload[] {
  return [
    {
      name: 'W1',
      title: 'playground 2→8→8→2 tanh, batch 10, SGD 0.03',
      input: 2,
      classes: 2,
      activation: 'tanh',
      hidden: [
        { width: 8, bn: false, dropout: 0 },
        { width: 8, bn: false, dropout: 0 },
      ],
      batch: 10,
      optimizer: { type: 'sgd', lr: 0.03, momentum: 0, weightDecay: 0 },
      data: data('circles', 500),
    },
    {
      name: 'W2',
      title: 'bn-dropout 2→64→BN→ReLU→Drop.3 ×2 →2, batch 64, SGD m0.9',
      input: 2,
      classes: 2,
      activation: 'relu',
      hidden: [
        { width: 64, bn: true, dropout: 0.3 },
        { width: 64, bn: true, dropout: 0.3 },
      ],
      batch: 64,
      optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9, weightDecay: 0 },
      data: data('circles', 1000),
    },
    {
      name: 'W3',
      title: 'digits 64→256→BN→ReLU→Drop.5 ×2 →10, batch 128, Adam 1e-3',
      input: 64,
      classes: 10,
      activation: 'relu',
      hidden: [
        { width: 256, bn: true, dropout: 0.5 },
        { width: 256, bn: true, dropout: 0.5 },
      ],
      batch: 128,
      optimizer: { type: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
      data: data('digits', 5000),
    },
      {
      name: 'W4',
      title: 'digits CNN 1×8×8 → Conv3×3 8ch → BN2d → ReLU → Pool2 → Conv3×3 16ch → BN2d → ReLU → Pool2 → 64 → 10, batch 64, Adam 1e-3',
      input: 64,
      classes: 10,
      activation: 'relu',
      image: { channels: 1, height: 8, width: 8 },
      conv: [
        { channels: 8, kernel: 3, padding: 1, bn: true, pool: true },
        { channels: 16, kernel: 3, padding: 1, bn: true, pool: true },
      ],
      hidden: [],
      batch: 64,
      optimizer: { type: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
      data: data('digits', 5000),
    },
  ];
}

/** The shape after the conv blocks: [channels, height, width] (pooling halves, rounding down). */
export function convOutputShape(w: Workload): [number, number, number] {
  if (!w.image) throw new Error(`${w.name} has no image input`);
  let c = w.image.channels, h = w.image.height, wd = w.image.width;
  for (const b of w.conv ?? []) {
    c = b.channels;
    h = h + 2 * b.padding - b.kernel + 1;
    wd = wd + 2 * b.padding - b.kernel + 1;
    if (b.pool) (h = Math.floor(h / 2)), (wd = Math.floor(wd / 2));
  }
  return [c, h, wd];
}
