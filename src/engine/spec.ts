// The plain, serializable description of a network. The UI, the URL, code export and the parity
// fixtures all speak this shape; buildModel turns it into layers.
import { EngineError } from './errors.ts';

export type InitKind = 'he' | 'xavier';
export type ActivationKind = 'relu' | 'tanh' | 'sigmoid';
export type DropoutScaling = 'inverted' | 'classic';
export type LossKind = 'cross_entropy' | 'mse';

export type LayerSpec =
  | { type: 'linear'; out: number; bias?: boolean; init?: InitKind; initScale?: number }
  | { type: ActivationKind }
  | { type: 'dropout'; p: number; scaling?: DropoutScaling }
  | { type: 'batchnorm'; eps?: number; momentum?: number }
  | { type: 'layernorm'; eps?: number }
  | { type: 'conv2d'; out: number; kernel: number; stride?: number; padding?: number; bias?: boolean; init?: InitKind; initScale?: number }
  | { type: 'batchnorm2d'; eps?: number; momentum?: number }
  | { type: 'dropout2d'; p: number; scaling?: DropoutScaling }
  | { type: 'maxpool2d'; kernel?: number; stride?: number }
  | { type: 'flatten' };

export type LayerType = LayerSpec['type'];

export interface ModelSpec {
  /** Width of the input rows (C·H·W for images). */
  input: number;
  /** Images: [C, H, W] of each input row, stored channel by channel, row by row (PyTorch's NCHW). */
  inputShape?: readonly [number, number, number];
  layers: LayerSpec[];
  loss: LossKind;
}

export const BN_DEFAULTS = { eps: 1e-5, momentum: 0.1 } as const;
/** Keras' BatchNormalization defaults, in PyTorch's sense of momentum (Keras 0.99 = PyTorch 0.01). */
export const BN_KERAS_PRESET = { eps: 1e-3, momentum: 0.01 } as const;
export const LN_DEFAULTS = { eps: 1e-5 } as const;

const LAYER_TYPES: readonly string[] = [
  'linear', 'relu', 'tanh', 'sigmoid', 'dropout', 'batchnorm', 'layernorm', 'conv2d', 'batchnorm2d', 'dropout2d', 'maxpool2d', 'flatten',
];
export const MAX_WIDTH = 4096;
/** Largest image side, kernel, stride and padding the engine accepts. */
export const MAX_SIDE = 256;
export const MAX_KERNEL = 16;

/** A layer's input or output: an image C×H×W, or (null) a flat row of features. */
export interface ImageShape {
  c: number;
  h: number;
  w: number;
}

function fail(field: string, message: string): never {
  throw new EngineError('invalid_spec', `${field}: ${message}`, field);
}

function checkNumber(field: string, v: unknown, lo: number, hi: number, loOpen: boolean, hiOpen: boolean): void {
  const range = `${loOpen ? '(' : '['}${lo}, ${hi}${hiOpen ? ')' : ']'}`;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(field, `must be a number in ${range} (got ${String(v)})`);
  const okLo = loOpen ? v > lo : v >= lo;
  const okHi = hiOpen ? v < hi : v <= hi;
  if (!okLo || !okHi) fail(field, `must be in ${range} (got ${v})`);
}

function checkWidth(field: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_WIDTH) {
    fail(field, `must be a whole number in [1, ${MAX_WIDTH}] (got ${String(v)})`);
  }
}

function checkInt(field: string, v: unknown, lo: number, hi: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) fail(field, `must be a whole number in [${lo}, ${hi}] (got ${String(v)})`);
}

/** Output side of a convolution or pooling window: floor((n + 2p − k)/s) + 1. */
export const convOut = (n: number, k: number, s: number, p: number): number => Math.floor((n + 2 * p - k) / s) + 1;

/**
 * Walks the layers, checking each against the shape it receives. Throws an EngineError naming the
 * first bad field and its allowed range; returns each layer's input shape (null for flat rows) and
 * the output width.
 */
