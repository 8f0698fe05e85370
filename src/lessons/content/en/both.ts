// Lesson 'both' in English: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const both: LessonSteps<'both'> = {
  'both/complement': {
    title: 'Complementary, in principle',
    body: [
      'Dropout fights overfitting; BN mainly makes optimization easier. Using both is common. Yet several papers report that with BN, dropout becomes unnecessary or even hurts. Your comparison table may already show a piece of that.',
    ],
  },
  'both/variance-shift': {
    title: '⚠ The variance shift',
    body: [
      'Li et al. (2019) found the mechanism. Dropout placed before a BN layer changes the variance BN sees. With inverted dropout a unit’s mean is the same in training and at inference, but its variance is not:',
      { math: 'variance-shift' },
      'BN’s running variance is collected in training, so at inference it no longer fits the actual, smaller variance. The normalization is off, and the error passes on to every later layer.',
    ],
    predict: {
      question: 'Dropout (p = 0.5) sits after the first hidden layer; BN normalizes the second. The variance of the second BN layer’s input is:',
      choices: { 'train-larger': 'Larger in training', equal: 'The same in both modes', 'infer-larger': 'Larger at inference' },
      explain: 'Larger in training, for nearly every unit: on average about 1.2 to 2 times on seeds 1–3, depending on how long it has trained. BN’s running variance remembers the training value, so at inference it divides by too much.',
    },
    look: 'In [the batch-norm panel](#batchnorm) choose Hidden layer 2, then switch between Training and Inference: at inference both histograms are narrower. BN’s input varies less without dropout, and dividing by the running variance learned in training squeezes its output further. [The Experiments panel](#experiments)’s E5 measures the ratio on several seeds.',
  },
  'both/remedy': {
    title: 'Living with both',
    body: [
      'The usual remedies: put dropout only after the last BN layer (as here: no BN follows it), use a small p, or leave dropout out when BN is there and the model does not overfit. Many CNNs do exactly this: BN throughout, dropout only in the classifier head, if at all.',
    ],
    look: 'Run it and compare with the previous setup: [the loss curves](#loss), and [the second BN layer](#batchnorm) in both modes.',
  },
};
