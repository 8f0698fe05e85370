// Lesson 'conclusion' in English: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const conclusion: LessonSteps<'conclusion'> = {
  'conclusion/summary': {
    title: 'What you can now predict',
    body: [
      'Architecture alone does not decide how well a network trains and generalizes. Regularization buys speed, stability and generalization, each under conditions.',
      '**Dropout**: random units off in training, nothing at inference (inverted scaling). Slower fitting, a smaller gap; check that the test loss is lower too, since a gap also shrinks when the fit gets worse.',
      '**Batch normalization**: each feature normalized with batch statistics in training and running statistics at inference. Most reliable when the initialization or the learning rate is poor.',
      '**Both**: possible, but watch for the variance shift, and measure.',
    ],
  },
  'conclusion/final-check': {
    title: 'One last prediction',
    body: ['Weights 10 times too small, SGD, BN on both layers and dropout p = 0.3. Decide before you press Play.'],
    predict: {
      question: 'Will the training loss fall below 0.5 within 500 steps?',
      choices: { yes: 'Yes', no: 'No' },
      explain: 'Yes, by about step 200 to 300 on seeds 1–3: BN rescues the poor start, and dropout slows it only a little. Without BN, the same network is still above 0.5 after 1,000 steps.',
    },
    look: '[The loss chart](#loss). Then switch BN off and run again.',
  },
};
