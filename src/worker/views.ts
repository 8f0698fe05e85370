// The networks the panels look through. Each shares the trained parameters (twins) but has its own
// buffers, so computing a view never disturbs the training step's activations, masks or statistics.
import { Dropout, keepThreshold } from '../engine/layers/dropout.ts';
import type { Model } from '../engine/model.ts';
import type { Rng } from '../engine/rng.ts';

/**
 * The network the training view looks through (LAST_BATCH_MODE): a twin of the training model, so
 * its dropout layers draw from `rng` and its BN layers normalize with the training layers' last batch
 * statistics.
 */
export function trainingViewNet(model: Model, rng: Rng): Model {
  return model.twin(rng);
}

/** One keep-row by the engine's keep rule (keepThreshold). */
export function sampleKeepRow(rng: Rng, p: number, out: Uint8Array): void {
  const thr = keepThreshold(p);
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
