// Keras 3 export of the same network. Where Keras' defaults or conventions differ from PyTorch (BN
// momentum, truncated He init, decoupled weight decay, Adam's epsilon) the code converts, and says so.
import { ADAM_SETTINGS, type LabConfig } from '../protocol/config.ts';
import { dropoutOffComment, exportLayers, hasNorm, type ExportLayer, type ModelInfo } from './layers.ts';
import { classicDropoutNote, dataLine, trainingCount } from './shared.ts';
import { pyFloat, tidy } from './python.ts';

/** Keras keeps moving = m·moving + (1 − m)·batch; PyTorch running = (1 − m)·running + m·batch. */
export function kerasMomentum(torchMomentum: number): number {
  return tidy(1 - torchMomentum);
}

function layerLine(l: ExportLayer, decay: boolean, ce: boolean): string {
  const reg = (names: string[]) => (decay ? names.map((n) => `, ${n}_regularizer=l2()`).join('') : '');
  switch (l.kind) {
    case 'linear':
      return `layers.Dense(${l.out}, kernel_initializer=kernel_init()${reg(['kernel', 'bias'])}),${!l.last ? '' : ce ? '  # raw scores (logits); no softmax here' : '  # the predicted values directly (no activation)'}`;
    case 'activation':
      return `layers.Activation('${l.fn}'),`;
    case 'batchnorm':
      return `layers.BatchNormalization(epsilon=${pyFloat(l.eps)}, momentum=${pyFloat(kerasMomentum(l.momentum))}${reg(['gamma', 'beta'])}),  # momentum = 1 - ${pyFloat(l.momentum)} (PyTorch's)`;
    case 'layernorm':
      return `layers.LayerNormalization(epsilon=${pyFloat(l.eps)}${reg(['gamma', 'beta'])}),`;
    case 'dropout':
      return l.p > 0 ? `layers.Dropout(${pyFloat(l.p)}),` : dropoutOffComment(l);
  }
}

function initLines(config: LabConfig): string[] {
  const he = config.net.init === 'he';
  return [
    `INIT_SCALE = ${pyFloat(config.net.initScale)}`,
    '',
    '',
    'def kernel_init():',
    ...(he
      ? [
          '    # He normal as in the lab: std = INIT_SCALE * sqrt(2 / fan_in), whatever the activation.',
          '    # VarianceScaling draws with std = sqrt(scale / fan_in), so scale = 2 * INIT_SCALE**2. It is untruncated because',
          '    # keras.initializers.HeNormal samples a truncated normal, and the lab (like PyTorch\'s kaiming_normal_) does not.',
          "    return keras.initializers.VarianceScaling(scale=2 * INIT_SCALE**2, mode='fan_in', distribution='untruncated_normal')",
        ]
      : [
          '    # Xavier (Glorot) normal as in the lab: std = INIT_SCALE * sqrt(2 / (fan_in + fan_out)).',
          "    # mode='fan_avg' draws with std = sqrt(scale / ((fan_in + fan_out) / 2)), so scale = INIT_SCALE**2. It is untruncated",
          '    # because keras.initializers.GlorotNormal samples a truncated normal, and the lab does not.',
          "    return keras.initializers.VarianceScaling(scale=INIT_SCALE**2, mode='fan_avg', distribution='untruncated_normal')",
        ]),
    '',
    '',
  ];
}

function decayLines(wd: number): string[] {
  return [
    `WEIGHT_DECAY = ${pyFloat(wd)}`,
    '',
    '',
    'def l2():',
    '    # The lab, like PyTorch\'s weight_decay, adds WEIGHT_DECAY * w to the gradient of every parameter (coupled L2).',
    '    # keras.regularizers.L2(c) adds c * sum(w**2) to the loss, whose gradient is 2 * c * w: hence c = WEIGHT_DECAY / 2.',
    '    # PyTorch decays biases and norm gammas/betas too, so they get the same penalty here; for the more usual',
    '    # "L2 on weights only", keep kernel_regularizer alone. The optimizers\' own weight_decay= argument is not used:',
    '    # in Keras it is decoupled (AdamW-style) decay, a different rule. The loss fit() reports includes this penalty.',
    '    return keras.regularizers.L2(WEIGHT_DECAY / 2)',
    '',
    '',
  ];
}

