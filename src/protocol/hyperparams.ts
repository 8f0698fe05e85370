// The one hyperparameter table: every setting a learner (or a teacher's link) can change, with its
// default, range, URL key, label key and how a change reaches the worker. Controls, URL state and code
// export all read it, so a range or a key lives in exactly one place.
import { CONV_POOLS, DATASETS, DEFAULT_CONFIG, DEFAULT_TEACH } from './config.ts';
import { DEFAULT_STATE, EMBED_PANELS, LANGS, getAt, type LabState, type StatePath } from './lab-state.ts';
import { MAX_HIDDEN_LAYERS } from '../engine/netspec.ts';
import type { ConfigPatch } from './messages.ts';
import { trainRowsOf } from './custom-data.ts';
import { MAX_SEED, batchFits } from './rules.ts';

export {
  DEFAULT_STATE, LANGS, getAt, setAt,
  type LabState, type Lang, type LessonRef, type PathsOf, type StatePath, type ValueAt,
} from './lab-state.ts';

// ---- the table --------------------------------------------------------------------------------

export type ParamKind = 'number' | 'int' | 'enum' | 'bool' | 'list' | 'text';
export type Scale = 'linear' | 'log';
/** How a change reaches the worker: a live `set`, a rebuilt model, new data, a new seed, a `mode`
 *  command, or nothing (page-only state). */
export type ApplyKind = 'live' | 'rebuild' | 'data' | 'seed' | 'mode' | 'ui';
export type ParamGroup = 'data' | 'network' | 'dropout' | 'norm' | 'training' | 'view' | 'teach' | 'classroom';

export type ParamId =
  | 'dataset' | 'noise' | 'trainSize' | 'testSize'
  | 'hidden' | 'activation' | 'init' | 'initScale'
  | 'arch' | 'convLayers' | 'convChannels' | 'convKernel' | 'convPool' | 'convBn' | 'convDropout'
  | 'dropoutP' | 'dropoutInput' | 'dropoutHidden' | 'dropoutScaling'
  | 'norm' | 'normPlacement' | 'bnMomentum' | 'bnEps' | 'lnEps'
  | 'optimizer' | 'lr' | 'momentum' | 'weightDecay' | 'batchSize' | 'seed'
  | 'mode' | 'bnBatchStatsAtInference' | 'forgetDropoutScaling' | 'bnNoise'
  | 'lang' | 'lesson' | 'lessonStep' | 'hide' | 'present' | 'embed';

interface EntryBase {
  id: ParamId;
  path: StatePath;
  /** Short, stable query key. Two entries share 'drop' (see DROP_URL_KEY). */
  url: string;
  /** i18n message key for the control's label. */
  label: string;
  apply: ApplyKind;
  group: ParamGroup;
}

export interface NumberSpec {
  kind: 'number' | 'int';
  default: number;
  min: number;
  max: number;
  /** Slider granularity on a linear scale; null on a log scale. */
  step: number | null;
  scale: Scale;
  /** Log scales cannot reach 0; this lets 0 mean "off" (weight decay). */
  zeroAllowed?: boolean;
  /** Only min + k·step is valid (the kernel: 1, 3, 5); other values go to the nearest one. */
  snap?: boolean;
}
export interface EnumSpec {
  kind: 'enum';
  default: string | null;
  values: readonly string[];
  /** URL token for each value when it differs from the value (norm: bn, ln). */
  codes?: readonly string[];
}
export interface BoolSpec {
  kind: 'bool';
  default: boolean;
}
export interface TextSpec {
  kind: 'text';
  default: string | null;
  pattern: RegExp;
}
export type ItemSpec = NumberSpec | EnumSpec | BoolSpec;
export interface ListSpec {
  kind: 'list';
  default: readonly (number | string | boolean)[];
  item: ItemSpec;
  maxLength: number;
  /** The list has one entry per item of that list (norm and dropoutHidden follow hidden). */
  lengthOf?: ParamId;
  /** Order and repeats carry no meaning: canonical form is table order, no repeats (hide). */
  set?: boolean;
}

export type NumberEntry = EntryBase & NumberSpec;
export type EnumEntry = EntryBase & EnumSpec;
export type BoolEntry = EntryBase & BoolSpec;
export type TextEntry = EntryBase & TextSpec;
export type ListEntry = EntryBase & ListSpec;
export type ParamEntry = NumberEntry | EnumEntry | BoolEntry | TextEntry | ListEntry;

export type ParamValue = number | string | boolean | null | readonly (number | string | boolean)[];

