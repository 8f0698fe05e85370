// Knocking units out at inference: a chosen hidden layer's units are zeroed — a random set of
// round(fraction × width) of them, the same set for every row of one draw — and the loss and accuracy
// over a set are averaged over several draws. A network whose units only work in particular
// combinations ("co-adaptation") loses more when some are gone than one trained to do without them.
// A unit may span several values (a CNN channel: its whole H×W map), and one chosen unit may replace
// the random fraction. Pure engine code (no DOM): the Inference lab's worker and E11 share it.
import { EVAL_MODE, argmaxRow, dropoutLayerIndices, type Layer, type Loss, type NetSpec, type Rng, type Targets } from '../engine/index.ts';

/** Draws averaged per measurement. */
export const KNOCKOUT_DRAWS = 20;

/**
 * Index, in the compiled layer list, of the place whose output is a hidden layer's units: the dropout
 * layer after it (always there, the identity at inference), so the units are zeroed after the
 * activation and any normalization.
 */
export function knockoutLayerIndex(net: NetSpec, hidden: number): number {
  const idx = dropoutLayerIndices(net);
  if (!Number.isInteger(hidden) || hidden < 0 || hidden + 1 >= idx.length) throw new RangeError(`hidden layer ${hidden} does not exist`);
  return idx[hidden + 1];
}

/** Units a fraction knocks out of a layer of `width`. */
export function knockedUnits(width: number, fraction: number): number {
  return Math.max(0, Math.min(width, Math.round(fraction * width)));
}

export interface KnockoutEval {
  loss: number;
  acc: number;
}

export interface KnockoutFigures {
  /** Units zeroed in each draw, of `width`. */
  units: number;
  width: number;
  draws: number;
  /** Nothing knocked out. */
  intact: KnockoutEval;
  /** Mean over the draws. */
  knocked: KnockoutEval;
  /** Lowest and highest accuracy over the draws. */
  accMin: number;
  accMax: number;
}

/** k distinct indices of [0, n) (partial Fisher–Yates on `scratch`). */
function pick(rng: Rng, n: number, k: number, scratch: Int32Array): Int32Array {
  for (let i = 0; i < n; i++) scratch[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = scratch[i];
    scratch[i] = scratch[j];
    scratch[j] = t;
  }
  return scratch.subarray(0, k);
}

/**
 * Inference over `n` rows with the units `cols` of layer `at` zeroed (none when cols is empty). A unit
 * is `span` consecutive values of a row: 1 for a dense layer's unit, H·W for a conv channel's whole map.
 */
function evaluate(layers: Layer[], loss: Loss, X: Float32Array, y: Targets, n: number, at: number, cols: Int32Array, span: number, chunk = 256): KnockoutEval {
  const D = layers[0].inDim, C = layers[layers.length - 1].outDim, ce = loss.kind === 'cross_entropy';
  let lossSum = 0, correct = 0;
  for (let o = 0; o < n; o += chunk) {
    const B = Math.min(chunk, n - o);
    let h = X.subarray(o * D, (o + B) * D);
    layers.forEach((l, i) => {
      h = l.forward(h, B, EVAL_MODE);
      if (i === at) {
        const W = l.outDim;
        for (let b = 0; b < B; b++) for (const c of cols) h.fill(0, b * W + c * span, b * W + (c + 1) * span);
      }
    });
    const yy = ce ? y.subarray(o, o + B) : y.subarray(o * C, (o + B) * C);
    lossSum += loss.forward(h, yy, B, false) * B;
    if (ce) for (let b = 0; b < B; b++) if (argmaxRow(h, b, C) === yy[b]) correct++;
  }
  return { loss: lossSum / n, acc: ce ? correct / n : NaN };
}

/** How the knocked-out units are grouped and chosen (the defaults: a dense layer's single values, at random). */
export interface KnockoutUnits {
  /** Values per unit in a row of layer `at`'s output: 1 (dense), H·W (a conv channel: its whole map). */
  span?: number;
  /** This one unit, in a single draw, instead of a random fraction. */
  unit?: number;
}

/**
 * Knocks out `fraction` of layer `at`'s units (or the one `unit`), `draws` times, on layers that are a
 * twin's (their buffers are overwritten). BN uses its running statistics and dropout is off, as at
 * inference. One code path for the dense network's units and the CNN's channels (`span`).
 */
export function measureKnockout(
  layers: Layer[], loss: Loss, X: Float32Array, y: Targets, n: number, at: number, fraction: number, rng: Rng, draws = KNOCKOUT_DRAWS, how: KnockoutUnits = {},
): KnockoutFigures {
  const span = how.span ?? 1, width = Math.floor(layers[at].outDim / span);
  if (!(span >= 1 && width * span === layers[at].outDim)) throw new RangeError(`span ${span} does not divide layer ${at}'s ${layers[at].outDim} values`);
  const one = how.unit;
  if (one !== undefined && !(Number.isInteger(one) && one >= 0 && one < width)) throw new RangeError(`unit ${one} is not in [0, ${width})`);
  const units = one !== undefined ? 1 : knockedUnits(width, fraction);
  if (one !== undefined) draws = 1;
  const scratch = new Int32Array(width);
  const intact = evaluate(layers, loss, X, y, n, at, scratch.subarray(0, 0), span);
  let l = 0, a = 0, accMin = Infinity, accMax = -Infinity;
  for (let d = 0; d < draws; d++) {
    const cols = one !== undefined ? Int32Array.of(one) : pick(rng, width, units, scratch);
    const e = evaluate(layers, loss, X, y, n, at, cols, span);
    l += e.loss / draws;
    a += e.acc / draws;
    accMin = Math.min(accMin, e.acc);
    accMax = Math.max(accMax, e.acc);
  }
  return { units, width, draws, intact, knocked: { loss: l, acc: a }, accMin, accMax };
}
