// Lesson 'faq' in English: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const faq: LessonSteps<'faq'> = {
  'faq/dropout-train-only': {
    title: 'Is dropout only active in training?',
    body: [
      'Yes. In PyTorch it is active after `model.train()` and does nothing after `model.eval()`; in Keras it acts only when `training=True`. Monte-Carlo dropout turns it on at inference on purpose.',
    ],
    predict: {
      question: 'The lab is in inference mode, with dropout p = 0.5. How many units does the network drawing show as dropped?',
      choices: { none: 'None', half: 'About half' },
      explain: 'None. Switch to Training and press Step: about half are dropped, different ones at each step.',
    },
    look: '[The network drawing](#network), in both modes.',
  },
  'faq/bn-inference': {
    title: 'Does BN matter at inference?',
    body: [
      'Yes. It still transforms every input, with the running mean and variance and the learned γ and β. Without the running statistics it has to use the batch’s own, and then a prediction depends on the batch (see the batch normalization lesson).',
    ],
    predict: {
      question: 'At inference, is a BN layer’s output equal to its input?',
      choices: { changes: 'No, it changes the values', identity: 'Yes, it passes them through' },
      explain: 'No. In the comparison table’s last column, BN layers change values at inference, while dropout layers do not (|out − in| = 0).',
    },
    look: '[The batch-norm panel](#bn-hist), in inference mode as set up: the histograms before and after the layer differ, because every feature is rescaled with the running statistics, γ and β. The comparison lesson’s table measures the same thing as |out − in|.',
  },
  'faq/both': {
    title: 'Can both be used together?',
    body: [
      'Yes, and many networks do. But measure: on some models dropout adds nothing once BN is there, or hurts through the variance shift. The side-by-side experiment shows it on your own runs.',
    ],
  },
};
