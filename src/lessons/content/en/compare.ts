// Lesson 'compare' in English: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const compare: LessonSteps<'compare'> = {
  'compare/plan': {
    title: 'Four runs, one table',
    body: [
      'Claims about dropout and BN are easy to repeat; here you measure them. The data and network are those of the first lesson (150 noisy spiral points, two layers of 64 units, Adam), with the same seed every time, in four variants: neither, dropout (p = 0.5), BN, and both.',
      'The table fills in from your own runs: the steps until the training loss first reaches the target, the final gap between test and training loss, and whether the layers act at inference, which the table measures itself when a run stops. Train each run for about 3,000 steps.',
    ],
  },
  'compare/run-none': {
    title: 'Run 1: neither',
    body: ['The plain network: the baseline for the other three.'],
    look: 'The table’s row “Neither”: first the steps to the target, then the gap as it grows.',
  },
  'compare/run-dropout': {
    title: 'Run 2: dropout',
    body: ['Dropout with p = 0.5 after both hidden layers; everything else unchanged.'],
    predict: {
      question: 'Compared with the plain run, reaching the target training loss will take:',
      choices: { fewer: 'Fewer steps', more: 'More steps' },
      explain: 'More: 3 to 4 times as many for a target of 0.3 on seeds 1–3. In exchange the gap ends much smaller. Dropout makes fitting the training set harder on purpose.',
    },
    look: 'The table: steps to the target and the gap, next to the plain run.',
  },
  'compare/run-bn': {
    title: 'Run 3: batch normalization',
    body: ['BN after both hidden linear layers, before ReLU; no dropout.'],
    predict: {
      question: 'Compared with the plain run, BN’s final gap will be:',
      choices: { smaller: 'Smaller', larger: 'Larger' },
      explain: 'Smaller, on this data much smaller: about 0.13 against 0.78 on seed 1. Its training loss also stops falling at around 0.1 to 0.2, so whether BN is “faster” depends on the target: try 0.5, then 0.1.',
    },
    look: 'The table, and the target box: change the target and see which run is “faster”.',
  },
  'compare/run-both': {
    title: 'Run 4: both',
    body: ['Dropout and BN together.'],
    predict: {
      question: 'Of the four runs, this one will reach the target training loss in:',
      choices: { fewest: 'The fewest steps', most: 'The most steps' },
      explain: 'The most steps (about 1,000 for a target of 0.3 on seed 1), with the smallest gap. Whether that trade is worth it is the next lesson’s question.',
    },
    look: 'The whole table.',
  },
  'compare/read': {
    title: 'Reading the table',
    body: [
      'The usual summary: dropout prevents overfitting and is active only in training; BN stabilizes and speeds up training and is active in both training and inference.',
      'Your table is more precise. On these settings, dropout most likely slowed training and narrowed the gap; BN’s speed depended on the target, and its largest effect here was on the gap. At inference the dropout layers changed nothing and the BN layers did: when each run stopped, the table passed 64 test inputs through a copy of the network in inference mode and measured each layer’s |out − in|, exactly 0 for dropout, clearly above 0 for BN.',
      'Read the test loss beside the gap. A gap can also shrink because the network fits the training data worse: what generalizes better is a lower test loss, not only a smaller difference.',
      'Other data, another initialization or learning rate, or SGD instead of Adam can change these numbers. That is why you measure.',
    ],
  },
};
