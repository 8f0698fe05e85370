// The strings of the current language; t() looks a key up and fills {placeholders}. The tables load
// one language and one part at a time (parts.ts): main.tsx waits for the first part of the page's
// language before the first render, the rest follows once the page is up, and the other language
// loads when the learner switches to it.
import type { Lang } from './define.ts';
import { stripBidi } from './bidi.ts';
import type { MessageKey } from './tables.ts';
import { LOADERS, PARTS, type Part } from './parts.ts';
import { fractionText, significantText } from './number-text.ts';

export type { MessageKey } from './tables.ts';

/** The loaded strings of each language (a key is missing until its part has loaded). */
export const messages: Record<Lang, Record<MessageKey, string>> = {
  en: {} as Record<MessageKey, string>,
  ko: {} as Record<MessageKey, string>,
};

const loaded = new Set<string>();
const pending = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
let version = 0;

/** Adds strings to a language (loaded parts; tests install every table at once). */
export function installMessages(lang: Lang, table: Partial<Record<MessageKey, string>>, part?: Part): void {
  Object.assign(messages[lang], table);
  if (part) loaded.add(`${lang}:${part}`);
  version++;
  for (const l of listeners) l();
}

export function isLoaded(lang: Lang, part: Part): boolean {
  return loaded.has(`${lang}:${part}`);
}

/** Loads one part of a language's strings (once; later calls share the first). */
export function loadMessages(lang: Lang, part: Part): Promise<void> {
  const id = `${lang}:${part}`;
  if (loaded.has(id)) return Promise.resolve();
  let p = pending.get(id);
  if (!p) {
    p = LOADERS[lang][part]().then(
      (m) => {
        pending.delete(id);
        installMessages(lang, m.default as Partial<Record<MessageKey, string>>, part);
      },
      (e: unknown) => {
        // A chunk that failed to load (offline before it was cached) may be asked for again.
        pending.delete(id);
        throw e;
      },
    );
    pending.set(id, p);
  }
  return p;
}

/** Every part of a language. */
export function loadLanguage(lang: Lang): Promise<void> {
  return Promise.all(PARTS.map((part) => loadMessages(lang, part))).then(() => undefined);
}

/** Subscribes to newly loaded strings (useT re-renders with them); returns the unsubscribe. */
export function onMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function messagesVersion(): number {
  return version;
}

export type Vars = Record<string, string | number>;

function lookUp(lang: Lang, key: MessageKey): string {
  const s = messages[lang][key];
  if (s !== undefined) return s;
  // Not loaded yet (a language just switched to, or a key outside the first part): load the whole
  // language and show the other language's words meanwhile, never a crash.
  loadLanguage(lang).catch(() => undefined);
  return messages[lang === 'en' ? 'ko' : 'en'][key] ?? '';
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const s = lookUp(lang, key);
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? formatValue(lang, vars[name]) : m));
}

const formatters: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** Beyond this, numbers print in scientific form (4.86E12): digit strings would run out of their box. */
const HUGE = 1e6;

export function formatValue(lang: Lang, v: string | number): string {
  if (typeof v === 'string') return stripBidi(v);
  if (!Number.isFinite(v)) return String(v);
  // Whole numbers (steps, counts) keep every digit up to a billion; other values switch at a million.
  if (Math.abs(v) >= (Number.isInteger(v) ? 1e9 : HUGE)) return formatNumber(lang, v, 3);
  // Intl's own text, written without starting Intl (number-text.ts).
  const fast = fractionText(v, 0, 4);
  if (fast !== null) return fast;
  const f = (formatters[lang] ??= new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 4 }));
  return f.format(v);
}

/** Locale number formatting with a fixed number of significant digits (charts, tables). */
const sigFormatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  // Panels format numbers many times a second; building an Intl.NumberFormat each time is costly.
  const huge = Math.abs(v) >= HUGE;
  const fast = huge ? null : significantText(v, digits);
  if (fast !== null) return fast;
  const key = `${lang}:${digits}:${huge}`;
  let f = sigFormatters.get(key);
  if (!f) {
    const opts: Intl.NumberFormatOptions = { maximumSignificantDigits: digits, ...(huge ? { notation: 'scientific' } : {}) };
    sigFormatters.set(key, (f = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', opts)));
  }
  return f.format(v);
}

export type { Lang } from './define.ts';
export { stripBidi } from './bidi.ts';
export { LANGS } from './define.ts';
