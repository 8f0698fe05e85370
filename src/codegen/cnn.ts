// Code export of the lab's CNN on the digit images (1×8×8): PyTorch (NCHW) and Keras 3 (channels-last
// 8×8×1). The layer list is compileCnn's own, so the code follows the engine exactly; the PyTorch code
// runs as shown on 1×8×8 inputs.
import { compileCnn, DIGIT_IMAGE, type CnnSpec } from '../engine/cnnspec.ts';
import { BN_DEFAULTS, specShapes, type ImageShape, type LayerSpec } from '../engine/spec.ts';
import { ADAM_SETTINGS, type LabConfig } from '../protocol/config.ts';
import { kerasMomentum } from './keras.ts';
import { classicDropoutNote } from './shared.ts';
import { pyFloat } from './python.ts';

interface Placed {
  layer: LayerSpec;
  /** The image this layer receives (null after flatten). */
  shape: ImageShape | null;
}

function placed(cnn: CnnSpec, classes: number): Placed[] {
  const spec = compileCnn(cnn, classes);
  const { shapes } = specShapes(spec);
  return spec.layers.map((layer, i) => ({ layer, shape: shapes[i] }));
}

const ACT = { relu: 'nn.ReLU()', tanh: 'nn.Tanh()', sigmoid: 'nn.Sigmoid()' } as const;
const flatWidth = (s: ImageShape): number => s.c * s.h * s.w;

function torchLine({ layer: l, shape }: Placed): string {
  const s = shape as ImageShape;
  switch (l.type) {
    case 'conv2d': {
      const k = l.kernel, st = l.stride ?? 1, p = l.padding ?? 0;
      const same = st === 1 && p === (k - 1) / 2 ? `; padding (k - 1) // 2 keeps ${s.h}×${s.w}` : '';
      return `nn.Conv2d(${s.c}, ${l.out}, kernel_size=${k}, stride=${st}, padding=${p}),  # ${s.c}×${s.h}×${s.w} -> ${l.out} maps${same}`;
    }
    case 'batchnorm2d':
      return `nn.BatchNorm2d(${s.c}, eps=${pyFloat(l.eps ?? BN_DEFAULTS.eps)}, momentum=${pyFloat(l.momentum ?? BN_DEFAULTS.momentum)}),  # per channel over N·H·W = N·${s.h * s.w} values`;
    case 'dropout2d':
      return l.p > 0 ? `nn.Dropout2d(p=${pyFloat(l.p)}),  # drops whole feature maps` : '# no Dropout2d here: p = 0 in the lab';
    case 'dropout':
      return l.p > 0 ? `nn.Dropout(p=${pyFloat(l.p)}),  # drops single values` : '# no dropout here: p = 0 in the lab';
    case 'maxpool2d':
      return `nn.MaxPool2d(kernel_size=${l.kernel ?? 2}, stride=${l.stride ?? l.kernel ?? 2}),`;
    case 'flatten':
      return `nn.Flatten(),  # ${s.c}×${s.h}×${s.w} -> ${flatWidth(s)}`;
    case 'linear':
      return `nn.Linear(${flatWidth(s ?? { c: 0, h: 0, w: 0 })}, ${l.out}),  # raw scores (logits); no softmax here`;
    case 'relu':
    case 'tanh':
    case 'sigmoid':
      return `${ACT[l.type]},`;
    default:
      return `# (${l.type})`;
  }
}

/** Linear's input width: the flattened image before it. */
function withFlatShapes(ps: Placed[]): Placed[] {
  let last: ImageShape | null = null;
  return ps.map((p) => {
    if (p.shape) last = p.shape;
    return p.layer.type === 'linear' ? { ...p, shape: last } : p;
  });
}

