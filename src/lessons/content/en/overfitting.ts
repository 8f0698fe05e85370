// Lesson 'overfitting' in English: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const overfitting: LessonSteps<'overfitting'> = {
  'overfitting/small-data': {
    title: 'A big network, a little data',
    body: [
      'A network with many weights can fit its training data almost perfectly and still do badly on data it has never seen. That is **overfitting**: it learns the noise of this particular training set as if it were the pattern.',
      '**Regularization** is any way of holding a model back from patterns that only the training set has. This course is about the two used most: dropout and batch normalization.',
      'The setup: 150 noisy points of a two-armed spiral, two hidden layers of 64 units, no regularization.',
    ],
    predict: {
      question: 'Train for about 3,000 steps. What will the two loss curves do?',
      choices: {
        'both-fall': 'Both keep falling',
        'test-turns-up': 'Training loss keeps falling; test loss falls, then turns up',
        'both-flat': 'Both stop early and stay flat',
      },
      explain: 'The training loss heads for 0, while the test loss reaches its lowest point after a few hundred steps and then climbs: the network is memorizing the training points. On seeds 1–3 the test loss ends two to three times as high as its best.',
    },
    look: '[The loss chart](#loss): the solid training curve, the dashed test curve, and the space between them. In [the decision boundary](#output), look for small islands drawn around single noisy points.',
  },
  'overfitting/more-data': {
    title: 'More data narrows the gap',
    body: [
      'The difference between test loss and training loss, the **generalization gap**, measures how much of what the network learned does not carry over to new data:',
      { math: 'gap' },
      'The plainest cure is more data: with more examples, the noise of any single point matters less.',
    ],
    predict: {
      question: 'Same network, 1,000 training points instead of 150. After 3,000 steps, the gap will be:',
      choices: { smaller: 'Smaller', same: 'About the same', larger: 'Larger' },
      explain: 'Much smaller: on seed 1 it falls from about 0.78 to about 0.07. More data is the best regularizer when you can get it. Often you cannot, and that is where dropout and batch normalization come in.',
    },
    look: 'The end of [the two loss curves](#loss), compared with the previous step. [The boundary](#output) now follows the spiral instead of single points.',
  },
  'overfitting/regularize': {
    title: 'Holding the model back',
    body: [
      'Back to 150 points, now with dropout (p = 0.5) after both hidden layers. The next lesson explains dropout; for now, only watch what it does.',
    ],
    predict: {
      question: 'After 3,000 steps, compared with the first step of this lesson, the gap will be:',
      choices: { smaller: 'Smaller', same: 'About the same', larger: 'Larger' },
      explain: 'Smaller: about 0.34 instead of 0.78 on seed 1. The training loss no longer reaches 0, and the test loss climbs far less. The decision boundary is calmer, with fewer islands around single points.',
    },
    look: 'The gap on [the loss chart](#loss), and how smooth [the decision boundary](#output) is compared with the first step.',
  },
};
