// CNN code export: the PyTorch code names nn.Conv2d, nn.BatchNorm2d, nn.Dropout2d, nn.MaxPool2d and
// nn.Flatten in compileCnn's order with the right channel counts and flattened width; the Keras code
// is channels-last, converts BN momentum and says when padding='same' is not PyTorch's padding. Both
// are well-formed Python. (That the PyTorch code trains a step in real PyTorch was checked by hand with
// Debian's python3-torch, never here.)
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig } from '../../src/protocol/config.ts';
import { kerasCnnCode, pytorchCnnCode } from '../../src/codegen/cnn.ts';
import { exportCode } from '../../src/codegen/index.ts';
import { DEFAULT_CNN, type CnnSpec } from '../../src/engine/cnnspec.ts';
import { pythonProblems, pythonSyntaxErrors } from './python-check.ts';

const config: LabConfig = { ...DEFAULT_CONFIG, data: { ...DEFAULT_CONFIG.data, name: 'digits', trainSize: 64 } };
const cnn = (over: Partial<CnnSpec>): CnnSpec => ({ ...DEFAULT_CNN, ...over });

describe('PyTorch CNN export', () => {
  it('writes the default CNN layer by layer: conv, BN2d, ReLU, pool twice, then flatten 8·2·2... and the head', () => {
    const code = pytorchCnnCode(cnn({}), config, 10);
    const lines = code.split('\n'), from = lines.indexOf('model = nn.Sequential(');
    const modelLines = lines.slice(from + 1, lines.indexOf(')', from)).map((l) => l.trim().split('(')[0]);
    expect(modelLines).toEqual([
      'nn.Conv2d', 'nn.BatchNorm2d', 'nn.ReLU', '# no Dropout2d here: p = 0 in the lab', 'nn.MaxPool2d',
      'nn.Conv2d', 'nn.BatchNorm2d', 'nn.ReLU', '# no Dropout2d here: p = 0 in the lab', 'nn.MaxPool2d',
      'nn.Flatten', 'nn.Linear',
    ]);
    expect(code).toContain('nn.Conv2d(1, 8, kernel_size=3, stride=1, padding=1)');
    expect(code).toContain('nn.Conv2d(8, 8, kernel_size=3, stride=1, padding=1)');
    expect(code).toContain('nn.BatchNorm2d(8, eps=1e-05, momentum=0.1)');
    expect(code).toContain('nn.Linear(32, 10)'); // 8 channels × 2 × 2 after two pools
    expect(code).toContain('x = torch.randn(64, 1, 8, 8)');
    expect(pythonProblems(code)).toEqual([]);
    expect(pythonSyntaxErrors([code]) ?? ['no python3']).toEqual(['']);
  });

  it('Dropout2d and element dropout, BN after the activation, no pooling, deeper', () => {
    const ch = pytorchCnnCode(cnn({ convLayers: 3, pool: 'none', dropoutP: 0.25, bnPlacement: 'after' }), config, 10);
    expect(ch.match(/nn\.Dropout2d\(p=0\.25\)/g)).toHaveLength(3);
    expect(ch).toMatch(/nn\.ReLU\(\),\n {4}nn\.BatchNorm2d/);
    expect(ch).toContain('nn.Linear(512, 10)');
    const el = pytorchCnnCode(cnn({ dropout: 'element', dropoutP: 0.5, bn: false }), config, 10);
    expect(el).toContain('nn.Dropout(p=0.5)');
    expect(el).not.toContain('BatchNorm2d(');
  });
});

describe('Keras CNN export', () => {
  it('is channels-last, converts momentum, flattens in PyTorch order, uses SpatialDropout2D', () => {
    const code = kerasCnnCode(cnn({ dropoutP: 0.2 }), config, 10);
    expect(code).toContain('keras.Input(shape=(8, 8, 1))');
    expect(code).toContain("layers.Conv2D(8, 3, strides=1, padding='same'");
    expect(code).toContain('layers.BatchNormalization(axis=-1, epsilon=1e-05, momentum=0.9)');
    expect(code).toContain('layers.SpatialDropout2D(0.2)');
    expect(code).toContain('layers.MaxPooling2D(pool_size=2, strides=2)');
    expect(code).toContain('layers.Flatten()');
    expect(code).toMatch(/padding='same' equals PyTorch's padding=\(k - 1\) \/ 2 only at stride 1/);
    expect(pythonProblems(code)).toEqual([]);
    expect(pythonSyntaxErrors([code]) ?? ['no python3']).toEqual(['']);
  });
});

describe('the lab config’s kernel and pooling reach the code', () => {
  const lab = (conv: Partial<LabConfig['conv']>): LabConfig => ({ ...config, arch: 'cnn', conv: { ...DEFAULT_CONFIG.conv, ...conv } });
  const info = { classes: 10 } as Parameters<typeof exportCode>[2];

  it('5×5 kernels with padding 2 and no pooling: every map 8×8, the head takes 8·8·8', () => {
    const code = exportCode('pytorch', lab({ kernel: 5, pool: 'none' }), info);
    expect(code).toContain('nn.Conv2d(1, 8, kernel_size=5, stride=1, padding=2),  # 1×8×8 -> 8 maps; padding (k - 1) // 2 keeps 8×8');
    expect(code).toContain('nn.Conv2d(8, 8, kernel_size=5, stride=1, padding=2)');
    expect(code).not.toContain('nn.MaxPool2d');
    expect(code).toContain('nn.Linear(512, 10)');
    expect(pythonSyntaxErrors([code]) ?? ['no python3']).toEqual(['']);
    const keras = exportCode('keras', lab({ kernel: 5, pool: 'none' }), info);
    expect(keras).toContain("layers.Conv2D(8, 5, strides=1, padding='same'");
    expect(keras).not.toContain('MaxPooling2D');
  });

  it('1×1 kernels, pooling once: one MaxPool2d, after the 2nd block; the default keeps the old links’ places', () => {
    const once = exportCode('pytorch', lab({ kernel: 1, layers: 3, pool: 'once' }), info);
    expect(once).toContain('kernel_size=1, stride=1, padding=0');
    expect(once.match(/nn\.MaxPool2d/g)).toHaveLength(1);
    expect(once).toContain('nn.Linear(128, 10)'); // 8 channels × 4 × 4
    // 'auto': every block up to 3 blocks (3 pools, 8→4→2→1), after the 2nd only for 4 blocks and more.
    expect(exportCode('pytorch', lab({ layers: 3 }), info).match(/nn\.MaxPool2d/g)).toHaveLength(3);
    expect(exportCode('pytorch', lab({ layers: 4 }), info).match(/nn\.MaxPool2d/g)).toHaveLength(1);
  });
});