export function kerasCode(config: LabConfig, info: ModelInfo): string {
  const net = config.net, tr = config.train;
  const layers = exportLayers(net, info);
  const decay = tr.weightDecay > 0;
  const n = trainingCount(config);
  const ce = info.kind === 'classification';
  const out: string[] = [
    '# Regularization Lab: the network you built, in Keras 3.',
    `# ${dataLine(config, info)}`,
    '# Paste and run (needs keras and a backend: tensorflow, jax or torch). The random stand-in data below has the',
    "# lab's shapes: put your own in x and y.",
    'import numpy as np',
    'import keras',
    'from keras import layers',
    '',
    `keras.utils.set_random_seed(${config.seed})  # the lab's seed; Keras draws differently, so weights and masks will not match the lab's`,
    '',
    ...initLines(config),
    ...(decay ? decayLines(tr.weightDecay) : []),
  ];
  if (net.dropoutScaling === 'classic') out.push(...classicDropoutNote('layers.Dropout'), '');
  if (hasNorm(layers, 'batchnorm')) {
    out.push(
      '# BatchNormalization momentum: Keras keeps moving = momentum * moving + (1 - momentum) * batch, PyTorch keeps',
      '# running = (1 - momentum) * running + momentum * batch, so Keras momentum = 1 - PyTorch momentum.',
      '# Keras moves moving_variance with the biased batch variance; PyTorch and the lab use the unbiased one (n / (n - 1)',
      '# times larger), so running variances differ a little for small batches.',
    );
  }
  if (hasNorm(layers, 'batchnorm') || hasNorm(layers, 'layernorm')) {
    out.push(net.normPlacement === 'before' ? '# Normalization sits before each activation: Dense -> norm -> activation.' : '# Normalization sits after each activation: Dense -> activation -> norm.');
  }
  out.push(
    'model = keras.Sequential([',
    `    keras.Input(shape=(${info.inputDim},)),`,
    ...layers.map((l) => `    ${layerLine(l, decay, ce)}`),
    '])',
    '',
  );

  const lr = pyFloat(tr.lr);
  if (tr.optimizer === 'sgd') {
    out.push(
      '# Keras SGD (velocity = momentum * velocity - lr * g) takes the same steps as torch.optim.SGD at a constant lr.',
      `optimizer = keras.optimizers.SGD(learning_rate=${lr}, momentum=${pyFloat(tr.momentum)})`,
    );
  } else {
    out.push(
      "# epsilon is PyTorch's 1e-08, not Keras' default 1e-07. Keras adds it to sqrt(v) before undoing Adam's bias",
      '# correction, PyTorch after; the steps differ only while gradients are about as small as epsilon.',
      `optimizer = keras.optimizers.Adam(learning_rate=${lr}, beta_1=${pyFloat(ADAM_SETTINGS.beta1)}, beta_2=${pyFloat(ADAM_SETTINGS.beta2)}, epsilon=${pyFloat(ADAM_SETTINGS.eps)})`,
    );
  }
  out.push(
    ce
      ? "model.compile(optimizer=optimizer, loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])"
      : "model.compile(optimizer=optimizer, loss='mse', metrics=['mse'])",
    ce ? '# from_logits=True with integer labels is nn.CrossEntropyLoss on raw scores.' : "# 'mse' is nn.MSELoss: the mean squared error over every output.",
    '',
    `x = np.random.randn(${n}, ${info.inputDim}).astype('float32')`,
    ce ? `y = np.random.randint(0, ${info.classes}, size=(${n},))  # class indices` : `y = np.random.randn(${n}, ${info.classes}).astype('float32')  # targets, one column per output`,
    `model.fit(x, y, batch_size=${tr.batchSize}, epochs=100, shuffle=True, verbose=0)`,
    '# fit() also trains on a last partial batch; the lab skips it (drop_last=True in the PyTorch export).',
    '',
    "# training=True is PyTorch's model.train(): dropout samples masks, BatchNormalization uses this batch's statistics",
    '# (and moves its moving averages). training=False is model.eval(): dropout is the identity and',
    '# BatchNormalization uses moving_mean / moving_variance. fit() calls the model with training=True.',
    `xb = x[:${Math.min(tr.batchSize, n)}]`,
    'out_train = model(xb, training=True)',
    'out_eval = model(xb, training=False)',
    ce ? "print('training accuracy', model.evaluate(x, y, verbose=0)[1])" : "print('training MSE', model.evaluate(x, y, verbose=0)[1])",
  );
  return out.join('\n') + '\n';
}
