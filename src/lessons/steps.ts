// The course's lessons and their steps in order: all the first screen needs to know about lessons (the
// lesson store, a link's lesson=…&step=…, the welcome offer). The rest of the course's shape — set-ups,
// predictions, step kinds — is in structure.ts, loaded with the Lessons tab.

export const STEPS = {
  overfitting: ['small-data', 'more-data', 'regularize'],
  dropout: ['masks', 'why', 'train-only', 'where', 'scaling', 'forgot-loss', 'forgot-accuracy', 'mc'],
  batchnorm: ['three-steps', 'gamma-beta', 'bad-init', 'bad-init-bn', 'learning-rate', 'conditional', 'covariate-shift', 'placement', 'inference', 'batch-stats', 'small-batch'],
  compare: ['plan', 'run-none', 'run-dropout', 'run-bn', 'run-both', 'read'],
  both: ['complement', 'variance-shift', 'remedy'],
  where: ['cnn', 'transformers', 'bn-batch-one', 'ln-batch-one'],
  code: ['sequential', 'momentum', 'modes'],
  faq: ['dropout-train-only', 'bn-inference', 'both'],
  conclusion: ['summary', 'final-check'],
} as const;

export type LessonId = keyof typeof STEPS;
export const LESSON_IDS = Object.keys(STEPS) as LessonId[];
export type StepId<L extends LessonId = LessonId> = (typeof STEPS)[L][number];
export type StepKey = { [L in LessonId]: `${L}/${StepId<L>}` }[LessonId];

export function isLessonId(s: unknown): s is LessonId {
  return typeof s === 'string' && Object.hasOwn(STEPS, s);
}

export function stepCount(id: LessonId): number {
  return STEPS[id].length;
}

export function stepKey(id: LessonId, step: number): StepKey {
  const ids: readonly string[] = STEPS[id];
  return `${id}/${ids[Math.max(0, Math.min(ids.length - 1, step))]}` as StepKey;
}

/** The comparison lesson's target loss ("steps to reach loss …") until the learner picks another. */
export const DEFAULT_TARGET_LOSS = 0.3;
