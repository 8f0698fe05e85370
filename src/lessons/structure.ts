// The shape of the course, shared by both languages: lessons and their steps in order, which steps
// set the lab up, ask for a prediction (choices and the answer the lab gives), show the comparison
// table, or point to another lesson. The prose lives in content/en.ts / content/ko.ts (one file a lesson under content/<lang>/), typed by
// LessonsText below, so a lesson, step or choice missing in either language fails the type check.
import type { FormulaId } from '../math/formulas.tsx';
import * as S from './setups.ts';
import type { StepSetup } from './setups.ts';

export * from './steps.ts';
import type { LessonId, StepKey } from './steps.ts';

export const SETUPS = {
  'overfitting/small-data': S.OVERFIT,
  'overfitting/more-data': S.OVERFIT_MORE_DATA,
  'overfitting/regularize': S.OVERFIT_DROPOUT,
  'dropout/masks': S.DROPOUT_MASKS,
  'dropout/why': S.KNOCKOUT_PLAIN,
  'dropout/train-only': S.DROPOUT_MASKS,
  'dropout/where': S.INPUT_DROPOUT,
  'dropout/scaling': S.CLASSIC_SCALING,
  'dropout/forgot-loss': S.FORGOT_SCALING_LOSS,
  'dropout/forgot-accuracy': S.FORGOT_SCALING_ACC,
  'dropout/mc': S.MC_DROPOUT,
  'batchnorm/three-steps': S.BN,
  'batchnorm/gamma-beta': S.BN,
  'batchnorm/bad-init': S.BAD_INIT_PLAIN,
  'batchnorm/bad-init-bn': S.BAD_INIT_BN,
  'batchnorm/learning-rate': S.HIGH_LR_PLAIN,
  'batchnorm/conditional': S.BAD_INIT_ADAM,
  'batchnorm/covariate-shift': S.NOISY_BN,
  'batchnorm/placement': S.BN_AFTER,
  'batchnorm/inference': S.BN_INFERENCE,
  'batchnorm/batch-stats': S.BN_BATCH_STATS,
  'batchnorm/small-batch': S.BN_SMALL_BATCH,
  'compare/run-none': S.COMPARE.none,
  'compare/run-dropout': S.COMPARE.dropout,
  'compare/run-bn': S.COMPARE.bn,
  'compare/run-both': S.COMPARE.both,
  'both/variance-shift': S.VARIANCE_SHIFT,
  'both/remedy': S.DROPOUT_AFTER_BN,
  'where/cnn': S.E9_PLAIN_SGD,
  'where/transformers': S.LAYERNORM,
  'where/bn-batch-one': S.BN_BATCH_ONE,
  'where/ln-batch-one': S.LN_BATCH_ONE,
  'code/sequential': S.GUIDE_MODEL,
  'code/momentum': S.GUIDE_MODEL,
  'faq/dropout-train-only': S.DROPOUT_TRAIN_ONLY,
  'faq/bn-inference': S.BN_INFERENCE,
  'conclusion/final-check': S.FINAL_CHECK,
} satisfies Partial<Record<StepKey, StepSetup>>;

export interface PredictDef {
  choices: readonly string[];
  answer: string;
}

/** Predictions the lab answers; each answer was checked with the engine (test/lessons/answers.test.ts) or follows from the definitions. */
export const PREDICT = {
  'overfitting/small-data': { choices: ['both-fall', 'test-turns-up', 'both-flat'], answer: 'test-turns-up' },
  'overfitting/more-data': { choices: ['smaller', 'same', 'larger'], answer: 'smaller' },
  'overfitting/regularize': { choices: ['smaller', 'same', 'larger'], answer: 'smaller' },
  'dropout/masks': { choices: ['exactly-half', 'about-half', 'none'], answer: 'about-half' },
  'dropout/why': { choices: ['dropout-less', 'same', 'plain-less'], answer: 'dropout-less' },
  'dropout/train-only': { choices: ['about-same', 'half', 'double'], answer: 'about-same' },
  'dropout/where': { choices: ['much-worse', 'about-same', 'better'], answer: 'much-worse' },
  'dropout/scaling': { choices: ['keep', 'inverse-p', 'nothing'], answer: 'keep' },
  'dropout/forgot-loss': { choices: ['worse', 'same', 'better'], answer: 'worse' },
  'dropout/forgot-accuracy': { choices: ['drops', 'same'], answer: 'drops' },
  'dropout/mc': { choices: ['gap', 'data', 'even'], answer: 'gap' },
  'batchnorm/three-steps': { choices: ['mean0-var1', 'unchanged', 'zero-one'], answer: 'mean0-var1' },
  'batchnorm/gamma-beta': { choices: ['beta', 'zero', 'unchanged'], answer: 'beta' },
  'batchnorm/bad-init': { choices: ['stalls', 'falls'], answer: 'stalls' },
  'batchnorm/bad-init-bn': { choices: ['stalls', 'falls'], answer: 'falls' },
  'batchnorm/learning-rate': { choices: ['bn', 'plain', 'same'], answer: 'bn' },
  'batchnorm/conditional': { choices: ['stalls', 'falls'], answer: 'falls' },
  'batchnorm/covariate-shift': { choices: ['like-bn', 'like-plain', 'never'], answer: 'like-bn' },
  'batchnorm/inference': { choices: ['running', 'batch', 'none'], answer: 'running' },
  'batchnorm/batch-stats': { choices: ['same-for-all', 'as-usual', 'error'], answer: 'same-for-all' },
  'batchnorm/small-batch': { choices: ['jumps', 'steady'], answer: 'jumps' },
  'compare/run-dropout': { choices: ['fewer', 'more'], answer: 'more' },
  'compare/run-bn': { choices: ['smaller', 'larger'], answer: 'smaller' },
  'compare/run-both': { choices: ['fewest', 'most'], answer: 'most' },
  'both/variance-shift': { choices: ['train-larger', 'equal', 'infer-larger'], answer: 'train-larger' },
  'where/cnn': { choices: ['chance', 'trains'], answer: 'chance' },
  'where/bn-batch-one': { choices: ['refused', 'trains'], answer: 'refused' },
  'where/ln-batch-one': { choices: ['refused', 'trains'], answer: 'trains' },
  'code/momentum': { choices: ['0.9', '0.1', '0.99'], answer: '0.9' },
  'faq/dropout-train-only': { choices: ['none', 'half'], answer: 'none' },
  'faq/bn-inference': { choices: ['changes', 'identity'], answer: 'changes' },
  'conclusion/final-check': { choices: ['yes', 'no'], answer: 'yes' },
} as const satisfies Partial<Record<StepKey, PredictDef>>;

