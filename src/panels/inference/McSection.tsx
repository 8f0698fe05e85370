// "Monte-Carlo dropout": K passes with dropout on at inference, per probe input mean ± std beside the
// single pass with dropout off, and what averaging does on the test set.
import type { ReactNode } from 'react';
import type { Lang } from '../../i18n/index.ts';
import type { ReadyInfo } from '../../protocol/frame.ts';
import type { InspectionReport } from '../../protocol/inspection.ts';
import { MC_SAMPLES } from '../../protocol/rules.ts';
import { Slider } from '../controls/Slider.tsx';
import { Whisker } from './Bars.tsx';
import { num, pct, plusMinus, type T } from './format.ts';


interface Props {
  report: InspectionReport;
  ready: ReadyInfo;
  t: T;
  lang: Lang;
  k: number;
  setK(k: number): void;
  /** Shown after the explanation (the CNN's every-class view of one digit). */
  children?: ReactNode;
}

export function McSection({ report, ready, t, lang, k, setK, children }: Props) {
  const mc = report.mc;
  const regression = report.kind === 'regression';
  const slider = (
    <Slider label={t('inf.mc.k')} value={k} onChange={(v) => setK(Math.round(v))} min={MC_SAMPLES.min} max={MC_SAMPLES.max} step={1} integer format={(v) => String(Math.round(v))} />
  );
  if (!mc) {
    return (
      <section className="inf-section" aria-labelledby="inf-mc-title">
        <h3 id="inf-mc-title">{t('inf.mc.title')}</h3>
        {slider}
        <p>{t('inf.mc.none')}</p>
      </section>
    );
  }
  const C0 = regression ? ready.data.classes : 1;
  const target = (i: number) => (regression ? num(lang, ready.data.probeY[i * C0]) : String(ready.data.probeY[i]));
  // Probabilities on [0, 1]; values on the range the probes and their spreads cover.
  let lo = 0, hi = 1;
  if (regression) {
    lo = Infinity;
    hi = -Infinity;
    for (const p of mc.probes) {
      lo = Math.min(lo, p.mean - p.std, p.single);
      hi = Math.max(hi, p.mean + p.std, p.single);
    }
    const pad = (hi - lo) * 0.05 || 0.5;
    lo -= pad;
    hi += pad;
  }
  const quantity = (c: number) => (regression ? t('inf.mc.value') : t('inf.mc.classProb', { c }));
  return (
    <section className="inf-section" aria-labelledby="inf-mc-title">
      <h3 id="inf-mc-title">{t('inf.mc.title')}</h3>
      {slider}
      <p>{t('inf.mc.what')}</p>
      {children}
      {/* A table wider than a phone scrolls sideways; keyboard users need to reach it too. */}
      <div className="inf-table-wrap" tabIndex={0} role="group" aria-labelledby="inf-mc-title">
        <table className="inf-table">
          <caption className="chart-sr-only">{t('inf.mc.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inf.mc.probe')}</th>
              <th scope="col">{t('inf.mc.target')}</th>
              <th scope="col">{t('inf.mc.quantity')}</th>
              <th scope="col">{t('inf.mc.meanStd')}</th>
              <th scope="col">{t('inf.mc.single')}</th>
              <th scope="col" aria-hidden="true" className="inf-bars-col" />
            </tr>
          </thead>
          <tbody>
            {mc.probes.map((p, i) => (
              <tr key={i}>
                <th scope="row">{t('inf.mc.probeN', { n: i + 1 })}</th>
                <td>{target(i)}</td>
                <td>{quantity(p.cls)}</td>
                <td>{plusMinus(lang, p.mean, p.std)}</td>
                <td>{num(lang, p.single)}</td>
                <td className="inf-bars-col">
                  <Whisker mean={p.mean} std={p.std} single={p.single} lo={lo} hi={hi} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {regression
          ? t('inf.mc.testRegression', { rows: mc.rows, k: mc.k, mcLoss: num(lang, mc.mc.loss), singleLoss: num(lang, mc.single.loss) })
          : t('inf.mc.test', { rows: mc.rows, k: mc.k, mc: pct(lang, mc.mc.acc), single: pct(lang, mc.single.acc), mcLoss: num(lang, mc.mc.loss), singleLoss: num(lang, mc.single.loss) })}
      </p>
    </section>
  );
}
