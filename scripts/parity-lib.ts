// Runs one PyTorch parity fixture against the engine and lists every mismatch: which step, which value,
// expected vs got. Format 1 (test/parity/README.md): MLPs on B×F rows; format 2
// (test/parity-conv/README.md): format 1 plus NCHW images and conv2d, batchnorm2d, dropout2d,
// maxpool2d and flatten layers.
import {
  buildModel, EVAL_MODE, Rng, Linear, Conv2d, BatchNorm, BatchNorm2d, Dropout, Dropout2d,
  type LayerSpec, type ModelSpec, type OptimizerSpec,
} from '../src/engine/index.ts';

type Nested = number | Nested[];
interface FixtureLayer {
  type: string;
  in?: number;
  out?: number;
  features?: number;
  in_channels?: number;
  out_channels?: number;
  kernel?: number;
  stride?: number;
  padding?: number;
  weight?: Nested;
  bias?: number[] | null;
  eps?: number;
  momentum?: number;
  gamma?: number[];
  beta?: number[];
  running_mean?: number[];
  running_var?: number[];
  p?: number;
}
interface FixtureStep {
  mode: 'train' | 'eval';
  x: Nested[];
  y: number[] | number[][];
  dropout_masks?: Record<string, number[][]>;
  expected: {
    error?: string;
    outputs?: number[][][];
    loss?: number;
    input_grad?: Nested;
    grads?: Record<string, Nested>;
    params_after?: Record<string, Nested>;
    buffers_after?: Record<string, Nested>;
  };
}
export interface Fixture {
  name: string;
  format: number;
  /** Format 2: each sample's [C, H, W]. */
  input_shape?: [number, number, number];
  tolerance: { rtol: number; atol: number };
  layers: FixtureLayer[];
  loss: 'cross_entropy' | 'mse';
  optimizer: { type: 'sgd' | 'adam'; lr: number; momentum?: number; betas?: [number, number]; eps?: number; weight_decay?: number };
  steps: FixtureStep[];
}

export interface CaseResult {
  name: string;
  failures: string[];
}

const flat = (v: Nested): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);

function toSpec(fx: Fixture): ModelSpec {
  const first = fx.layers[0];
  const shape = fx.input_shape;
  const input = shape ? shape[0] * shape[1] * shape[2] : (first.in ?? first.features ?? flat(fx.steps[0].x[0]).length);
  const layers: LayerSpec[] = fx.layers.map((l): LayerSpec => {
    switch (l.type) {
      case 'conv2d':
        return { type: 'conv2d', out: l.out_channels!, kernel: l.kernel!, stride: l.stride ?? 1, padding: l.padding ?? 0, bias: l.bias !== null };
      case 'batchnorm2d':
        return { type: 'batchnorm2d', eps: l.eps, momentum: l.momentum };
      case 'dropout2d':
        return { type: 'dropout2d', p: l.p! };
      case 'maxpool2d':
        return { type: 'maxpool2d', kernel: l.kernel ?? 2, stride: l.stride ?? l.kernel ?? 2 };
      case 'flatten':
        return { type: 'flatten' };
      case 'linear':
        return { type: 'linear', out: l.out!, bias: l.bias !== null };
      case 'batchnorm':
        return { type: 'batchnorm', eps: l.eps, momentum: l.momentum };
      case 'layernorm':
        return { type: 'layernorm', eps: l.eps };
      case 'dropout':
        return { type: 'dropout', p: l.p! };
      case 'relu':
      case 'tanh':
      case 'sigmoid':
        return { type: l.type };
      default:
        return { type: l.type } as unknown as LayerSpec; // validateModelSpec names it
    }
  });
  return shape ? { input, inputShape: shape, layers, loss: fx.loss } : { input, layers, loss: fx.loss };
}

function toOptimizer(o: Fixture['optimizer']): OptimizerSpec {
  const wd = o.weight_decay ?? 0;
  if (o.type === 'sgd') return { type: 'sgd', lr: o.lr, momentum: o.momentum ?? 0, weightDecay: wd };
  const [beta1, beta2] = o.betas ?? [0.9, 0.999];
  return { type: 'adam', lr: o.lr, beta1, beta2, eps: o.eps ?? 1e-8, weightDecay: wd };
}

