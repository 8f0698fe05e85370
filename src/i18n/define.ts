// Message tables: each area defines its English and Korean strings together, and the Korean table
// must have exactly the English keys — a missing or extra translation fails the type check.
export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

export interface MessagePair<K extends string> {
  en: Record<K, string>;
  ko: Record<K, string>;
}

export function defineMessages<const K extends string>(m: { en: Record<K, string>; ko: NoInfer<Record<K, string>> }): MessagePair<K> {
  return m;
}
