// The lesson's exact run in progress ("Train N steps", a comparison-table row), if any. Apart from the
// lessons chunk so the status line, on the first screen, can say "training" while it runs: the lab is
// not playing then, it is stepping chunk by chunk.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface TrainingRun {
  total: number;
  done: number;
  /** The lesson step (or table row) that started it, so only its own button shows the progress. */
  owner: string;
  finished: boolean;
}

export const trainingStore = createStore<{
  run: TrainingRun | null;
  /** Ends the run in progress (the lessons' trainer puts it here while a run goes on). */
  stop: ((finished: boolean) => void) | null;
}>(() => ({ run: null, stop: null }));

export function useTraining(): TrainingRun | null {
  return useStore(trainingStore, (s) => s.run);
}

/** True while a lesson's exact run is training (not once it has finished). */
export function useLessonTraining(): boolean {
  return useStore(trainingStore, (s) => s.run !== null && !s.run.finished);
}
