// The page loads messages one language at a time, in three parts (part-tables.ts): what the first
// screen shows (header, transport, controls, the network and output panels, notices, shortcuts) before
// the first render; the charts' (loss and batch-norm panels) with those panels' code; the rest
// (lessons, code, compare, export, inference, activations) once the page is up. The other language loads only when the learner switches to it. A
// key asked for before its part has arrived falls back to the other language and the part loads at
// once (index.ts).
import type { Lang } from './define.ts';
import type { Part } from './part-tables.ts';

export type { Part } from './part-tables.ts';
export const PARTS: readonly Part[] = ['first', 'charts', 'rest'];

type Table = Record<string, string>;

// One literal import per language and part, so the build makes one small chunk of each; the
// i18n-split plugin fills each file with that language's half of the part's tables.
export const LOADERS: Record<Lang, Record<Part, () => Promise<{ default: Table }>>> = {
  en: { first: () => import('./split/en-first.ts'), charts: () => import('./split/en-charts.ts'), rest: () => import('./split/en-rest.ts') },
  ko: { first: () => import('./split/ko-first.ts'), charts: () => import('./split/ko-charts.ts'), rest: () => import('./split/ko-rest.ts') },
};
