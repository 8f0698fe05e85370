// Text forms of single values in the query string. Numbers print in their shortest exact form
// (String(x) round-trips every double), enum values as their short code, booleans as 1/0.
import { stripBidi } from '../i18n/bidi.ts';
import { clampItem, type ItemSpec, type ListEntry } from '../protocol/hyperparams.ts';

type Item = number | string | boolean;

export type Parsed<T> = { ok: true; value: T; clamped: boolean } | { ok: false };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
// A list written empty: `h=none` (or `h=`).
export const EMPTY_LIST = 'none';

/** Strict decimal: rejects '', '0x10', 'Infinity', '1,5' — Number() would accept some of those. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

export function formatItem(spec: ItemSpec, v: Item): string {
  switch (spec.kind) {
    case 'number':
    case 'int':
      return String(v);
    case 'enum': {
      const i = spec.values.indexOf(String(v));
      return i >= 0 && spec.codes ? spec.codes[i] : String(v);
    }
    case 'bool':
      return v ? '1' : '0';
  }
}

export function parseItem(spec: ItemSpec, text: string): Parsed<Item> {
  switch (spec.kind) {
    case 'number':
    case 'int': {
      const v = parseNumber(text);
      if (v === null) return { ok: false };
      const used = clampItem(spec, v) as number;
      return { ok: true, value: used, clamped: used !== v };
    }
    case 'enum': {
      const t = text.trim().toLowerCase();
      const i = spec.codes ? spec.codes.indexOf(t) : -1;
      const j = i >= 0 ? i : spec.values.findIndex((x) => x.toLowerCase() === t);
      return j >= 0 ? { ok: true, value: spec.values[j], clamped: false } : { ok: false };
    }
    case 'bool': {
      const t = text.trim().toLowerCase();
      // A bare flag (`&present`) means on.
      if (t === '1' || t === 'true' || t === '') return { ok: true, value: true, clamped: false };
      if (t === '0' || t === 'false') return { ok: true, value: false, clamped: false };
      return { ok: false };
    }
  }
}

function emptyMarkerIsItem(spec: ItemSpec): boolean {
  return spec.kind === 'enum' && (spec.values.includes(EMPTY_LIST) || (spec.codes ?? []).includes(EMPTY_LIST));
}

export function formatList(e: ListEntry, list: readonly Item[]): string {
  return list.length === 0 ? EMPTY_LIST : list.map((x) => formatItem(e.item, x)).join(',');
}

/**
 * A comma list. One malformed item drops the whole value: a list is positional, so guessing which
 * layer a stray token meant would be worse than keeping the default. Set-like lists (hide) are the
 * exception: unknown ids are left out and the rest kept, reported as `dropped`.
 */
export function parseList(e: ListEntry, text: string): Parsed<Item[]> & { unknown?: string[] } {
  const t = text.trim();
  if (t === '' || (t.toLowerCase() === EMPTY_LIST && !emptyMarkerIsItem(e.item))) return { ok: true, value: [], clamped: false };
  const tokens = t.split(',');
  const out: Item[] = [];
  const unknown: string[] = [];
  let clamped = false;
  for (const token of tokens) {
    const p = parseItem(e.item, token);
    if (!p.ok) {
      if (!e.set) return { ok: false };
      unknown.push(token);
      continue;
    }
    clamped ||= p.clamped;
    out.push(p.value);
  }
  let value = out;
  if (e.set) {
    const values = e.item.kind === 'enum' ? e.item.values : [];
    value = values.filter((v) => out.includes(v));
  }
  if (value.length > e.maxLength) {
    value = value.slice(0, e.maxLength);
    clamped = true;
  }
  return unknown.length > 0 ? { ok: true, value, clamped, unknown } : { ok: true, value, clamped };
}

/** Query text for a notice: long garbage is shortened so a banner stays readable. */
export function shorten(raw: string, max = 64): string {
  // A bidirectional control (U+202E) would reverse the rest of the notice's sentence.
  const text = stripBidi(raw);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
