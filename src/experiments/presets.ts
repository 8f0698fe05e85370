// The lab's claims as presets: each experiment is a set of named lab configs (plain data the lab, the
// lessons and the side-by-side view can load) plus how long to train them. The settings are the ones
// the measured figures were produced with; the conditions a claim needs are part of the settings.
import { DEFAULT_CONFIG, DEFAULT_TEACH, type DataConfig, type LabConfig, type TeachFlags, type TrainConfig } from '../protocol/config.ts';
import type { NetSpec } from '../engine/netspec.ts';

export type ExperimentId = 'E1' | 'E2' | 'E3' | 'E4' | 'E5' | 'E6' | 'E7' | 'E8' | 'E10' | 'E11';
export const EXPERIMENT_IDS: readonly ExperimentId[] = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E10', 'E11'];

export interface PresetRun {
  /** Stable name the measures and the side-by-side view refer to. */
  key: string;
  config: LabConfig;
  teach: TeachFlags;
}

export interface ExperimentPreset {
  id: ExperimentId;
  /** Training steps of every run. */
  steps: number;
  /** Full train/test evaluations every this many steps (0: none needed). */
  evalEvery: number;
  /** The runs, in the order a side-by-side view would show them. */
  runs: PresetRun[];
}

/** Seeds the tests and `npm run experiments` use; a claim that holds must hold on each. */
export const EXPERIMENT_SEEDS: readonly number[] = [1, 2, 3];

interface Patch {
  data?: Partial<DataConfig>;
  net?: Partial<NetSpec>;
  train?: Partial<TrainConfig>;
}

/** A full config from the defaults; list fields are copied so no two presets share an array. */
function config(p: Patch): LabConfig {
  const net = { ...DEFAULT_CONFIG.net, ...p.net };
  return {
    data: { ...DEFAULT_CONFIG.data, ...p.data },
    net: { ...net, hidden: [...net.hidden], norm: [...net.norm], dropoutHidden: [...net.dropoutHidden] },
    arch: DEFAULT_CONFIG.arch,
    conv: { ...DEFAULT_CONFIG.conv },
    train: { ...DEFAULT_CONFIG.train, ...p.train },
    seed: DEFAULT_CONFIG.seed,
  };
}

const run = (key: string, p: Patch, teach: Partial<TeachFlags> = {}): PresetRun => ({ key, config: config(p), teach: { ...DEFAULT_TEACH, ...teach } });

const same = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

// E1, E2: few noisy spiral points and a wide network, trained well past the test minimum with Adam.
const SPIRAL_SMALL: Partial<DataConfig> = { name: 'spiral', noise: 0.3, trainSize: 150, testSize: 1000 };
const WIDE: Partial<NetSpec> = { hidden: [64, 64], norm: ['none', 'none'], dropoutHidden: [false, false], dropoutInput: false };
export const E2_DROPOUT_P = 0.5;

// E3, E4: a deeper MLP on the digits, plain SGD (no momentum), so nothing but BN adapts the step.
const DIGITS: Partial<DataConfig> = { name: 'digits', noise: 0, trainSize: 1000, testSize: 500 };
export const DEEP_DEPTH = 4;
const deep = (norm: 'none' | 'batchnorm', initScale = 1): Partial<NetSpec> => ({
  hidden: same(DEEP_DEPTH, 64), norm: same(DEEP_DEPTH, norm), dropoutHidden: same(DEEP_DEPTH, false), dropoutP: 0, initScale,
});
const sgd = (lr: number): Partial<TrainConfig> => ({ optimizer: 'sgd', lr, momentum: 0, weightDecay: 0, batchSize: 32 });
export const E3_RATES = { small: 0.01, mid: 0.1, high: 1 } as const;
export type E3Rate = keyof typeof E3_RATES;
export const E3_RATE_KEYS: readonly E3Rate[] = ['small', 'mid', 'high'];
export const E4_SGD_LR = 0.1;
/** Adam at the lab's default rate: what a learner who never touched the optimizer would see. */
export const E4_ADAM_LR = DEFAULT_CONFIG.train.lr;

// E5: dropout p = 0.5 at three places of a BN network on the spiral; only where it sits changes.
export const E5_DROPOUT_P = 0.5;
const e5 = (dropoutInput: boolean, dropoutHidden: boolean[]): Patch => ({
  data: { name: 'spiral', noise: 0.25, trainSize: 200, testSize: 500 },
  net: { hidden: [64, 64], norm: ['batchnorm', 'batchnorm'], normPlacement: 'before', dropoutP: E5_DROPOUT_P, dropoutInput, dropoutHidden },
});

// E6: classic dropout on both hidden layers; training is the same either way, inference differs.
export const E6_DROPOUT_P = 0.5;
const e6 = (data: Partial<DataConfig>): Patch => ({
  data,
  net: { hidden: [64, 64], norm: ['none', 'none'], dropoutP: E6_DROPOUT_P, dropoutHidden: [true, true], dropoutScaling: 'classic' },
});

const e8 = (norm: 'none' | 'batchnorm' | 'layernorm'): Patch => ({
  data: { name: 'spiral', noise: 0.25, trainSize: 200, testSize: 500 },
  net: { hidden: [32, 32], norm: [norm, norm], dropoutP: 0 },
  train: { optimizer: 'adam', lr: 0.003, batchSize: 1 },
});

