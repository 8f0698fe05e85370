// PyTorch export: paste-and-run code for the network the learner built, with the lab's init, optimizer,
// loss and a training loop that shows model.train() / model.eval().
import { ADAM_SETTINGS, type LabConfig } from '../protocol/config.ts';
import { dropoutOffComment, exportLayers, type ExportLayer, type ModelInfo } from './layers.ts';
import { classicDropoutNote, dataLine, trainingCount } from './shared.ts';
import { pyFloat } from './python.ts';

const ACT = { relu: 'nn.ReLU()', tanh: 'nn.Tanh()', sigmoid: 'nn.Sigmoid()' } as const;

function layerLine(l: ExportLayer, ce: boolean): string {
  switch (l.kind) {
    case 'linear':
      return `nn.Linear(${l.in}, ${l.out}),${!l.last ? '' : ce ? '  # outputs raw scores (logits for the loss); no softmax here' : '  # outputs the predicted values directly (no activation)'}`;
    case 'activation':
      return `${ACT[l.fn]},`;
    case 'batchnorm':
      return `nn.BatchNorm1d(${l.width}, eps=${pyFloat(l.eps)}, momentum=${pyFloat(l.momentum)}),`;
    case 'layernorm':
      return `nn.LayerNorm(${l.width}, eps=${pyFloat(l.eps)}),`;
    case 'dropout':
      return l.p > 0 ? `nn.Dropout(p=${pyFloat(l.p)}),` : dropoutOffComment(l);
  }
}

export function pytorchCode(config: LabConfig, info: ModelInfo): string {
  const net = config.net, tr = config.train;
  const layers = exportLayers(net, info);
  const n = trainingCount(config);
  const ce = info.kind === 'classification';
  const out: string[] = [
    '# Regularization Lab: the network you built, in PyTorch.',
    `# ${dataLine(config, info)}`,
    '# Paste and run (needs torch). The random stand-in data below has the lab\'s shapes: put your own in x and y.',
    'import torch',
    'from torch import nn',
    'from torch.utils.data import DataLoader, TensorDataset',
    '',
    `torch.manual_seed(${config.seed})  # the lab's seed; PyTorch draws differently, so weights and masks will not match the lab's`,
    '',
  ];
  if (net.dropoutScaling === 'classic') out.push(...classicDropoutNote('nn.Dropout'), '');
  if (layers.some((l) => l.kind === 'batchnorm' || l.kind === 'layernorm')) {
    out.push(
      net.normPlacement === 'before'
        ? '# Normalization sits before each activation: Linear -> norm -> activation.'
        : '# Normalization sits after each activation: Linear -> activation -> norm.',
    );
  }
  out.push('model = nn.Sequential(', ...layers.map((l) => `    ${layerLine(l, ce)}`), ')', '', '');

  const s = net.initScale;
  out.push('def init_weights(module):');
  if (net.init === 'he') {
    out.push(
      `    # He normal as in the lab: std = ${s === 1 ? '' : `${pyFloat(s)} * `}sqrt(2 / fan_in), whatever the activation`,
      "    # (nonlinearity='relu' only sets the gain sqrt(2)). Biases start at 0.",
      '    if isinstance(module, nn.Linear):',
      "        nn.init.kaiming_normal_(module.weight, mode='fan_in', nonlinearity='relu')",
    );
    if (s !== 1) out.push('        with torch.no_grad():', `            module.weight.mul_(${pyFloat(s)})  # the lab's init scale`);
  } else {
    out.push(
      `    # Xavier (Glorot) normal as in the lab: std = gain * sqrt(2 / (fan_in + fan_out)), gain = the lab's init scale.`,
      '    # Biases start at 0.',
      '    if isinstance(module, nn.Linear):',
      `        nn.init.xavier_normal_(module.weight, gain=${pyFloat(s)})`,
    );
  }
  out.push('        nn.init.zeros_(module.bias)', '', '', 'model.apply(init_weights)', '');

  out.push(
    ce
      ? 'loss_fn = nn.CrossEntropyLoss()  # takes the raw logits and class indices (log-softmax is inside the loss)'
      : 'loss_fn = nn.MSELoss()  # mean of the squared error over every output',
  );
  const wd = pyFloat(tr.weightDecay);
  out.push(
    tr.optimizer === 'sgd'
      ? `optimizer = torch.optim.SGD(model.parameters(), lr=${pyFloat(tr.lr)}, momentum=${pyFloat(tr.momentum)}, weight_decay=${wd})`
      : `optimizer = torch.optim.Adam(model.parameters(), lr=${pyFloat(tr.lr)}, betas=(${pyFloat(ADAM_SETTINGS.beta1)}, ${pyFloat(ADAM_SETTINGS.beta2)}), eps=${pyFloat(ADAM_SETTINGS.eps)}, weight_decay=${wd})`,
  );
  if (tr.weightDecay > 0) {
    out.push(
      '# weight_decay adds weight_decay * w to the gradient of every parameter (L2 regularization, as in the lab),',
      `# biases and norm gammas/betas included${tr.optimizer === 'adam' ? '; with Adam this is coupled L2, not AdamW' : ''}.`,
    );
  }
  out.push(
    '',
    `x = torch.randn(${n}, ${info.inputDim})`,
    ce ? `y = torch.randint(0, ${info.classes}, (${n},))  # class indices` : `y = torch.randn(${n}, ${info.classes})  # targets, one column per output`,
    `loader = DataLoader(TensorDataset(x, y), batch_size=${tr.batchSize}, shuffle=True, drop_last=True)`,
    '# drop_last=True: the lab also skips a last partial batch, so BatchNorm never meets a batch of one by accident.',
    '',
    'for epoch in range(100):',
    '    model.train()  # training mode: dropout samples masks; BatchNorm uses this batch\'s mean and variance and updates running_mean / running_var',
    '    for xb, yb in loader:',
    '        optimizer.zero_grad()',
    '        loss = loss_fn(model(xb), yb)',
    '        loss.backward()',
    '        optimizer.step()',
    '',
    'model.eval()  # inference mode: dropout is the identity; BatchNorm uses running_mean / running_var',
    'with torch.no_grad():',
    '    out = model(x)',
    ce ? "    print('training accuracy', (out.argmax(dim=1) == y).float().mean().item())" : "    print('training MSE', loss_fn(out, y).item())",
  );
  return out.join('\n') + '\n';
}
