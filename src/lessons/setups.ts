// The lab states lesson steps put the learner in, as plain data. Each setup is complete (every data,
// network, training and teaching field), so one press gives the same lab whatever was set before; a
// setup's predicted outcome was checked with the engine on seeds 1–3 (test/lessons/answers.test.ts).
import { DEFAULT_CONFIG, DEFAULT_TEACH, type Arch, type DataConfig, type TeachFlags, type TrainConfig, type ViewMode } from '../protocol/config.ts';
import type { ConfigPatch } from '../protocol/messages.ts';
import type { NetSpec } from '../engine/netspec.ts';

export interface StepSetup {
  patch: ConfigPatch;
  mode?: ViewMode;
  seed?: number;
}

/** A complete setup: every field given, defaults where the step does not care. */
export interface FullSetup extends StepSetup {
  patch: { data: DataConfig; net: NetSpec; arch: Arch; train: TrainConfig; teach: TeachFlags };
  mode: ViewMode;
  seed: number;
}

interface Over {
  data?: Partial<DataConfig>;
  net?: Partial<NetSpec>;
  train?: Partial<TrainConfig>;
  teach?: Partial<TeachFlags>;
  mode?: ViewMode;
  seed?: number;
}

/** Plain network: no dropout anywhere, no normalization. */
const PLAIN: NetSpec = { ...DEFAULT_CONFIG.net, hidden: [32, 32], norm: ['none', 'none'], dropoutInput: false, dropoutHidden: [false, false], dropoutP: 0.5 };

export function setup(o: Over = {}): FullSetup {
  return {
    patch: {
      data: { ...DEFAULT_CONFIG.data, ...o.data },
      net: { ...PLAIN, ...o.net },
      // Every step so far is the dense network's (a step left on the CNN goes back to the MLP).
      arch: 'mlp',
      train: { ...DEFAULT_CONFIG.train, ...o.train },
      teach: { ...DEFAULT_TEACH, ...o.teach },
    },
    mode: o.mode ?? 'training',
    seed: o.seed ?? 1,
  };
}

const BN2 = ['batchnorm', 'batchnorm'] as NetSpec['norm'];
const LN2 = ['layernorm', 'layernorm'] as NetSpec['norm'];
const ON2 = [true, true];

/** Few noisy points, a large network: the standard overfitting picture (test loss turns up). */
const SMALL_NOISY: Partial<DataConfig> = { name: 'spiral', noise: 0.3, trainSize: 150, testSize: 1000 };
const BIG: Partial<NetSpec> = { hidden: [64, 64] };

export const OVERFIT = setup({ data: SMALL_NOISY, net: BIG });
export const OVERFIT_MORE_DATA = setup({ data: { ...SMALL_NOISY, trainSize: 1000 }, net: BIG });
export const OVERFIT_DROPOUT = setup({ data: SMALL_NOISY, net: { ...BIG, dropoutHidden: ON2, dropoutP: 0.5 } });

export const DROPOUT_MASKS = setup({ net: { dropoutHidden: ON2, dropoutP: 0.5 } });
export const DROPOUT_TRAIN_ONLY = setup({ net: { dropoutHidden: ON2, dropoutP: 0.5 }, mode: 'inference' });
export const INPUT_DROPOUT = setup({ net: { dropoutInput: true, dropoutP: 0.5 } });
/** Sine with a gap in the data: Monte-Carlo dropout's spread is widest where there is no data. */
export const MC_DROPOUT = setup({
  data: { name: 'sine', noise: 0.2, trainSize: 60, testSize: 200 },
  net: { ...BIG, dropoutHidden: ON2, dropoutP: 0.2 },
  mode: 'inference',
});
/** p = 0.3, not 0.5: at 0.5, 1 − p = p and the wrong factor would look right. */
export const CLASSIC_SCALING = setup({ net: { dropoutHidden: ON2, dropoutP: 0.3, dropoutScaling: 'classic' }, mode: 'inference' });
/** Forgotten scaling where the loss worsens but accuracy barely moves (ReLU, moons). */
export const FORGOT_SCALING_LOSS = setup({
  data: { name: 'moons' },
  net: { dropoutHidden: ON2, dropoutP: 0.3, dropoutScaling: 'classic' },
  teach: { forgetDropoutScaling: true },
  mode: 'inference',
});
/** Forgotten scaling where accuracy drops too (tanh, circles). */
export const FORGOT_SCALING_ACC = setup({
  data: { name: 'circles' },
  net: { activation: 'tanh', dropoutHidden: ON2, dropoutP: 0.3, dropoutScaling: 'classic' },
  teach: { forgetDropoutScaling: true },
  mode: 'inference',
});

export const BN = setup({ net: { norm: BN2 } });
export const BN_AFTER = setup({ net: { norm: BN2, normPlacement: 'after' } });
export const BN_INFERENCE = setup({ net: { norm: BN2 }, mode: 'inference' });
export const BN_BATCH_STATS = setup({ net: { norm: BN2 }, teach: { bnBatchStatsAtInference: true }, mode: 'inference' });
export const BN_SMALL_BATCH = setup({ net: { norm: BN2 }, train: { batchSize: 4 } });
/** Weights drawn 10× too small; SGD: the plain net stalls near log 2, BN does not care. */
const TINY_INIT: Partial<NetSpec> = { initScale: 0.1 };
const SGD: Partial<TrainConfig> = { optimizer: 'sgd', lr: 0.05, momentum: 0.9 };
export const BAD_INIT_PLAIN = setup({ net: TINY_INIT, train: SGD });
export const BAD_INIT_BN = setup({ net: { ...TINY_INIT, norm: BN2 }, train: SGD });
export const BAD_INIT_ADAM = setup({ net: TINY_INIT });
export const PLAIN_NET = setup({});

