// The lesson's exact run in progress ("Train N steps", a comparison-table row), if any: a slice of the
// lab store (page-slices.ts), so the status line, on the first screen, can say "training" while it
// runs: the lab is not playing then, it is stepping chunk by chunk.
import { useLab } from './lab.ts';
import type { TrainingRun } from './page-slices.ts';

export type { TrainingRun } from './page-slices.ts';

export function useTraining(): TrainingRun | null {
  return useLab((s) => s.lessonRun);
}

/** True while a lesson's exact run is training (not once it has finished). */
export function useLessonTraining(): boolean {
  return useLab((s) => s.lessonRun !== null && !s.lessonRun.finished);
}

/** True while a lesson's exact run is training, outside React. */
export function lessonRunning(): boolean {
  const run = useLab.getState().lessonRun;
  return run !== null && !run.finished;
}
