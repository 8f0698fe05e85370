// The type check is the first guard for the lessons too: a language missing a step, a choice, or the
// "what to look at" of a set-up step must not compile.
import { expect, it } from 'vitest';
import en from '../../src/lessons/content/en.ts';
import type { LessonsText, StepText } from '../../src/lessons/structure.ts';

it('a missing step, choice or look fails the type check', () => {
  const { 'faq/both': _dropped, ...rest } = en.steps;
  // @ts-expect-error — 'faq/both' is missing
  const missingStep: LessonsText = { lessons: en.lessons, steps: rest };

  const missingChoice: StepText<'code/momentum'> = {
    ...en.steps['code/momentum'],
    // @ts-expect-error — choice '0.99' is missing
    predict: { question: 'q', explain: 'e', choices: { '0.9': 'a', '0.1': 'b' } },
  };

  // @ts-expect-error — a set-up step needs its "what to look at"
  const missingLook: StepText<'dropout/masks'> = { title: 't', body: [], predict: en.steps['dropout/masks'].predict };

  // @ts-expect-error — a step without a prediction cannot carry one
  const extraPredict: StepText<'dropout/why'> = { title: 't', body: [], predict: en.steps['dropout/masks'].predict };

  expect(Object.keys(missingStep.steps)).not.toContain('faq/both');
  expect(Object.keys(missingChoice.predict.choices)).toHaveLength(2);
  expect(missingLook.title).toBe('t');
  expect(extraPredict.body).toEqual([]);
});
