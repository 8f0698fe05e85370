// Names of the inspected layers as the learner reads them, and the number formats the panel shares.
import { formatNumber, translate, type Lang, type MessageKey, type Vars } from '../../i18n/index.ts';
import type { LayerModes } from '../../protocol/inspection.ts';

export type T = (key: MessageKey, vars?: Vars) => string;

const ACT: Record<string, string> = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' };

/** A number for a table cell (3 significant digits, locale), or a dash when it is not a number. */
export function num(lang: Lang, v: number | undefined, digits = 3): string {
  return v === undefined || !Number.isFinite(v) ? '–' : formatNumber(lang, v, digits);
}

/** An accuracy as a percentage. */
export function pct(lang: Lang, v: number): string {
  return Number.isFinite(v) ? translate(lang, 'inf.pct', { v: formatNumber(lang, v * 100, 3) }) : '–';
}

/** A factor: "×1.43". */
export function times(lang: Lang, v: number): string {
  return Number.isFinite(v) ? `×${formatNumber(lang, v, 3)}` : '–';
}

/** Mean ± spread. */
export function plusMinus(lang: Lang, mean: number, std: number): string {
  return `${num(lang, mean)} ± ${num(lang, std, 2)}`;
}

/**
 * "Hidden 2: ReLU", "Input dropout (p = 0.3)", "Output (before softmax)": found from the layer types
 * alone (the lab compiles [dropout] then per hidden layer linear → … → dropout, then the output linear).
 */
export function layerName(t: T, layers: readonly Pick<LayerModes, 'type' | 'p'>[], i: number, regression: boolean): string {
  let lastLinear = -1;
  layers.forEach((l, j) => {
    if (l.type === 'linear') lastLinear = j;
  });
  let hidden = 0;
  for (let j = 0; j <= i; j++) if (layers[j].type === 'linear' && j !== lastLinear) hidden++;
  const l = layers[i], p = String(Math.round((l.p ?? 0) * 100) / 100);
  if (i === lastLinear) return t(regression ? 'inf.layer.outputValue' : 'inf.layer.output');
  if (layers.some((x) => x.type === 'conv2d')) return convLayerName(t, layers, i, p);
  switch (l.type) {
    case 'dropout':
      return hidden === 0 ? t('inf.layer.inputDropout', { p }) : t('inf.layer.dropout', { n: hidden, p });
    case 'linear':
      return t('inf.layer.linear', { n: hidden });
    case 'batchnorm':
      return t('inf.layer.batchnorm', { n: hidden });
    case 'layernorm':
      return t('inf.layer.layernorm', { n: hidden });
    default:
      return t('inf.layer.act', { n: hidden, act: ACT[l.type] ?? l.type });
  }
}

/** The CNN's layers by conv block (the lab compiles conv → [BN2d] → act → [BN2d] → dropout → [pool] per block, then flatten and the head). */
function convLayerName(t: T, layers: readonly Pick<LayerModes, 'type'>[], i: number, p: string): string {
  let n = 0;
  for (let j = 0; j <= i; j++) if (layers[j].type === 'conv2d') n++;
  switch (layers[i].type) {
    case 'conv2d':
      return t('ci.layer.conv', { n });
    case 'batchnorm2d':
      return t('ci.layer.bn2d', { n });
    case 'dropout2d':
      return t('ci.layer.drop2d', { n, p });
    case 'dropout':
      return t('ci.layer.dropEl', { n, p });
    case 'maxpool2d':
      return t('ci.layer.pool', { n });
    case 'flatten':
      return t('ci.layer.flatten');
    default:
      return t('ci.layer.act', { n, act: ACT[layers[i].type] ?? layers[i].type });
  }
}
