// The bridge between the hyperparameter table and the store: read an entry's value, turn a new value
// into the smallest ConfigPatch, and keep lists that follow the hidden layers the right length.
import {
  entry, fitLength, getAt, patchFor, sectionPatch,
  type LabState as UrlLabState, type ListEntry, type NumberEntry, type ParamEntry, type ParamId, type ParamValue,
} from '../../protocol/hyperparams.ts';
import type { ConfigPatch } from '../../protocol/messages.ts';
import type { NetSpec } from '../../engine/netspec.ts';
import { useLab, type LabState } from '../../store/lab.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** The store's state read through a table path (the store holds config, teach and mode by the same names). */
export function readParam(s: LabState, e: ParamEntry): ParamValue {
  return getAt(s as unknown as UrlLabState, e.path) as ParamValue;
}

/** The entry's current value, re-rendering only when it changes. */
export function useParam<T extends ParamValue>(id: ParamId): T {
  const e = entry(id);
  return useLab((s) => readParam(s, e)) as T;
}

/**
 * The value the learner asked for this entry, when the worker refused it and it differs from the one
 * in force (see LabState.asked); undefined otherwise.
 */
export function useAskedParam<T extends ParamValue>(id: ParamId): T | undefined {
  const e = entry(id);
  return useLab((s) => {
    if (!s.asked) return undefined;
    const asked = readParam({ ...s, ...s.asked }, e);
    return JSON.stringify(asked) === JSON.stringify(readParam(s, e)) ? undefined : asked;
  }) as T | undefined;
}

/**
 * The `set` patch for one entry. Live entries use the table's patchFor; data and rebuild entries travel
 * in the same `set` message (the worker rebuilds when it sees a structural field), so the same shape
 * is built for them. Seed, mode and page-only entries have their own store actions: null.
 */
export function configPatch(e: ParamEntry, value: ParamValue): ConfigPatch | null {
  const live = patchFor(e, value);
  if (live || (e.apply !== 'data' && e.apply !== 'rebuild')) return live;
  return e.path.startsWith('config.') ? sectionPatch(e.path, value) : null;
}

/** Sends one entry's new value. */
export function setParam(id: ParamId, value: ParamValue): void {
  const p = configPatch(entry(id), value);
  if (p) useLab.getState().patch(p);
}

/**
 * A new list of hidden widths, with norm and dropout places cut or padded to match: compileNet refuses
 * lists of different lengths, so they travel in one patch.
 */
export function hiddenPatch(net: NetSpec, hidden: number[]): ConfigPatch {
  const norm = entry('norm') as ListEntry, drop = entry('dropoutHidden') as ListEntry;
  const out: Partial<NetSpec> = { hidden };
  if (net.norm.length !== hidden.length) {
    // A new layer copies its neighbour's normalization, so adding depth to a BN network stays a BN network.
    const pad = (net.norm[net.norm.length - 1] ?? norm.item.default) as NetSpec['norm'][number];
    out.norm = fitLength(net.norm, hidden.length, pad);
  }
  if (net.dropoutHidden.length !== hidden.length) {
    const pad = (net.dropoutHidden[net.dropoutHidden.length - 1] ?? drop.item.default) as boolean;
    out.dropoutHidden = fitLength(net.dropoutHidden, hidden.length, pad);
  }
  return { net: out };
}

export function numberEntry(id: ParamId): NumberEntry {
  const e = entry(id);
  if (e.kind !== 'number' && e.kind !== 'int') throw new Error(`${id} is not a number entry`);
  return e;
}

export function labelKey(e: ParamEntry): MessageKey {
  return e.label as MessageKey;
}

/** Props a Slider takes from a number entry: range, stops and scale. */
export function sliderRange(e: NumberEntry) {
  return { min: e.min, max: e.max, step: e.step, scale: e.scale, integer: e.kind === 'int', zeroAllowed: e.zeroAllowed ?? false };
}

/** Whether any entry of `ids` is visible (a teacher hid the rest). */
export function anyShown(ids: readonly ParamId[], hidden?: ReadonlySet<string>): boolean {
  return !hidden || ids.some((id) => !hidden.has(id));
}
