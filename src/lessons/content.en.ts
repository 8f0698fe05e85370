// The lessons in English. Plain, short prose; numbers quoted in answers were measured with the engine
// on the step's own setup (seed 1 unless a range of seeds is given).
import type { LessonsText } from './structure.ts';

const en: LessonsText = {
  lessons: {
    overfitting: { title: 'Overfitting and regularization', summary: 'Why a network that fits its training data perfectly can still do badly.' },
    dropout: { title: 'Dropout', summary: 'Switching units off at random while training, and scaling it correctly.' },
    batchnorm: { title: 'Batch normalization', summary: 'Normalizing each feature over the batch: the three steps, the running statistics, and what it really helps with.' },
    compare: { title: 'Dropout vs batch normalization', summary: 'Four runs side by side, and a table filled with your own measurements.' },
    both: { title: 'Using both', summary: 'Why dropout before BN can hurt: the variance shift.' },
    where: { title: 'Where they are used', summary: 'CNNs, Transformers, and layer normalization.' },
    code: { title: 'In code', summary: 'Your model in PyTorch and Keras, and the differences that matter.' },
    faq: { title: 'Three frequent questions', summary: 'Training only? At inference? Together?' },
    conclusion: { title: 'Conclusion', summary: 'What each switch does, predicted before you press Play.' },
  },
  steps: {
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
      look: 'The loss chart: the solid training curve, the dashed test curve, and the space between them. In the decision boundary, look for small islands drawn around single noisy points.',
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
      look: 'The end of the two loss curves, compared with the previous step. The boundary now follows the spiral instead of single points.',
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
      look: 'The gap on the loss chart, and how smooth the decision boundary is compared with the first step.',
    },

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
        explain: 'About half, and rarely exactly 16: each unit is dropped on its own coin flip, so the count varies around 16 (usually between 12 and 20), and the dropped units change every step.',
      },
      look: 'The network drawing, where dropped units are drawn hollow with ✕. Press Step a few times and watch them change.',
    },
    'dropout/why': {
      title: 'Why it works',
      body: [
        'No unit can count on a particular partner being there. So units cannot form fragile teams that only work together (**co-adaptation**); each has to be useful with many different partners.',
        'Each step trains one of a huge number of thinned networks, and all of them share the same weights. At the end you use all units together, which acts like averaging the predictions of that whole crowd: an **ensemble** for the price of one network.',
      ],
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
      look: 'The Inference lab’s “Training vs inference” table: each layer’s mean |activation| in both modes. Compare each dropout row with the row just above it: in either mode, dropout keeps its input’s mean. The first dropout layer’s two numbers match; the second one’s input already differs between the modes, because the ReLU after the first dropout is not linear (the note under the table explains).',
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
      look: 'The training loss on the loss chart, and the decision boundary, which cannot follow the spiral.',
    },
    'dropout/scaling': {
      title: '⚠ Two correct ways to scale',
      body: [
        'The original paper (Srivastava et al., 2014) used **classic** dropout: kept values pass unchanged while training, and at inference every activation is multiplied by the keep probability 1 − p:',
        { math: 'dropout-classic' },
        'Inverted dropout moves the same factor into training instead:',
        { math: 'dropout-inverted' },
        'Both give the same expected output. You may read that activations should be “scaled by 1/p at inference”. That is neither convention: with p = 0.2 it would multiply by 5, where classic multiplies by 0.8 and inverted by nothing.',
      ],
      predict: {
        question: 'The lab is set to classic dropout with p = 0.5. At inference, each activation is multiplied by:',
        choices: { keep: '0.5, the keep probability 1 − p', 'inverse-p': '2, that is 1/p', nothing: 'Nothing: it stays as it is' },
        explain: '0.5, that is 1 − p. In training only about half the units were on; multiplying by 0.5 at inference keeps the expected output the same. Inverted dropout would multiply by nothing at inference. 1/p is never right.',
      },
      look: 'The Inference lab’s “Training vs inference” table, at the dropout rows: with classic scaling the two modes match on average, as with inverted. Its Scaling section shows the factor used at inference.',
    },
    'dropout/forgot-loss': {
      title: 'Forgetting the scaling',
      body: [
        'What if classic dropout skips the multiplication at inference? Each dropout layer’s output comes out 1/(1 − p) times too large, twice too large for p = 0.5, and the layers after it carry the error on:',
        { math: 'dropout-forgot' },
        'The lab has a switch that makes exactly this mistake. It is on now, on the moons data.',
      ],
      predict: {
        question: 'Train for about 1,500 steps. Compared with correct scaling, the test loss will be:',
        choices: { worse: 'Worse', same: 'About the same', better: 'Better' },
        explain: 'Worse, several times over: about 0.96 instead of 0.23 on seed 1. The outputs are too large, so the network is overconfident, and confident mistakes cost a lot. Accuracy, though, barely moves (97 % either way): a ReLU network with its activations scaled up mostly still picks the same class.',
      },
      look: 'Test loss and accuracy. Then turn “Forget the scaling at inference” off: the loss drops at once, the accuracy hardly changes.',
    },
    'dropout/forgot-accuracy': {
      title: 'When accuracy suffers too',
      body: [
        'Whether accuracy drops depends on the data and the network. With tanh units, doubling a layer’s inputs does not simply double its outputs, so the decisions themselves can change.',
      ],
      predict: {
        question: 'The same mistake, now on circles with tanh units. Will the test accuracy drop?',
        choices: { drops: 'Yes, clearly', same: 'No, it stays about the same' },
        explain: 'It drops clearly: from about 98 % to about 65 % on seed 1, and the loss is much worse too. The network never learned what to do with activations twice their usual size.',
      },
      look: 'Test accuracy with the switch on, then off.',
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
      look: 'The regression plot: the shaded band around the mean curve, between x = −1 and x = 1.',
    },

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
      look: 'The batch-norm panel’s “The three steps on this batch”: press Next step, and step 2 gives the mean and variance of x̂ on this batch. The histograms show the values before and after the whole layer, γ and β included.',
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
      look: 'The γ and β sliders are in Controls, under Normalization: pick a feature there and drag its γ to 0. Then, in the batch-norm panel with the same feature chosen, step 3 of “The three steps on this batch” shows every output at β (variance 0).',
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
      look: 'The first few hundred steps on the loss chart.',
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
      look: 'The loss chart, compared with the previous step.',
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
      look: 'The loss chart. Then try the initialization scale slider at 10 times too large: that hurts even Adam, and BN still copes.',
    },
    'batchnorm/covariate-shift': {
      title: '⚠ Why does it help?',
      body: [
        'BN was introduced to reduce **internal covariate shift**: as earlier layers change, the distribution of each later layer’s inputs keeps moving, and the later layer has to keep adapting.',
        'Later work (Santurkar et al., 2018) argues that this is not the main reason. Networks with BN still trained well when noise was added to make the distributions move, and BN made the loss surface smoother, so gradients are more predictable and larger steps are safe.',
        'Look at the distributions yourself and judge.',
      ],
      look: 'The activations panel: each layer’s distribution over the training steps. Run this plain network, then switch BN on for both layers and run again. How much do the distributions move in each case?',
    },
    'batchnorm/placement': {
      title: 'Before or after the activation?',
      body: [
        'The BN paper put it before the nonlinearity (Linear → BN → ReLU), and so do most CNNs, right after each convolution. Others put it after (Linear → ReLU → BN). Both are used, and both train. This setup puts it after.',
      ],
      look: 'The batch-norm panel’s input histogram: after ReLU, BN receives only values ≥ 0 and centres them itself.',
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
      look: 'The batch-norm panel: batch mean and variance next to the running ones.',
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
      look: 'The decision boundary in inference mode, then again with “BN uses batch statistics at inference (wrong)” turned off: with batch statistics, each prediction depends on the other points it is evaluated with.',
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
      look: 'The batch-norm panel: batch mean against running mean. Press Step a few times.',
    },

    'compare/plan': {
      title: 'Four runs, one table',
      body: [
        'Claims about dropout and BN are easy to repeat; here you measure them. The data and network are those of the first lesson (150 noisy spiral points, two layers of 64 units, Adam), with the same seed every time, in four variants: neither, dropout (p = 0.5), BN, and both.',
        'The table fills in from your own runs: the steps until the training loss first reaches the target, the final gap between test and training loss, and whether the layers act at inference. To measure that, switch to Inference during a run. Train each run for about 3,000 steps.',
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
        'Your table is more precise. On these settings, dropout most likely slowed training and narrowed the gap; BN’s speed depended on the target, and its largest effect here was on the gap. At inference the dropout layers changed nothing (|out − in| = 0) and the BN layers did.',
        'Other data, another initialization or learning rate, or SGD instead of Adam can change these numbers. That is why you measure.',
      ],
    },

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
      look: 'In the batch-norm panel choose Hidden layer 2, then switch between Training and Inference: at inference both histograms are narrower. BN’s input varies less without dropout, and dividing by the running variance learned in training squeezes its output further. The Experiments panel’s E5 measures the ratio on several seeds.',
    },
    'both/remedy': {
      title: 'Living with both',
      body: [
        'The usual remedies: put dropout only after the last BN layer (as here: no BN follows it), use a small p, or leave dropout out when BN is there and the model does not overfit. Many CNNs do exactly this: BN throughout, dropout only in the classifier head, if at all.',
      ],
      look: 'Run it and compare with the previous setup: the loss curves, and the second BN layer in both modes.',
    },

    'where/cnn': {
      title: 'In image models',
      body: [
        'Image classifiers rely on BN, placed right after each convolution, where it normalizes each channel over the batch and all positions. ResNet is built with it, and so is Inception from BN-Inception (the BN paper’s own network) onward; VGG predates BN, but its common variants add it.',
        'Dropout appears where overfitting is likely. VGG’s large fully connected head, with dropout 0.5, is the classic case. ResNet uses no dropout at all.',
      ],
    },
    'where/transformers': {
      title: 'In Transformers: layer normalization',
      body: [
        'Transformers (BERT, GPT) use dropout, and normalize with **layer normalization** (LayerNorm) instead of BN. The formula is the same, but the mean and variance are taken over the H features of each example, not over the batch for each feature:',
        { math: 'ln-mean' },
        'So it does not depend on the other examples, behaves the same in training and at inference, and works with a batch of one.',
      ],
      look: 'The batch-norm panel with LayerNorm on: its first line and step 1 of the three steps say what it averages over (each example’s own features, not the batch), and there are no running statistics to show. Compare its histograms with BN’s.',
    },
    'where/bn-batch-one': {
      title: 'A batch of one: BN',
      body: ['With a batch of one, the batch variance is 0 and x − μ_B is 0: training mode has nothing to normalize with.'],
      predict: {
        question: 'BN with batch size 1, then Play. Training will be:',
        choices: { refused: 'Refused', trains: 'Fine' },
        explain: 'Refused. The lab, like PyTorch (“Expected more than 1 value per channel when training”), will not take a training step with BN and a batch of one.',
      },
      look: 'The message at the top of the lab.',
    },
    'where/ln-batch-one': {
      title: 'A batch of one: LayerNorm',
      body: ['The same batch size with LayerNorm instead of BN, and a smaller learning rate, since single examples give noisy steps.'],
      predict: {
        question: 'LayerNorm with batch size 1, then Play. Training will be:',
        choices: { refused: 'Refused', trains: 'Fine' },
        explain: 'It trains: each example is normalized over its own features, so no other example is needed. The loss curve is noisy, as with any batch of one.',
      },
      look: 'The loss chart.',
    },

    'code/sequential': {
      title: 'The guide’s model, in the lab',
      body: [
        'A typical PyTorch model: `Linear(512, 256)`, `BatchNorm1d(256)`, `ReLU()`, `Dropout(0.5)`, `Linear(256, 10)`. In Keras: `Dense(256)`, `BatchNormalization()`, `Activation(\'relu\')`, `Dropout(0.5)`, `Dense(10, activation=\'softmax\')`.',
        'This setup builds the same shape on the digits data, which has 64 inputs instead of 512. The code panel shows your current model in both frameworks and follows every change. Its last layer gives raw scores and leaves the softmax to the loss, which is numerically safer; the model is the same.',
      ],
      look: 'The code panel: switch between PyTorch and Keras, then change p or a layer’s width and watch the code change.',
    },
    'code/momentum': {
      title: '⚠ Momentum, seen from opposite sides',
      body: [
        'Both frameworks keep running averages of the BN statistics, but they name the weight differently. PyTorch’s `momentum` is the weight of the new batch (default 0.1). Keras’s `momentum` is the weight of the old average (default 0.99):',
        { math: 'keras-momentum' },
        'So the same averaging is `momentum=0.1` in PyTorch and `momentum=0.9` in Keras (one detail still differs: for the running variance, Keras averages the biased batch variance, PyTorch the unbiased one). The defaults do not match: Keras’s 0.99 equals PyTorch 0.01, an average over about 100 steps instead of about 10. ε differs too: 1e-5 in PyTorch, 1e-3 in Keras.',
      ],
      predict: {
        question: 'The lab uses PyTorch momentum 0.1. In the Keras code, BatchNormalization gets momentum =',
        choices: { '0.9': '0.9', '0.1': '0.1', '0.99': '0.99' },
        explain: '0.9, that is 1 − 0.1: look for `momentum=0.9` in the Keras tab. Keras’s default 0.99 would make the running statistics follow training ten times more slowly.',
      },
      look: 'The BatchNormalization line in the Keras tab and BatchNorm1d in the PyTorch tab.',
    },
    'code/modes': {
      title: 'Switching modes in code',
      body: [
        'In PyTorch you switch the whole model: `model.train()` before training (dropout draws masks, BN uses and updates batch statistics) and `model.eval()` before inference (dropout does nothing, BN uses the running statistics). Forgetting `model.eval()` is a classic bug: predictions become random and depend on the batch. Note that `model.eval()` does not stop gradient tracking; `torch.no_grad()` does that.',
        'Keras decides per call: `model(x, training=True)` or `training=False`. `fit` runs in training mode; `predict` and `evaluate` run in inference mode.',
      ],
    },

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
      look: 'The network drawing, in both modes.',
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
      look: 'The batch-norm panel, in inference mode as set up: the histograms before and after the layer differ, because every feature is rescaled with the running statistics, γ and β. The comparison lesson’s table measures the same thing as |out − in|.',
    },
    'faq/both': {
      title: 'Can both be used together?',
      body: [
        'Yes, and many networks do. But measure: on some models dropout adds nothing once BN is there, or hurts through the variance shift. The side-by-side experiment shows it on your own runs.',
      ],
    },

    'conclusion/summary': {
      title: 'What you can now predict',
      body: [
        'Architecture alone does not decide how well a network trains and generalizes. Regularization buys speed, stability and generalization, each under conditions.',
        '**Dropout**: random units off in training, nothing at inference (inverted scaling). Slower fitting, a smaller gap.',
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
      look: 'The loss chart. Then switch BN off and run again.',
    },
  },
};

export default en;
