// What the engine builds from a lab config: the MLP (netspec.ts) or the CNN (cnnspec.ts), the CNN only
// on the digit images (the rule itself is in arch-rule.ts, which the page's first chunk carries).
import { compileCnn, type CnnSpec, type PoolKind } from '../engine/cnnspec.ts';
import { compileNet } from '../engine/netspec.ts';
import { EngineError } from '../engine/errors.ts';
import type { LossKind, ModelSpec } from '../engine/spec.ts';
import { CNN_DATA } from './config.ts';
import type { ConvConfig, LabConfig } from './config.ts';

/** The engine's pooling for the lab's: 'auto' is 'each' up to 3 blocks, 'once' (after the 2nd) beyond. */
export function poolOf(v: Pick<ConvConfig, 'layers' | 'pool'>): PoolKind {
  return v.pool === 'auto' ? (v.layers > 3 ? 'once' : 'each') : v.pool;
}

/** The engine's CNN for a lab config: the CNN's own settings plus what it shares with the MLP. */
export function cnnSpecOf(c: Pick<LabConfig, 'net' | 'conv'>): CnnSpec {
  const n = c.net, v = c.conv;
  return {
    convLayers: v.layers, channels: v.channels, kernel: v.kernel, pool: poolOf(v), bn: v.bn, bnPlacement: n.normPlacement,
    activation: n.activation, dropout: v.dropout === 'element' ? 'element' : 'channel', dropoutP: v.dropout === 'none' ? 0 : n.dropoutP,
    dropoutScaling: n.dropoutScaling, init: n.init, initScale: n.initScale, bnMomentum: n.bnMomentum, bnEps: n.bnEps,
  };
}

/** The network a config trains, for data of this shape; refuses a CNN on anything but the digit images. */
export function modelSpecOf(c: LabConfig, inputDim: number, classes: number, loss: LossKind): ModelSpec {
  if (c.arch !== 'cnn') return compileNet(c.net, inputDim, classes, loss);
  if (c.data.name !== CNN_DATA || inputDim !== 64) {
    throw new EngineError('invalid_spec', `arch: a CNN takes the digit images (1×8×8), not ${c.data.name}`, 'arch');
  }
  return compileCnn(cnnSpecOf(c), classes);
}
