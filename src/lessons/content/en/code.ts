// Lesson 'code' in English: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const code: LessonSteps<'code'> = {
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
};
