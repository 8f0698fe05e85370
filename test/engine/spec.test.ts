// Spec validation names the bad field and its allowed range; the Trainer checks its batch size;
// compileNet lays the lab's network out in the documented order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildModel, compileNet, dropoutLayerIndices, EngineError, MAX_HIDDEN_LAYERS, MAX_WIDTH, Rng, specShapes, Trainer, validateModelSpec,
  type LayerSpec, type ModelSpec, type NetSpec,
} from '../../src/engine/index.ts';

const base = (): ModelSpec => ({
  input: 3,
  layers: [{ type: 'linear', out: 4 }, { type: 'batchnorm' }, { type: 'dropout', p: 0.5 }, { type: 'relu' }, { type: 'layernorm' }, { type: 'linear', out: 2 }],
  loss: 'cross_entropy',
});
const opts = () => ({ initRng: new Rng(1), dropoutRng: new Rng(2) });

function refusal(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error('accepted a bad spec');
}

type Edit = (s: ModelSpec) => void;
const layer = (i: number, l: unknown): Edit => (s) => {
  s.layers[i] = l as LayerSpec;
};
// [what, edit, field, what the message must say about the allowed values]
const BAD: [string, Edit, string, RegExp][] = [
  ['unknown layer', layer(3, { type: 'conv3d' }), 'layers[3].type', /unknown layer "conv3d"; allowed: linear, relu, tanh, sigmoid, dropout, batchnorm, layernorm, conv2d/],
  ['an image layer on flat rows', layer(3, { type: 'conv2d', out: 2, kernel: 3 }), 'layers[3].type', /conv2d needs an image input/],
  ['a null layer', layer(1, null), 'layers[1].type', /allowed: linear/],
  ['width 0', layer(0, { type: 'linear', out: 0 }), 'layers[0].out', new RegExp(`\\[1, ${MAX_WIDTH}\\] \\(got 0\\)`)],
  ['a fractional width', layer(5, { type: 'linear', out: 2.5 }), 'layers[5].out', /\[1, 4096\] \(got 2.5\)/],
  ['a width past the maximum', layer(0, { type: 'linear', out: MAX_WIDTH + 1 }), 'layers[0].out', /\[1, 4096\]/],
  ['input width 0', (s) => void (s.input = 0), 'input', /\[1, 4096\] \(got 0\)/],
  ['p = 1', layer(2, { type: 'dropout', p: 1 }), 'layers[2].p', /must be in \[0, 1\) \(got 1\)/],
  ['p < 0', layer(2, { type: 'dropout', p: -0.1 }), 'layers[2].p', /\[0, 1\) \(got -0.1\)/],
  ['p = NaN', layer(2, { type: 'dropout', p: NaN }), 'layers[2].p', /must be a number in \[0, 1\) \(got NaN\)/],
  ['p = Infinity', layer(2, { type: 'dropout', p: Infinity }), 'layers[2].p', /number in \[0, 1\)/],
  ['p missing', layer(2, { type: 'dropout' }), 'layers[2].p', /number in \[0, 1\)/],
  ['an unknown dropout scaling', layer(2, { type: 'dropout', p: 0.5, scaling: 'both' }), 'layers[2].scaling', /"inverted" or "classic"/],
  ['BN eps 0', layer(1, { type: 'batchnorm', eps: 0 }), 'layers[1].eps', /\(0, 1\] \(got 0\)/],
  ['BN eps NaN', layer(1, { type: 'batchnorm', eps: NaN }), 'layers[1].eps', /number in \(0, 1\]/],
  ['BN momentum above 1', layer(1, { type: 'batchnorm', momentum: 1.5 }), 'layers[1].momentum', /\[0, 1\] \(got 1.5\)/],
  ['BN momentum -Infinity', layer(1, { type: 'batchnorm', momentum: -Infinity }), 'layers[1].momentum', /number in \[0, 1\]/],
  ['LN eps Infinity', layer(4, { type: 'layernorm', eps: Infinity }), 'layers[4].eps', /number in \(0, 1\]/],
  ['init scale 0', layer(0, { type: 'linear', out: 4, initScale: 0 }), 'layers[0].initScale', /\(0, 100\] \(got 0\)/],
  ['init scale NaN', layer(0, { type: 'linear', out: 4, initScale: NaN }), 'layers[0].initScale', /number in \(0, 100\]/],
  ['an unknown init', layer(0, { type: 'linear', out: 4, init: 'lecun' }), 'layers[0].init', /"he" or "xavier"/],
  ['an unknown loss', (s) => void (s.loss = 'hinge' as never), 'loss', /"cross_entropy" or "mse" \(got hinge\)/],
  ['no layers', (s) => void (s.layers = []), 'layers', /non-empty/],
];

