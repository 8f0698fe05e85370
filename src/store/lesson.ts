// The lessons' state: which lesson and step is open (and where each lesson was left, so a learner can
// go experiment and come back to the same step), the predictions made, which answers were revealed,
// and the runs measured for the comparison table. Kept in localStorage so a reload keeps the place.
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
// The first screen needs this store (a link's lesson, the open tab, presentation's panels), so it
// holds only positions and answers: the course's set-ups and the comparison table's run recorder
// (run-recorder.ts) load with the lessons.
import { isLessonId, stepCount, stepKey, LESSON_IDS, DEFAULT_TARGET_LOSS, type LessonId, type StepKey } from '../lessons/steps.ts';
import type { RunKind, StepSetup } from '../lessons/setups.ts';
import type { MeasuredRun } from '../lessons/measure.ts';
import { useLab } from './lab.ts';

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

/** Storage for a page without localStorage: the store's own, made with it (so a fresh store starts empty). */
function memoryStorage(): StateStorage {
  const memory = new Map<string, string>();
  return {
    getItem: (k) => memory.get(k) ?? null,
    setItem: (k, v) => void memory.set(k, v),
    removeItem: (k) => void memory.delete(k),
  };
}

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
      storage: createJSONStorage(() => (typeof localStorage !== 'undefined' ? localStorage : memoryStorage())),
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
