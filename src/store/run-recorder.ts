// Recording the learner's runs for the comparison lesson's table (store/lesson.ts keeps them): each
// metrics update of a fresh run on the lesson's base network adds a point, inference frames and
// inspections fill the "acts at inference" cells. Whether a new run began is the runs slice's one rule
// (store/runs.ts), fed with the run id in force. The page's one recorder is made once the page is up
// (main.tsx, lazily) or by the Lessons tab, and kept on the page's controllers, so the table fills even
// while another tab is open.
import {
  FRESH_STEPS, LESSON_BASE, addPoint, baseSignature, inferenceEffect, inspectionEffect, pointOf, runKindOf, signature,
  type InferenceEffect,
} from '../lessons/measure.ts';
import type { RunKind } from '../lessons/setups.ts';
import { sharedStart } from './shared-start.ts';
import { useLab } from './lab.ts';
import { frameStore } from './frame.ts';
import { useLesson } from './lesson.ts';
import type { Runs } from './runs.ts';

interface Current {
  sig: string;
  /** The runs slice's serial of the run being recorded. */
  serial: number;
  /** The worker's id of that run, to match its inspection reports. */
  runId: number | null;
  kind: RunKind;
  lastStep: number;
  /** Settings changed during the run: stop adding to it until the next fresh start. */
  frozen: boolean;
}

export class RunRecorder {
  private current: Current | null = null;

  private readonly runs: Runs;

  constructor(runs: Runs) {
    this.runs = runs;
  }

  /** Feeds one metrics update into the run being recorded. */
  recordMetrics(): void {
    const lab = useLab.getState();
    const m = lab.metrics;
    if (!m) return;
    const sig = signature(lab.config, lab.teach);
    const runId = lab.ready?.runId ?? null;
    const serial = runId !== null ? this.runs.observe(runId) : this.runs.serial();
    let c = this.current;
    if (c && c.serial !== serial) c = this.current = null;
    if (c && m.step === c.lastStep && sig === c.sig) return;
    if (c && sig !== c.sig) c.frozen = true;
    if (c?.frozen) {
      c.lastStep = m.step;
      return;
    }
    const store = useLesson.getState();
    if (!c) {
      // Only the comparison lesson's own runs: a run on other data, another network or seed is not one of its four rows.
      if (m.step > FRESH_STEPS || baseSignature(lab.config) !== LESSON_BASE) return;
      c = this.current = { sig, serial, runId, kind: runKindOf(lab.config), lastStep: m.step, frozen: false };
      store.setRun(c.kind, {
        kind: c.kind, dataset: lab.config.data.name, seed: lab.config.seed, base: baseSignature(lab.config), points: [pointOf(m)],
      });
      return;
    }
    c.lastStep = m.step;
    const run = store.runs[c.kind];
    if (run) store.setRun(c.kind, { ...run, points: addPoint(run.points, pointOf(m)) });
  }

  /** Reads an inference-mode frame into the current run's "acts at inference" cells. */
  recordFrame(): void {
    const frame = frameStore.getState().frame, c = this.current;
    if (!frame || frame.mode !== 'inference' || !c || c.frozen) return;
    const probeX = useLab.getState().ready?.data.probeX ?? null;
    this.storeEffect(inferenceEffect(frame, probeX));
  }

  /** Reads the worker's inspection of the current run (the table asks for one when a run stops). */
  recordInspection(): void {
    const report = useLab.getState().report, c = this.current;
    if (!report || !c || c.frozen || report.runId !== c.runId) return;
    this.storeEffect(inspectionEffect(report.layers));
  }

  /** Starts recording; several callers share the recorder, which stops when the last one stops. */
  readonly start = sharedStart(() => {
    const a = useLab.subscribe((s, prev) => {
      if (s.metrics !== prev.metrics) this.recordMetrics();
      if (s.report !== prev.report) this.recordInspection();
    });
    const b = frameStore.subscribe(() => this.recordFrame());
    return () => {
      a();
      b();
      this.current = null;
    };
  });

  private storeEffect(eff: InferenceEffect): void {
    const c = this.current;
    if (!c) return;
    const run = useLesson.getState().runs[c.kind];
    if (!run) return;
    const next = { ...run };
    if (eff.dropout !== null) next.inferDropout = eff.dropout;
    if (eff.bn !== null) next.inferBn = eff.bn;
    if (next.inferDropout !== run.inferDropout || next.inferBn !== run.inferBn) useLesson.getState().setRun(c.kind, next);
  }
}

/** The page's recorder: made by its first user, kept on the page's controllers (a plain slot here, as the store cannot import panels). */
export function recorderOf(c: { runs: Runs; recorder?: RunRecorder }): RunRecorder {
  return (c.recorder ??= new RunRecorder(c.runs));
}
