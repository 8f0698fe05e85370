// Words for variants and results: a variant's name from its settings, each table cell's text, and the
// screen-reader summary — one place, so the table, legend and summary always say the same thing.
import { formatNumber, formatValue, messages, translate, type Lang, type MessageKey } from '../../i18n/index.ts';
import { bestTestAcc, bestTestLoss, finalGap, msPerStep, nonFinite, stepsToTarget } from './measures.ts';
import type { VariantLive } from '../../store/compare.ts';
import type { Variant } from '../../store/compare-variants.ts';

export const DASH = '—';

/** Another area's label (a data set's name, say) when its table has one, else the raw value. */
export function labelOr(lang: Lang, key: string, fallback: string): string {
  return Object.hasOwn(messages[lang], key) ? translate(lang, key as MessageKey) : fallback;
}

export function variantName(lang: Lang, v: Variant): string {
  if (v.convDropout !== undefined) {
    const cnn: string[] = [];
    if (v.norm === 'batchnorm') cnn.push(translate(lang, 'ci.cmp.name.bn'));
    if (v.dropout) cnn.push(translate(lang, v.convDropout === 'element' ? 'ci.cmp.name.element' : 'ci.cmp.name.channel', { p: num(lang, v.p, 2) }));
    return cnn.length ? cnn.join(' + ') : translate(lang, 'ci.cmp.name.plain');
  }
  const parts: string[] = [];
  if (v.norm !== 'none') parts.push(translate(lang, v.norm === 'batchnorm' ? 'cmp.name.batchnorm' : 'cmp.name.layernorm'));
  if (v.dropout) parts.push(translate(lang, 'cmp.name.dropout', { p: num(lang, v.p, 2) }));
  return parts.length ? parts.join(' + ') : translate(lang, 'cmp.name.none');
}

// Scientific formatters built once: the table and summary format dozens of numbers at every redraw.
const formatters = new Map<string, Intl.NumberFormat>();
function scientificFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumSignificantDigits: digits, notation: 'scientific' });
    formatters.set(key, f);
  }
  return f;
}

/** `digits` significant digits, as formatNumber does; losses near zero (a memorized training set) or huge (a diverging run) in scientific notation. */
export function num(lang: Lang, v: number, digits = 3): string {
  if (!Number.isFinite(v)) return DASH;
  const tiny = v !== 0 && Math.abs(v) < 1e-3;
  return tiny || Math.abs(v) >= 1e6 ? scientificFormat(lang, digits).format(v) : formatNumber(lang, v, digits);
}

/** Steps to the target: the exact step recorded live, else what the (possibly merged) history says. */
export function reachText(lang: Lang, live: VariantLive, target: number): string {
  if (live.reach && live.reach.target === target) return formatValue(lang, live.reach.step);
  const r = live.history ? stepsToTarget(live.history, target) : null;
  if (!r) return translate(lang, 'cmp.notYet');
  if (r.exact) return formatValue(lang, r.step);
  return translate(lang, 'cmp.between', { first: formatValue(lang, r.first), last: formatValue(lang, r.step) });
}

/** Best test accuracy (classification) or best test loss (regression). */
export function bestText(lang: Lang, live: VariantLive): string {
  if (!live.history) return DASH;
  if (live.kind === 'regression') return num(lang, bestTestLoss(live.history)?.loss ?? NaN);
  const a = bestTestAcc(live.history);
  return Number.isFinite(a) ? `${num(lang, a * 100)} %` : DASH;
}

export function gapText(lang: Lang, live: VariantLive): string {
  return num(lang, finalGap(live.history, live.metrics));
}

export function timeText(lang: Lang, live: VariantLive): string {
  const ms = msPerStep(live.stepsPerSecond);
  return Number.isFinite(ms) ? translate(lang, 'cmp.ms', { ms: num(lang, ms, 2) }) : DASH;
}

export function divergedText(lang: Lang, live: VariantLive): string {
  if (live.diverged) return translate(lang, 'cmp.yesAt', { step: live.diverged.step });
  if (nonFinite(live.metrics)) return translate(lang, 'cmp.yes');
  return translate(lang, 'cmp.no');
}

export function errorText(lang: Lang, live: VariantLive): string | null {
  if (!live.error) return null;
  return live.error.code === 'bn_batch_one' ? translate(lang, 'cmp.error.bnBatchOne') : translate(lang, 'cmp.error', { message: live.error.message });
}

export interface SummaryRow {
  letter: string;
  variant: Variant;
  live: VariantLive;
}

/** The chart and table in sentences: every variant's latest figures, who reached the target first, the smallest gap. */
export function summaryText(lang: Lang, rows: SummaryRow[], target: number): string {
  const trained = rows.filter((r) => r.live.metrics);
  const diverged = rows.flatMap((r) => (r.live.diverged ? [translate(lang, 'cmp.summary.diverged', { letter: r.letter, step: r.live.diverged.step })] : []));
  if (!trained.length) return diverged.length ? diverged.join(' ') : translate(lang, 'cmp.summary.none');
  const out = trained.map((r) => {
    const m = r.live.metrics!;
    return translate(lang, 'cmp.summary.row', {
      letter: r.letter,
      name: variantName(lang, r.variant),
      step: r.live.step,
      train: num(lang, m.trainLoss),
      test: num(lang, m.testLoss),
      gap: num(lang, m.testLoss - m.trainLoss),
      reach: reachText(lang, r.live, target),
    });
  });
  let first: { letter: string; step: number } | null = null;
  for (const r of trained) {
    const step = r.live.reach?.target === target ? r.live.reach.step : r.live.history ? (stepsToTarget(r.live.history, target)?.step ?? null) : null;
    if (step !== null && (!first || step < first.step)) first = { letter: r.letter, step };
  }
  if (first) out.push(translate(lang, 'cmp.summary.first', { target: num(lang, target), letter: first.letter, step: first.step }));
  const gaps = trained.map((r) => ({ letter: r.letter, gap: finalGap(r.live.history, r.live.metrics) })).filter((g) => Number.isFinite(g.gap));
  if (gaps.length > 1) {
    const lowest = gaps.reduce((a, b) => (b.gap < a.gap ? b : a));
    out.push(translate(lang, 'cmp.summary.lowestGap', { letter: lowest.letter }));
  }
  return [...out, ...diverged].join(' ');
}