describe('validateModelSpec and buildModel', () => {
  it('accept the base spec and return its output width', () => {
    expect(validateModelSpec(base())).toBe(2);
    expect(buildModel(base(), opts()).outDim).toBe(2);
  });

  it.each(BAD)('refuse %s, naming the field and the allowed values', (_, edit, field, allowed) => {
    for (const check of [validateModelSpec, (s: ModelSpec) => buildModel(s, opts())]) {
      const s = base();
      edit(s);
      const e = refusal(() => check(s));
      expect(e.code).toBe('invalid_spec');
      expect(e.field).toBe(field);
      expect(e.message.startsWith(`${field}: `)).toBe(true);
      expect(e.message).toMatch(allowed);
    }
  });

  it('accept the edges of every range', () => {
    const s = base();
    s.input = MAX_WIDTH;
    s.layers = [
      { type: 'linear', out: 1, initScale: 100, init: 'xavier', bias: false }, { type: 'batchnorm', eps: 1, momentum: 0 },
      { type: 'batchnorm', momentum: 1 }, { type: 'dropout', p: 0, scaling: 'classic' }, { type: 'dropout', p: 0.999 },
      { type: 'layernorm', eps: 1 }, { type: 'sigmoid' }, { type: 'tanh' }, { type: 'linear', out: 1 },
    ];
    s.loss = 'mse';
    expect(validateModelSpec(s)).toBe(1);
  });
});

describe('initial state given to buildModel', () => {
  const spec: ModelSpec = { input: 2, layers: [{ type: 'linear', out: 3 }, { type: 'batchnorm' }, { type: 'linear', out: 1, bias: false }], loss: 'mse' };
  it.each([
    ['0.weight', [1, 2, 3]],
    ['0.weight', new Array(7).fill(1)],
    ['0.bias', [1]],
    ['0.bias', [1, 2, 3, 4]],
    ['1.gamma', [1, 2]],
    ['1.running_var', [1, 1, 1, 1]],
    ['2.weight', [1, 2]],
  ])('refuses %s of the wrong length, naming the key', (key, values) => {
    const e = refusal(() => buildModel(spec, opts(), { [key]: values }));
    expect(e.code).toBe('shape');
    expect(e.field).toBe(key);
    expect(e.message).toMatch(new RegExp(`^${key.replace('.', '\\.')}: expected \\d+ values, got ${values.length}$`));
  });

  it('loads values of the right length (weights in PyTorch layout)', () => {
    const m = buildModel(spec, opts(), { '0.weight': [1, 2, 3, 4, 5, 6], '0.bias': [7, 8, 9], '1.running_mean': [0.5, 0.25, 0] });
    expect(Array.from(m.forward(new Float32Array([1, 0]), 1, { dropout: 'off', bn: 'running', updateRunning: false }).subarray(0, 1))).toHaveLength(1);
    expect(Array.from(m.layers[0].out.subarray(0, 3))).toEqual([1 + 7, 3 + 8, 5 + 9]);
  });
});

describe('Trainer batch size', () => {
  const model = () => buildModel({ input: 2, layers: [{ type: 'linear', out: 2 }], loss: 'cross_entropy' }, opts());
  const split = { x: new Float32Array(20), y: new Int32Array(10), n: 10 };

  it('refuses a batch larger than the data, naming batchSize and the range', () => {
    const e = refusal(() => new Trainer(model(), split, 11, new Rng(3)));
    expect([e.code, e.field]).toEqual(['invalid_spec', 'batchSize']);
    expect(e.message).toMatch(/^batchSize: .*\[1, 10\] \(got 11\)/);
  });

  it('refuses 0 and fractions later too, keeping the old size; accepts the whole data', () => {
    const t = new Trainer(model(), split, 10, new Rng(3));
    for (const B of [0, 2.5, 11, NaN]) expect(refusal(() => t.setBatchSize(B)).field).toBe('batchSize');
    expect(t.batch).toBe(10);
    t.setBatchSize(1);
    expect(t.batch).toBe(1);
  });
});

