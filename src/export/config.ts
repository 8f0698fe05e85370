// The lab's settings as a JSON file that imports back. Import trusts nothing: every setting goes
// through the hyperparameter table's own clamp (the same rules a link's values obey), and each value
// not taken as written — out of range, of the wrong type, missing, unknown — becomes a notice naming
// the field, what the file said and what the lab uses instead.
import { DEFAULT_STATE, HYPERPARAMS, clamp, fitLength, maxBatch, sameValue, setAt, type LabState, type ParamEntry } from '../protocol/hyperparams.ts';
import type { LabConfig, TeachFlags, ViewMode } from '../protocol/config.ts';
import { batchFits, fitBatch } from '../protocol/rules.ts';
import { CNN_DATA } from '../protocol/config.ts';

export const SETTINGS_FORMAT = 'regularization-lab/settings';
export const SETTINGS_VERSION = 1;

export interface LabSettings {
  config: LabConfig;
  teach: TeachFlags;
  mode: ViewMode;
}

export function settingsToJson(s: LabSettings): string {
  const file = { format: SETTINGS_FORMAT, version: SETTINGS_VERSION, config: s.config, mode: s.mode, teach: s.teach };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export interface SettingsNotice {
  /** Dotted path in the file ('config.net.dropoutP'). */
  path: string;
  /**
   * clamped: out of range, the nearest allowed value is used; dropped: not understood, the default is
   * used; missing: absent, the default is used; ignored: a field the lab does not know; customData:
   * the file names the learner's own data, which it does not hold and none is loaded.
   */
  kind: 'clamped' | 'dropped' | 'missing' | 'ignored' | 'customData';
  given: string;
  used: string;
}

export type SettingsError = 'notJson' | 'notSettings' | 'newerVersion' | 'tooLarge' | 'tooDeep';

/** A settings file is about 2 KB; anything past this is refused before it is read as JSON. */
export const MAX_SETTINGS_BYTES = 256 * 1024;
/** Nesting a settings file needs is 4 levels; a deeper file is refused before parsing (100,000 levels threw a RangeError). */
export const MAX_SETTINGS_DEPTH = 16;

/** Whether JSON text nests deeper than `limit` arrays or objects (strings skipped), without parsing it. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

export type SettingsResult =
  | { ok: true; settings: LabSettings; notices: SettingsNotice[] }
  | { ok: false; error: SettingsError; detail: string };

/** Settings entries: everything under config, teach and the mode (page-only state is not in the file). */
const ENTRIES: readonly ParamEntry[] = HYPERPARAMS.filter((e) => e.path.startsWith('config.') || e.path.startsWith('teach.') || e.path === 'mode');
const KNOWN = new Set<string>(ENTRIES.map((e) => e.path));

function show(v: unknown): string {
  const s = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 64 ? `${s.slice(0, 63)}…` : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function rawAt(file: Record<string, unknown>, path: string): unknown {
  let node: unknown = file;
  for (const k of path.split('.')) {
    if (!isObject(node) || !Object.hasOwn(node, k)) return undefined;
    node = node[k];
  }
  return node;
}

/** Leaf paths of the file's own fields, so fields the lab does not know can be named. */
function leafPaths(v: unknown, prefix: string, out: string[]): string[] {
  if (!isObject(v)) {
    out.push(prefix);
    return out;
  }
  for (const [k, x] of Object.entries(v)) leafPaths(x, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** Whether v is of the type the entry holds (a number for numbers, a string for choices, …). */
function rightType(spec: { kind: ParamEntry['kind'] }, v: unknown, item?: { kind: ParamEntry['kind'] }): boolean {
  switch (spec.kind) {
    case 'number':
    case 'int':
      return typeof v === 'number';
    case 'enum':
    case 'text':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'list':
      return Array.isArray(v) && !!item && v.every((x) => rightType(item, x));
  }
}

/**
 * Reads a settings file. `customLoaded`: whether the learner's own data is loaded now (a file that
 * names 'custom' data is only taken as written then).
 */
export function settingsFromJson(text: string, customLoaded = false): SettingsResult {
  if (text.length > MAX_SETTINGS_BYTES) return { ok: false, error: 'tooLarge', detail: String(Math.ceil(text.length / 1024)) };
  if (nestsDeeperThan(text, MAX_SETTINGS_DEPTH)) return { ok: false, error: 'tooDeep', detail: String(MAX_SETTINGS_DEPTH) };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'notJson', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!isObject(file) || file.format !== SETTINGS_FORMAT) return { ok: false, error: 'notSettings', detail: show(isObject(file) ? file.format : file) };
  if (typeof file.version === 'number' && file.version > SETTINGS_VERSION) return { ok: false, error: 'newerVersion', detail: String(file.version) };

  const notices: SettingsNotice[] = [];
  let state: LabState = DEFAULT_STATE;
  for (const e of ENTRIES) {
    const given = rawAt(file, e.path);
    const hidden = state.config.net.hidden.length;
    const fit = (v: unknown): unknown => (e.kind === 'list' && e.lengthOf ? fitLength(v as unknown[], hidden, e.item.default) : v);
    const fallback = fit(e.default);
    let used: unknown;
    if (given === undefined) {
      used = fallback;
      // A file from before the CNN has no architecture: it is an MLP's, and says nothing wrong.
      const preCnn = (e.path === 'config.arch' || e.path.startsWith('config.conv.')) && rawAt(file, 'config.arch') === undefined;
      // Nor does a CNN's from before the kernel and pooling controls: their defaults are what it meant.
      const prePool = e.path === 'config.conv.kernel' || e.path === 'config.conv.pool';
      if (!preCnn && !prePool) notices.push({ path: e.path, kind: 'missing', given: '', used: show(used) });
    } else if (e.id === 'dataset' && given === 'custom') {
      used = customLoaded ? 'custom' : fallback;
      if (!customLoaded) notices.push({ path: e.path, kind: 'customData', given: show(given), used: show(used) });
    } else if (!rightType(e, given, e.kind === 'list' ? e.item : undefined)) {
      used = fallback;
      notices.push({ path: e.path, kind: 'dropped', given: show(given), used: show(used) });
    } else {
      used = fit(clamp(e, given));
      if (!sameValue(used, given)) {
        // An unknown choice falls back to the default; a number or a list is brought into range.
        const kind = e.kind === 'enum' || e.kind === 'text' ? 'dropped' : 'clamped';
        notices.push({ path: e.path, kind, given: show(given), used: show(used) });
      }
    }
    state = setAt(state, e.path, used as never);
  }
  // A CNN takes the digit images (as a link's are read: url/state.ts).
  if (state.config.arch === 'cnn' && state.config.data.name !== CNN_DATA) {
    notices.push({ path: 'config.data.name', kind: 'clamped', given: show(state.config.data.name), used: CNN_DATA });
    state = setAt(state, 'config.data.name', CNN_DATA);
  }
  // Only once every setting is read: a batch larger than the training set would have the whole file refused.
  const most = maxBatch(state), bs = state.config.train.batchSize;
  if (!batchFits(bs, most)) {
    const path = 'config.train.batchSize', earlier = notices.find((n) => n.path === path), fit = fitBatch(bs, most);
    if (earlier) earlier.used = show(fit);
    else notices.push({ path, kind: 'clamped', given: show(rawAt(file, path)), used: show(fit) });
    state = setAt(state, path, fit);
  }
  for (const p of leafPaths({ config: file.config, teach: file.teach, mode: file.mode }, '', [])) {
    if (!KNOWN.has(p) && rawAt(file, p) !== undefined && !ENTRIES.some((e) => p.startsWith(`${e.path}.`))) {
      notices.push({ path: p, kind: 'ignored', given: show(rawAt(file, p)), used: '' });
    }
  }
  return { ok: true, settings: { config: state.config, teach: state.teach, mode: state.mode }, notices };
}
