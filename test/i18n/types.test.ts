// The type check is the first guard: a Korean table missing a key (or with an extra one) must not compile.
import { expect, it } from 'vitest';
import { defineMessages } from '../../src/i18n/define.ts';

it('a missing or extra translation fails the type check', () => {
  const missing = defineMessages({
    en: { a: 'one', b: 'two' },
    // @ts-expect-error — 'b' is missing from the Korean table
    ko: { a: '하나' },
  });
  const extra = defineMessages({
    en: { a: 'one' },
    // @ts-expect-error — 'c' is not an English key
    ko: { a: '하나', c: '셋' },
  });
  expect(Object.keys(missing.en)).toEqual(['a', 'b']);
  expect(Object.keys(extra.ko)).toContain('c');
});
