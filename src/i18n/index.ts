// All message tables merged, one typed key set; t() looks a key up and fills {placeholders}.
import type { Lang, MessagePair } from './define.ts';
import app from './messages/app.ts';
import network from './messages/network.ts';
import output from './messages/output.ts';
import loss from './messages/loss.ts';
import batchnorm from './messages/batchnorm.ts';
import activations from './messages/activations.ts';
import lessonsUi from './messages/lessons-ui.ts';
import code from './messages/code.ts';
import controls from './messages/controls.ts';
import compare from './messages/compare.ts';
import classroom from './messages/classroom.ts';
import inference from './messages/inference.ts';
import exportMessages from './messages/export.ts';

const tables = [app, network, output, loss, batchnorm, activations, lessonsUi, code, controls, classroom, compare, exportMessages, inference] as const;

type KeysOf<T> = T extends MessagePair<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof tables)[number]>;

function merge(lang: Lang): Record<MessageKey, string> {
  return Object.assign({}, ...tables.map((t) => t[lang])) as Record<MessageKey, string>;
}

export const messages: Record<Lang, Record<MessageKey, string>> = { en: merge('en'), ko: merge('ko') };

export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const s = messages[lang][key];
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? formatValue(lang, vars[name]) : m));
}

const formatters: Partial<Record<Lang, Intl.NumberFormat>> = {};

export function formatValue(lang: Lang, v: string | number): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return String(v);
  const f = (formatters[lang] ??= new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 4 }));
  return f.format(v);
}

/** Locale number formatting with a fixed number of significant digits (charts, tables). */
const sigFormatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  // Panels format numbers many times a second; building an Intl.NumberFormat each time is costly.
  const key = `${lang}:${digits}`;
  let f = sigFormatters.get(key);
  if (!f) sigFormatters.set(key, (f = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumSignificantDigits: digits })));
  return f.format(v);
}

export type { Lang } from './define.ts';
export { LANGS } from './define.ts';
