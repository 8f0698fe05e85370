// The Experiments panel's own message lookup: the claims (src/experiments/messages.ts) and the panel's
// strings, both loaded with the panel's chunk rather than merged into the app's tables.
import { useCallback } from 'react';
import claims from '../../experiments/messages.ts';
import ui from '../../i18n/messages/experiments.ts';
import { formatValue, type Lang, type Vars } from '../../i18n/index.ts';
import type { MessagePair } from '../../i18n/define.ts';
import { useLab } from '../../store/lab.ts';

type KeysOf<T> = T extends MessagePair<infer K> ? K : never;
export type XpKey = KeysOf<typeof claims> | KeysOf<typeof ui>;
export type Xt = (key: XpKey, vars?: Vars) => string;

export const xpMessages: Record<Lang, Record<XpKey, string>> = {
  en: { ...claims.en, ...ui.en },
  ko: { ...claims.ko, ...ui.ko },
};

export function isXpKey(k: string): k is XpKey {
  return k in xpMessages.en;
}

/** Same filling as the app's translate: {name} from vars, numbers in the locale's format. */
export function xt(lang: Lang, key: XpKey, vars?: Vars): string {
  const s = xpMessages[lang][key];
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? formatValue(lang, vars[name]) : m));
}

export function useXt(): Xt {
  const lang = useLab((s) => s.lang);
  return useCallback((key: XpKey, vars?: Vars) => xt(lang, key, vars), [lang]);
}
