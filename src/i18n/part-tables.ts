// Which message tables (file names under messages/) each part holds — read by the page (parts.ts)
// and by the i18n-split build plugin. A test checks that every table is in exactly one part.
export const PART_TABLES = {
  first: ['app', 'network', 'output', 'controls', 'classroom', 'a11y', 'arrival'],
  /** The first screen's lazily loaded charts (Loss and accuracy, Batch normalization) load these with their code. */
  charts: ['loss', 'batchnorm'],
  rest: ['cnn', 'cnn-inspect', 'activations', 'lessons-ui', 'code', 'compare', 'export', 'inference', 'trouble', 'a11y-more'],
} as const;

export type Part = keyof typeof PART_TABLES;
