// The networks the panels look through. Each shares the trained parameters (twins) but has its own
// buffers, so computing a view never disturbs the training step's activations, masks or statistics.
import { BatchNorm } from '../engine/layers/batchnorm.ts';
import { Dropout } from '../engine/layers/dropout.ts';
import type { BatchNormConfig } from '../engine/layers/batchnorm.ts';
import type { ForwardMode, Layer } from '../engine/layers/types.ts';
import { Model } from '../engine/model.ts';
import type { Rng } from '../engine/rng.ts';

/**
 * "The network in training mode", shown without training: dropout masks sampled, and every BN layer
 * normalizing with the last training batch's statistics. Those statistics are what the step itself
 * used; a grid's or a probe set's own statistics would describe inputs the network never trains on.
 * The view net's BN layers read the training layer's batchMean/batchVar as their "running" arrays, so
 * this mode samples masks and takes BN's running branch.
 */
export const TRAINING_VIEW: ForwardMode = { dropout: 'sample', bn: 'running', updateRunning: false };

export function trainingViewNet(model: Model, rng: Rng): Model {
  const layers: Layer[] = model.layers.map((l) => {
    if (l instanceof BatchNorm) {
      // The inference teaching switch must not apply here.
      const cfg = followBnConfig(l.cfg, () => false);
      return new BatchNorm(l.inDim, cfg, { gamma: l.gamma, beta: l.beta, runningMean: l.batchMean, runningVar: l.batchVar, cfg });
    }
    const t = l.twin();
    if (t instanceof Dropout) t.setRng(rng);
    return t;
  });
  return new Model(model.spec, layers);
}

/** A BN config whose ε and momentum follow `src` (the live settings), with its own teaching switch. */
export function followBnConfig(src: BatchNormConfig, batchStatsAtInference: () => boolean): BatchNormConfig {
  return {
    get eps() {
      return src.eps;
    },
    get momentum() {
      return src.momentum;
    },
    get batchStatsAtInference() {
      return batchStatsAtInference();
    },
  };
}

/** Keep rule of the engine's dropout: keep ⇔ u32 ≥ ⌈p·2³²⌉ (so P(keep) = 1 − p). */
export function sampleKeepRow(rng: Rng, p: number, out: Uint8Array): void {
  const thr = Math.ceil(p * 4294967296);
  for (let i = 0; i < out.length; i++) out[i] = rng.u32() >= thr ? 1 : 0;
}

/**
 * One thinned network for a whole picture: each dropout layer of `net` gets a single keep-row, tiled
 * over up to `rows` inputs and handed to the layer as its next mask before each forward. A grid or a
 * curve drawn through one mask shows one coherent sub-network (re-sampled per picture), which reads as
 * "the network in training mode" far better than 4,096 unrelated masks of speckle.
 */
export class SharedMask {
  private readonly layers: Dropout[];
  private readonly tiles: Uint8Array[];
  private readonly rows: number;

  constructor(net: Model, rows: number) {
    this.rows = rows;
    this.layers = net.layers.filter((l): l is Dropout => l instanceof Dropout);
    this.tiles = this.layers.map((l) => new Uint8Array(rows * l.inDim));
  }

  resample(rng: Rng): void {
    this.layers.forEach((l, k) => {
      const w = l.inDim, tile = this.tiles[k];
      sampleKeepRow(rng, l.p, tile.subarray(0, w));
      for (let r = 1; r < this.rows; r++) tile.copyWithin(r * w, 0, w);
    });
  }

  /** Arms every dropout layer to use the shared row for its next forward (of at most `rows` inputs). */
  arm(): void {
    this.layers.forEach((l, k) => {
      l.nextMask = this.tiles[k];
    });
  }
}
