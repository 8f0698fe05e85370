// Unit and component tests see every string of both languages at once, as if every part had loaded.
import { installMessages } from '../src/i18n/index.ts';
import { allMessages } from '../src/i18n/tables.ts';
import { PARTS } from '../src/i18n/parts.ts';

for (const lang of ['en', 'ko'] as const) {
  installMessages(lang, allMessages[lang]);
  for (const part of PARTS) installMessages(lang, {}, part);
}