/** Query key holding the dropout places: `drop=i,0,1` (input, hidden 0, hidden 1). */
export const DROP_URL_KEY = 'drop';
export const MAX_WIDTH_UI = 256;
export { MAX_SEED };

const C = DEFAULT_CONFIG;
const label = (id: ParamId): string => `control.${id}`;
const num = (
  id: ParamId, path: StatePath, url: string, group: ParamGroup, apply: ApplyKind, def: number,
  min: number, max: number, step: number | null, scale: Scale, kind: 'number' | 'int' = 'number', zeroAllowed?: boolean, snap?: boolean,
): NumberEntry => ({
  id, path, url, label: label(id), group, apply, kind, default: def, min, max, step, scale, ...(zeroAllowed ? { zeroAllowed } : {}), ...(snap ? { snap } : {}),
});
const en = (id: ParamId, path: StatePath, url: string, group: ParamGroup, apply: ApplyKind, def: string | null, values: readonly string[], codes?: readonly string[]): EnumEntry =>
  ({ id, path, url, label: label(id), group, apply, kind: 'enum', default: def, values, ...(codes ? { codes } : {}) });
const bool = (id: ParamId, path: StatePath, url: string, group: ParamGroup, apply: ApplyKind, def: boolean): BoolEntry =>
  ({ id, path, url, label: label(id), group, apply, kind: 'bool', default: def });

const CORE: readonly ParamEntry[] = [
  en('dataset', 'config.data.name', 'data', 'data', 'data', C.data.name, DATASETS),
  num('noise', 'config.data.noise', 'noise', 'data', 'data', C.data.noise, 0, 1, 0.01, 'linear'),
  // Digits has a fixed split: the worker caps trainSize by it.
  num('trainSize', 'config.data.trainSize', 'train', 'data', 'data', C.data.trainSize, 10, 1000, 10, 'linear', 'int'),
  num('testSize', 'config.data.testSize', 'test', 'data', 'data', C.data.testSize, 10, 2000, 10, 'linear', 'int'),

  {
    id: 'hidden', path: 'config.net.hidden', url: 'h', label: label('hidden'), group: 'network', apply: 'rebuild',
    kind: 'list', default: C.net.hidden, maxLength: MAX_HIDDEN_LAYERS,
    item: { kind: 'int', default: 32, min: 1, max: MAX_WIDTH_UI, step: 1, scale: 'linear' },
  },
  en('activation', 'config.net.activation', 'act', 'network', 'rebuild', C.net.activation, ['relu', 'tanh', 'sigmoid']),
  en('init', 'config.net.init', 'init', 'network', 'rebuild', C.net.init, ['he', 'xavier']),
  // 0.01–100 on a log scale reaches 0.1× and 10× He with room to see both failures.
  num('initScale', 'config.net.initScale', 'iscale', 'network', 'rebuild', C.net.initScale, 0.01, 100, null, 'log'),
  // The CNN (arch=cnn implies data=digits: protocol/arch.ts); it shares activation, init, p, scaling,
  // BN ε, momentum and placement with the MLP.
  en('arch', 'config.arch', 'arch', 'network', 'rebuild', C.arch, ['mlp', 'cnn']),
  num('convLayers', 'config.conv.layers', 'conv', 'network', 'rebuild', C.conv.layers, 1, 6, 1, 'linear', 'int'),
  num('convChannels', 'config.conv.channels', 'ch', 'network', 'rebuild', C.conv.channels, 1, 32, 1, 'linear', 'int'),
  // Odd kernels only: "same" padding (k − 1)/2 keeps the map size. 'auto' pooling is what links from
  // before these two keys meant, so they keep their meaning.
  num('convKernel', 'config.conv.kernel', 'kern', 'network', 'rebuild', C.conv.kernel, 1, 5, 2, 'linear', 'int', false, true),
  en('convPool', 'config.conv.pool', 'pool', 'network', 'rebuild', C.conv.pool, CONV_POOLS),
  bool('convBn', 'config.conv.bn', 'bn2d', 'norm', 'rebuild', C.conv.bn),
  en('convDropout', 'config.conv.dropout', 'cdrop', 'dropout', 'rebuild', C.conv.dropout, ['none', 'channel', 'element']),

  // p < 1 is the engine's contract; 0.95 leaves a visible but trainable extreme.
  num('dropoutP', 'config.net.dropoutP', 'p', 'dropout', 'live', C.net.dropoutP, 0, 0.95, 0.05, 'linear'),
  bool('dropoutInput', 'config.net.dropoutInput', DROP_URL_KEY, 'dropout', 'live', C.net.dropoutInput),
  {
    id: 'dropoutHidden', path: 'config.net.dropoutHidden', url: DROP_URL_KEY, label: label('dropoutHidden'), group: 'dropout', apply: 'live',
    kind: 'list', default: C.net.dropoutHidden, maxLength: MAX_HIDDEN_LAYERS, lengthOf: 'hidden', item: { kind: 'bool', default: false },
  },
  en('dropoutScaling', 'config.net.dropoutScaling', 'scaling', 'dropout', 'live', C.net.dropoutScaling, ['inverted', 'classic']),

  {
    id: 'norm', path: 'config.net.norm', url: 'norm', label: label('norm'), group: 'norm', apply: 'rebuild',
    kind: 'list', default: C.net.norm, maxLength: MAX_HIDDEN_LAYERS, lengthOf: 'hidden',
    item: { kind: 'enum', default: 'none', values: ['none', 'batchnorm', 'layernorm'], codes: ['none', 'bn', 'ln'] },
  },
  en('normPlacement', 'config.net.normPlacement', 'normpos', 'norm', 'rebuild', C.net.normPlacement, ['before', 'after']),
  num('bnMomentum', 'config.net.bnMomentum', 'bnmom', 'norm', 'live', C.net.bnMomentum, 0, 1, 0.01, 'linear'),
  num('bnEps', 'config.net.bnEps', 'bneps', 'norm', 'live', C.net.bnEps, 1e-8, 0.1, null, 'log'),
  num('lnEps', 'config.net.lnEps', 'lneps', 'norm', 'live', C.net.lnEps, 1e-8, 0.1, null, 'log'),

  en('optimizer', 'config.train.optimizer', 'opt', 'training', 'live', C.train.optimizer, ['sgd', 'adam']),
  num('lr', 'config.train.lr', 'lr', 'training', 'live', C.train.lr, 1e-5, 10, null, 'log'),
  num('momentum', 'config.train.momentum', 'mom', 'training', 'live', C.train.momentum, 0, 0.99, 0.01, 'linear'),
  num('weightDecay', 'config.train.weightDecay', 'wd', 'training', 'live', C.train.weightDecay, 1e-6, 1, null, 'log', 'number', true),
  // 1 is allowed on purpose: with BN the worker refuses it with a message, which is a lesson.
  num('batchSize', 'config.train.batchSize', 'bs', 'training', 'live', C.train.batchSize, 1, 512, 1, 'log', 'int'),
  num('seed', 'config.seed', 'seed', 'training', 'seed', C.seed, 0, MAX_SEED, 1, 'linear', 'int'),

  en('mode', 'mode', 'mode', 'view', 'mode', DEFAULT_STATE.mode, ['training', 'inference']),
  bool('bnBatchStatsAtInference', 'teach.bnBatchStatsAtInference', 'bnbatch', 'teach', 'live', DEFAULT_TEACH.bnBatchStatsAtInference),
  bool('forgetDropoutScaling', 'teach.forgetDropoutScaling', 'forgetscale', 'teach', 'live', DEFAULT_TEACH.forgetDropoutScaling),
  bool('bnNoise', 'teach.bnNoise', 'bnnoise', 'teach', 'live', DEFAULT_TEACH.bnNoise),
];

