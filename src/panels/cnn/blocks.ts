// The conv blocks of a CNN's layer list (compileCnn's order: conv, BN2d before or after the
// activation, the activation, dropout, maybe a max-pool), found from the layer types alone, so the
// panels need no copy of the spec: which layer shows a block's feature maps, which is its BN2d.
import type { LayerType } from '../../engine/spec.ts';

export interface ConvBlock {
  /** 0-based block number. */
  n: number;
  conv: number;
  /** The block's BatchNorm2d layer, or null. */
  bn: number | null;
  /** The layer whose output is the block's feature maps before pooling: the dropout layer (the activation or BN without one). */
  maps: number;
  /** The block's Dropout2d layer (whole maps dropped), or null (element dropout or none). */
  drop2d: number | null;
  /** The block's element dropout layer (single values dropped), or null (Dropout2d or none). */
  dropEl: number | null;
}

export function convBlocks(types: readonly LayerType[]): ConvBlock[] {
  const out: ConvBlock[] = [];
  let cur: ConvBlock | null = null;
  for (let i = 0; i < types.length; i++) {
    const type = types[i];
    if (type === 'conv2d') {
      cur = { n: out.length, conv: i, bn: null, maps: i, drop2d: null, dropEl: null };
      out.push(cur);
    } else if (type === 'maxpool2d' || type === 'flatten' || type === 'linear') cur = null;
    else if (cur) {
      if (type === 'batchnorm2d') cur.bn = i;
      if (type === 'dropout2d') cur.drop2d = i;
      if (type === 'dropout') cur.dropEl = i;
      cur.maps = i;
    }
  }
  return out;
}
