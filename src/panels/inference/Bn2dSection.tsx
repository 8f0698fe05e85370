// "BatchNorm2d at inference" (the CNN): the test digits normalized with the running statistics, with
// the whole test set's, and one image at a time — which, unlike BatchNorm1d's batch of one, still
// has H·W values per channel to take statistics from.
import type { Lang } from '../../i18n/index.ts';
import type { InspectionReport } from '../../protocol/inspection.ts';
import { LabelledBars } from './Bars.tsx';
import { num, pct, type T } from './format.ts';

export function Bn2dSection({ report, testSize, t, lang }: { report: InspectionReport; testSize: number; t: T; lang: Lang }) {
  const bn = report.bn2d;
  if (!bn) return null;
  const part = report.testRows < testSize;
  const rows = [
    { key: 'running', label: t('inf.bn.running'), e: bn.running, kind: 'infer' as const },
    { key: 'whole', label: part ? t('inf.bn.wholePart', { n: report.testRows }) : t('inf.bn.whole'), e: bn.wholeBatch, kind: 'train' as const },
    { key: 'one', label: t('ci.bn.one'), e: bn.batchOfOne, kind: 'wrong' as const },
  ];
  return (
    <section className="inf-section" aria-labelledby="inf-bn2d-title" data-testid="inf-bn2d">
      <h3 id="inf-bn2d-title">{t('ci.bn.title')}</h3>
      <p>{t('ci.bn.what', { n: report.testRows })}</p>
      <div className="inf-table-wrap" tabIndex={0} role="group" aria-labelledby="inf-bn2d-title">
        <table className="inf-table">
          <caption className="chart-sr-only">{t('ci.bn.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inf.bn.how')}</th>
              <th scope="col">{t('inf.bn.acc')}</th>
              <th scope="col">{t('inf.bn.loss')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{pct(lang, r.e.acc)}</td>
                <td>{num(lang, r.e.loss)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LabelledBars
        bars={rows.map((r) => ({ label: r.label, value: r.e.acc, kind: r.kind }))}
        max={1}
        format={(v) => pct(lang, v)}
        summary={t('ci.bn.chart', { running: pct(lang, bn.running.acc), whole: pct(lang, bn.wholeBatch.acc), one: pct(lang, bn.batchOfOne.acc) })}
      />
      <p>{t('ci.bn.oneWhy', { areas: bn.areas.join(', '), xhat: num(lang, bn.maxAbsXhat) })}</p>
      <p>{t('inf.bn.whyRunning')}</p>
      {bn.batchStatsInLab ? <p className="inf-warn">{t('inf.bn.inLab')}</p> : null}
      <p className="inf-note">{t('ci.bn.more')}</p>
    </section>
  );
}
