// Type guard, checked by `tsc -b` (tsconfig.node.json includes test/**), not run by Vitest: a Korean
// table missing a key, or with an extra one, must not compile. The values are exported, so no other
// error (an unused local, say) can satisfy an @ts-expect-error in its place.
import { defineMessages } from '../../src/i18n/define.ts';

export const missing = defineMessages({
  en: { a: 'one', b: 'two' },
  // @ts-expect-error — 'b' is missing from the Korean table
  ko: { a: '하나' },
});

export const extra = defineMessages({
  en: { a: 'one' },
  // @ts-expect-error — 'c' is not an English key
  ko: { a: '하나', c: '셋' },
});
