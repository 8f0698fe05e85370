// Lesson 'where' in English: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const where: LessonSteps<'where'> = {
  'where/cnn': {
    title: 'In image models',
    body: [
      'Image classifiers rely on BN, placed right after each convolution, where it normalizes each channel over the batch and all positions. ResNet is built with it, and so is Inception from BN-Inception (the BN paper’s own network) onward; VGG predates BN, but its common variants add it.',
      'BatchNorm2d takes its statistics per channel, over every sample and every position: N·H·W values for each channel. (BatchNorm1d takes them per feature, over the N samples of the batch.) So one sample with 8×8 maps still gives 64 values per channel, and BatchNorm2d trains on it; only a single value per channel (one sample, 1×1 maps) is refused.',
      'Does a CNN need BN to train? Measured with this lab’s engine on the digits as 1×8×8 images (experiment E9: 6 conv layers 3×3 with 16 channels, He initialization, batch 32, 400 steps, seeds 1–3): with SGD (momentum 0.9) at learning rate 0.1, the network with BatchNorm2d after each conv reaches a test accuracy of 0.98–0.99, while the one without BN stays at chance level (0.10). With Adam at 0.001 both train (0.96–0.98 without BN, 0.96–0.97 with it). PyTorch gives the same picture, and its counter-case matters as much: with He initialization and a modest rate (0.01), the CNN without BN trains almost as fast. So “CNNs rely on BN” holds under a condition: a deep network, SGD rather than Adam, and a high learning rate or a poor initialization.',
      'Dropout appears where overfitting is likely. VGG’s large fully connected head, with dropout 0.5, is the classic case. ResNet uses no dropout at all.',
      'Try E9 here: the setup is its deep CNN **without** BN, trained with SGD (momentum 0.9) at learning rate 0.1.',
    ],
    predict: {
      question: 'After 400 steps, this CNN’s test accuracy will be:',
      choices: { chance: 'Near chance (about 0.1)', trains: 'High (above 0.9)' },
      explain: 'Near chance: the loss stays at about 2.3 (ln 10), the network has not learned the digits. Now tick “BatchNorm2d in every conv block” under Controls → Convolutional network and train 400 steps again: with BN the same network passes 0.9. Switch the optimizer to Adam and both train, which is the condition behind “CNNs rely on BN”.',
    },
    look: '[The loss and accuracy panel](#loss), and [the batch-norm panel](#batchnorm) once BN is on: each channel’s statistics are taken over N·H·W values.',
  },
  'where/transformers': {
    title: 'In Transformers: layer normalization',
    body: [
      'Transformers (BERT, GPT) use dropout, and normalize with **layer normalization** (LayerNorm) instead of BN. The formula is the same, but the mean and variance are taken over the H features of each example, not over the batch for each feature:',
      { math: 'ln-mean' },
      { figure: 'norm-axes' },
      'So it does not depend on the other examples, behaves the same in training and at inference, and works with a batch of one. In a Transformer each token (each position of each sequence) counts as one example: LayerNorm normalizes every token over its own features.',
      'Where it sits matters too. The original Transformer and BERT are **post-LN**: LayerNorm after each residual addition, LN(x + f(x)). GPT-2 and most recent models are **pre-LN**: LayerNorm at the start of each block, inside the residual branch, x + f(LN(x)); it trains more stably in deep stacks (Xiong et al., 2020, trained it without the learning-rate warm-up post-LN needs).',
    ],
    look: '[The batch-norm panel](#batchnorm) with LayerNorm on: its first line and step 1 of the three steps say what it averages over (each example’s own features, not the batch), and there are no running statistics to show. Compare its histograms with BN’s.',
  },
  'where/bn-batch-one': {
    title: 'A batch of one: BN',
    body: ['With a batch of one, the batch variance is 0 and x − μ_B is 0: training mode has nothing to normalize with. That is BatchNorm1d’s rule, where each feature has one value per example. BatchNorm2d averages each channel over the batch and every position too, so it accepts a single image as long as height × width > 1.'],
    predict: {
      question: 'BN with batch size 1, then Play. Training will be:',
      choices: { refused: 'Refused', trains: 'Fine' },
      explain: 'Refused. The lab, like PyTorch (“Expected more than 1 value per channel when training”), will not take a training step with BN and a batch of one.',
    },
    look: '[The message at the top of the lab](#notices).',
  },
  'where/ln-batch-one': {
    title: 'A batch of one: LayerNorm',
    body: ['The same batch size with LayerNorm instead of BN, and a smaller learning rate, since single examples give noisy steps.'],
    predict: {
      question: 'LayerNorm with batch size 1, then Play. Training will be:',
      choices: { refused: 'Refused', trains: 'Fine' },
      explain: 'It trains: each example is normalized over its own features, so no other example is needed. The loss curve is noisy, as with any batch of one.',
    },
    look: '[The loss chart](#loss).',
  },
};
