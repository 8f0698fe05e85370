// The experiments' public surface: presets to load, one-seed runs, and the summary over seeds that
// `npm run experiments` prints.
import { median } from './run.ts';
import { ALSO, type ExperimentResult } from './criteria.ts';
import type { ExperimentId } from './presets.ts';

export * from './presets.ts';
export { runExperiment, FIGURES, ALSO, type ExperimentResult, type Judgement, type Details } from './criteria.ts';

export interface ExperimentSummary {
  id: ExperimentId;
  figure: string;
  /** Median over the seeds of the measured figure (null if any seed could not measure it). */
  value: number | null;
  /** The claim held on every seed. */
  holds: boolean;
  seeds: number[];
  values: (number | null)[];
  /** Checks that failed on at least one seed. */
  failed: string[];
  /** The other figures the claim names: medians over the seeds (a flag: true only if true on every seed). */
  also: Record<string, number | boolean | null>;
}

export function summarize(results: readonly ExperimentResult[]): ExperimentSummary {
  const first = results[0];
  const values = results.map((r) => r.value);
  const measured = values.filter((v): v is number => v !== null);
  const failed = [...new Set(results.flatMap((r) => Object.entries(r.checks).filter(([, ok]) => !ok).map(([k]) => k)))];
  return {
    id: first.id,
    figure: first.figure,
    value: measured.length === values.length ? median(measured) : null,
    holds: results.every((r) => r.holds),
    seeds: results.map((r) => r.seed),
    values,
    failed,
    also: Object.fromEntries(ALSO[first.id].map((k) => [k, across(results.map((r) => r.details[k]))])),
  };
}

function across(xs: (number | boolean | null | undefined)[]): number | boolean | null {
  if (xs.every((x) => typeof x === 'boolean')) return xs.every(Boolean);
  if (xs.every((x) => typeof x === 'number')) return median(xs as number[]);
  return null; // a run diverged on some seed (or the figure is missing): the table shows which
}
