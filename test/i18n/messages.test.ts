import { describe, expect, it } from 'vitest';
import { messages, translate } from '../../src/i18n/index.ts';

const HANGUL = /[\uac00-\ud7a3]/;
// Values that are legitimately the same in both languages (names, symbols, formulas).
const SAME_OK = /^[\s\dγβεσμp=+\-−×÷·.,:;()[\]{}/%'"’“”…→←↔✓✗•]*$|^[A-Z][A-Za-z]+(\s[A-Z][A-Za-z]+)*$/;

describe('message tables', () => {
  const en = messages.en as Record<string, string>;
  const ko = messages.ko as Record<string, string>;

  it('have the same keys in both languages', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty value', () => {
    for (const [k, v] of Object.entries({ ...en })) expect(v.trim(), `en ${k}`).not.toBe('');
    for (const [k, v] of Object.entries({ ...ko })) expect(v.trim(), `ko ${k}`).not.toBe('');
  });

  it('translate every Korean value (no English copy left behind)', () => {
    const untranslated = Object.keys(en).filter((k) => ko[k] === en[k] && !SAME_OK.test(en[k]) && !HANGUL.test(ko[k]));
    expect(untranslated).toEqual([]);
  });

  it('keep the same {placeholders} in both languages', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en)) expect(ph(ko[k]), k).toEqual(ph(en[k]));
  });

  it('fill placeholders and format numbers for the locale', () => {
    expect(translate('en', 'status.step', { step: 12345 })).toBe('Step 12,345');
    expect(translate('ko', 'status.step', { step: 12345 })).toContain('12,345');
  });
});