export function pytorchCnnCode(cnn: CnnSpec, config: LabConfig, classes: number): string {
  const ps = withFlatShapes(placed(cnn, classes)), tr = config.train, n = config.data.trainSize;
  const out: string[] = [
    '# Regularization Lab: the convolutional network you built, in PyTorch.',
    `# Data: digits as 1×8×8 images (N×C×H×W = N×1×8×8), ${classes} classes.`,
    '# Paste and run (needs torch). The random stand-in data below has the lab\'s shapes: put your own in x and y.',
    'import torch',
    'from torch import nn',
    'from torch.utils.data import DataLoader, TensorDataset',
    '',
    `torch.manual_seed(${config.seed})  # the lab's seed; PyTorch draws differently, so weights and masks will not match the lab's`,
    '',
  ];
  if (cnn.dropoutScaling === 'classic' && cnn.dropoutP > 0) out.push(...classicDropoutNote(cnn.dropout === 'channel' ? 'nn.Dropout2d' : 'nn.Dropout'), '');
  if (cnn.bn) {
    out.push(
      cnn.bnPlacement === 'before' ? '# BatchNorm2d sits before each activation: Conv2d -> BatchNorm2d -> activation.' : '# BatchNorm2d sits after each activation: Conv2d -> activation -> BatchNorm2d.',
      '# Unlike BatchNorm1d, it normalizes each channel over all N·H·W values, so one sample with larger maps can train.',
    );
  }
  out.push('model = nn.Sequential(', ...ps.map((p) => `    ${torchLine(p)}`), ')', '', '');
  const s = cnn.initScale;
  out.push(
    'def init_weights(module):',
    cnn.init === 'he'
      ? `    # He normal as in the lab: std = ${s === 1 ? '' : `${pyFloat(s)} * `}sqrt(2 / fan_in), fan_in = in_channels * k * k for a conv. Biases start at 0.`
      : `    # Xavier (Glorot) normal as in the lab: std = gain * sqrt(2 / (fan_in + fan_out)), gain = ${pyFloat(s)}. Biases start at 0.`,
    '    if isinstance(module, (nn.Conv2d, nn.Linear)):',
    cnn.init === 'he' ? "        nn.init.kaiming_normal_(module.weight, mode='fan_in', nonlinearity='relu')" : `        nn.init.xavier_normal_(module.weight, gain=${pyFloat(s)})`,
  );
  if (cnn.init === 'he' && s !== 1) out.push('        with torch.no_grad():', `            module.weight.mul_(${pyFloat(s)})  # the lab's init scale`);
  out.push('        nn.init.zeros_(module.bias)', '', '', 'model.apply(init_weights)', '');
  out.push(
    'loss_fn = nn.CrossEntropyLoss()  # takes the raw logits and class indices',
    tr.optimizer === 'sgd'
      ? `optimizer = torch.optim.SGD(model.parameters(), lr=${pyFloat(tr.lr)}, momentum=${pyFloat(tr.momentum)}, weight_decay=${pyFloat(tr.weightDecay)})`
      : `optimizer = torch.optim.Adam(model.parameters(), lr=${pyFloat(tr.lr)}, betas=(${pyFloat(ADAM_SETTINGS.beta1)}, ${pyFloat(ADAM_SETTINGS.beta2)}), eps=${pyFloat(ADAM_SETTINGS.eps)}, weight_decay=${pyFloat(tr.weightDecay)})`,
    '',
    `x = torch.randn(${n}, ${DIGIT_IMAGE.join(', ')})  # N×1×8×8`,
    `y = torch.randint(0, ${classes}, (${n},))  # class indices`,
    `loader = DataLoader(TensorDataset(x, y), batch_size=${tr.batchSize}, shuffle=True, drop_last=True)`,
    '',
    'for epoch in range(10):',
    "    model.train()  # dropout samples masks; BatchNorm2d uses this batch's per-channel statistics and moves running_mean / running_var",
    '    for xb, yb in loader:',
    '        optimizer.zero_grad()',
    '        loss = loss_fn(model(xb), yb)',
    '        loss.backward()',
    '        optimizer.step()',
    '',
    'model.eval()  # dropout is the identity; BatchNorm2d uses running_mean / running_var',
    'with torch.no_grad():',
    '    out = model(x)',
    "    print('training accuracy', (out.argmax(dim=1) == y).float().mean().item())",
  );
  return out.join('\n') + '\n';
}

