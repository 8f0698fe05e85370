// Lesson 'batchnorm' in English: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const batchnorm: LessonSteps<'batchnorm'> = {
  'batchnorm/three-steps': {
    title: 'Three steps per feature',
    body: [
      'Batch normalization (BN) works on each feature separately, over the m examples of the mini-batch. First, the batch mean and variance:',
      { math: 'bn-mean' },
      { math: 'bn-var' },
      'Then normalize, with a small ε (1e-5 in PyTorch) so that nothing is divided by zero:',
      { math: 'bn-normalize' },
      'Finally, scale and shift by two learned numbers per feature, γ and β:',
      { math: 'bn-affine' },
      'The variance here is the biased one (divided by m, not m − 1), as in PyTorch.',
    ],
    predict: {
      question: 'Over one batch, the normalized values x̂ of a feature will have:',
      choices: { 'mean0-var1': 'Mean 0 and variance 1 (almost exactly)', unchanged: 'The same mean and variance as before', 'zero-one': 'Values between 0 and 1' },
      explain: 'Mean 0 and variance 1, up to the tiny ε. Normalizing does not squeeze values into [0, 1]: x̂ is often below 0 and sometimes above 2.',
    },
    look: '[The batch-norm panel’s “The three steps on this batch”](#bn-steps): press Next BN step, and step 2 gives the mean and variance of x̂ on this batch. [The histograms](#bn-hist) show the values before and after the whole layer, γ and β included.',
  },
  'batchnorm/gamma-beta': {
    title: 'γ and β keep the layer expressive',
    body: [
      'Forcing every feature to mean 0 and variance 1 could take away something the network needs. γ and β give it back: with γ equal to the batch’s standard deviation and β to its mean, the layer could even undo the normalization. Both are learned like weights, starting at γ = 1 and β = 0.',
    ],
    predict: {
      question: 'Set γ of one feature to 0 with its slider. That feature’s output becomes:',
      choices: { beta: 'β, the same for every example', zero: '0 for every example', unchanged: 'Unchanged' },
      explain: 'Exactly β for every example: γ · x̂ is 0, then β is added. The feature carries no information until γ moves away from 0 again.',
    },
    look: 'Under “Try it here”, pick a feature and drag its γ to 0 (the batch-norm panel follows the feature you pick). Then [step 3 of “The three steps on this batch”](#bn-step3) shows every output at β (variance 0).',
  },
  'batchnorm/bad-init': {
    title: 'Claimed: less sensitive to initialization',
    body: [
      'BN’s paper promised more stable and faster training, less sensitivity to weight initialization, and some regularization. These hold, but under conditions. Its clearest, most reliable win is tolerating high learning rates and poor initializations.',
      'Here the weights start 10 times smaller than He initialization, and training uses SGD with momentum 0.9. No BN.',
    ],
    predict: {
      question: 'During the first 500 steps, the training loss will:',
      choices: { stalls: 'Stay near 0.69, the level of guessing', falls: 'Fall quickly' },
      explain: 'It stalls: signals shrink layer by layer, so gradients are tiny. On seeds 1–4 the loss is still above 0.6 at step 500.',
    },
    look: 'The first few hundred steps on [the loss chart](#loss).',
  },
  'batchnorm/bad-init-bn': {
    title: 'The same bad start, with BN',
    body: [
      'The same tiny weights and the same SGD, now with BN after each hidden linear layer. BN rescales each feature to variance 1 however small the weights are, so the signal reaching the next layer has a usable size.',
    ],
    predict: {
      question: 'During the first 500 steps, the training loss will:',
      choices: { stalls: 'Stay near 0.69, the level of guessing', falls: 'Fall quickly' },
      explain: 'It falls: below 0.3 by step 300 on seeds 1–4, while the plain network was still above 0.6.',
    },
    look: '[The loss chart](#loss), compared with the previous step.',
  },
  'batchnorm/learning-rate': {
    title: 'BN and the learning rate',
    body: [
      'BN’s clearest, most reliable win is tolerating a high learning rate. BN divides each feature by its batch’s standard deviation, so an update that makes a layer’s outputs larger is undone at the next normalization: one large step cannot blow the signal up layer after layer.',
      'Here (experiment E3): the digits, four hidden layers of 64 with He initialization, plain SGD without momentum at learning rate 1, no BN.',
    ],
    predict: {
      question: 'At learning rate 1, which network reaches a training loss of 0.2 first?',
      choices: { bn: 'The one with BN', plain: 'The one without BN', same: 'Both at about the same step' },
      explain: 'The one with BN, in about a hundred steps; without BN the network stalls or diverges and does not get there within 1,500 steps. At lr 0.1 and 0.01, though, the plain network gets there first, 1.5 to 2 times as fast: here BN’s speed-up is a high-learning-rate effect.',
    },
    look: '[The loss chart](#loss) over these 300 steps. Then switch BN on for every hidden layer in Controls and train again. The side-by-side run below measures all three learning rates, with and without BN.',
  },
  'batchnorm/conditional': {
    title: '⚠ It depends',
    body: [
      'Those benefits are real but conditional. Adam scales each weight’s step by the size of its own recent gradients, so tiny gradients matter less. And with a good initialization (He) and a moderate learning rate, a plain network can train as fast as one with BN, or faster. The comparison lesson measures this.',
    ],
    predict: {
      question: 'The same tiny weights, no BN, but trained with Adam. During the first 500 steps, the loss will:',
      choices: { stalls: 'Stay near 0.69, the level of guessing', falls: 'Fall quickly' },
      explain: 'It falls: below 0.5 within about 200 steps on seeds 1–2, almost as fast as from a good start. With Adam a poor initialization hurts far less than with SGD.',
    },
    look: '[The loss chart](#loss). Then try the initialization scale slider at 10 times too large: that hurts even Adam, and BN still copes.',
  },
  'batchnorm/covariate-shift': {
    title: '⚠ Why does it help?',
    body: [
      'BN was introduced to reduce **internal covariate shift**: as earlier layers change, the distribution of each later layer’s inputs keeps moving, and the later layer has to keep adapting.',
      'Looking at BN’s output cannot test that: BN holds its output near mean β and standard deviation γ by construction. Santurkar et al. (2018) tested it the other way round: they added noise after every BN, so each layer’s input distribution moves at every step. This setup does the same (experiment E10): six hidden layers of 64 on the digits, SGD with momentum 0.9, and after every BN each unit is multiplied by 1 + U(0, 0.2) and shifted by N(0, 0.1²), drawn afresh at every step and shared by the whole batch. The 5th layer’s input now moves about 25 times as much per step as with plain BN, and about twice as much as without BN.',
    ],
    predict: {
      question: 'Plain BN reaches a training loss of 0.3 in about 50 steps, the network without BN in about 250. The network with noise after BN will get there:',
      choices: { 'like-bn': 'Nearly as fast as plain BN', 'like-plain': 'As slowly as without BN, or slower', never: 'Never: it shifts too much to train' },
      explain: 'Nearly as fast as plain BN: in 40–70 steps on seeds 1–3, against 40–70 with plain BN and 240–260 without BN. The network whose layers see by far the most shift trains almost like BN, so stopping the shift is not what makes BN fast. The current explanation (Santurkar et al.) is that BN makes the loss landscape smoother: the loss and its gradients change less from one step to the next, so larger steps are safe. What this does not show: that the shift never matters, or why BN smooths the landscape; and the noise here is small (each unit moves by a tenth of its spread).',
    },
    look: '[The activations panel](#activations) with “Show what BN receives” on: for each hidden layer, BN’s input, then BN’s output (shaken by the noise), then the ReLU’s output. The side-by-side run below trains all three networks and measures how far the 5th layer’s input moves per step.',
  },
  'batchnorm/placement': {
    title: 'Before or after the activation?',
    body: [
      'The BN paper put it before the nonlinearity (Linear → BN → ReLU), and so do most CNNs, right after each convolution. Others put it after (Linear → ReLU → BN). Both are used, and both train. This setup puts it after.',
    ],
    look: '[The batch-norm panel’s input histogram](#bn-hist): after ReLU, BN receives only values ≥ 0 and centres them itself.',
  },
  'batchnorm/inference': {
    title: 'At inference: the running statistics',
    body: [
      'At inference there may be a single example, or a batch that is not typical, so BN does not use the batch’s own statistics. While training, it keeps running averages of the mean and variance, with momentum α = 0.1 in PyTorch:',
      { math: 'bn-running' },
      'The running variance takes the unbiased batch variance (divided by m − 1). At inference, every input is normalized with these fixed numbers:',
      { math: 'bn-inference' },
      'So BN is still applied at inference, as one fixed scale-and-shift per feature, the same for every input.',
    ],
    predict: {
      question: 'In inference mode, BN normalizes with:',
      choices: { running: 'The running averages', batch: 'The current batch’s statistics', none: 'Nothing: BN switches off' },
      explain: 'The running averages. While training they trail the batch values slowly; in inference mode they are what BN uses.',
    },
    look: '[The batch-norm panel](#bn-stats): batch mean and variance next to the running ones.',
  },
  'batchnorm/batch-stats': {
    title: 'What breaks without them',
    body: [
      'This setup makes the mistake on purpose: at inference, BN normalizes with the statistics of whatever batch it is given. The output for one example now depends on which other examples share its batch.',
    ],
    predict: {
      question: 'One example alone, a batch of one, normalized with its own statistics. Its output will be:',
      choices: { 'same-for-all': 'β, the same whatever the input', 'as-usual': 'As usual', error: 'An error' },
      explain: 'For one example the batch mean is the example itself, so x − μ_B = 0 and every feature comes out as β, whatever the input: the prediction no longer depends on the input at all. (PyTorch in training mode refuses a batch of one with an error for this reason.) With the running statistics nothing like this happens.',
    },
    look: '[The decision boundary](#output) in inference mode, then again with “BN uses batch statistics at inference (wrong)” turned off: with batch statistics, each prediction depends on the other points it is evaluated with.',
  },
  'batchnorm/small-batch': {
    title: 'Small batches, noisy statistics',
    body: [
      'Batch statistics are estimates from m examples. With few examples they are noisy, and each example’s output depends on the 3 others in its batch of 4.',
    ],
    predict: {
      question: 'With batch size 4, from one step to the next, a feature’s batch mean will:',
      choices: { jumps: 'Jump around the running mean', steady: 'Stay close to the running mean' },
      explain: 'It jumps: 4 examples give a rough estimate. The running mean smooths those jumps out. This noise is part of why BN regularizes a little, and why very small batches hurt it.',
    },
    look: '[The batch-norm panel](#bn-stats): batch mean against running mean. Press Step a few times.',
  },
};
