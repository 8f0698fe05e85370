// One language's strings of one part's tables. In the page's build the i18n-split plugin replaces
// each split/<lang>-<part>.ts file with exactly those strings, so this file (and with it both
// languages of every table) is only used where the plugin does not run: Node scripts and tests.
import type { Lang } from '../define.ts';
import { PART_TABLES, type Part } from '../part-tables.ts';
import { TABLES } from '../tables.ts';

export function half(lang: Lang, part: Part): Record<string, string> {
  return Object.assign({}, ...PART_TABLES[part].map((name) => TABLES[name][lang]));
}
