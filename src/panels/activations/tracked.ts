// Which hidden layer and which side of its activation each tracked layer is, so bands can be titled
// and matched across runs whose layer indices differ (turning BN on inserts a layer).
import type { LayerType } from '../../engine/spec.ts';
import type { ActivationHistory } from '../../protocol/frame.ts';

/** 'normIn': what a normalization before the activation receives; 'pre': what the activation receives; 'post': what it gives. */
export type Role = 'normIn' | 'pre' | 'post';

export interface TrackedLayer {
  index: number;
  /** steps × 5 quantiles (5, 25, 50, 75, 95 %). */
  q: Float32Array;
  hidden: number;
  role: Role;
  /** The activation function this layer feeds or comes out of. */
  act: LayerType;
  /** A norm layer whose output is the pre-activation (BN before the activation). */
  norm: 'batchnorm' | 'batchnorm2d' | 'layernorm' | null;
  /** The block is a convolution's (a CNN's conv block), not a dense hidden layer's. */
  conv: boolean;
  key: string;
}

const isAct = (t: LayerType | undefined) => t === 'relu' || t === 'tanh' || t === 'sigmoid';

export function trackedLayers(a: ActivationHistory, types: readonly LayerType[]): TrackedLayer[] {
  return a.layers.flatMap(({ index, q }) => {
    const type = types[index];
    if (type === undefined) return [];
    let hidden = -1, conv = false;
    for (let i = 0; i <= index; i++) {
      if (types[i] === 'linear' || types[i] === 'conv2d') {
        hidden++;
        conv = types[i] === 'conv2d';
      }
    }
    const next = types[index + 1];
    const normNext = next === 'batchnorm' || next === 'batchnorm2d' || next === 'layernorm' ? next : null;
    const role: Role = isAct(type) ? 'post' : (type === 'linear' || type === 'conv2d') && normNext ? 'normIn' : 'pre';
    const act = role === 'post' ? type : role === 'normIn' ? types[index + 2] : next;
    if (!isAct(act)) return [];
    const norm = role === 'normIn' ? normNext : type === 'batchnorm' || type === 'batchnorm2d' || type === 'layernorm' ? type : null;
    return [{ index, q, hidden, role, act, norm, conv, key: `${conv ? 'c' : ''}${hidden}:${role}` }];
  });
}

export const ACT_NAMES: Partial<Record<LayerType, string>> = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' };
