// The architecture rule: a CNN works on the digit images (1×8×8), so arch = 'cnn' implies data = digits.
// The store, a link, a settings file and the worker all follow it, so they agree on what a CNN config
// means. No engine import here: the page's first chunk carries this file.
import type { ConfigPatch } from './messages.ts';
import type { LabConfig } from './config.ts';

/** The only data set a CNN takes. */
export const CNN_DATA = 'digits';

/** The nearest odd kernel side (the padding (k − 1)/2 must keep the map size). */
export const oddKernel = (k: number): number => (k % 2 === 1 ? k : k + 1);

/**
 * A patch made coherent with the architecture rule, given the config it applies to: choosing the CNN
 * switches the data to the digits; choosing other data goes back to the MLP.
 */
export function withArchRule(config: LabConfig, p: ConfigPatch): ConfigPatch {
  const arch = p.arch ?? config.arch, data = p.data?.name ?? config.data.name;
  if (arch !== 'cnn' || data === CNN_DATA) return p;
  if (p.arch === 'cnn') return { ...p, data: { ...p.data, name: CNN_DATA } };
  return { ...p, arch: 'mlp' };
}
