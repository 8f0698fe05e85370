// A learner's own data as it travels to the worker: every row, features already standardized, plain
// typed arrays only (so the message can be cloned or transferred). The worker splits it into train and
// test with the run's seed, so a new seed gives a new split like every other data set.

export interface CustomData {
  /** The file's name, for display only. */
  name: string;
  kind: 'classification' | 'regression';
  inputDim: number;
  /** Classes (classification) or 1 (regression). */
  classes: number;
  /** rows × inputDim, row-major, standardized per feature. */
  x: Float32Array;
  /** rows: class index (classification) or the raw target (regression). */
  y: Float32Array;
  /** Column names of the features (from the header, or x1, x2, …). */
  featureNames: string[];
  /** Classification: what each class index stood for in the file (its label text). Empty for regression. */
  classNames: string[];
}

/** Bounds a file must respect; the parser and the worker check the same numbers. */
export const CUSTOM_LIMITS = {
  minRows: 10,
  maxRows: 5000,
  maxFeatures: 64,
  minClasses: 2,
  maxClasses: 10,
} as const;

/** Share of the rows held out for testing (at least one row). */
export const CUSTOM_TEST_FRACTION = 0.2;

export function customRows(d: CustomData): number {
  return d.y.length;
}

/** Test rows for n rows: the held-out share, at least one, leaving at least one for training. */
export function customTestRows(n: number): number {
  return Math.min(n - 1, Math.max(1, Math.round(n * CUSTOM_TEST_FRACTION)));
}

/** Training rows a config uses from n rows (trainSize above what is left just means all of it). */
export function customTrainRows(n: number, trainSize: number): number {
  return Math.min(trainSize, n - customTestRows(n));
}

/**
 * Training rows a data config gives, the largest batch it allows: trainSize for a built-in set (the
 * table's largest trainSize is below every built-in training split), what is left of the learner's
 * `customN` rows for 'custom' (trainSize when their number is not known here).
 */
export function trainRowsOf(data: { name: string; trainSize: number }, customN: number | null): number {
  return data.name === 'custom' && customN !== null ? customTrainRows(customN, data.trainSize) : data.trainSize;
}

/** Whether the output panel has a picture for such data: 2-D classification or 1-D regression. */
export function hasPicture(d: { inputDim: number; kind: 'classification' | 'regression' }): boolean {
  return (d.inputDim === 2 && d.kind === 'classification') || (d.inputDim === 1 && d.kind === 'regression');
}
