// Numbers the output views say in words: test accuracy and loss from the latest evaluation.
import { formatNumber, type Lang, type MessageKey, type Vars } from '../../i18n/index.ts';
import type { Metrics } from '../../protocol/frame.ts';
import type { TeachFlags } from '../../protocol/config.ts';
import type { NetSpec } from '../../engine/netspec.ts';

type T = (key: MessageKey, vars?: Vars) => string;

export function percent(lang: Lang, v: number): string {
  return `${formatNumber(lang, v * 100, 3)} %`;
}

export function accuracyText(t: T, lang: Lang, m: Metrics | null): string {
  return t('output.testAcc', { acc: m && Number.isFinite(m.testAcc) ? percent(lang, m.testAcc) : t('output.notEvaluated') });
}

export function lossText(t: T, lang: Lang, m: Metrics | null): string {
  return t('output.testLoss', { loss: m && Number.isFinite(m.testLoss) ? formatNumber(lang, m.testLoss, 3) : t('output.notEvaluated') });
}

export function modeText(t: T, mode: 'training' | 'inference'): string {
  return t(mode === 'training' ? 'output.mode.training' : 'output.mode.inference');
}

/** Whether any dropout layer of the frame drops with p > 0 (the training view is then random). */
export function dropoutActive(layers: readonly { type: string; p?: number }[]): boolean {
  return layers.some((l) => l.type === 'dropout' && (l.p ?? 0) > 0);
}

/**
 * The teaching mistake that changes this network's inference picture, if one is on and has something
 * to act on: BN with batch statistics needs a BN layer; forgotten scaling needs classic dropout.
 */
export function inferenceMistake(
  frame: { layers: readonly { type: string; p?: number }[] },
  teach: TeachFlags,
  scaling: NetSpec['dropoutScaling'],
): 'output.grid.inferenceBatchStats' | 'output.grid.inferenceForgot' | null {
  if (teach.bnBatchStatsAtInference && frame.layers.some((l) => l.type === 'batchnorm')) return 'output.grid.inferenceBatchStats';
  if (teach.forgetDropoutScaling && scaling === 'classic' && dropoutActive(frame.layers)) return 'output.grid.inferenceForgot';
  return null;
}
