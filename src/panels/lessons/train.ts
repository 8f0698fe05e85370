// "Train N steps": an exact number of training steps from step 0, sent as small chunks, one after the
// frame that finished the last. Played at full speed the lab runs thousands of steps a second and
// evaluates the losses only every few hundred, so "the first 500 steps" would be over before the
// chart could show them and steps-to-target would be rounded up by hundreds. A chunk ends idle, and an
// idle worker evaluates at that very step, so the curve and the comparison table get a point every
// chunk. One run at a time; Play, Reset or a stall hands the lab back to the learner.
import { useLab } from '../../store/lab.ts';
import { frameStore } from '../../store/frame.ts';
import type { Frame } from '../../protocol/frame.ts';

export { useTraining, type TrainingRun } from '../../store/lesson-run.ts';

/** About a hundred chunks per run (a hundred points on the curve), never fewer than 5 steps each. */
export function chunkFor(total: number): number {
  return Math.max(5, Math.ceil(total / 100 / 5) * 5);
}

/** With no progress for this long (a refused step, the learner's own Step), the run gives up. */
const STALL_MS = 4000;

/** Ends the run in progress, if any, and forgets a finished one (its message would be stale). */
export function stopTraining(): void {
  useLab.getState().stopLessonRun?.(false);
  useLab.setState({ lessonRun: null });
}

/**
 * Starts the lab afresh with `restart` (a setup or a reset, sent before any chunk, so the worker runs
 * the chunks on the new run) and trains exactly `total` steps.
 */
export function trainExactly(total: number, owner: string, restart: () => void): void {
  useLab.getState().stopLessonRun?.(false);
  const chunk = chunkFor(total);
  const lab = useLab.getState;
  const oldRun = frameStore.getState().frame?.runId ?? null;
  let sent = 0;
  let runId: number | null = null;
  let lastMetricStep = -1;
  let progressAt = Date.now();

  const send = () => {
    const k = Math.min(chunk, total - sent);
    sent += k;
    lab().stepOnce(k);
  };

  const onFrame = (f: Frame | null) => {
    if (!f) return;
    if (f.runId !== runId) {
      if (f.runId === oldRun) return; // drawn before the restart reached the worker
      // The restart may pass through more than one run (a rebuild, then a reset): until the first
      // chunk has come back the newest run is ours; after that, a new run is the learner's Reset.
      if (runId !== null && sent > chunk) return stop(false);
      runId = f.runId;
      lastMetricStep = -1;
    }
    if (f.metrics) lastMetricStep = f.metrics.step;
    if (f.playing || f.pendingSteps > 0 || f.step < sent || lastMetricStep !== f.step) return;
    progressAt = Date.now();
    useLab.setState({ lessonRun: { total, done: f.step, owner, finished: false } });
    if (sent >= total) stop(true);
    else send();
  };

  const stop = (finished: boolean) => {
    if (useLab.getState().stopLessonRun !== stop) return;
    useLab.setState({ stopLessonRun: null });
    unsubFrame();
    unsubLab();
    clearInterval(watchdog);
    const run = useLab.getState().lessonRun;
    useLab.setState({ lessonRun: finished && run ? { ...run, done: total, finished: true } : null });
  };

  useLab.setState({ lessonRun: { total, done: 0, owner, finished: false }, stopLessonRun: stop });
  restart();
  send();
  const unsubFrame = frameStore.subscribe((s) => onFrame(s.frame));
  // Play belongs to the learner: pressing it ends the exact run and the lab trains on.
  const unsubLab = useLab.subscribe((s, prev) => {
    if (s.playing && !prev.playing) stop(false);
  });
  const watchdog = setInterval(() => {
    if (Date.now() - progressAt > STALL_MS) stop(false);
  }, 500);
}
