// The URL as a share link: query string <-> LabState, driven by the hyperparameter table. Parsing never
// throws: a bad value is clamped or dropped and each change is reported, so the page can say which
// parameters it did not take as written. Serializing writes only what differs from the defaults, in
// table order, so equal states give equal links.
import {
  DEFAULT_STATE, DROP_URL_KEY, HYPERPARAMS, clamp, entry, fitLength, getValue, maxBatch, sameValue, setAt,
  type LabState, type ListEntry, type ParamEntry, type ParamId,
} from '../protocol/hyperparams.ts';
import { CNN_DATA } from '../protocol/config.ts';
import { formatItem, formatList, parseItem, parseList, parseNumber, shorten } from './codec.ts';
import { batchFits, fitBatch } from '../protocol/rules.ts';

export type UrlState = LabState;

export interface Notice {
  /** The query key as written. */
  param: string;
  /** The table entry it addresses; null for a key the lab does not know (ignored). */
  id: ParamId | null;
  /** duplicate: the key was given again; `given` is the later value, `used` the first one's. */
  kind: 'clamped' | 'dropped' | 'duplicate';
  given: string;
  /** The value in effect, in query form ('' when nothing was taken). */
  used: string;
  /** Why, when more can be said than "not understood": 'customData' — a link cannot carry the learner's own rows. */
  reason?: 'customData' | 'cnnDigits';
}

type Item = number | string | boolean;

function queryPart(search: string): string {
  const q = search.indexOf('?');
  // A bare URL without '?' has no query; anything else without '?' is taken as the query itself.
  let s = q >= 0 ? search.slice(q + 1) : search.includes('://') ? '' : search;
  const h = s.indexOf('#');
  if (h >= 0) s = s.slice(0, h);
  return s;
}

function hiddenLength(state: LabState): number {
  return state.config.net.hidden.length;
}

/** The default of a list that follows another list's length. */
function listDefault(e: ListEntry, state: LabState): readonly Item[] {
  return e.lengthOf ? fitLength(e.default, hiddenLength(state), e.item.default as Item) : e.default;
}

function formatValue(e: ParamEntry, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (e.kind === 'list') return formatList(e, v as Item[]);
  if (e.kind === 'text') return String(v);
  return formatItem(e, v as Item);
}

function dropFormat(input: boolean, hidden: readonly boolean[]): string {
  const on = [...(input ? ['i'] : []), ...hidden.flatMap((b, i) => (b ? [String(i)] : []))];
  return on.length === 0 ? 'none' : on.join(',');
}

export function parseUrl(search: string): { state: UrlState; notices: Notice[] } {
  const notices: Notice[] = [];
  const raw = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(queryPart(search))) {
    const e = HYPERPARAMS.find((x) => x.url === key);
    if (!e) notices.push({ param: key, id: null, kind: 'dropped', given: shorten(value), used: '' });
    else if (!raw.has(key)) raw.set(key, value);
    // The first occurrence wins; later ones are reported so a hand-edited link is not silently odd.
    else notices.push({ param: key, id: e.id, kind: 'duplicate', given: shorten(value), used: shorten(raw.get(key) ?? '') });
  }
  const note = (e: ParamEntry, kind: Notice['kind'], given: string, used: unknown) =>
    notices.push({ param: e.url, id: e.id, kind, given: shorten(given), used: shorten(formatValue(e, used)) });

  let state: LabState = DEFAULT_STATE;
  for (const e of HYPERPARAMS) {
    if (e.url === DROP_URL_KEY) {
      if (e.id === 'dropoutInput') state = parseDrop(state, raw.get(DROP_URL_KEY), notices);
      continue;
    }
    if (e.id === 'lessonStep') continue; // read together with the lesson id
    const text = raw.get(e.url);
    if (e.kind === 'list') {
      const fallback = listDefault(e, state);
      let value: readonly Item[] = fallback;
      if (text !== undefined) {
        const p = parseList(e, text);
        if (!p.ok) note(e, 'dropped', text, fallback);
        else {
          value = e.lengthOf ? fitLength(p.value, hiddenLength(state), e.item.default as Item) : p.value;
          if (p.unknown) note(e, 'dropped', p.unknown.join(','), value);
          else if (p.clamped || value.length !== p.value.length) note(e, 'clamped', text, value);
        }
      }
      state = setAt(state, e.path, value as never);
      continue;
    }
    if (text === undefined) continue;
    if (e.kind === 'text') {
      // Only the lesson is text: an id, then its step.
      if (clamp(e, text) === text) state = { ...state, lesson: { id: text, step: parseStep(raw.get('step'), notices) } };
      else note(e, 'dropped', text, null);
      continue;
    }
    if (e.id === 'dataset' && text.trim().toLowerCase() === 'custom') {
      notices.push({ param: e.url, id: e.id, kind: 'dropped', given: shorten(text), used: formatValue(e, e.default), reason: 'customData' });
      continue;
    }
    const p = parseItem(e, text);
    if (!p.ok) note(e, 'dropped', text, e.default);
    else {
      if (p.clamped) note(e, 'clamped', text, p.value);
      state = setAt(state, e.path, p.value as never);
    }
  }
  state = archRule(state, raw, notices);
  // Only once every entry is read: a batch larger than the training set would lose the whole link.
  const most = maxBatch(state), bs = state.config.train.batchSize;
  if (!batchFits(bs, most)) {
    const e = entry('batchSize'), clamped = notices.find((n) => n.id === e.id && n.kind === 'clamped'), fit = fitBatch(bs, most);
    if (clamped) clamped.used = String(fit);
    else note(e, 'clamped', String(bs), fit);
    state = setAt(state, 'config.train.batchSize', fit);
  }
  const step = entry('lessonStep');
  const stepText = raw.get(step.url);
  if (state.lesson === null && stepText !== undefined) note(step, 'dropped', stepText, null);
  return { state, notices };
}

