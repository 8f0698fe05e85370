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
  | { type: 'layernorm'; eps?: number };

export type LayerType = LayerSpec['type'];

export interface ModelSpec {
  /** Width of the input rows. */
  input: number;
  layers: LayerSpec[];
  loss: LossKind;
}

export const BN_DEFAULTS = { eps: 1e-5, momentum: 0.1 } as const;
/** Keras' BatchNormalization defaults, in PyTorch's sense of momentum (Keras 0.99 = PyTorch 0.01). */
export const BN_KERAS_PRESET = { eps: 1e-3, momentum: 0.01 } as const;
export const LN_DEFAULTS = { eps: 1e-5 } as const;

const LAYER_TYPES: readonly string[] = ['linear', 'relu', 'tanh', 'sigmoid', 'dropout', 'batchnorm', 'layernorm'];
export const MAX_WIDTH = 4096;

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

/** Throws an EngineError naming the first bad field and its allowed range; returns the output width. */
export function validateModelSpec(spec: ModelSpec): number {
  if (spec === null || typeof spec !== 'object') fail('spec', 'must be an object');
  checkWidth('input', spec.input);
  if (spec.loss !== 'cross_entropy' && spec.loss !== 'mse') fail('loss', `must be "cross_entropy" or "mse" (got ${String(spec.loss)})`);
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) fail('layers', 'must be a non-empty list');
  let width = spec.input;
  spec.layers.forEach((l, i) => {
    const f = `layers[${i}]`;
    if (l === null || typeof l !== 'object' || !LAYER_TYPES.includes((l as { type: string }).type)) {
      fail(`${f}.type`, `unknown layer "${String((l as { type?: unknown })?.type)}"; allowed: ${LAYER_TYPES.join(', ')}`);
    }
    switch (l.type) {
      case 'linear':
        checkWidth(`${f}.out`, l.out);
        if (l.initScale !== undefined) checkNumber(`${f}.initScale`, l.initScale, 0, 100, true, false);
        if (l.init !== undefined && l.init !== 'he' && l.init !== 'xavier') fail(`${f}.init`, `must be "he" or "xavier" (got ${String(l.init)})`);
        width = l.out;
        break;
      case 'dropout':
        checkNumber(`${f}.p`, l.p, 0, 1, false, true);
        if (l.scaling !== undefined && l.scaling !== 'inverted' && l.scaling !== 'classic') {
          fail(`${f}.scaling`, `must be "inverted" or "classic" (got ${String(l.scaling)})`);
        }
        break;
      case 'batchnorm':
        if (l.eps !== undefined) checkNumber(`${f}.eps`, l.eps, 0, 1, true, false);
        if (l.momentum !== undefined) checkNumber(`${f}.momentum`, l.momentum, 0, 1, false, false);
        break;
      case 'layernorm':
        if (l.eps !== undefined) checkNumber(`${f}.eps`, l.eps, 0, 1, true, false);
        break;
      default:
        break;
    }
  });
  return width;
}

export function hasBatchNorm(spec: ModelSpec): boolean {
  return spec.layers.some((l) => l.type === 'batchnorm');
}
