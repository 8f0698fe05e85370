// The network the Inference lab measures on: a twin of the lab's network, so it shares the trained
// weights, γ/β and running statistics and follows every live setting (Model.applyLive), but owns its
// buffers, its own dropout random stream, and overrides of the two teaching switches, so a measurement
// can evaluate "done right" and "done wrong" without touching the lab's network or any stream training
// draws from.
import { BatchNorm } from '../engine/layers/batchnorm.ts';
import { Dropout } from '../engine/layers/dropout.ts';
import { Dropout2d } from '../engine/layers/dropout2d.ts';
import { LayerNorm } from '../engine/layers/layernorm.ts';
import type { ForwardMode } from '../engine/layers/types.ts';
import type { Targets } from '../engine/loss.ts';
import { evaluateRows } from '../engine/evaluate.ts';
import type { Model } from '../engine/model.ts';
import { Rng, STREAM } from '../engine/rng.ts';
import type { EvalFigures } from '../protocol/inspection.ts';

/** Far from the named streams (1–6), so the inspection's masks are unrelated to every other use. */
export const INSPECT_STREAM = STREAM.mc + 64;

/** Inference with each batch's own statistics, dropout off. */
export const THIS_BATCH_INFER: ForwardMode = { dropout: 'off', bn: 'thisBatch', updateRunning: false };

/** Element dropout (the MLP's, the CNN's "element" choice) or channel dropout (the CNN's Dropout2d): they scale alike. */
export type DropLayer = Dropout | Dropout2d;
const isDrop = (l: unknown): l is DropLayer => l instanceof Dropout || l instanceof Dropout2d;

export class InspectNet {
  readonly net: Model;
  readonly drops: DropLayer[];
  readonly bns: BatchNorm[];
  readonly lns: LayerNorm[];
  readonly rng: Rng;
  /**
   * The second mistake, for inverted dropout only: multiply by 1/(1 − p) at inference too. The engine's
   * dropout has no such switch (it is not a mistake the lab's network can make), so forward applies it.
   */
  trainFactorAtInference = false;

  constructor(model: Model, seed: number) {
    this.rng = new Rng(seed, INSPECT_STREAM);
    this.net = model.twin(this.rng);
    this.net.setOverrides(BASE);
    const layers = this.net.layers;
    this.drops = layers.filter(isDrop);
    this.bns = layers.filter((l): l is BatchNorm => l instanceof BatchNorm);
    this.lns = layers.filter((l): l is LayerNorm => l instanceof LayerNorm);
  }

  /**
   * Runs fn with the teaching switches set (null: the lab's), restoring them after: `forget` the
   * classic dropout scaling, normalize inference with the batch's statistics (`bnBatch`).
   */
  with<T>(forget: boolean | null, bnBatch: boolean | null, fn: () => T, trainFactor = false): T {
    const tf = this.trainFactorAtInference, before = this.net.ownOverrides;
    this.net.setOverrides({ ...BASE, forgetDropoutScaling: forget ?? undefined, bnBatchStatsAtInference: bnBatch ?? undefined });
    this.trainFactorAtInference = trainFactor;
    try {
      return fn();
    } finally {
      this.net.setOverrides(before);
      this.trainFactorAtInference = tf;
    }
  }

  forward(x: Float32Array, B: number, mode: ForwardMode): Float32Array {
    let h = x;
    for (const l of this.net.layers) {
      h = l.forward(h, B, mode);
      if (this.trainFactorAtInference && mode.dropout === 'off' && isDrop(l) && l.p > 0 && l.cfg.scaling === 'inverted') {
        scaleInPlace(h, B * l.outDim, l.trainScale());
      }
    }
    return h;
  }

  /** Loss and accuracy over the first n rows, `chunk` rows per forward (so chunk sets BN's batch when it uses batch statistics). */
  evaluate(X: Float32Array, y: Targets, n: number, mode: ForwardMode, chunk: number, onChunk?: (z: Float32Array, o: number, B: number) => void): EvalFigures {
    const r = evaluateRows((x, B) => this.forward(x, B, mode), this.net.loss, this.net.spec.input, X, y, n, chunk, { onChunk });
    return { loss: r.loss, acc: r.accuracy };
  }
}

/** The inspection never adds the teaching noise after BN (its training-mode passes measure the network itself). */
const BASE = { bnNoise: false } as const;

function scaleInPlace(v: Float32Array, n: number, s: number): void {
  for (let i = 0; i < n; i++) v[i] *= s;
}

/** Mean and mean |·| of the first n values. */
export function means(v: Float32Array, n: number): { mean: number; abs: number } {
  let s = 0, a = 0;
  for (let i = 0; i < n; i++) {
    s += v[i];
    a += Math.abs(v[i]);
  }
  return n > 0 ? { mean: s / n, abs: a / n } : { mean: NaN, abs: NaN };
}