function kerasLine({ layer: l, shape }: Placed): string {
  switch (l.type) {
    case 'conv2d': {
      const k = l.kernel, p = l.padding ?? 0, st = l.stride ?? 1;
      // 'same' equals PyTorch's padding (k − 1)/2 only at stride 1; otherwise pad explicitly.
      const same = st === 1 && p === (k - 1) / 2;
      const pad = same ? "padding='same'" : "padding='valid'";
      const pre = !same && p > 0 ? `layers.ZeroPadding2D(${p}), ` : '';
      return `${pre}layers.Conv2D(${l.out}, ${k}, strides=${st}, ${pad}, kernel_initializer=kernel_init()),`;
    }
    case 'batchnorm2d': {
      const m = l.momentum ?? BN_DEFAULTS.momentum;
      return `layers.BatchNormalization(axis=-1, epsilon=${pyFloat(l.eps ?? BN_DEFAULTS.eps)}, momentum=${pyFloat(kerasMomentum(m))}),  # per channel; momentum = 1 - ${pyFloat(m)}`;
    }
    case 'dropout2d':
      return l.p > 0 ? `layers.SpatialDropout2D(${pyFloat(l.p)}),  # drops whole feature maps (nn.Dropout2d)` : '# no SpatialDropout2D here: p = 0 in the lab';
    case 'dropout':
      return l.p > 0 ? `layers.Dropout(${pyFloat(l.p)}),` : '# no dropout here: p = 0 in the lab';
    case 'maxpool2d':
      return `layers.MaxPooling2D(pool_size=${l.kernel ?? 2}, strides=${l.stride ?? l.kernel ?? 2}),`;
    case 'flatten': {
      const s = shape as ImageShape;
      return `layers.Permute((3, 1, 2)), layers.Flatten(),  # channels first before flattening, so the ${flatWidth(s)} features are in PyTorch's order`;
    }
    case 'linear':
      return `layers.Dense(${l.out}, kernel_initializer=kernel_init()),  # raw scores (logits)`;
    case 'relu':
    case 'tanh':
    case 'sigmoid':
      return `layers.Activation('${l.type}'),`;
    default:
      return `# (${l.type})`;
  }
}

export function kerasCnnCode(cnn: CnnSpec, config: LabConfig, classes: number): string {
  const ps = placed(cnn, classes), tr = config.train, n = config.data.trainSize, s = cnn.initScale;
  const out: string[] = [
    '# Regularization Lab: the convolutional network you built, in Keras 3.',
    `# Data: digits as 8×8×1 images (channels last, Keras' default: N×H×W×C), ${classes} classes.`,
    '# PyTorch stores the same images as N×1×8×8 (channels first): transpose with x.transpose(0, 2, 3, 1).',
    'import numpy as np',
    'import keras',
    'from keras import layers',
    '',
    `keras.utils.set_random_seed(${config.seed})`,
    '',
    `INIT_SCALE = ${pyFloat(s)}`,
    '',
    '',
    'def kernel_init():',
    cnn.init === 'he'
      ? "    return keras.initializers.VarianceScaling(scale=2 * INIT_SCALE**2, mode='fan_in', distribution='untruncated_normal')  # He normal, untruncated"
      : "    return keras.initializers.VarianceScaling(scale=INIT_SCALE**2, mode='fan_avg', distribution='untruncated_normal')  # Glorot normal, untruncated",
    '',
    '',
    "# padding='same' equals PyTorch's padding=(k - 1) / 2 only at stride 1; at other strides pad explicitly",
    '# (ZeroPadding2D, then padding=\'valid\').',
  ];
  if (cnn.bn) {
    out.push(
      '# BatchNormalization momentum: Keras keeps moving = momentum * moving + (1 - momentum) * batch, PyTorch',
      '# running = (1 - momentum) * running + momentum * batch, so Keras momentum = 1 - PyTorch momentum. With axis=-1',
      '# (the channels) it normalizes each channel over N·H·W values, as nn.BatchNorm2d does.',
    );
  }
  if (tr.weightDecay > 0) {
    out.push(
      `# The lab's weight decay ${pyFloat(tr.weightDecay)} (coupled L2, as PyTorch's weight_decay) is not written here: add`,
      `# kernel_regularizer=keras.regularizers.L2(${pyFloat(tr.weightDecay / 2)}) to each Conv2D and Dense for the same gradient.`,
    );
  }
  out.push(
    'model = keras.Sequential([',
    '    keras.Input(shape=(8, 8, 1)),',
    ...ps.map((p) => `    ${kerasLine(p)}`),
    '])',
    '',
    tr.optimizer === 'sgd'
      ? `optimizer = keras.optimizers.SGD(learning_rate=${pyFloat(tr.lr)}, momentum=${pyFloat(tr.momentum)})`
      : `optimizer = keras.optimizers.Adam(learning_rate=${pyFloat(tr.lr)}, beta_1=${pyFloat(ADAM_SETTINGS.beta1)}, beta_2=${pyFloat(ADAM_SETTINGS.beta2)}, epsilon=${pyFloat(ADAM_SETTINGS.eps)})`,
    "model.compile(optimizer=optimizer, loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])",
    '',
    `x = np.random.randn(${n}, 8, 8, 1).astype('float32')  # N×8×8×1`,
    `y = np.random.randint(0, ${classes}, size=(${n},))`,
    `model.fit(x, y, batch_size=${tr.batchSize}, epochs=10, shuffle=True, verbose=0)`,
    "print('training accuracy', model.evaluate(x, y, verbose=0)[1])",
  );
  return out.join('\n') + '\n';
}
