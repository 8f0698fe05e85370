// Mini-batch training over a data set: shuffles each epoch (seeded), gathers batches into reused
// buffers, and drops a last partial batch (so BN never sees a batch of one by accident).
import { EngineError } from './errors.ts';
import type { Model, StepResult } from './model.ts';
import type { Targets } from './loss.ts';
import type { Rng } from './rng.ts';

export interface Split {
  /** N×D row-major inputs. */
  x: Float32Array;
  /** N class indices, or N×C regression targets. */
  y: Targets;
  n: number;
}

export class Trainer {
  step = 0;
  epoch = 0;
  private order: Int32Array;
  private cursor = 0;
  private bx: Float32Array = new Float32Array(0);
  private by: Targets = new Int32Array(0);

  readonly model: Model;
  readonly data: Split;
  private batchSize = 0;
  private readonly shuffleRng: Rng;

  constructor(model: Model, data: Split, batchSize: number, shuffleRng: Rng) {
    this.model = model;
    this.data = data;
    this.shuffleRng = shuffleRng;
    this.order = new Int32Array(data.n);
    for (let i = 0; i < data.n; i++) this.order[i] = i;
    this.setBatchSize(batchSize);
    shuffleRng.shuffle(this.order);
  }

  get batch(): number {
    return this.batchSize;
  }

  setBatchSize(B: number): void {
    if (!Number.isInteger(B) || B < 1 || B > this.data.n) {
      throw new EngineError('invalid_spec', `batchSize: must be a whole number in [1, ${this.data.n}] (got ${B})`, 'batchSize');
    }
    this.batchSize = B;
    const D = this.model.spec.input, C = this.model.outDim;
    if (this.bx.length < B * D) this.bx = new Float32Array(B * D);
    const yLen = this.model.loss.kind === 'cross_entropy' ? B : B * C;
    if (this.by.length < yLen) this.by = this.model.loss.kind === 'cross_entropy' ? new Int32Array(yLen) : new Float32Array(yLen);
  }

  /** The rows of the current batch (valid after trainStep; used by the views of "this step"). */
  get batchX(): Float32Array {
    return this.bx;
  }

  /** Gathers the next batch and trains on it. Throws EngineError for a refused step (BN, batch of 1). */
  trainStep(): StepResult {
    const B = this.batchSize, D = this.model.spec.input, C = this.model.outDim;
    // Refused before the epoch can wrap, so a refused step leaves the epoch count and order alone.
    this.model.checkBatch(B);
    if (this.cursor + B > this.data.n) {
      this.cursor = 0;
      this.epoch++;
      this.shuffleRng.shuffle(this.order);
    }
    const { x, y } = this.data, bx = this.bx, by = this.by;
    const ce = this.model.loss.kind === 'cross_entropy';
    for (let r = 0; r < B; r++) {
      const i = this.order[this.cursor + r];
      for (let j = 0; j < D; j++) bx[r * D + j] = x[i * D + j]; // not set(subarray): no allocation per row
      if (ce) by[r] = y[i];
      else for (let c = 0; c < C; c++) by[r * C + c] = y[i * C + c];
    }
    const res = this.model.trainStep(bx, by, B);
    if (!res.diverged) {
      this.cursor += B;
      this.step++;
    }
    return res;
  }
}
