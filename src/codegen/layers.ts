// The model a learner built, as the list code export writes: compileNet's own layer order, with each
// layer's widths filled in and each dropout place named, so both exporters follow the engine exactly.
import { compileNet, dropoutLayerIndices, type NetSpec } from '../engine/netspec.ts';
import type { ActivationKind } from '../engine/spec.ts';
import { BN_DEFAULTS, LN_DEFAULTS } from '../engine/spec.ts';

export interface ModelInfo {
  inputDim: number;
  /** Classes (classification) or output width (regression). */
  classes: number;
  kind: 'classification' | 'regression';
}

/** Where a dropout layer sits: 'input', or the 0-based hidden layer it follows. */
export type DropPlace = 'input' | number;

export type ExportLayer =
  | { kind: 'linear'; in: number; out: number; last: boolean }
  | { kind: 'activation'; fn: ActivationKind }
  | { kind: 'batchnorm'; width: number; eps: number; momentum: number }
  | { kind: 'layernorm'; width: number; eps: number }
  | { kind: 'dropout'; p: number; place: DropPlace; switchedOn: boolean };

export function exportLayers(net: NetSpec, info: ModelInfo): ExportLayer[] {
  const spec = compileNet(net, info.inputDim, info.classes, info.kind === 'classification' ? 'cross_entropy' : 'mse');
  const places = dropoutLayerIndices(net);
  let width = info.inputDim;
  return spec.layers.map((l, i): ExportLayer => {
    switch (l.type) {
      case 'linear': {
        const out: ExportLayer = { kind: 'linear', in: width, out: l.out, last: i === spec.layers.length - 1 };
        width = l.out;
        return out;
      }
      case 'batchnorm':
        return { kind: 'batchnorm', width, eps: l.eps ?? BN_DEFAULTS.eps, momentum: l.momentum ?? BN_DEFAULTS.momentum };
      case 'layernorm':
        return { kind: 'layernorm', width, eps: l.eps ?? LN_DEFAULTS.eps };
      case 'dropout': {
        const k = places.indexOf(i);
        const place: DropPlace = k <= 0 ? 'input' : k - 1;
        const switchedOn = place === 'input' ? net.dropoutInput : net.dropoutHidden[place];
        return { kind: 'dropout', p: l.p, place, switchedOn };
      }
      case 'relu':
      case 'tanh':
      case 'sigmoid':
        return { kind: 'activation', fn: l.type };
      default:
        throw new Error(`exportLayers: the MLP export has no ${l.type} layer`); // compileNet makes none

    }
  });
}

/** Human wording for a dropout place, 1-based as the lab's panels count layers. */
export function placeName(place: DropPlace): string {
  return place === 'input' ? 'on the input' : `after hidden layer ${place + 1}`;
}

/** The comment standing where a dropout layer is left out because its p is 0. */
export function dropoutOffComment(d: Extract<ExportLayer, { kind: 'dropout' }>): string {
  return d.switchedOn ? `# no dropout ${placeName(d.place)}: switched on, but p = 0` : `# no dropout ${placeName(d.place)} (off in the lab)`;
}

export function hasNorm(layers: readonly ExportLayer[], kind: 'batchnorm' | 'layernorm'): boolean {
  return layers.some((l) => l.kind === kind);
}
