// Type guard, checked by `tsc -b` (tsconfig.node.json includes test/**), not run by Vitest: a language
// missing a step, a choice, or the "what to look at" of a set-up step must not compile. Each value is
// exported, so no other error (an unused local, say) can satisfy an @ts-expect-error in its place.
import en from '../../src/lessons/content/en.ts';
import type { LessonsText, StepText } from '../../src/lessons/structure.ts';

const { 'faq/both': _dropped, ...rest } = en.steps;
export { _dropped };

// @ts-expect-error — 'faq/both' is missing
export const missingStep: LessonsText = { lessons: en.lessons, steps: rest };

export const missingChoice: StepText<'code/momentum'> = {
  ...en.steps['code/momentum'],
  // @ts-expect-error — choice '0.99' is missing
  predict: { question: 'q', explain: 'e', choices: { '0.9': 'a', '0.1': 'b' } },
};

// @ts-expect-error — a set-up step needs its "what to look at"
export const missingLook: StepText<'dropout/masks'> = { title: 't', body: [], predict: en.steps['dropout/masks'].predict };

// @ts-expect-error — a step without a prediction cannot carry one
export const extraPredict: StepText<'faq/both'> = { title: 't', body: [], predict: en.steps['dropout/masks'].predict };
