// The controls a step needs, shown inside the step itself so the learner can act without leaving the
// lesson: a table entry's slider or switch, the γ/β sliders, or the Training/Inference switch.
import type { ParamId } from '../protocol/hyperparams.ts';
import type { StepKey } from './structure.ts';

export type StepControl =
  | Extract<ParamId, 'dropoutP' | 'initScale' | 'batchSize' | 'dropoutScaling' | 'forgetDropoutScaling' | 'bnBatchStatsAtInference'>
  | 'gammaBeta'
  | 'mode';

export const STEP_CONTROLS: Partial<Record<StepKey, readonly StepControl[]>> = {
  'overfitting/regularize': ['dropoutP'],
  'dropout/masks': ['dropoutP'],
  'dropout/train-only': ['mode'],
  'dropout/scaling': ['dropoutScaling', 'mode'],
  'dropout/forgot-loss': ['forgetDropoutScaling'],
  'dropout/forgot-accuracy': ['forgetDropoutScaling'],
  'batchnorm/gamma-beta': ['gammaBeta'],
  'batchnorm/conditional': ['initScale'],
  'batchnorm/inference': ['mode'],
  'batchnorm/batch-stats': ['bnBatchStatsAtInference', 'mode'],
  'batchnorm/small-batch': ['batchSize'],
  'both/variance-shift': ['mode'],
  'faq/dropout-train-only': ['mode'],
  'faq/bn-inference': ['mode'],
};

/** A control's table id, for the teacher's hide list (γ/β has none of its own; the mode's is 'mode'). */
export function hideIdOf(c: StepControl): ParamId | null {
  return c === 'gammaBeta' ? null : c;
}

export function controlsOf(key: StepKey): readonly StepControl[] {
  return STEP_CONTROLS[key] ?? [];
}
