// Recording the learner's runs for the comparison lesson's table (store/lesson.ts keeps them): each
// metrics update of a fresh run on the lesson's base network adds a point, inference frames and
// inspections fill the "acts at inference" cells. Started once the page is up (main.tsx) and by the
// Lessons tab, so the table fills even while another tab is open.
import {
  FRESH_STEPS, LESSON_BASE, addPoint, baseSignature, inferenceEffect, inspectionEffect, pointOf, runKindOf, signature,
  type InferenceEffect,
} from '../lessons/measure.ts';
import type { RunKind } from '../lessons/setups.ts';
import { useInspection } from './inspection.ts';
import { useLab } from './lab.ts';
import { frameStore } from './frame.ts';
import { useLesson } from './lesson.ts';

interface Current {
  sig: string;
  /** The worker's run id when it has reported one: a new id is a new run (reset, new seed, rebuild). */
  runId: number | null;
  kind: RunKind;
  lastStep: number;
  /** Settings changed during the run: stop adding to it until the next fresh start. */
  frozen: boolean;
}

let current: Current | null = null;
let unsubscribe: (() => void) | null = null;
let users = 0;

/** Feeds one metrics update into the run being recorded (exported for tests). */
export function recordMetrics(): void {
  const lab = useLab.getState();
  const m = lab.metrics;
  if (!m) return;
  const sig = signature(lab.config, lab.teach);
  const runId = lab.ready?.runId ?? null;
  // Reset, new seed or rebuild: a new run (known from the run id, or from the step going back).
  if (current && (m.step < current.lastStep || (runId !== null && current.runId !== null && runId !== current.runId))) current = null;
  if (current && m.step === current.lastStep && sig === current.sig) return;
  if (current && sig !== current.sig) current.frozen = true;
  if (current?.frozen) {
    current.lastStep = m.step;
    return;
  }
  const store = useLesson.getState();
  if (!current) {
    // Only the comparison lesson's own runs: a run on other data, another network or seed is not one of its four rows.
    if (m.step > FRESH_STEPS || baseSignature(lab.config) !== LESSON_BASE) return;
    current = { sig, runId, kind: runKindOf(lab.config), lastStep: m.step, frozen: false };
    store.setRun(current.kind, {
      kind: current.kind, dataset: lab.config.data.name, seed: lab.config.seed, base: baseSignature(lab.config), points: [pointOf(m)],
    });
    return;
  }
  current.lastStep = m.step;
  const run = store.runs[current.kind];
  if (run) store.setRun(current.kind, { ...run, points: addPoint(run.points, pointOf(m)) });
}

/** Reads an inference-mode frame into the current run's "acts at inference" cells. */
export function recordFrame(): void {
  const frame = frameStore.getState().frame;
  if (!frame || frame.mode !== 'inference' || !current || current.frozen) return;
  const lab = useLab.getState();
  const probeX = lab.ready?.data.probeX ?? null;
  storeEffect(inferenceEffect(frame, probeX));
}

/** Reads the worker's inspection of the current run (the table asks for one when a run stops). */
export function recordInspection(): void {
  const report = useInspection.getState().report;
  if (!report || !current || current.frozen || report.runId !== current.runId) return;
  storeEffect(inspectionEffect(report.layers));
}

function storeEffect(eff: InferenceEffect): void {
  if (!current) return;
  const run = useLesson.getState().runs[current.kind];
  if (!run) return;
  const next = { ...run };
  if (eff.dropout !== null) next.inferDropout = eff.dropout;
  if (eff.bn !== null) next.inferBn = eff.bn;
  if (next.inferDropout !== run.inferDropout || next.inferBn !== run.inferBn) useLesson.getState().setRun(current.kind, next);
}

/** Starts recording; several callers share one recorder, which stops when the last one stops. */
export function startRunRecorder(): () => void {
  if (users++ === 0) {
    const a = useLab.subscribe((s, prev) => {
      if (s.metrics !== prev.metrics) recordMetrics();
    });
    const b = frameStore.subscribe(recordFrame);
    const c = useInspection.subscribe(recordInspection);
    unsubscribe = () => {
      a();
      b();
      c();
    };
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--users === 0) {
      unsubscribe?.();
      unsubscribe = null;
      current = null;
    }
  };
}

/** Forget the run being recorded (tests; the recorder also does this when stopped). */
export function resetRecorder(): void {
  current = null;
}
