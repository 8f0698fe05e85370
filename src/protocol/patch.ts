// Folding a `set` patch into the settings, and telling a live change from a structural one. The worker
// and the bridge both use these, so they agree on when a run restarts.
import type { LabConfig, TeachFlags } from './config.ts';
import type { ConfigPatch } from './messages.ts';
import type { NetSpec } from '../engine/netspec.ts';

/** NetSpec fields whose change needs new layers or new initial weights (a rebuild with the same seed). */
export const STRUCTURAL_NET_FIELDS: readonly (keyof NetSpec)[] = ['hidden', 'activation', 'norm', 'normPlacement', 'init', 'initScale'];

export function applyPatch(config: LabConfig, teach: TeachFlags, p: ConfigPatch): { config: LabConfig; teach: TeachFlags } {
  return {
    config: {
      ...config,
      data: p.data ? { ...config.data, ...p.data } : config.data,
      net: p.net ? { ...config.net, ...p.net } : config.net,
      arch: p.arch ?? config.arch,
      conv: p.conv ? { ...config.conv, ...p.conv } : config.conv,
      train: p.train ? { ...config.train, ...p.train } : config.train,
    },
    teach: p.teach ? { ...teach, ...p.teach } : teach,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  return Object.is(a, b);
}

/** Whether applying `p` to `config` changes the data or the network's structure or initialization. */
export function isStructural(config: LabConfig, p: ConfigPatch): boolean {
  if (p.data) {
    for (const [k, v] of Object.entries(p.data)) if (!same(config.data[k as keyof LabConfig['data']], v)) return true;
  }
  if (p.net) {
    for (const k of STRUCTURAL_NET_FIELDS) if (k in p.net && !same(config.net[k], p.net[k])) return true;
  }
  // The architecture, and the CNN's own settings while it is the CNN (on the MLP they wait).
  const conv = JSON.stringify(config.conv);
  return (p.arch ?? config.arch) !== config.arch || (config.arch === 'cnn' && JSON.stringify({ ...config.conv, ...p.conv }) !== conv);
}

/** Merges patch b over patch a (latest wins per field). */
export function mergePatches(a: ConfigPatch, b: ConfigPatch): ConfigPatch {
  const out: ConfigPatch = { ...a };
  if (b.data) out.data = { ...a.data, ...b.data };
  if (b.net) out.net = { ...a.net, ...b.net };
  if (b.train) out.train = { ...a.train, ...b.train };
  if (b.arch !== undefined) out.arch = b.arch;
  if (b.conv) out.conv = { ...a.conv, ...b.conv };
  if (b.teach) out.teach = { ...a.teach, ...b.teach };
  return out;
}
