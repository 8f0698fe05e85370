// Code export: the exact layer lines in compileNet's order, the PyTorch -> Keras conversions (BN momentum,
// init variance scaling, L2 factor, Adam epsilon), and Python that parses.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CONFIG, type LabConfig } from '../../src/protocol/config.ts';
import { exportCode, kerasCode, pytorchCode, type ModelInfo } from '../../src/codegen/index.ts';
import { compileNet } from '../../src/engine/netspec.ts';
import type { NetSpec } from '../../src/engine/netspec.ts';
import { validState } from '../url/arbitrary.ts';
import { pythonProblems, pythonSyntaxErrors } from './python-check.ts';

const CLS: ModelInfo = { inputDim: 2, classes: 3, kind: 'classification' };
const REG: ModelInfo = { inputDim: 1, classes: 1, kind: 'regression' };

function cfg(net: Partial<NetSpec>, train: Partial<LabConfig['train']> = {}): LabConfig {
  return { ...DEFAULT_CONFIG, net: { ...DEFAULT_CONFIG.net, ...net }, train: { ...DEFAULT_CONFIG.train, ...train } };
}
const oneLayer = (extra: Partial<NetSpec> = {}) => cfg({ hidden: [16], norm: ['none'], dropoutHidden: [false], ...extra });