/**
 * Steps whose prediction is about a given number of training steps: they offer to train exactly that
 * many from step 0. Play runs thousands of steps a second, past "the first 500 steps" before the chart
 * can show them; the counts are those the answers were measured at (test/lessons/answers.test.ts).
 */
export const TRAIN_STEPS = {
  'overfitting/small-data': 3000,
  'overfitting/more-data': 3000,
  'overfitting/regularize': 3000,
  'dropout/why': 2000,
  'dropout/train-only': 300,
  'dropout/where': 2000,
  'dropout/forgot-loss': 1500,
  'dropout/forgot-accuracy': 1500,
  'dropout/mc': 3000,
  'batchnorm/bad-init': 500,
  'batchnorm/bad-init-bn': 500,
  'batchnorm/learning-rate': 300,
  'batchnorm/conditional': 500,
  'batchnorm/covariate-shift': 600,
  'compare/run-none': 3000,
  'compare/run-dropout': 3000,
  'compare/run-bn': 3000,
  'compare/run-both': 3000,
  'both/variance-shift': 1000,
  'both/remedy': 1000,
  'where/cnn': 400,
  'where/ln-batch-one': 300,
  'conclusion/final-check': 500,
} as const satisfies Partial<Record<SetupKey, number>>;

/** Steps each comparison run trains for ("Train each run for about 3,000 steps"). */
export const COMPARE_RUN_STEPS = 3000;

export function trainStepsOf(key: StepKey): number | undefined {
  return (TRAIN_STEPS as Partial<Record<StepKey, number>>)[key];
}

/** Steps that show the comparison table measured on the learner's runs. */
export const TABLE_STEPS: ReadonlySet<StepKey> = new Set<StepKey>([
  'compare/plan', 'compare/run-none', 'compare/run-dropout', 'compare/run-bn', 'compare/run-both', 'compare/read',
]);

/**
 * Steps that run an experiment side by side on the lab's seed (E3, E10, E11): their predictions are
 * the experiments' claims, which test/experiments asserts on seeds 1–3.
 */
export const EXPERIMENT_STEPS: Partial<Record<StepKey, 'E3' | 'E10' | 'E11'>> = {
  'dropout/why': 'E11',
  'batchnorm/learning-rate': 'E3',
  'batchnorm/covariate-shift': 'E10',
};

/** Steps that point to another lesson. */
export const GOTO: Partial<Record<StepKey, LessonId>> = {
  'both/complement': 'compare',
  'faq/both': 'compare',
  'batchnorm/conditional': 'compare',
};

/** Steps that show the learner's prediction score. */
export const SCORE_STEPS: ReadonlySet<StepKey> = new Set<StepKey>(['conclusion/summary']);

export function setupOf(key: StepKey): StepSetup | undefined {
  return (SETUPS as Partial<Record<StepKey, StepSetup>>)[key];
}

export function predictOf(key: StepKey): PredictDef | undefined {
  return (PREDICT as Partial<Record<StepKey, PredictDef>>)[key];
}

// ---- the text each language provides ---------------------------------------------------------

/** A drawing a step can show (panels/lessons renders it). */
export type FigureId = 'norm-axes';

/** A paragraph: plain text with `code` spans and **strong** spans, a typeset formula, or a drawing. */
export type Block = string | { math: FormulaId } | { figure: FigureId };

type SetupKey = keyof typeof SETUPS;
type PredictKey = keyof typeof PREDICT;
type ChoiceOf<K extends PredictKey> = (typeof PREDICT)[K]['choices'][number];

export interface PredictText<C extends string> {
  question: string;
  choices: Record<C, string>;
  /** What the lab shows, revealed after Play or "Show me". */
  explain: string;
}

export type StepText<K extends StepKey> = { title: string; body: readonly Block[] } & (K extends SetupKey
  ? { look: string }
  : { look?: string }) &
  (K extends PredictKey ? { predict: PredictText<ChoiceOf<K>> } : { predict?: never });

/** One lesson's steps, as each per-lesson content file (content/<lang>/<lesson>.ts) holds them. */
export type LessonSteps<L extends LessonId> = { [K in StepKey as K extends `${L}/${string}` ? K : never]: StepText<K> };

export interface LessonsText {
  lessons: Record<LessonId, { title: string; summary: string }>;
  steps: { [K in StepKey]: StepText<K> };
}

/** A step's text seen through the common shape (for rendering). */
export interface AnyStepText {
  title: string;
  body: readonly Block[];
  look?: string;
  predict?: PredictText<string>;
}

export function stepText(text: LessonsText, key: StepKey): AnyStepText {
  return text.steps[key] as AnyStepText;
}