// E10 (after Santurkar et al. 2018): 6×64 ReLU on the digits, SGD with momentum. PyTorch's default
// init has He's spread × 1/√6 ≈ 0.41; at He scale 1 the plain net trains nearly as fast as BN and the
// contrast vanishes, so the reference set-up (and this one) uses 0.41.
export const E10_DEPTH = 6;
export const E10_INIT_SCALE = 0.41;
const e10 = (norm: 'none' | 'batchnorm'): Patch => ({
  data: DIGITS,
  net: { hidden: same(E10_DEPTH, 64), norm: same(E10_DEPTH, norm), normPlacement: 'before', dropoutHidden: same(E10_DEPTH, false), dropoutP: 0, initScale: E10_INIT_SCALE },
  train: { optimizer: 'sgd', lr: 0.05, momentum: 0.9, weightDecay: 0, batchSize: 32 },
});

// E11: 64→64→64→10 ReLU on the digits, Adam 3e-3; with and without dropout p = 0.3 on both hidden layers.
export const E11_DROPOUT_P = 0.3;
const e11 = (dropout: boolean): Patch => ({
  data: DIGITS,
  net: { hidden: [64, 64], norm: ['none', 'none'], dropoutP: E11_DROPOUT_P, dropoutInput: false, dropoutHidden: [dropout, dropout] },
  train: { optimizer: 'adam', lr: 0.003, momentum: 0, weightDecay: 0, batchSize: 32 },
});

export const PRESETS: Record<ExperimentId, ExperimentPreset> = {
  E1: {
    id: 'E1', steps: 3000, evalEvery: 100,
    runs: [run('plain', { data: SPIRAL_SMALL, net: WIDE })],
  },
  E2: {
    id: 'E2', steps: 3000, evalEvery: 100,
    runs: [
      run('plain', { data: SPIRAL_SMALL, net: WIDE }),
      run('dropout', { data: SPIRAL_SMALL, net: { ...WIDE, dropoutP: E2_DROPOUT_P, dropoutHidden: [true, true] } }),
    ],
  },
  E3: {
    id: 'E3', steps: 1500, evalEvery: 0,
    runs: E3_RATE_KEYS.flatMap((r) => [
      run(`plain-${r}`, { data: DIGITS, net: deep('none'), train: sgd(E3_RATES[r]) }),
      run(`bn-${r}`, { data: DIGITS, net: deep('batchnorm'), train: sgd(E3_RATES[r]) }),
    ]),
  },
  E4: {
    id: 'E4', steps: 500, evalEvery: 0,
    runs: [
      run('plain-sgd-0.1x', { data: DIGITS, net: deep('none', 0.1), train: sgd(E4_SGD_LR) }),
      run('plain-sgd-1x', { data: DIGITS, net: deep('none', 1), train: sgd(E4_SGD_LR) }),
      run('plain-sgd-10x', { data: DIGITS, net: deep('none', 10), train: sgd(E4_SGD_LR) }),
      run('bn-sgd-0.1x', { data: DIGITS, net: deep('batchnorm', 0.1), train: sgd(E4_SGD_LR) }),
      run('bn-sgd-10x', { data: DIGITS, net: deep('batchnorm', 10), train: sgd(E4_SGD_LR) }),
      run('plain-adam-0.1x', { data: DIGITS, net: deep('none', 0.1), train: { optimizer: 'adam', lr: E4_ADAM_LR, momentum: 0, weightDecay: 0, batchSize: 32 } }),
      run('plain-adam-10x', { data: DIGITS, net: deep('none', 10), train: { optimizer: 'adam', lr: E4_ADAM_LR, momentum: 0, weightDecay: 0, batchSize: 32 } }),
    ],
  },
  E5: {
    id: 'E5', steps: 300, evalEvery: 0,
    runs: [
      run('input', e5(true, [false, false])),
      run('before-bn', e5(false, [true, false])),
      run('after-last-bn', e5(false, [false, true])),
    ],
  },
  E6: {
    id: 'E6', steps: 1000, evalEvery: 0,
    runs: [
      run('spiral', e6({ name: 'spiral', noise: 0.25, trainSize: 200, testSize: 500 }), { forgetDropoutScaling: true }),
      run('gaussians', e6({ name: 'gaussians', noise: 0.25, trainSize: 200, testSize: 500 }), { forgetDropoutScaling: true }),
    ],
  },
  E7: {
    id: 'E7', steps: 300, evalEvery: 0,
    runs: [run('batchnorm', { data: DIGITS, net: { hidden: [64, 64], norm: ['batchnorm', 'batchnorm'], dropoutP: 0 } }, { bnBatchStatsAtInference: true })],
  },
  E8: {
    id: 'E8', steps: 6000, evalEvery: 0,
    runs: [run('layernorm', e8('layernorm')), run('batchnorm', e8('batchnorm')), run('plain', e8('none'))],
  },
  E10: {
    id: 'E10', steps: 600, evalEvery: 10,
    runs: [run('ics-plain', e10('none')), run('ics-bn', e10('batchnorm')), run('ics-noisy-bn', e10('batchnorm'), { bnNoise: true })],
  },
  E11: {
    id: 'E11', steps: 2000, evalEvery: 0,
    runs: [run('ko-plain', e11(false)), run('ko-dropout', e11(true))],
  },
};

/** A preset run's config with another seed (everything else as stored). */
export function withSeed(r: PresetRun, seed: number): PresetRun {
  return { ...r, config: { ...r.config, seed } };
}

export function presetRun(id: ExperimentId, key: string): PresetRun {
  const r = PRESETS[id].runs.find((x) => x.key === key);
  if (!r) throw new Error(`${id} has no run "${key}"`);
  return r;
}