/** The lines between an opening line and its closing line, trimmed, trailing comments cut. */
function block(code: string, open: string, close: string): { layers: string[]; comments: string[] } {
  const lines = code.split('\n');
  const start = lines.indexOf(open);
  const end = lines.indexOf(close, start);
  expect(start, `no "${open}"`).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const body = lines.slice(start + 1, end).map((l) => l.trim());
  return {
    layers: body.filter((l) => !l.startsWith('#')).map((l) => l.replace(/\s+#.*$/, '')),
    comments: body.filter((l) => l.startsWith('#')),
  };
}
const torchLayers = (c: LabConfig, info = CLS) => block(pytorchCode(c, info), 'model = nn.Sequential(', ')');
const kerasLayers = (c: LabConfig, info = CLS) => block(kerasCode(c, info), 'model = keras.Sequential([', '])');
const lineWith = (code: string, needle: string) => code.split('\n').find((l) => l.includes(needle)) ?? '';

describe('layer lines', () => {
  it('no hidden layers: one Linear, and a comment where input dropout is off', () => {
    const c = cfg({ hidden: [], norm: [], dropoutHidden: [] });
    expect(torchLayers(c)).toEqual({ layers: ['nn.Linear(2, 3),'], comments: ['# no dropout on the input (off in the lab)'] });
    expect(kerasLayers(c).layers).toEqual(['keras.Input(shape=(2,)),', 'layers.Dense(3, kernel_initializer=kernel_init()),']);
  });

  it('BatchNorm before the activation', () => {
    const c = oneLayer({ norm: ['batchnorm'], normPlacement: 'before' });
    expect(torchLayers(c).layers).toEqual([
      'nn.Linear(2, 16),',
      'nn.BatchNorm1d(16, eps=1e-05, momentum=0.1),',
      'nn.ReLU(),',
      'nn.Linear(16, 3),',
    ]);
    expect(kerasLayers(c).layers).toEqual([
      'keras.Input(shape=(2,)),',
      'layers.Dense(16, kernel_initializer=kernel_init()),',
      'layers.BatchNormalization(epsilon=1e-05, momentum=0.9),',
      "layers.Activation('relu'),",
      'layers.Dense(3, kernel_initializer=kernel_init()),',
    ]);
  });

  it('BatchNorm after the activation', () => {
    const c = oneLayer({ norm: ['batchnorm'], normPlacement: 'after', activation: 'tanh' });
    expect(torchLayers(c).layers).toEqual(['nn.Linear(2, 16),', 'nn.Tanh(),', 'nn.BatchNorm1d(16, eps=1e-05, momentum=0.1),', 'nn.Linear(16, 3),']);
    expect(kerasLayers(c).layers.slice(2, 4)).toEqual(["layers.Activation('tanh'),", 'layers.BatchNormalization(epsilon=1e-05, momentum=0.9),']);
  });

  it('LayerNorm with its epsilon', () => {
    const c = cfg({ hidden: [8, 4], norm: ['layernorm', 'none'], dropoutHidden: [false, false], lnEps: 1e-3, activation: 'sigmoid' });
    expect(torchLayers(c).layers).toEqual(['nn.Linear(2, 8),', 'nn.LayerNorm(8, eps=0.001),', 'nn.Sigmoid(),', 'nn.Linear(8, 4),', 'nn.Sigmoid(),', 'nn.Linear(4, 3),']);
    expect(kerasLayers(c).layers[2]).toBe('layers.LayerNormalization(epsilon=0.001),');
  });

  it('input and hidden dropout with p; a place switched on with p = 0 is left out with a comment', () => {
    const c = cfg({ hidden: [16, 16], norm: ['none', 'none'], dropoutInput: true, dropoutHidden: [false, true], dropoutP: 0.2 });
    expect(torchLayers(c)).toEqual({
      layers: ['nn.Dropout(p=0.2),', 'nn.Linear(2, 16),', 'nn.ReLU(),', 'nn.Linear(16, 16),', 'nn.ReLU(),', 'nn.Dropout(p=0.2),', 'nn.Linear(16, 3),'],
      comments: ['# no dropout after hidden layer 1 (off in the lab)'],
    });
    expect(kerasLayers(c).layers.slice(0, 2)).toEqual(['keras.Input(shape=(2,)),', 'layers.Dropout(0.2),']);
    const zero = torchLayers({ ...c, net: { ...c.net, dropoutP: 0 } });
    expect(zero.layers.some((l) => l.includes('Dropout'))).toBe(false);
    expect(zero.comments).toContain('# no dropout on the input: switched on, but p = 0');
  });

  it('follows compileNet layer for layer on any valid network', () => {
    const torchType = (l: string) => (/^nn\.(\w+)\(/.exec(l) ?? [])[1];
    const kerasType = (l: string) => (/^layers\.(\w+)\((?:'(\w+)')?/.exec(l) ?? []).slice(1).filter(Boolean).join(':');
    const TORCH: Record<string, string> = { linear: 'Linear', relu: 'ReLU', tanh: 'Tanh', sigmoid: 'Sigmoid', dropout: 'Dropout', batchnorm: 'BatchNorm1d', layernorm: 'LayerNorm' };
    const KERAS: Record<string, string> = {
      linear: 'Dense', relu: 'Activation:relu', tanh: 'Activation:tanh', sigmoid: 'Activation:sigmoid',
      dropout: 'Dropout', batchnorm: 'BatchNormalization', layernorm: 'LayerNormalization',
    };
    fc.assert(
      fc.property(validState, fc.boolean(), (s, regression) => {
        const info = regression ? REG : { inputDim: 4, classes: 5, kind: 'classification' as const };
        const spec = compileNet(s.config.net, info.inputDim, info.classes, regression ? 'mse' : 'cross_entropy');
        const kept = spec.layers.filter((l) => l.type !== 'dropout' || l.p > 0);
        expect(torchLayers(s.config, info).layers.map(torchType)).toEqual(kept.map((l) => TORCH[l.type]));
        expect(kerasLayers(s.config, info).layers.slice(1).map(kerasType)).toEqual(kept.map((l) => KERAS[l.type]));
        // Every left-out dropout layer has its comment.
        expect(torchLayers(s.config, info).comments.length).toBe(spec.layers.length - kept.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('conversions', () => {
  it('Keras BN momentum is 1 - PyTorch momentum, computed without float noise', () => {
    for (const [torch, keras] of [[0.1, '0.9'], [0.01, '0.99'], [0.3, '0.7'], [0, '1.0'], [1, '0.0']] as const) {
      const c = oneLayer({ norm: ['batchnorm'], bnMomentum: torch });
      expect(torchLayers(c).layers[1]).toBe(`nn.BatchNorm1d(16, eps=1e-05, momentum=${torch === 0 ? '0.0' : torch === 1 ? '1.0' : torch}),`);
      const line = lineWith(kerasCode(c, CLS), 'layers.BatchNormalization(');
      expect(line).toContain(`momentum=${keras}`);
      expect(line).toMatch(/# momentum = 1 - /);
    }
  });

  it('BN epsilon carries over unchanged (Keras default 1e-3 is not used)', () => {
    const c = oneLayer({ norm: ['batchnorm'], bnEps: 1e-8 });
    expect(torchLayers(c).layers[1]).toBe('nn.BatchNorm1d(16, eps=1e-08, momentum=0.1),');
    expect(kerasLayers(c).layers[2]).toBe('layers.BatchNormalization(epsilon=1e-08, momentum=0.9),');
  });

  it('He init scaled by initScale: kaiming_normal_ then a multiply; Keras untruncated VarianceScaling(2 * s**2, fan_in)', () => {
    const c = oneLayer({ init: 'he', initScale: 0.1 });
    const t = pytorchCode(c, CLS), k = kerasCode(c, CLS);
    expect(t).toContain("nn.init.kaiming_normal_(module.weight, mode='fan_in', nonlinearity='relu')");
    expect(t).toContain('module.weight.mul_(0.1)');
    expect(t).toContain('nn.init.zeros_(module.bias)');
    // std = sqrt(scale / fan_in) must equal s * sqrt(2 / fan_in): scale = 2 s^2.
    expect(k).toContain('INIT_SCALE = 0.1\n');
    expect(k).toContain("VarianceScaling(scale=2 * INIT_SCALE**2, mode='fan_in', distribution='untruncated_normal')");
    expect(k).not.toContain('HeNormal(');
    expect(pytorchCode(oneLayer({ init: 'he', initScale: 1 }), CLS)).not.toContain('mul_(');
  });

  it('Xavier init: gain = initScale in PyTorch; VarianceScaling(s**2, fan_avg) in Keras', () => {
    const c = oneLayer({ init: 'xavier', initScale: 2 });
    expect(pytorchCode(c, CLS)).toContain('nn.init.xavier_normal_(module.weight, gain=2.0)');
    // fan_avg: std = sqrt(scale / ((fan_in + fan_out) / 2)) = s * sqrt(2 / (fan_in + fan_out)) when scale = s^2.
    const k = kerasCode(c, CLS);
    expect(k).toContain('INIT_SCALE = 2.0\n');
    expect(k).toContain("VarianceScaling(scale=INIT_SCALE**2, mode='fan_avg', distribution='untruncated_normal')");
  });

  it('SGD and Adam with their settings', () => {
    const sgd = oneLayer();
    sgd.train = { ...sgd.train, optimizer: 'sgd', lr: 0.1, momentum: 0.5 };
    expect(pytorchCode(sgd, CLS)).toContain('optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.5, weight_decay=0.0)\n');
    expect(kerasCode(sgd, CLS)).toContain('optimizer = keras.optimizers.SGD(learning_rate=0.1, momentum=0.5)\n');
    const adam = cfg({}, { optimizer: 'adam', lr: 3e-4 });
    expect(pytorchCode(adam, CLS)).toContain('optimizer = torch.optim.Adam(model.parameters(), lr=0.0003, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0)\n');
    expect(kerasCode(adam, CLS)).toContain('optimizer = keras.optimizers.Adam(learning_rate=0.0003, beta_1=0.9, beta_2=0.999, epsilon=1e-08)\n');
  });

  it('weight decay: PyTorch weight_decay; Keras L2(wd / 2) on every parameter, not the decoupled optimizer argument', () => {
    const c = cfg({ hidden: [16], norm: ['batchnorm'], dropoutHidden: [false] }, { optimizer: 'sgd', weightDecay: 1e-3 });
    expect(pytorchCode(c, CLS)).toContain('weight_decay=0.001)');
    const k = kerasCode(c, CLS);
    expect(k).toContain('WEIGHT_DECAY = 0.001\n');
    expect(k).toContain('return keras.regularizers.L2(WEIGHT_DECAY / 2)');
    expect(k).toMatch(/gradient is 2 \* c \* w/);
    expect(k).toMatch(/decoupled/);
    expect(k).toMatch(/biases and norm gammas\/betas/);
    const { layers } = kerasLayers(c);
    expect(layers.filter((l) => l.startsWith('layers.Dense(')).every((l) => l.includes('kernel_regularizer=l2(), bias_regularizer=l2()'))).toBe(true);
    expect(layers.find((l) => l.startsWith('layers.BatchNormalization('))).toContain('gamma_regularizer=l2(), beta_regularizer=l2()');
    expect(lineWith(k, 'keras.optimizers.')).not.toContain('weight_decay');
    // No decay: no penalty anywhere.
    expect(kerasCode(oneLayer(), CLS)).not.toContain('regularizer');
  });

  it('loss: CrossEntropyLoss on logits <-> SparseCategoricalCrossentropy(from_logits=True); MSELoss <-> mse', () => {
    const c = oneLayer();
    expect(pytorchCode(c, CLS)).toContain('loss_fn = nn.CrossEntropyLoss()');
    expect(kerasCode(c, CLS)).toContain('loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)');
    expect(pytorchCode(c, REG)).toContain('loss_fn = nn.MSELoss()');
    expect(kerasCode(c, REG)).toContain("loss='mse'");
    expect(pytorchCode(c, REG)).toContain('y = torch.randn(200, 1)');
    expect(torchLayers(c, REG).layers.at(-1)).toBe('nn.Linear(16, 1),');
  });

  it('classic dropout gets a note on inverted dropout; inverted does not', () => {
    const classic = oneLayer({ dropoutScaling: 'classic', dropoutHidden: [true] });
    for (const code of [pytorchCode(classic, CLS), kerasCode(classic, CLS)]) {
      expect(code).toMatch(/classic dropout/);
      expect(code).toMatch(/inverted dropout/);
      expect(code).toMatch(/\(1 - p\) factor/);
    }
    expect(pytorchCode(oneLayer({ dropoutHidden: [true] }), CLS)).not.toMatch(/classic/);
  });

  it('shows training and inference modes', () => {
    const t = pytorchCode(oneLayer(), CLS);
    expect(t.indexOf('model.train()')).toBeGreaterThan(0);
    expect(t.indexOf('model.eval()')).toBeGreaterThan(t.indexOf('model.train()'));
    expect(t).toContain('drop_last=True');
    const k = kerasCode(oneLayer(), CLS);
    expect(k).toContain('model(xb, training=True)');
    expect(k).toContain('model(xb, training=False)');
    expect(exportCode('keras', DEFAULT_CONFIG, CLS)).toBe(kerasCode(DEFAULT_CONFIG, CLS));
  });
});

describe('exported Python is well formed', () => {
  it('the structural check catches broken code', () => {
    expect(pythonProblems('x = f(1, (2)\n')).not.toEqual([]);
    expect(pythonProblems('def f():\nreturn 1\n')).not.toEqual([]);
    expect(pythonProblems("print('a)\n")).not.toEqual([]);
    expect(pythonProblems('x = 1\n    y = 2\n')).not.toEqual([]);
    expect(pythonProblems("def f():\n    # it's fine\n    return [1, (2)]  # ok)\n")).toEqual([]);
  });

  it('passes the structural check (and python3 ast.parse where python3 exists) for many networks', () => {
    fc.assert(
      fc.property(validState, fc.boolean(), fc.constantFrom<'pytorch' | 'keras'>('pytorch', 'keras'), (s, reg, target) => {
        const code = exportCode(target, s.config, reg ? REG : { inputDim: 64, classes: 10, kind: 'classification' });
        expect(pythonProblems(code)).toEqual([]);
      }),
      { numRuns: 200 },
    );
    const sources = fc.sample(validState, { numRuns: 40, seed: 7 }).flatMap((s, i) => {
      const info = i % 2 ? REG : CLS;
      return [pytorchCode(s.config, info), kerasCode(s.config, info)];
    });
    const errors = pythonSyntaxErrors(sources);
    // python3 is on this machine; where it is not, the structural check above is the whole check.
    if (errors !== null) expect(errors).toEqual(sources.map(() => ''));
    expect(pythonSyntaxErrors(['def f(:\n'])?.[0] ?? 'no python3').not.toBe('');
  });
});