/** A CNN takes the digit images: arch=cnn&data=moons opens the CNN on the digits, and says so. */
function archRule(state: LabState, raw: ReadonlyMap<string, string>, notices: Notice[]): LabState {
  if (state.config.arch !== 'cnn' || state.config.data.name === CNN_DATA) return state;
  const given = raw.get('data');
  if (given !== undefined) notices.push({ param: 'data', id: 'dataset', kind: 'clamped', given: shorten(given), used: CNN_DATA, reason: 'cnnDigits' });
  return setAt(state, 'config.data.name', CNN_DATA);
}

function parseStep(text: string | undefined, notices: Notice[]): number {
  const e = entry('lessonStep');
  if (e.kind !== 'int' || text === undefined) return 0;
  const v = parseNumber(text);
  if (v === null) {
    notices.push({ param: e.url, id: e.id, kind: 'dropped', given: shorten(text), used: String(e.default) });
    return e.default;
  }
  const used = clamp(e, v) as number;
  if (used !== v) notices.push({ param: e.url, id: e.id, kind: 'clamped', given: shorten(text), used: String(used) });
  return used;
}

/** `drop=i,0,2`: dropout on the input and after hidden layers 0 and 2; `none` for nowhere. */
function parseDrop(state: LabState, text: string | undefined, notices: Notice[]): LabState {
  const L = hiddenLength(state);
  let input = state.config.net.dropoutInput;
  let hidden = fitLength(state.config.net.dropoutHidden, L, false);
  if (text !== undefined) {
    const t = text.trim().toLowerCase();
    const tokens = t === '' || t === 'none' ? [] : t.split(',').map((x) => x.trim());
    const ok = tokens.every((x) => x === 'i' || /^\d+$/.test(x));
    const given = shorten(text);
    if (!ok) notices.push({ param: DROP_URL_KEY, id: 'dropoutHidden', kind: 'dropped', given, used: dropFormat(input, hidden) });
    else {
      const idx = tokens.filter((x) => x !== 'i').map(Number);
      input = tokens.includes('i');
      hidden = hidden.map((_, i) => idx.includes(i));
      if (idx.some((i) => i >= L)) notices.push({ param: DROP_URL_KEY, id: 'dropoutHidden', kind: 'clamped', given, used: dropFormat(input, hidden) });
    }
  }
  return setAt(setAt(state, 'config.net.dropoutInput', input), 'config.net.dropoutHidden', hidden);
}

/** Query keys that only say how the page is shown or who it is for, not what the lab trains. */
const PAGE_KEYS = new Set(['lang', 'present', 'hide', 'lesson', 'step']);

/** Whether a link sets anything the lab trains with (data, network, training, seed, mode, teaching switches). */
export function hasLabSettings(search: string): boolean {
  for (const key of new URLSearchParams(queryPart(search)).keys()) if (!PAGE_KEYS.has(key)) return true;
  return false;
}

/** The query for a state, with its leading '?', or '' when everything is at its default. */
export function serializeUrl(state: UrlState): string {
  const parts: string[] = [];
  const put = (key: string, value: string) => parts.push(`${key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  for (const e of HYPERPARAMS) {
    if (e.url === DROP_URL_KEY) {
      if (e.id !== 'dropoutInput') continue;
      const net = state.config.net, def = DEFAULT_STATE.config.net;
      const L = net.hidden.length;
      if (net.dropoutInput !== def.dropoutInput || !sameValue(net.dropoutHidden, fitLength(def.dropoutHidden, L, false))) {
        put(DROP_URL_KEY, dropFormat(net.dropoutInput, net.dropoutHidden));
      }
      continue;
    }
    if (e.id === 'lessonStep' || e.id === 'lesson') {
      if (state.lesson === null) continue;
      const v = getValue(state, e);
      if (!sameValue(v, e.default)) put(e.url, formatValue(e, v));
      continue;
    }
    const v = getValue(state, e);
    // The learner's own rows are not in the link: it opens on the default data set instead.
    if (e.id === 'dataset' && v === 'custom') continue;
    const def = e.kind === 'list' ? listDefault(e, state) : e.default;
    if (!sameValue(v, def)) put(e.url, formatValue(e, v));
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
