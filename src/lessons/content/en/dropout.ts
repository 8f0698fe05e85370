// Lesson 'dropout' in English: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const dropout: LessonSteps<'dropout'> = {
  'dropout/masks': {
    title: 'Switching units off at random',
    body: [
      'While training, dropout sets the output of each unit to 0 with probability p, the **drop probability** (PyTorch’s `p`). Each unit is kept with probability 1 − p:',
      { math: 'dropout-mask' },
      'Every step draws new random choices, so every step trains a different, thinned network. Here p = 0.5, after both hidden layers of 32 units.',
    ],
    predict: {
      question: 'In one training step, for one example, how many of a layer’s 32 units are switched off?',
      choices: {
        'exactly-half': 'Exactly 16, every step',
        'about-half': 'About 16, a different number and different units each step',
        none: 'None until the network has trained a while',
      },
      explain: 'About half, and usually not exactly 16 (exactly 16 happens only about one time in seven, P ≈ 0.14): each unit is dropped on its own coin flip, so the count varies around 16 (usually between 12 and 20), and the dropped units change every step.',
    },
    look: '[The network drawing](#network), where dropped units are drawn hollow with ✕. Press Step a few times and watch them change.',
  },
  'dropout/why': {
    title: 'Why it works',
    body: [
      'No unit can count on a particular partner being there. So units cannot form combinations that only work when every member is present (**co-adaptation**); each has to be useful with many different partners.',
      'Each step trains one of a huge number of thinned networks, and all of them share the same weights. At the end you use all units together, which acts like averaging the predictions of that whole crowd: an **ensemble** for the price of one network.',
      'Co-adaptation can be measured. Take a trained network and, at inference, knock out some of its units: a network whose units lean on each other loses more. This setup is a network for the digits trained without dropout (two hidden layers of 64, Adam at 0.003).',
    ],
    predict: {
      question: 'After 2,000 steps, knock out a random half of the last hidden layer’s units at inference. Compared with the same network trained with dropout p = 0.3, the one trained without dropout loses:',
      choices: {
        'dropout-less': 'More accuracy: the dropout-trained one loses less than half as much',
        same: 'About the same accuracy',
        'plain-less': 'Less accuracy',
      },
      explain: 'More, several times more. On seeds 1–3 the lab measures 11 to 15 accuracy points lost without dropout and 1.3 to 1.9 points with it (20 random halves averaged each time). Without dropout the units learned to rely on one another; with it, each learned to work whichever others are there.',
    },
    look: '[The Inference lab’s “Knock out units” section](#inference): choose hidden layer 2 and 50 %. Then, in Controls, switch dropout on after both hidden layers with p = 0.3, train again and knock out the same half. Or run both networks side by side below.',
  },
  'dropout/train-only': {
    title: 'Only during training',
    body: [
      'At inference every unit is used. For the output to stay on the same scale, something has to make up for the units dropped in training. PyTorch and Keras do it during training itself, with **inverted dropout**: kept values are divided by 1 − p, and at inference dropout does nothing:',
      { math: 'dropout-inverted' },
      'On average, the training output then equals the inference output:',
      { math: 'dropout-expectation' },
    ],
    predict: {
      question: 'Train a little, then compare a dropout layer’s mean activation in training mode and in inference mode. The inference mean is:',
      choices: { 'about-same': 'About the same', half: 'About half', double: 'About double' },
      explain: 'About the same. Dividing by 1 − p = 0.5 doubles the kept values, and about half of them survive, so the average does not change. Only the spread differs: training outputs are noisier.',
    },
    look: '[The Inference lab’s “Training vs inference” table](#inference-modes): each layer’s mean |activation| in both modes. Compare each dropout row with the row just above it: in either mode, dropout keeps its input’s mean. The first dropout layer’s two numbers match; the second one’s input already differs between the modes, because the ReLU after the first dropout is not linear (the note under the table explains).',
  },
  'dropout/where': {
    title: 'Where to put it',
    body: [
      'Dropout goes after hidden layers most often. On the input layer it is used sometimes, with a small p, because every dropped input is information the network does not see in that step. On the output layer it is rarely used.',
      'This setup drops the inputs themselves, with p = 0.5, on data that has only two input features.',
    ],
    predict: {
      question: 'Compared with the same network without dropout, the training loss after 2,000 steps will be:',
      choices: { 'much-worse': 'Much worse', 'about-same': 'About the same', better: 'Better' },
      explain: 'Much worse: it stays above 1 on seeds 1–3, worse than guessing (0.69), against almost 0 without dropout. Each coordinate is missing half of the time (a point keeps both only a quarter of the time), and one coordinate alone cannot tell the two spiral arms apart.',
    },
    look: 'The training loss on [the loss chart](#loss), and [the decision boundary](#output), which cannot follow the spiral.',
  },
  'dropout/scaling': {
    title: '⚠ Two correct ways to scale',
    body: [
      'The original paper (Srivastava et al., 2014) used **classic** dropout: kept values pass unchanged while training, and at inference every activation is multiplied by the keep probability 1 − p:',
      { math: 'dropout-classic' },
      'Inverted dropout moves the same factor into training instead:',
      { math: 'dropout-inverted' },
      'Both give the same expected output. You may read that activations should be “scaled by 1/p at inference”. That is neither convention: with p = 0.2 it would multiply by 5, where classic multiplies by 0.8 and inverted by nothing.',
      'The mix-up likely comes from notation. Srivastava et al. and TensorFlow 1’s `keep_prob` call the *keep* probability p. In that notation “1/p” is exactly inverted dropout’s training factor, the 1/(1 − p) of PyTorch’s notation, where p is the drop probability. (At p = 0.5 the two readings give the same number, which hides the mistake; these steps use p = 0.3.)',
    ],
    predict: {
      question: 'The lab is set to classic dropout with p = 0.3. At inference, each activation is multiplied by:',
      choices: { keep: '0.7, the keep probability 1 − p', 'inverse-p': 'About 3.3, that is 1/p', nothing: 'Nothing: it stays as it is' },
      explain: '0.7, that is 1 − p. In training only about 70 % of the units were on; multiplying by 0.7 at inference keeps the expected output the same. Inverted dropout would multiply by nothing at inference. 1/p, with p the drop probability, is never right.',
    },
    look: '[The Inference lab’s “Training vs inference” table](#inference-modes), at the dropout rows: with classic scaling the two modes match on average, as with inverted. Its [Scaling section](#inference-scaling) shows the factor used at inference.',
  },
  'dropout/forgot-loss': {
    title: 'Forgetting the scaling',
    body: [
      'What if classic dropout skips the multiplication at inference? Each dropout layer’s output comes out 1/(1 − p) times too large, about 1.43 times for p = 0.3, and the layers after it carry the error on (through two dropout layers, about twice):',
      { math: 'dropout-forgot' },
      'The lab has a switch that makes exactly this mistake. It is on now, on the moons data.',
    ],
    predict: {
      question: 'Train for about 1,500 steps. Compared with correct scaling, the test loss will be:',
      choices: { worse: 'Worse', same: 'About the same', better: 'Better' },
      explain: 'Worse, about twice: 0.24 instead of 0.12 on seed 1. The outputs are too large, so the network is overconfident, and confident mistakes cost a lot. Accuracy, though, does not move (98 % either way): a ReLU network with its activations scaled up mostly still picks the same class. (Where every test point is right, more confidence can even lower the loss: on seed 3 it does.)',
    },
    look: '[Test loss and accuracy](#loss). Then turn “Forget the scaling at inference” off: the loss drops at once, the accuracy hardly changes.',
  },
  'dropout/forgot-accuracy': {
    title: 'When accuracy suffers too',
    body: [
      'Whether accuracy drops depends on the data and the network. With tanh units, scaling a layer’s inputs by 1.4 does not simply scale its outputs by 1.4, so the decisions themselves can change.',
    ],
    predict: {
      question: 'The same mistake, now on circles with tanh units. Will the test accuracy drop?',
      choices: { drops: 'Yes, by several points', same: 'No, it stays about the same' },
      explain: 'It drops: from about 98 % to about 93 % on seed 1, and the loss is about five times worse (0.22 instead of 0.04). The network never learned what to do with activations 1.4 times their usual size.',
    },
    look: '[Test accuracy](#loss) with the switch on, then off.',
  },
  'dropout/mc': {
    title: 'Monte-Carlo dropout: the ensemble made visible',
    body: [
      'Dropout can also be kept on at inference on purpose: run the same input many times with fresh masks and average. The average is the ensemble’s prediction; the spread shows how much the thinned networks disagree. This is **Monte-Carlo dropout** (Gal and Ghahramani, 2016).',
      'The data: a noisy sine wave, with no training points between −1 and 1.',
    ],
    predict: {
      question: 'After about 3,000 steps, where will the Monte-Carlo band be widest?',
      choices: { gap: 'In the gap, where there is no data', data: 'Where the training points are', even: 'Equally wide everywhere' },
      explain: 'In the gap: about 1.3 to 2.4 times as wide as over the data on seeds 1–3. Where there was no data, nothing made the thinned networks agree.',
    },
    look: '[The regression plot](#output): the shaded band around the mean curve, between x = −1 and x = 1.',
  },
};
