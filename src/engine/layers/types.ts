// The shape every layer shares: forward and backward over a whole batch, buffers reused between steps.
import type { LayerType } from '../spec.ts';

/** How one forward pass treats the layers whose behaviour depends on the mode. */
export interface ForwardMode {
  /** 'sample': draw a fresh dropout mask (training, MC dropout); 'off': inference behaviour. */
  dropout: 'sample' | 'off';
  /**
   * Which statistics BN normalizes with. 'thisBatch': the batch being passed (its mean and biased
   * variance); 'running': the running estimates; 'lastBatch': the statistics of the last batch the
   * layer (or the training layer it is a twin of) normalized with its own, i.e. what the last training
   * step used. The teaching switch "batch statistics at inference" acts on 'running' only.
   */
  bn: 'thisBatch' | 'running' | 'lastBatch';
  /** Only a training step moves the running statistics. */
  updateRunning: boolean;
}

export const TRAIN_MODE: ForwardMode = { dropout: 'sample', bn: 'thisBatch', updateRunning: true };
export const EVAL_MODE: ForwardMode = { dropout: 'off', bn: 'running', updateRunning: false };
/** Monte-Carlo dropout: masks sampled at inference, BN still on its running statistics. */
export const MC_MODE: ForwardMode = { dropout: 'sample', bn: 'running', updateRunning: false };
/** A training-mode pass that learns nothing: masks sampled, BN on this batch's own statistics, no update. */
export const THIS_BATCH_MODE: ForwardMode = { dropout: 'sample', bn: 'thisBatch', updateRunning: false };
/**
 * "The network in training mode" as the panels show it without training: masks sampled, BN on the last
 * training batch's statistics. Those are what the step itself used; a grid's or a probe set's own
 * statistics would describe inputs the network never trains on.
 */
export const LAST_BATCH_MODE: ForwardMode = { dropout: 'sample', bn: 'lastBatch', updateRunning: false };

/** A learnable tensor with its gradient. `frozen` parameters still get gradients but are not updated. */
export interface Param {
  /** PyTorch-style key suffix: weight, bias, gamma, beta. */
  readonly name: 'weight' | 'bias' | 'gamma' | 'beta';
  readonly value: Float32Array;
  readonly grad: Float32Array;
  frozen: boolean;
  /** L2 norm of the last step's gradient (observable; filled by the model after backward). */
  gradNorm: number;
}

export function makeParam(name: Param['name'], size: number, fill = 0): Param {
  const value = new Float32Array(size);
  if (fill !== 0) value.fill(fill);
  return { name, value, grad: new Float32Array(size), frozen: false, gradNorm: 0 };
}

export interface Layer {
  readonly type: LayerType;
  readonly inDim: number;
  readonly outDim: number;
  readonly params: Param[];
  /** This layer's output for the last forward pass: B×outDim, row-major (valid up to B·outDim). */
  readonly out: Float32Array;
  /** Grow buffers so a batch of B rows fits; a no-op once large enough (no per-step allocation). */
  ensureCapacity(B: number): void;
  forward(x: Float32Array, B: number, mode: ForwardMode): Float32Array;
  /** Given ∂L/∂out, accumulate parameter gradients and return ∂L/∂in (if needDIn). */
  backward(dOut: Float32Array, B: number, needDIn: boolean): Float32Array;
  /** A layer that shares this one's parameters and running statistics but owns its own buffers. */
  twin(): Layer;
}

/** Buffer growth policy: round up so a slowly growing batch does not reallocate every time. */
export function grow(buf: Float32Array, needed: number): Float32Array {
  if (buf.length >= needed) return buf;
  return new Float32Array(Math.max(needed, buf.length * 2));
}
