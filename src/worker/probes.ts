// Per-layer snapshots: what each layer did on the last training batch (masks, batch statistics,
// histograms, the chosen feature's three BN steps), in the current view mode, and its outputs for
// the fixed probe inputs. Every array is a fresh copy, safe to transfer.
import type { ViewMode } from '../protocol/config.ts';
import { HIST_BINS, MAX_MASK_ROWS, MAX_WEIGHTS, type LayerFrame } from '../protocol/frame.ts';
import { BatchNorm } from '../engine/layers/batchnorm.ts';
import { BatchNorm2d } from '../engine/layers/batchnorm2d.ts';
import { Dropout2d } from '../engine/layers/dropout2d.ts';
import { Dropout } from '../engine/layers/dropout.ts';
import { LayerNorm } from '../engine/layers/layernorm.ts';
import { Linear } from '../engine/layers/linear.ts';
import { EVAL_MODE, LAST_BATCH_MODE, type Layer } from '../engine/layers/types.ts';
import type { Run } from './run.ts';
import { histogram } from './run-setup.ts';

function mean(v: Float32Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += v[i];
  return n > 0 ? s / n : NaN;
}

function column(v: Float32Array, rows: number, width: number, j: number): Float32Array {
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = v[r * width + j];
  return out;
}

/** Buffers reused from frame to frame, owned by the caller (one per session). */
export interface ProbeScratch {
  shifted: Float32Array;
}

export function probeScratch(): ProbeScratch {
  return { shifted: new Float32Array(0) };
}

/** γ·x̂ + β of a norm layer's last forward, with the γ and β in force now (in the scratch buffer). */
function scaleShift(l: BatchNorm | LayerNorm, B: number, scratch: ProbeScratch): Float32Array {
  const F = l.outDim, n = B * F, g = l.gamma.value, be = l.beta.value, xh = l.xhat;
  if (scratch.shifted.length < n) scratch.shifted = new Float32Array(n);
  const shifted = scratch.shifted;
  for (let b = 0; b < B; b++) {
    const o = b * F;
    for (let j = 0; j < F; j++) shifted[o + j] = g[j] * xh[o + j] + be[j];
  }
  return shifted;
}

function gradNorm(l: Layer): number {
  let s = 0;
  for (const p of l.params) s += p.gradNorm * p.gradNorm;
  return Math.sqrt(s);
}

/** What a normalization layer's frame carries: ε, γ/β and their gradients, and for BN (1d or 2d) the batch and running statistics. */
function copyNorm(f: LayerFrame, l: BatchNorm | BatchNorm2d | LayerNorm, trained: boolean): void {
  if (!(l instanceof LayerNorm)) {
    f.batchMean = l.batchMean.slice();
    f.batchVar = l.batchVar.slice();
    f.runningMean = l.runningMean.slice();
    f.runningVar = l.runningVar.slice();
    f.momentum = l.cfg.momentum;
  }
  f.eps = l.cfg.eps;
  f.gamma = l.gamma.value.slice();
  f.beta = l.beta.value.slice();
  f.frozen = l.gamma.frozen && l.beta.frozen;
  f.gammaGradNorm = trained ? l.gamma.gradNorm : 0;
  f.betaGradNorm = trained ? l.beta.gradNorm : 0;
}

export function buildLayerFrames(run: Run, mode: ViewMode, feature: number, scratch: ProbeScratch): LayerFrame[] {
  const model = run.model, B = run.batchRows, x = run.batchX, trained = run.trained;
  // The same batch rows in inference mode: for meanInfer always, and for the batch panels in inference view.
  run.evalNet.forward(x, B, EVAL_MODE);
  const batchNet = mode === 'training' ? model : run.evalNet;
  const frames: LayerFrame[] = model.layers.map((l, i) => {
    const n = B * l.outDim;
    const f: LayerFrame = {
      index: i,
      type: l.type,
      width: l.outDim,
      probe: new Float32Array(0),
      meanTrain: mean(l.out, n),
      meanInfer: mean(run.evalNet.layers[i].out, n),
      gradNorm: trained ? gradNorm(l) : 0,
    };
    const shape = run.outShapes[i];
    if (shape) f.shape = { ...shape };
    if (l instanceof Dropout2d) {
      f.p = l.p;
      f.scaling = l.cfg.scaling;
    } else if (l instanceof BatchNorm2d) {
      // Per channel, over N·H·W values: the statistics, the running estimates and γ/β.
      copyNorm(f, l, trained);
      f.count = l.count(B);
    } else if (l instanceof Dropout) {
      f.p = l.p;
      f.scaling = l.cfg.scaling;
      if (mode === 'training' && trained && l.maskActive) {
        const rows = Math.min(B, MAX_MASK_ROWS);
        f.mask = l.mask.slice(0, rows * l.outDim);
        f.maskRows = rows;
      }
    } else if (l instanceof Linear) {
      if (l.inDim * l.outDim <= MAX_WEIGHTS) f.weight = l.torchWeight();
      if (l.bias) f.bias = l.bias.value.slice();
      f.weightGradNorm = trained ? l.weight.gradNorm : 0;
      f.biasGradNorm = trained && l.bias ? l.bias.gradNorm : 0;
    } else if (l instanceof BatchNorm || l instanceof LayerNorm) {
      copyNorm(f, l, trained);
      const F = l.outDim, j = Math.max(0, Math.min(F - 1, Math.floor(feature)));
      const input = i === 0 ? x : batchNet.layers[i - 1].out;
      const self = batchNet.layers[i] as BatchNorm | LayerNorm;
      // The training pass's outputs used the γ/β of that step; while paused a γ/β edit must still move
      // the picture, so training view rebuilds γx̂ + β from the stored x̂ (the inference view's pass above
      // already used the current γ/β).
      const outNow = mode === 'training' ? scaleShift(self, B, scratch) : self.out;
      f.feature = j;
      f.batchIn = column(input, B, F, j);
      f.batchHat = column(self.xhat, B, F, j);
      f.batchOut = column(outNow, B, F, j);
      const range = run.normRange.get(i);
      if (range) {
        f.histIn = histogram(input, B * F, range.in, HIST_BINS);
        f.histOut = histogram(outNow, B * F, range.out, HIST_BINS);
      }
    }
    return f;
  });
  // Probes last: the view networks' buffers are free to be overwritten now.
  const P = run.probeRows.length;
  const probeNet = mode === 'training' ? run.viewNet : run.evalNet;
  probeNet.forward(run.probeX, P, mode === 'training' ? LAST_BATCH_MODE : EVAL_MODE);
  probeNet.layers.forEach((l, i) => {
    frames[i].probe = l.out.slice(0, P * l.outDim);
    if (mode !== 'training') return;
    if (l instanceof Dropout2d && l.maskActive) frames[i].probeMask = l.mask.slice(0, P * l.shape.c);
    // Element dropout in a conv block: which single values of each probe's maps were dropped (P·C·H·W bytes).
    else if (l instanceof Dropout && l.maskActive && run.outShapes[i]) frames[i].probeMask = l.mask.slice(0, P * l.outDim);
  });
  return frames;
}