export function runFixture(fx: Fixture): CaseResult {
  const failures: string[] = [];
  const { rtol, atol } = fx.tolerance;
  const initial: Record<string, number[] | null> = {};
  fx.layers.forEach((l, i) => {
    if (l.weight) initial[`${i}.weight`] = flat(l.weight);
    if (l.bias) initial[`${i}.bias`] = l.bias;
    if (l.gamma) initial[`${i}.gamma`] = l.gamma;
    if (l.beta) initial[`${i}.beta`] = l.beta;
    if (l.running_mean) initial[`${i}.running_mean`] = l.running_mean;
    if (l.running_var) initial[`${i}.running_var`] = l.running_var;
  });
  let model;
  try {
    model = buildModel(toSpec(fx), { initRng: new Rng(0), dropoutRng: new Rng(1) }, initial);
  } catch (e) {
    return { name: fx.name, failures: [`build: ${(e as Error).message}`] };
  }
  model.setOptimizer(toOptimizer(fx.optimizer));
  model.wantInputGrad = true;

  const compare = (where: string, expected: Nested, got: ArrayLike<number>): void => {
    const e = flat(expected);
    if (e.length !== got.length) {
      failures.push(`${where}: shape: expected ${e.length} values, got ${got.length}`);
      return;
    }
    for (let i = 0; i < e.length; i++) {
      const g = got[i];
      if (!(Math.abs(g - e[i]) <= atol + rtol * Math.abs(e[i]))) {
        failures.push(`${where}[${i}]: expected ${e[i]}, got ${g}`);
        return; // the first mismatch of a value is the useful one
      }
    }
  };
  const paramValue = (key: string, which: 'value' | 'grad'): Float32Array | null => {
    const [idx, name] = key.split('.');
    const layer = model.layers[Number(idx)];
    if (!layer) return null;
    if ((layer instanceof Linear || layer instanceof Conv2d) && name === 'weight') return which === 'value' ? layer.torchWeight() : layer.torchWeightGrad();
    if ((layer instanceof BatchNorm || layer instanceof BatchNorm2d) && name === 'running_mean') return layer.runningMean;
    if ((layer instanceof BatchNorm || layer instanceof BatchNorm2d) && name === 'running_var') return layer.runningVar;
    const p = layer.params.find((q) => q.name === name);
    return p ? p[which] : null;
  };
  const checkKeys = (where: string, exp: Record<string, Nested> | undefined, which: 'value' | 'grad'): void => {
    for (const [key, val] of Object.entries(exp ?? {})) {
      const got = paramValue(key, which);
      if (!got) failures.push(`${where}.${key}: missing in engine`);
      else compare(`${where}.${key}`, val, got);
    }
  };

  fx.steps.forEach((st, s) => {
    const B = st.x.length;
    const x = new Float32Array(flat(st.x));
    const y = fx.loss === 'cross_entropy' ? new Int32Array(st.y as number[]) : new Float32Array(flat(st.y as number[][]));
    const at = `step ${s} (${st.mode})`;
    if (st.mode === 'eval') {
      const z = model.forward(x, B, EVAL_MODE);
      st.expected.outputs?.forEach((o, i) => compare(`${at} outputs[${i}]`, o, model.layers[i].out.subarray(0, B * model.layers[i].outDim)));
      if (st.expected.loss !== undefined) compare(`${at} loss`, st.expected.loss, [model.loss.forward(z, y, B, false)]);
      return;
    }
    for (const [idx, mask] of Object.entries(st.dropout_masks ?? {})) {
      const layer = model.layers[Number(idx)];
      if (layer instanceof Dropout || layer instanceof Dropout2d) layer.nextMask = flat(mask);
      else failures.push(`${at} dropout_masks.${idx}: layer ${idx} is not dropout`);
    }
    if (st.expected.error !== undefined) {
      try {
        model.trainStep(x, y, B);
        failures.push(`${at}: expected the error "${st.expected.error}", but the step ran`);
      } catch {
        // refused, as it must be; later steps check that nothing changed
      }
      for (const l of model.layers) if (l instanceof Dropout || l instanceof Dropout2d) l.nextMask = null;
      return;
    }
    let res;
    try {
      res = model.trainStep(x, y, B);
    } catch (e) {
      failures.push(`${at}: threw ${(e as Error).message}`);
      return;
    }
    st.expected.outputs?.forEach((o, i) => compare(`${at} outputs[${i}]`, o, model.layers[i].out.subarray(0, B * model.layers[i].outDim)));
    if (st.expected.loss !== undefined) compare(`${at} loss`, st.expected.loss, [res.loss]);
    if (st.expected.input_grad) compare(`${at} input_grad`, st.expected.input_grad, model.inputGrad ?? new Float32Array(0));
    checkKeys(`${at} grads`, st.expected.grads, 'grad');
    checkKeys(`${at} params_after`, st.expected.params_after, 'value');
    checkKeys(`${at} buffers_after`, st.expected.buffers_after, 'value');
  });
  return { name: fx.name, failures };
}