export function specShapes(spec: ModelSpec): { shapes: (ImageShape | null)[]; width: number } {
  if (spec === null || typeof spec !== 'object') fail('spec', 'must be an object');
  checkWidth('input', spec.input);
  if (spec.loss !== 'cross_entropy' && spec.loss !== 'mse') fail('loss', `must be "cross_entropy" or "mse" (got ${String(spec.loss)})`);
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) fail('layers', 'must be a non-empty list');
  let shape: ImageShape | null = null;
  if (spec.inputShape !== undefined) {
    const s = spec.inputShape;
    if (!Array.isArray(s) || s.length !== 3) fail('inputShape', 'must be [channels, height, width]');
    checkInt('inputShape[0]', s[0], 1, MAX_WIDTH);
    checkInt('inputShape[1]', s[1], 1, MAX_SIDE);
    checkInt('inputShape[2]', s[2], 1, MAX_SIDE);
    if (s[0] * s[1] * s[2] !== spec.input) fail('inputShape', `C·H·W = ${s[0] * s[1] * s[2]} must equal input (${spec.input})`);
    shape = { c: s[0], h: s[1], w: s[2] };
  }
  let width = spec.input;
  const shapes: (ImageShape | null)[] = [];
  const needImage = (f: string, type: string): ImageShape => {
    if (!shape) fail(`${f}.type`, `${type} needs an image input (C×H×W); this layer receives flat rows`);
    return shape;
  };
  spec.layers.forEach((l, i) => {
    const f = `layers[${i}]`;
    if (l === null || typeof l !== 'object' || !LAYER_TYPES.includes((l as { type: string }).type)) {
      fail(`${f}.type`, `unknown layer "${String((l as { type?: unknown })?.type)}"; allowed: ${LAYER_TYPES.join(', ')}`);
    }
    shapes.push(shape);
    switch (l.type) {
      case 'linear':
        if (shape) fail(`${f}.type`, 'linear needs flat rows: put a flatten layer before it');
        checkWidth(`${f}.out`, l.out);
        if (l.initScale !== undefined) checkNumber(`${f}.initScale`, l.initScale, 0, 100, true, false);
        if (l.init !== undefined && l.init !== 'he' && l.init !== 'xavier') fail(`${f}.init`, `must be "he" or "xavier" (got ${String(l.init)})`);
        width = l.out;
        break;
      case 'dropout':
      case 'dropout2d':
        if (l.type === 'dropout2d') needImage(f, 'dropout2d');
        checkNumber(`${f}.p`, l.p, 0, 1, false, true);
        if (l.scaling !== undefined && l.scaling !== 'inverted' && l.scaling !== 'classic') {
          fail(`${f}.scaling`, `must be "inverted" or "classic" (got ${String(l.scaling)})`);
        }
        break;
      case 'batchnorm':
      case 'batchnorm2d':
        if (l.type === 'batchnorm' && shape) fail(`${f}.type`, 'batchnorm (1d) needs flat rows; use batchnorm2d on images');
        if (l.type === 'batchnorm2d') needImage(f, 'batchnorm2d');
        if (l.eps !== undefined) checkNumber(`${f}.eps`, l.eps, 0, 1, true, false);
        if (l.momentum !== undefined) checkNumber(`${f}.momentum`, l.momentum, 0, 1, false, false);
        break;
      case 'layernorm':
        if (shape) fail(`${f}.type`, 'layernorm needs flat rows: put a flatten layer before it');
        if (l.eps !== undefined) checkNumber(`${f}.eps`, l.eps, 0, 1, true, false);
        break;
      case 'conv2d': {
        const s = needImage(f, 'conv2d');
        checkWidth(`${f}.out`, l.out);
        checkInt(`${f}.kernel`, l.kernel, 1, MAX_KERNEL);
        if (l.stride !== undefined) checkInt(`${f}.stride`, l.stride, 1, MAX_KERNEL);
        if (l.padding !== undefined) checkInt(`${f}.padding`, l.padding, 0, MAX_KERNEL);
        if (l.initScale !== undefined) checkNumber(`${f}.initScale`, l.initScale, 0, 100, true, false);
        if (l.init !== undefined && l.init !== 'he' && l.init !== 'xavier') fail(`${f}.init`, `must be "he" or "xavier" (got ${String(l.init)})`);
        const st = l.stride ?? 1, p = l.padding ?? 0;
        const h = convOut(s.h, l.kernel, st, p), w = convOut(s.w, l.kernel, st, p);
        if (h < 1 || w < 1) fail(`${f}.kernel`, `a ${l.kernel}×${l.kernel} kernel with padding ${p} does not fit a ${s.h}×${s.w} map`);
        shape = { c: l.out, h, w };
        width = l.out * h * w;
        if (width > MAX_WIDTH * 64) fail(`${f}.out`, `the output ${l.out}×${h}×${w} is too large`);
        break;
      }
      case 'maxpool2d': {
        const s = needImage(f, 'maxpool2d');
        const k = l.kernel ?? 2;
        checkInt(`${f}.kernel`, k, 1, MAX_KERNEL);
        if (l.stride !== undefined) checkInt(`${f}.stride`, l.stride, 1, MAX_KERNEL);
        const st = l.stride ?? k;
        const h = convOut(s.h, k, st, 0), w = convOut(s.w, k, st, 0);
        if (h < 1 || w < 1) fail(`${f}.kernel`, `a ${k}×${k} window does not fit a ${s.h}×${s.w} map`);
        shape = { c: s.c, h, w };
        width = s.c * h * w;
        break;
      }
      case 'flatten':
        needImage(f, 'flatten');
        shape = null;
        break;
      default:
        break;
    }
  });
  return { shapes, width };
}

/** Throws an EngineError naming the first bad field and its allowed range; returns the output width. */
export function validateModelSpec(spec: ModelSpec): number {
  return specShapes(spec).width;
}

export function hasBatchNorm(spec: ModelSpec): boolean {
  return spec.layers.some((l) => l.type === 'batchnorm' || l.type === 'batchnorm2d');
}
