// The lab store's small slices (store/lab.ts puts them together with the lab's own): the Inference
// lab's measurements, the learner's own data, and a lesson's exact run in progress. Each was a store
// of its own; in one store a change touching two of them is one update.
import type { StateCreator } from 'zustand';
import type { InspectionReport } from '../protocol/inspection.ts';
import type { CustomData } from '../protocol/custom-data.ts';
import type { CsvInfo } from '../data/parse-csv.ts';

export interface KnockoutChoice {
  /** Hidden layer (0-based; the CNN's conv block); null: the last one (whatever the network's depth). */
  hidden: number | null;
  fraction: number;
  /** One unit (the CNN's: one channel) instead of a random fraction; null: the fraction. */
  unit: number | null;
}

export const DEFAULT_KNOCKOUT: KnockoutChoice = { hidden: null, fraction: 0.5, unit: null };

/** The Inference lab's latest measurements from the worker (one `inspection` event per `inspect` command). */
export interface InspectionState {
  report: InspectionReport | null;
  /** Reports received so far (a new one may carry the same numbers; the panel says it was measured again). */
  received: number;
  /** What the "Knock out units" section asks the worker to knock out with each measurement. */
  knockout: KnockoutChoice;
  /** The probe input (test digit) whose every class Monte-Carlo dropout shows (the CNN's Inference lab). */
  mcProbe: number;
}

export interface LoadedData {
  data: CustomData;
  info: CsvInfo;
}

/**
 * The learner's own data on the page: the rows last sent to the worker and what the file held (its
 * typed arrays never pass through settings or URL code, which read `config`).
 */
export interface CustomDataState {
  loaded: LoadedData | null;
}

export interface TrainingRun {
  total: number;
  done: number;
  /** The lesson step (or table row) that started it, so only its own button shows the progress. */
  owner: string;
  finished: boolean;
}

/**
 * The lesson's exact run in progress ("Train N steps", a comparison-table row), if any. Here, not in
 * the lessons chunk, so the status line on the first screen can say "training" while it runs: the lab
 * is not playing then, it is stepping chunk by chunk.
 */
export interface LessonRunState {
  lessonRun: TrainingRun | null;
  /** Ends the run in progress (the lessons' trainer puts it here while a run goes on). */
  stopLessonRun: ((finished: boolean) => void) | null;
}

export type PageSlices = InspectionState & CustomDataState & LessonRunState;

export const createPageSlices: StateCreator<PageSlices, [], [], PageSlices> = () => ({
  report: null,
  received: 0,
  knockout: DEFAULT_KNOCKOUT,
  mcProbe: 0,
  loaded: null,
  lessonRun: null,
  stopLessonRun: null,
});