/** The four variants of the comparison: the overfitting data and network, one seed. */
export type RunKind = 'none' | 'dropout' | 'bn' | 'both';
export const RUN_KINDS: readonly RunKind[] = ['none', 'dropout', 'bn', 'both'];
export const COMPARE: Record<RunKind, FullSetup> = {
  none: OVERFIT,
  dropout: OVERFIT_DROPOUT,
  bn: setup({ data: SMALL_NOISY, net: { ...BIG, norm: BN2 } }),
  both: setup({ data: SMALL_NOISY, net: { ...BIG, norm: BN2, dropoutHidden: ON2, dropoutP: 0.5 } }),
};
/** Training loss the comparison counts steps to (the learner can change it). */
export { DEFAULT_TARGET_LOSS } from './steps.ts';

/** Dropout after the first hidden layer feeds the second layer's BN: the variance-shift setting. */
export const VARIANCE_SHIFT = setup({ net: { norm: BN2, dropoutHidden: [true, false], dropoutP: 0.5 } });
/** The usual remedy: dropout only after the last BN. */
export const DROPOUT_AFTER_BN = setup({ net: { norm: BN2, dropoutHidden: [false, true], dropoutP: 0.5 } });

export const LAYERNORM = setup({ net: { norm: LN2 } });
/**
 * E9's deep CNN without BN on the digits as 1×8×8 images: 6 conv layers 3×3, 16 channels, a max-pool
 * after the 2nd, He init, SGD with momentum 0.9 at lr 0.1, batch 32. It stays near chance; with
 * BatchNorm2d in every block it trains (test/lessons/answers.test.ts, experiment E9).
 */
export const E9_PLAIN_SGD: StepSetup = {
  patch: {
    data: { ...DEFAULT_CONFIG.data, name: 'digits', noise: 0, trainSize: 1000, testSize: 500 },
    net: { ...PLAIN, activation: 'relu', init: 'he', initScale: 1, normPlacement: 'before', dropoutP: 0 },
    arch: 'cnn',
    conv: { layers: 6, channels: 16, kernel: 3, pool: 'auto', bn: false, dropout: 'none' },
    train: { ...DEFAULT_CONFIG.train, optimizer: 'sgd', lr: 0.1, momentum: 0.9, weightDecay: 0, batchSize: 32 },
    teach: DEFAULT_TEACH,
  },
  mode: 'training',
  seed: 1,
};

export const BN_BATCH_ONE = setup({ net: { norm: BN2 }, train: { batchSize: 1 } });
export const LN_BATCH_ONE = setup({ net: { norm: LN2 }, train: { batchSize: 1, lr: 0.002 } });

/** The guide's model (Linear → BatchNorm1d → ReLU → Dropout 0.5 → Linear) on the digits. */
export const GUIDE_MODEL = setup({
  data: { name: 'digits', trainSize: 1000 },
  net: { hidden: [256], norm: ['batchnorm'], dropoutHidden: [true], dropoutP: 0.5 },
});

export const FINAL_CHECK = setup({ net: { ...TINY_INIT, norm: BN2, dropoutHidden: ON2, dropoutP: 0.3 }, train: SGD });

// Experiments' runs as steps' setups, written out here (the experiments' presets stay out of the first
// screen's script); test/lessons/setups-presets.test.ts checks they are the presets' settings.
const DIGITS: Partial<DataConfig> = { name: 'digits', noise: 0, trainSize: 1000, testSize: 500 };
const none = (n: number) => Array.from({ length: n }, () => 'none' as const);
const off = (n: number) => Array.from({ length: n }, () => false);
/** E3's high rate without BN: plain SGD at lr 1 on the digits (4×64). */
export const HIGH_LR_PLAIN = setup({
  data: DIGITS, net: { hidden: [64, 64, 64, 64], norm: none(4), dropoutHidden: off(4), dropoutP: 0, initScale: 1 },
  train: { optimizer: 'sgd', lr: 1, momentum: 0, weightDecay: 0, batchSize: 32 },
});
/** E10's noisy BN: 6×64 on the digits, SGD with momentum, init 0.41× He, noise after every BN. */
export const NOISY_BN = setup({
  data: DIGITS,
  net: { hidden: Array.from({ length: 6 }, () => 64), norm: Array.from({ length: 6 }, () => 'batchnorm' as const), normPlacement: 'before', dropoutHidden: off(6), dropoutP: 0, initScale: 0.41 },
  train: { optimizer: 'sgd', lr: 0.05, momentum: 0.9, weightDecay: 0, batchSize: 32 },
  teach: { bnNoise: true },
});
/** E11's network without dropout (64→64→64→10 on the digits, Adam 0.003), for knocking units out. */
export const KNOCKOUT_PLAIN = setup({
  data: DIGITS, net: { hidden: [64, 64], norm: none(2), dropoutP: 0.3, dropoutInput: false, dropoutHidden: off(2) },
  train: { optimizer: 'adam', lr: 0.003, momentum: 0, weightDecay: 0, batchSize: 32 },
});
