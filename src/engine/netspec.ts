// The lab's network description — hidden widths, activation, where dropout and normalization sit —
// compiled to the engine's layer list. A dropout layer stands after the input and after every hidden
// layer even when its p is 0, so turning dropout on or off at a place is a live change, not a rebuild.
import { EngineError } from './errors.ts';
import type { ActivationKind, DropoutScaling, InitKind, LayerSpec, LossKind, ModelSpec } from './spec.ts';

export type NormKind = 'none' | 'batchnorm' | 'layernorm';
export type NormPlacement = 'before' | 'after';

export interface NetSpec {
  /** Hidden layer widths, input side first. */
  hidden: number[];
  activation: ActivationKind;
  /** Normalization of each hidden layer (same length as hidden). */
  norm: NormKind[];
  /** Normalization before the activation (Linear → BN → act) or after it (Linear → act → BN). */
  normPlacement: NormPlacement;
  /** Drop probability used wherever dropout is switched on. */
  dropoutP: number;
  /** Dropout on the input features. */
  dropoutInput: boolean;
  /** Dropout after each hidden layer (same length as hidden). */
  dropoutHidden: boolean[];
  dropoutScaling: DropoutScaling;
  init: InitKind;
  initScale: number;
  bnMomentum: number;
  bnEps: number;
  lnEps: number;
}

export const MAX_HIDDEN_LAYERS = 6;

/** Index, in the compiled layer list, of each place dropout can sit: [input, hidden 0, hidden 1, …]. */
export function dropoutLayerIndices(net: NetSpec): number[] {
  const idx: number[] = [0];
  let i = 1;
  for (let h = 0; h < net.hidden.length; h++) {
    i += 1 + 1 + (net.norm[h] !== 'none' ? 1 : 0); // linear, activation, norm
    idx.push(i);
    i += 1;
  }
  return idx;
}

export function compileNet(net: NetSpec, input: number, output: number, loss: LossKind): ModelSpec {
  if (!Array.isArray(net.hidden) || net.hidden.length > MAX_HIDDEN_LAYERS) {
    throw new EngineError('invalid_spec', `hidden: must list 0 to ${MAX_HIDDEN_LAYERS} layer widths`, 'hidden');
  }
  if (net.norm.length !== net.hidden.length) throw new EngineError('invalid_spec', 'norm: needs one entry per hidden layer', 'norm');
  if (net.dropoutHidden.length !== net.hidden.length) {
    throw new EngineError('invalid_spec', 'dropoutHidden: needs one entry per hidden layer', 'dropoutHidden');
  }
  const drop = (on: boolean): LayerSpec => ({ type: 'dropout', p: on ? net.dropoutP : 0, scaling: net.dropoutScaling });
  const layers: LayerSpec[] = [drop(net.dropoutInput)];
  net.hidden.forEach((width, h) => {
    layers.push({ type: 'linear', out: width, init: net.init, initScale: net.initScale });
    const norm = net.norm[h];
    const normLayer: LayerSpec | null =
      norm === 'batchnorm' ? { type: 'batchnorm', eps: net.bnEps, momentum: net.bnMomentum } : norm === 'layernorm' ? { type: 'layernorm', eps: net.lnEps } : null;
    if (normLayer && net.normPlacement === 'before') layers.push(normLayer);
    layers.push({ type: net.activation });
    if (normLayer && net.normPlacement === 'after') layers.push(normLayer);
    layers.push(drop(net.dropoutHidden[h]));
  });
  layers.push({ type: 'linear', out: output, init: net.init, initScale: net.initScale });
  return { input, layers, loss };
}