/** Ids a teacher may hide: every learner-facing control above. */
export const HIDEABLE_IDS: readonly ParamId[] = CORE.map((e) => e.id);

export const HYPERPARAMS: readonly ParamEntry[] = [
  ...CORE,
  en('lang', 'lang', 'lang', 'classroom', 'ui', null, LANGS),
  { id: 'lesson', path: 'lesson.id', url: 'lesson', label: label('lesson'), group: 'classroom', apply: 'ui', kind: 'text', default: null, pattern: /^[a-z0-9][a-z0-9-]{0,39}$/ },
  num('lessonStep', 'lesson.step', 'step', 'classroom', 'ui', 0, 0, 99, 1, 'linear', 'int'),
  {
    id: 'hide', path: 'hide', url: 'hide', label: label('hide'), group: 'classroom', apply: 'ui',
    kind: 'list', default: [], maxLength: HIDEABLE_IDS.length, set: true, item: { kind: 'enum', default: null, values: HIDEABLE_IDS },
  },
  bool('present', 'present', 'present', 'classroom', 'ui', false),
  en('embed', 'embed', 'embed', 'classroom', 'ui', null, EMBED_PANELS),
];

const BY_ID = new Map<string, ParamEntry>(HYPERPARAMS.map((e) => [e.id, e]));

export function entry(id: ParamId): ParamEntry {
  const e = BY_ID.get(id);
  if (!e) throw new Error(`unknown hyperparameter ${id}`);
  return e;
}

