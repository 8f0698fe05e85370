// The lessons' state: which lesson and step is open (and where each lesson was left, so a learner can
// go experiment and come back to the same step), the predictions made, which answers were revealed,
// and the runs measured for the comparison table. Kept in localStorage so a reload keeps the place.
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { isLessonId, stepCount, stepKey, LESSON_IDS, type LessonId, type StepKey } from '../lessons/structure.ts';
import { DEFAULT_TARGET_LOSS, type RunKind, type StepSetup } from '../lessons/setups.ts';
import {
  FRESH_STEPS, LESSON_BASE, addPoint, baseSignature, inferenceEffect, inspectionEffect, pointOf, runKindOf, signature,
  type InferenceEffect, type MeasuredRun,
} from '../lessons/measure.ts';
import { useInspection } from './inspection.ts';
import { useLab } from './lab.ts';
import { frameStore } from './frame.ts';

export interface LessonPos {
  id: LessonId;
  step: number;
}

export interface LessonState {
  open: LessonPos | null;
  /** Step each lesson was last left at. */
  lastStep: Partial<Record<LessonId, number>>;
  predictions: Partial<Record<StepKey, string>>;
  revealed: Partial<Record<StepKey, boolean>>;
  /** The step whose setup was applied last (null once the learner moves on). */
  setupFor: StepKey | null;
  runs: Partial<Record<RunKind, MeasuredRun>>;
  target: number;

  openLesson(id: LessonId, step?: number): void;
  close(): void;
  goStep(step: number): void;
  next(): void;
  prev(): void;
  predict(key: StepKey, choice: string): void;
  reveal(key: StepKey): void;
  markSetup(key: StepKey | null): void;
  setRun(kind: RunKind, run: MeasuredRun): void;
  setTarget(v: number): void;
}

const memory = new Map<string, string>();
const memoryStorage: StateStorage = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

function clampStep(id: LessonId, step: number): number {
  return Math.max(0, Math.min(stepCount(id) - 1, Math.trunc(Number.isFinite(step) ? step : 0)));
}

export const INITIAL_LESSON_STATE = {
  open: null,
  lastStep: {},
  predictions: {},
  revealed: {},
  setupFor: null,
  runs: {},
  target: DEFAULT_TARGET_LOSS,
} satisfies Partial<LessonState>;

export const useLesson = create<LessonState>()(
  persist(
    (set, get) => ({
      ...INITIAL_LESSON_STATE,
      openLesson: (id, step) => {
        const s = clampStep(id, step ?? get().lastStep[id] ?? 0);
        set({ open: { id, step: s }, lastStep: { ...get().lastStep, [id]: s }, setupFor: null });
      },
      close: () => set({ open: null }),
      goStep: (step) => {
        const open = get().open;
        if (!open) return;
        const s = clampStep(open.id, step);
        if (s === open.step) return;
        set({ open: { id: open.id, step: s }, lastStep: { ...get().lastStep, [open.id]: s }, setupFor: null });
      },
      next: () => {
        const open = get().open;
        if (!open) return;
        if (open.step < stepCount(open.id) - 1) return get().goStep(open.step + 1);
        const i = LESSON_IDS.indexOf(open.id);
        if (i < LESSON_IDS.length - 1) get().openLesson(LESSON_IDS[i + 1], 0);
        else get().close();
      },
      prev: () => {
        const open = get().open;
        if (open) get().goStep(open.step - 1);
      },
      predict: (key, choice) => set({ predictions: { ...get().predictions, [key]: choice } }),
      reveal: (key) => {
        if (!get().revealed[key]) set({ revealed: { ...get().revealed, [key]: true } });
      },
      markSetup: (key) => set({ setupFor: key }),
      setRun: (kind, run) => set({ runs: { ...get().runs, [kind]: run } }),
      setTarget: (v) => {
        if (Number.isFinite(v) && v > 0) set({ target: v });
      },
    }),
    {
      name: 'reglab.lessons.v1',
      storage: createJSONStorage(() => (typeof localStorage !== 'undefined' ? localStorage : memoryStorage)),
      partialize: (s) => ({ open: s.open, lastStep: s.lastStep, predictions: s.predictions, revealed: s.revealed, runs: s.runs, target: s.target }),
      // A stored position from another version of the course must not point past a lesson's end.
      merge: (stored, current) => {
        const s = (stored ?? {}) as Partial<LessonState>;
        const open = s.open && isLessonId(s.open.id) ? { id: s.open.id, step: clampStep(s.open.id, s.open.step) } : null;
        return { ...current, ...s, open };
      },
    },
  ),
);

/** The step key of the open lesson, or null. */
export function openStepKey(s: Pick<LessonState, 'open'>): StepKey | null {
  return s.open ? stepKey(s.open.id, s.open.step) : null;
}

/** Puts the lab into a step's state with one press: pause, settings, seed, view mode, fresh weights. */
export function applySetup(setup: StepSetup): void {
  const lab = useLab.getState();
  lab.pause();
  lab.patch(setup.patch);
  if (setup.seed !== undefined && setup.seed !== useLab.getState().config.seed) lab.setSeed(setup.seed);
  if (setup.mode && setup.mode !== useLab.getState().mode) lab.setMode(setup.mode);
  lab.reset();
}

// ---- recording runs for the comparison table ------------------------------------------------------

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
