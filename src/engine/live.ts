// The settings a network takes while it trains, without a rebuild: each dropout layer's p and
// scaling, each norm layer's ε (and BN's momentum), and the teaching switches. A model owns them
// (Model.live) and Model.applyLive writes them into its layers and into every twin it made, so an
// evaluation, view or inspection network computes with what is in force, never with a copy of the
// settings it was born with. A twin may override switches of its own (the inspection measures "done
// wrong" beside "done right"); its overrides survive the origin's changes.
import { BatchNorm } from './layers/batchnorm.ts';
import { BatchNorm2d } from './layers/batchnorm2d.ts';
import { Dropout } from './layers/dropout.ts';
import { Dropout2d } from './layers/dropout2d.ts';
import { LayerNorm } from './layers/layernorm.ts';
import type { Layer } from './layers/types.ts';
import { EngineError } from './errors.ts';
import type { LayerSpec } from './spec.ts';

/** The teaching switches, each a mistake the lab can make on purpose (see the layers for what each does). */
export interface Teaching {
  /** Classic dropout evaluated without multiplying by 1 − p. */
  forgetDropoutScaling: boolean;
  /** BN's 'running' passes normalize with the batch's own statistics instead. */
  bnBatchStatsAtInference: boolean;
  /** Noise after every BatchNorm1d in training-mode passes. */
  bnNoise: boolean;
}

export const NO_TEACHING: Teaching = { forgetDropoutScaling: false, bnBatchStatsAtInference: false, bnNoise: false };

export interface LiveSettings {
  /** The network's layers as specified now: same count and types as the model's (p, scaling, eps, momentum are read). */
  layers: readonly LayerSpec[];
  teach: Teaching;
}

/** Throws unless `layers` describes the same structure as `model` (a structural change needs a new model). */
export function checkSameStructure(model: readonly Layer[], layers: readonly LayerSpec[]): void {
  if (layers.length !== model.length || layers.some((ls, i) => ls.type !== model[i].type)) {
    throw new EngineError('invalid_spec', 'the network structure changed; a rebuild is needed', 'net');
  }
}

/** Writes the settings into each layer (a twin's overrides already merged into `teach`). */
export function writeLive(model: readonly Layer[], layers: readonly LayerSpec[], teach: Teaching): void {
  layers.forEach((ls, i) => {
    const l = model[i];
    if ((ls.type === 'dropout' && l instanceof Dropout) || (ls.type === 'dropout2d' && l instanceof Dropout2d)) {
      l.cfg.p = ls.p;
      l.cfg.scaling = ls.scaling ?? 'inverted';
      l.cfg.forgetScaling = teach.forgetDropoutScaling;
    } else if ((ls.type === 'batchnorm' && l instanceof BatchNorm) || (ls.type === 'batchnorm2d' && l instanceof BatchNorm2d)) {
      l.cfg.eps = ls.eps ?? l.cfg.eps;
      l.cfg.momentum = ls.momentum ?? l.cfg.momentum;
      l.cfg.batchStatsAtInference = teach.bnBatchStatsAtInference;
      l.cfg.noise = teach.bnNoise;
    } else if (ls.type === 'layernorm' && l instanceof LayerNorm) {
      l.cfg.eps = ls.eps ?? l.cfg.eps;
    }
  });
}
