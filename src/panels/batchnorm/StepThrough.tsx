// "The three steps" on the current batch, one at a time: statistics → normalize → scale and shift,
// each with its formula, its numbers and the batch column it produces, on one shared axis so the
// squeeze of step 2 and the stretch of γ in step 3 are visible as movement.
import { useEffect, useRef, useState } from 'react';
import { scaleLinear } from '../../charts/scale.ts';
import { useT } from '../../i18n/useT.ts';
import { announce } from '../../app/announce.ts';
import { formatNumber, type Lang } from '../../i18n/index.ts';
import type { ViewMode } from '../../protocol/config.ts';
import { FORMULAS, type FormulaKey } from './formulas.ts';
import { moments, type NormInfo } from './bnModel.ts';
import { STRIP_H, StripPlot } from './StripPlot.tsx';
import type { MessageKey } from '../../i18n/index.ts';

const W = 340;

interface Props {
  info: NormInfo;
  mode: ViewMode;
  /** The teaching switch that makes BN use batch statistics at inference. */
  batchStatsAtInference: boolean;
  lang: Lang;
}

/**
 * Step 3 recomputed from x̂ and the frame's γ and β: the worker's batchOut is the last training
 * forward pass, made before that step updated γ and β and before any later slider change, so while
 * paused it would not follow the γ/β sliders. y = γx̂ + β per feature is exact for BN and LN alike.
 */
function scaleShift(hat: Float32Array, gamma: number | undefined, beta: number | undefined): Float32Array | null {
  if (gamma === undefined || beta === undefined) return null;
  const y = new Float32Array(hat.length);
  for (let i = 0; i < hat.length; i++) y[i] = gamma * hat[i] + beta;
  return y;
}

export function StepThrough({ info, mode, batchStatsAtInference, lang }: Props) {
  const t = useT();
  const [k, setK] = useState(1);
  // The page's one live region says which step this is (a region of its own would talk over it).
  const go = (next: number) => {
    setK(next);
    announce(t('bn.steps.of', { k: next }));
  };
  const section = useRef<HTMLElement>(null);
  // A lesson's link to "step 3 of the three steps" opens this at step 3.
  useEffect(() => {
    const el = section.current;
    if (!el) return;
    const onLook = (e: Event) => {
      if ((e as CustomEvent<string>).detail === 'bn-step3') setK(3);
    };
    el.addEventListener('lookat', onLook);
    return () => el.removeEventListener('lookat', onLook);
  });
  const l = info.layer, j = l.feature ?? 0;
  if (!l.batchIn || !l.batchHat || !l.batchOut) return null;
  const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : formatNumber(lang, v, 3));
  const ln = info.kind === 'layernorm';
  const running = !ln && mode === 'inference' && !batchStatsAtInference;
  const out = scaleShift(l.batchHat, l.gamma?.[j], l.beta?.[j]) ?? l.batchOut;
  const cols = [
    { v: l.batchIn, m: moments(l.batchIn), cls: 'x', label: t('bn.strip.x') },
    { v: l.batchHat, m: moments(l.batchHat), cls: 'hat', label: t('bn.strip.hat') },
    { v: out, m: moments(out), cls: 'y', label: t('bn.strip.y') },
  ];
  let lo = -1, hi = 1;
  for (const c of cols) {
    if (Number.isFinite(c.m.min)) lo = Math.min(lo, c.m.min);
    if (Number.isFinite(c.m.max)) hi = Math.max(hi, c.m.max);
  }
  const x = scaleLinear().domain([lo, hi]).nice().range([8, W - 8]);

  let text: MessageKey, formula: FormulaKey;
  const numbers: string[] = [];
  if (k === 1) {
    text = ln ? 'bn.steps.1.ln' : running ? 'bn.steps.1.infer' : mode === 'inference' ? 'bn.steps.1.teach' : 'bn.steps.1';
    formula = ln ? 'statsLn' : running ? 'statsRunning' : 'stats';
    if (running) {
      numbers.push(`μ_run = ${num(l.runningMean?.[j])}`, `σ²_run = ${num(l.runningVar?.[j])}`, t('bn.num.momentum', { v: num(l.momentum) }));
    } else if (!ln) {
      // In training the frame's batch statistics are what the step normalized with; at inference
      // with the teaching switch on, the batch's own moments are.
      const mu = mode === 'training' ? l.batchMean?.[j] : cols[0].m.mean;
      const v = mode === 'training' ? l.batchVar?.[j] : cols[0].m.variance;
      numbers.push(`μ_B = ${num(mu)}`, `σ²_B = ${num(v)}`, `m = ${cols[0].m.n}`);
    } else {
      numbers.push(`H = ${l.width}`);
    }
  } else if (k === 2) {
    text = running ? 'bn.steps.2.infer' : 'bn.steps.2';
    formula = ln ? 'normalizeLn' : running ? 'normalizeRunning' : 'normalize';
    numbers.push(`ε = ${num(l.eps)}`, t('bn.num.result', { mean: num(cols[1].m.mean), var: num(cols[1].m.variance) }));
  } else {
    text = 'bn.steps.3';
    formula = ln ? 'scaleLn' : 'scale';
    numbers.push(`γ = ${num(l.gamma?.[j])}`, `β = ${num(l.beta?.[j])}`, t('bn.num.result', { mean: num(cols[2].m.mean), var: num(cols[2].m.variance) }));
  }
  const shown = cols.slice(0, k);

  return (
    <section ref={section} className="bn-steps" aria-labelledby="bn-steps-title" data-look="bn-steps bn-step3">
      <h3 id="bn-steps-title">{t('bn.steps.title')}</h3>
      <div className="bn-steps-nav">
        <button type="button" onClick={() => go(k - 1)} disabled={k <= 1}>
          <span aria-hidden="true">← </span>
          {t('bn.steps.prev')}
        </button>
        <p className="bn-steps-of">
          {t('bn.steps.of', { k })}
        </p>
        <button type="button" onClick={() => go(k + 1)} disabled={k >= 3}>
          {t('bn.steps.next')}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
      <p className="bn-steps-text">{t(text)}</p>
      <div className="bn-formula" data-testid="bn-formula" dangerouslySetInnerHTML={{ __html: FORMULAS[formula] }} />
      <ul className="bn-numbers" aria-label={t('bn.steps.of', { k })}>
        {numbers.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${W} ${shown.length * STRIP_H + 18}`} className="chart bn-strips" data-export="bn-steps" aria-hidden="true" focusable="false">
        {shown.map((c, i) => (
          <g key={c.cls} transform={`translate(0,${i * STRIP_H})`}>
            <text className={`bn-strip-label ${i === k - 1 ? 'is-current' : ''}`} x={8} y={10}>
              {c.label}
            </text>
            <StripPlot values={c.v} m={c.m} x={x} className={c.cls} current={i === k - 1} />
          </g>
        ))}
        {x.ticks(6).map((v) => (
          <text key={v} className="tick" x={x(v)} y={shown.length * STRIP_H + 12} textAnchor="middle">
            {x.tickFormat(6)(v)}
          </text>
        ))}
      </svg>
      <p className="bn-strip-legend">{t('bn.strip.legend')}</p>
      <ul className="chart-sr-only">
        {shown.map((c) => (
          <li key={c.cls}>
            {t('bn.strip.summary', { label: c.label, n: c.m.n, lo: num(c.m.min), hi: num(c.m.max), mean: num(c.m.mean), var: num(c.m.variance) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
