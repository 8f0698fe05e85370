// The loss panel's words: readout at a point, the screen-reader summary, and earlier runs' labels.
import { formatNumber, translate, type Lang } from '../../i18n/index.ts';
import { percentText } from '../../i18n/number-text.ts';
import type { History } from '../../protocol/frame.ts';
import { nearestIndex } from '../../charts/paths.ts';
import type { ArchivedRun, RunSummary } from '../../store/run-archive.ts';

const num = (lang: Lang, v: number) => (Number.isFinite(v) ? formatNumber(lang, v, 3) : '–');
const pct = (lang: Lang, v: number) =>
  Number.isFinite(v) ? (percentText(v, 1) ?? new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(v)) : '–';

export function hasAccuracy(h: History): boolean {
  for (const v of h.testAcc) if (Number.isFinite(v)) return true;
  return false;
}

export function runLabel(lang: Lang, s: RunSummary | null): string {
  if (!s) return '';
  const parts: string[] = [];
  for (const kind of ['batchnorm', 'layernorm'] as const) {
    const layers = s.norm.flatMap((k, i) => (k === kind ? [String(i + 1)] : []));
    if (layers.length) parts.push(translate(lang, kind === 'batchnorm' ? 'loss.run.bn' : 'loss.run.ln', { layers: layers.join(', ') }));
  }
  if (!parts.length) parts.push(translate(lang, 'loss.run.noNorm'));
  parts.push(s.dropoutP > 0 ? translate(lang, 'loss.run.dropout', { p: formatNumber(lang, s.dropoutP, 3) }) : translate(lang, 'loss.run.noDropout'));
  return parts.join(', ');
}

/** The readout at point i of the current run, with earlier runs' test loss at the nearest step. */
export function readoutText(lang: Lang, h: History, i: number, earlier: ArchivedRun[]): string {
  const train = h.trainLoss[i], test = h.testLoss[i];
  const parts = [translate(lang, 'loss.readout.values', { step: h.step[i], train: num(lang, train), test: num(lang, test), gap: num(lang, test - train) })];
  if (hasAccuracy(h)) parts.push(translate(lang, 'loss.readout.acc', { train: pct(lang, h.trainAcc[i]), test: pct(lang, h.testAcc[i]) }));
  earlier.forEach((r, k) => {
    const rh = r.history, n = rh.step.length;
    if (n === 0 || h.step[i] > rh.step[n - 1]) return;
    const j = nearestIndex(rh.step, h.step[i]);
    parts.push(translate(lang, 'loss.readout.earlier', { n: k + 1, test: num(lang, rh.testLoss[j]) }));
  });
  return parts.join('; ');
}

export function summaryText(lang: Lang, h: History, earlierShown: number): string {
  const n = h.step.length;
  if (n === 0) return '';
  const i = n - 1, train = h.trainLoss[i], test = h.testLoss[i];
  const parts = [translate(lang, 'loss.summary', { step: h.step[i], train: num(lang, train), test: num(lang, test), gap: num(lang, test - train) })];
  if (hasAccuracy(h)) parts.push(translate(lang, 'loss.summary.acc', { train: pct(lang, h.trainAcc[i]), test: pct(lang, h.testAcc[i]) }));
  let best = -1;
  for (let k = 0; k < n; k++) if (Number.isFinite(h.testLoss[k]) && (best < 0 || h.testLoss[k] < h.testLoss[best])) best = k;
  if (best >= 0) parts.push(translate(lang, 'loss.summary.best', { best: num(lang, h.testLoss[best]), step: h.step[best] }));
  if (earlierShown > 0) parts.push(translate(lang, 'loss.summary.earlier', { n: earlierShown }));
  return parts.join(' ');
}

export { pct as formatPercent };
