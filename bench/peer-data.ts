// What every peer (tfjs, jax-js) starts from and trains on, so all sides do the same arithmetic:
// the engine's initial weights, the same prepared mini-batches, and (for jax-js) the dropout masks.
import type { Workload } from './workloads.ts';
import { buildEngineModel, BENCH_SEED } from './engine-runner.ts';
import { engineBuilds, convOutputShape } from './workloads.ts';
import { Linear } from '../src/engine/layers/linear.ts';
import { Rng, rngFor } from '../src/engine/rng.ts';

/** Batches drawn once, beforehand (only favours the peers), then cycled. */
export const PREPARED_BATCHES = 16;

export interface PreparedBatch {
  /** B×input rows (images as C×H×W, PyTorch's order). */
  x: Float32Array;
  labels: Int32Array;
  /** B×classes one-hot targets. */
  onehot: Float32Array;
}

/** Mini-batches drawn from the data set without replacement, as the engine's Trainer draws them. */
export function preparedBatches(w: Workload): PreparedBatch[] {
  const rng = new Rng(11, 3);
  const order = Int32Array.from({ length: w.data.n }, (_, i) => i);
  rng.shuffle(order);
  const D = w.input, B = w.batch, out: PreparedBatch[] = [];
  for (let k = 0; k < PREPARED_BATCHES; k++) {
    const x = new Float32Array(B * D), labels = new Int32Array(B), onehot = new Float32Array(B * w.classes);
    for (let r = 0; r < B; r++) {
      const i = order[(k * B + r) % w.data.n];
      x.set(w.data.x.subarray(i * D, i * D + D), r * D);
      labels[r] = w.data.y[i];
      onehot[r * w.classes + w.data.y[i]] = 1;
    }
    out.push({ x, labels, onehot });
  }
  return out;
}

export interface InitialWeights {
  /** Per conv block: weight out×in×k×k (PyTorch's layout), bias out. */
  conv: { w: Float32Array; b: Float32Array; out: number; in: number; k: number }[];
  /** Per linear layer (hidden ones, then the output): weight in×out (the engine's layout), bias out. */
  dense: { w: Float32Array; b: Float32Array; in: number; out: number }[];
}

/** What the bench reads of the engine's Conv2d (duck-typed, so the bench builds before and after it lands). */
interface EngineConv {
  type: 'conv2d';
  kernel: number;
  inShape: { c: number };
  outShape: { c: number };
  bias: { value: Float32Array } | null;
  /** out × in × k × k. */
  torchWeight(): Float32Array;
}

/** The engine's initial weights; for a network the engine cannot build yet, He-normal from the same seed. */
export function initialWeights(w: Workload): InitialWeights {
  if (engineBuilds(w)) {
    const layers = buildEngineModel(w).layers;
    const convs = layers.filter((l) => (l as { type: string }).type === 'conv2d') as unknown as EngineConv[];
    const linears = layers.filter((l): l is Linear => l instanceof Linear);
    return {
      conv: convs.map((l) => ({
        w: Float32Array.from(l.torchWeight()),
        b: l.bias ? Float32Array.from(l.bias.value) : new Float32Array(l.outShape.c),
        out: l.outShape.c,
        in: l.inShape.c,
        k: l.kernel,
      })),
      dense: linears.map((l) => ({
        w: Float32Array.from(l.weight.value),
        b: l.bias ? Float32Array.from(l.bias.value) : new Float32Array(l.outDim),
        in: l.inDim,
        out: l.outDim,
      })),
    };
  }
  const rng = rngFor(BENCH_SEED, 'init');
  const he = (n: number, fanIn: number) => Float32Array.from({ length: n }, () => rng.normal() * Math.sqrt(2 / fanIn));
  const conv: InitialWeights['conv'] = [];
  let cin = w.image?.channels ?? 0;
  for (const b of w.conv ?? []) {
    conv.push({ w: he(b.channels * cin * b.kernel * b.kernel, cin * b.kernel * b.kernel), b: new Float32Array(b.channels), out: b.channels, in: cin, k: b.kernel });
    cin = b.channels;
  }
  const dense: InitialWeights['dense'] = [];
  let width = w.conv ? convOutputShape(w).reduce((a, b) => a * b, 1) : w.input;
  for (const out of [...w.hidden.map((h) => h.width), w.classes]) {
    dense.push({ w: he(width * out, width), b: new Float32Array(out), in: width, out });
    width = out;
  }
  return { conv, dense };
}

/** Inverted-dropout masks (0 or 1/(1−p)), one B×width mask per hidden dropout layer, per prepared step. */
export function dropoutMasks(w: Workload): Float32Array[][] {
  const rng = rngFor(BENCH_SEED + 1, 'dropout');
  const sets: Float32Array[][] = [];
  for (let k = 0; k < PREPARED_BATCHES; k++) {
    sets.push(
      w.hidden
        .filter((h) => h.dropout > 0)
        .map((h) => Float32Array.from({ length: w.batch * h.width }, () => (rng.next() < h.dropout ? 0 : 1 / (1 - h.dropout)))),
    );
  }
  return sets;
}