const net = (over: Partial<NetSpec>): NetSpec => ({
  hidden: [4, 3], activation: 'relu', norm: ['none', 'none'], normPlacement: 'before',
  dropoutP: 0.25, dropoutInput: false, dropoutHidden: [false, false], dropoutScaling: 'inverted',
  init: 'he', initScale: 1, bnMomentum: 0.1, bnEps: 1e-5, lnEps: 1e-5, ...over,
});
const types = (s: ModelSpec): string[] => s.layers.map((l) => l.type);

describe('compileNet', () => {
  it('puts BatchNorm before or after the activation', () => {
    const bn: Partial<NetSpec> = { norm: ['batchnorm', 'batchnorm'] };
    expect(types(compileNet(net({ ...bn, normPlacement: 'before' }), 2, 3, 'cross_entropy'))).toEqual(
      ['dropout', 'linear', 'batchnorm', 'relu', 'dropout', 'linear', 'batchnorm', 'relu', 'dropout', 'linear']);
    expect(types(compileNet(net({ ...bn, normPlacement: 'after' }), 2, 3, 'cross_entropy'))).toEqual(
      ['dropout', 'linear', 'relu', 'batchnorm', 'dropout', 'linear', 'relu', 'batchnorm', 'dropout', 'linear']);
  });

  it('mixes LayerNorm and no normalization per layer; carries eps, momentum, widths and p', () => {
    const s = compileNet(net({ norm: ['layernorm', 'none'], activation: 'tanh', lnEps: 1e-3, dropoutInput: true, dropoutHidden: [false, true] }), 5, 1, 'mse');
    expect(types(s)).toEqual(['dropout', 'linear', 'layernorm', 'tanh', 'dropout', 'linear', 'tanh', 'dropout', 'linear']);
    expect(s.layers[2]).toEqual({ type: 'layernorm', eps: 1e-3 });
    expect([s.input, s.loss]).toEqual([5, 'mse']);
    expect(s.layers.filter((l) => l.type === 'linear').map((l) => (l as { out: number }).out)).toEqual([4, 3, 1]);
    expect(s.layers.filter((l) => l.type === 'dropout').map((l) => (l as { p: number }).p)).toEqual([0.25, 0, 0.25]);
    const b = compileNet(net({ norm: ['batchnorm', 'none'], bnEps: 1e-3, bnMomentum: 0.01 }), 5, 1, 'mse');
    expect(b.layers[2]).toEqual({ type: 'batchnorm', eps: 1e-3, momentum: 0.01 });
  });

  it('with no hidden layers is input dropout then one linear layer', () => {
    const s = compileNet(net({ hidden: [], norm: [], dropoutHidden: [] }), 2, 2, 'cross_entropy');
    expect(types(s)).toEqual(['dropout', 'linear']);
    expect(dropoutLayerIndices(net({ hidden: [], norm: [], dropoutHidden: [] }))).toEqual([0]);
  });

  it('refuses too many hidden layers and mismatched lists', () => {
    const seven = Array.from({ length: MAX_HIDDEN_LAYERS + 1 }, () => 4);
    expect(refusal(() => compileNet(net({ hidden: seven, norm: seven.map(() => 'none'), dropoutHidden: seven.map(() => false) }), 2, 2, 'mse')).field).toBe('hidden');
    expect(refusal(() => compileNet(net({ norm: ['none'] }), 2, 2, 'mse')).field).toBe('norm');
    expect(refusal(() => compileNet(net({ dropoutHidden: [true] }), 2, 2, 'mse')).field).toBe('dropoutHidden');
  });

  it('dropoutLayerIndices points at each dropout place, in order, for any lab network', () => {
    const arbNet = fc.integer({ min: 0, max: MAX_HIDDEN_LAYERS }).chain((h) =>
      fc.record({
        hidden: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: h, maxLength: h }),
        norm: fc.array(fc.constantFrom('none' as const, 'batchnorm' as const, 'layernorm' as const), { minLength: h, maxLength: h }),
        dropoutHidden: fc.array(fc.boolean(), { minLength: h, maxLength: h }),
        normPlacement: fc.constantFrom('before' as const, 'after' as const),
        activation: fc.constantFrom('relu' as const, 'tanh' as const, 'sigmoid' as const),
        dropoutInput: fc.boolean(),
        dropoutP: fc.constantFrom(0.1, 0.5, 0.9),
        dropoutScaling: fc.constantFrom('inverted' as const, 'classic' as const),
      }),
    );
    fc.assert(
      fc.property(arbNet, (over) => {
        const n = net(over), s = compileNet(n, 3, 2, 'cross_entropy');
        const idx = dropoutLayerIndices(n);
        const all = s.layers.flatMap((l, i) => (l.type === 'dropout' ? [i] : []));
        expect(idx).toEqual(all);
        expect(idx).toHaveLength(n.hidden.length + 1);
        [n.dropoutInput, ...n.dropoutHidden].forEach((on, k) => {
          expect(s.layers[idx[k]]).toEqual({ type: 'dropout', p: on ? n.dropoutP : 0, scaling: n.dropoutScaling });
        });
        // Each hidden block is linear, its activation and its norm (in the chosen order), then dropout.
        n.hidden.forEach((w, h) => {
          const block = s.layers.slice(idx[h] + 1, idx[h + 1]);
          const norm = n.norm[h] === 'none' ? [] : [n.norm[h]];
          expect(block.map((l) => l.type)).toEqual(['linear', ...(n.normPlacement === 'before' ? [...norm, n.activation] : [n.activation, ...norm])]);
          expect(block[0]).toMatchObject({ type: 'linear', out: w });
        });
        expect(s.layers.slice(idx[idx.length - 1] + 1)).toEqual([{ type: 'linear', out: 2, init: 'he', initScale: 1 }]);
        expect(validateModelSpec(s)).toBe(2);
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});

describe('image shapes', () => {
  const base = (layers: LayerSpec[], shape: [number, number, number] = [1, 8, 8]): ModelSpec => ({
    input: shape[0] * shape[1] * shape[2], inputShape: shape, layers, loss: 'cross_entropy',
  });
  const msg = (s: ModelSpec): string => {
    try {
      validateModelSpec(s);
      return 'accepted';
    } catch (e) {
      return (e as Error).message;
    }
  };

  it('tracks C×H×W through conv, pool and flatten to the output width', () => {
    const s = base([
      { type: 'conv2d', out: 8, kernel: 3, padding: 1 }, { type: 'batchnorm2d' }, { type: 'relu' }, { type: 'maxpool2d' },
      { type: 'conv2d', out: 16, kernel: 3, padding: 1 }, { type: 'maxpool2d' }, { type: 'flatten' }, { type: 'linear', out: 10 },
    ]);
    expect(specShapes(s).shapes.slice(0, 7)).toEqual([
      { c: 1, h: 8, w: 8 }, { c: 8, h: 8, w: 8 }, { c: 8, h: 8, w: 8 }, { c: 8, h: 8, w: 8 }, { c: 8, h: 4, w: 4 }, { c: 16, h: 4, w: 4 }, { c: 16, h: 2, w: 2 },
    ]);
    expect(specShapes(s).shapes[7]).toBeNull();
    expect(buildModel(s, { initRng: new Rng(1), dropoutRng: new Rng(2) }).layers[6].outDim).toBe(64);
  });

  it.each([
    ['linear on an image', base([{ type: 'linear', out: 3 }]), /layers\[0\]\.type: linear needs flat rows: put a flatten layer before it/],
    ['batchnorm (1d) on an image', base([{ type: 'batchnorm' }, { type: 'flatten' }, { type: 'linear', out: 2 }]), /use batchnorm2d on images/],
    ['a kernel larger than the padded map', base([{ type: 'conv2d', out: 2, kernel: 9 }]), /layers\[0\]\.kernel: a 9×9 kernel with padding 0 does not fit a 8×8 map/],
    ['a pool window that does not fit', base([{ type: 'maxpool2d', kernel: 3 }], [1, 2, 2]), /layers\[0\]\.kernel: a 3×3 window does not fit a 2×2 map/],
    ['a shape that disagrees with input', { ...base([{ type: 'flatten' }]), input: 63 }, /inputShape: C·H·W = 64 must equal input \(63\)/],
    ['stride 0', base([{ type: 'conv2d', out: 2, kernel: 3, stride: 0 }]), /layers\[0\]\.stride: must be a whole number in \[1, 16\] \(got 0\)/],
  ])('refuses %s, naming the field', (_w, s, re) => {
    expect(msg(s as ModelSpec)).toMatch(re);
  });
});