export function getValue(state: LabState, e: ParamEntry): ParamValue {
  return getAt(state, e.path) as ParamValue;
}

// ---- clamping and validation ----------------------------------------------------------------------

export function clampNumber(spec: NumberSpec, v: number): number {
  if (!Number.isFinite(v)) return spec.default;
  let x = spec.kind === 'int' ? Math.round(v) : v;
  if (spec.zeroAllowed && x <= 0) return 0;
  x = Math.min(spec.max, Math.max(spec.min, x));
  if (spec.snap && spec.step) x = Math.min(spec.max, spec.min + Math.round((x - spec.min) / spec.step) * spec.step);
  return x === 0 ? 0 : x; // no -0: it would print as "0" and compare unequal under Object.is
}

export function clampItem(spec: ItemSpec, v: unknown): number | string | boolean | null {
  switch (spec.kind) {
    case 'number':
    case 'int':
      return clampNumber(spec, typeof v === 'number' ? v : NaN);
    case 'enum':
      return typeof v === 'string' && spec.values.includes(v) ? v : spec.default;
    case 'bool':
      return typeof v === 'boolean' ? v : spec.default;
  }
}

/**
 * The nearest valid value for an entry: numbers into [min, max] (ints rounded), unknown enum or text
 * values back to the default, lists cut to maxLength with each item clamped. A list's length against
 * another list (lengthOf) needs the state: see fitLength.
 */
export function clamp(e: ParamEntry, v: unknown): ParamValue {
  switch (e.kind) {
    case 'number':
    case 'int':
    case 'enum':
    case 'bool':
      return clampItem(e, v);
    case 'text':
      return typeof v === 'string' && e.pattern.test(v) ? v : e.default;
    case 'list': {
      if (!Array.isArray(v)) return e.default;
      const items = (v as unknown[]).map((x) => clampItem(e.item, x)).filter((x): x is number | string | boolean => x !== null);
      const kept = e.set ? canonicalSet(e, items) : items;
      return kept.slice(0, e.maxLength);
    }
  }
}

function canonicalSet(e: ListEntry, items: readonly (number | string | boolean)[]): (number | string | boolean)[] {
  const values = e.item.kind === 'enum' ? e.item.values : [];
  return values.filter((x) => items.includes(x));
}

/** A list made `length` long: cut, or padded with the item default. */
export function fitLength<T>(list: readonly T[], length: number, pad: T): T[] {
  const out = list.slice(0, length);
  while (out.length < length) out.push(pad);
  return out;
}

/** Equal leaves: Object.is on scalars, element-wise on lists. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}

export function isValidValue(e: ParamEntry, v: unknown): boolean {
  if (e.kind === 'text' || (e.kind === 'enum' && e.default === null)) {
    if (v === null) return true;
  }
  if (e.kind === 'list' && !Array.isArray(v)) return false;
  return sameValue(clamp(e, v), v);
}

/** Ids of the entries whose value in `state` is out of range, malformed, or of the wrong length. */
export function invalidParams(state: LabState): ParamId[] {
  const bad: ParamId[] = [];
  for (const e of HYPERPARAMS) {
    if (e.path.startsWith('lesson.') && state.lesson === null) continue;
    const v = getValue(state, e);
    if (!isValidValue(e, v)) bad.push(e.id);
    else if (e.kind === 'list' && e.lengthOf && (v as readonly unknown[]).length !== (getValue(state, entry(e.lengthOf)) as readonly unknown[]).length) {
      bad.push(e.id);
    }
  }
  if (state.lesson !== null && state.lesson.id === null) bad.push('lesson');
  if (!bad.includes('batchSize') && !batchFits(state.config.train.batchSize, maxBatch(state))) bad.push('batchSize');
  return bad;
}

/** The largest batch the state's training set allows: the worker refuses a config that asks for more, whole. */
export function maxBatch(state: LabState): number {
  return trainRowsOf(state.config.data, null);
}

/** The message a live entry's change sends to the worker (`{type: 'set', patch}`); null otherwise. */
export function patchFor(e: ParamEntry, value: ParamValue): ConfigPatch | null {
  if (e.apply !== 'live') return null;
  return sectionPatch(e.path, value);
}

/** `{section: {key: value}}` for a config or teaching path (`config.arch` and `config.seed` are leaves of their own: `{arch: value}`). */
export function sectionPatch(path: string, value: ParamValue): ConfigPatch | null {
  const [root, section, key] = path.split('.');
  if (root === 'teach') return { teach: { [section]: value } };
  if (root !== 'config') return null;
  return key ? { [section]: { [key]: value } } : { [section]: value };
}
