// The architecture rule: a CNN works on the digit images (1×8×8), so arch = 'cnn' implies data = digits.
// The store, a link, a settings file and the worker all follow it, so they agree on what a CNN config
// means.
import type { ConfigPatch } from './messages.ts';
import type { LabConfig } from './config.ts';

import { CNN_DATA } from './config.ts';

/**
 * A patch made coherent with the architecture rule, given the config it applies to: choosing the CNN
 * switches the data to the digits; choosing other data goes back to the MLP.
 */
export function withArchRule(config: LabConfig, p: ConfigPatch): ConfigPatch {
  if (p.arch === 'cnn') return { ...p, data: { ...p.data, name: CNN_DATA } };
  const name = p.data?.name;
  return p.arch === undefined && config.arch === 'cnn' && name && name !== CNN_DATA ? { ...p, arch: 'mlp' } : p;
}
