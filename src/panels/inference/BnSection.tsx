// "BatchNorm at inference": running statistics vs the whole test set's statistics vs a batch of one,
// and LayerNorm's batch of one beside it.
import type { Lang } from '../../i18n/index.ts';
import type { InspectionReport } from '../../protocol/inspection.ts';
import type { ConfigPatch } from '../../protocol/messages.ts';
import type { LabConfig } from '../../protocol/config.ts';
import { LabelledBars } from './Bars.tsx';
import { num, pct, type T } from './format.ts';
import { focusWhenShown } from '../../app/focus-guard.ts';

interface Props {
  report: InspectionReport;
  /** Rows of the whole test set (the report may cover an even spread of fewer). */
  testSize: number;
  t: T;
  lang: Lang;
  net: LabConfig['net'];
  patch(p: ConfigPatch): void;
}

export function BnSection({ report, testSize, t, lang, net, patch }: Props) {
  const { bn } = report;
  const regression = report.kind === 'regression';
  if (!bn) {
    return (
      <section className="inf-section" aria-labelledby="inf-bn-title">
        <h3 id="inf-bn-title">{t('inf.bn.title')}</h3>
        <p>{t('inf.bn.none')}</p>
        {net.hidden.length ? (
          <button
            type="button"
            onClick={() => {
              // The button goes once BatchNorm is in: focus moves to this section's heading above the new table.
              focusWhenShown(() => (document.querySelector('#inf-bn-title ~ .inf-table-wrap') ? document.getElementById('inf-bn-title') : null));
              patch({ net: { norm: net.hidden.map(() => 'batchnorm') } });
            }}
          >
            {t('inf.bn.add')}
          </button>
        ) : null}
      </section>
    );
  }
  const part = report.testRows < testSize;
  const rows = [
    { key: 'running', label: t('inf.bn.running'), e: bn.running, kind: 'infer' as const },
    { key: 'whole', label: part ? t('inf.bn.wholePart', { n: report.testRows }) : t('inf.bn.whole'), e: bn.wholeBatch, kind: 'train' as const },
    { key: 'one', label: t('inf.bn.one'), e: bn.batchOfOne, kind: 'wrong' as const },
  ];
  const one = bn.batchOfOne;
  const f = (v: number) => num(lang, v);
  return (
    <section className="inf-section" aria-labelledby="inf-bn-title">
      <h3 id="inf-bn-title">{t('inf.bn.title')}</h3>
      <p>{part ? t('inf.bn.whatPart', { n: report.testRows, total: testSize }) : t('inf.bn.what', { n: report.testRows })}</p>
      {/* A table wider than a phone scrolls sideways; keyboard users need to reach it too. */}
      <div className="inf-table-wrap" tabIndex={0} role="group" aria-labelledby="inf-bn-title">
        <table className="inf-table">
          <caption className="chart-sr-only">{t('inf.bn.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inf.bn.how')}</th>
              {regression ? null : <th scope="col">{t('inf.bn.acc')}</th>}
              <th scope="col">{t('inf.bn.loss')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.key === 'one' ? 'inf-wrong-row' : undefined}>
                <th scope="row">{r.label}</th>
                {regression ? null : <td>{pct(lang, r.e.acc)}</td>}
                <td>{f(r.e.loss)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {regression ? null : (
        <LabelledBars
          bars={rows.map((r) => ({ label: r.label, value: r.e.acc, kind: r.kind }))}
          max={1}
          format={(v) => pct(lang, v)}
          summary={t('inf.bn.chart', { running: pct(lang, bn.running.acc), whole: pct(lang, bn.wholeBatch.acc), one: pct(lang, one.acc) })}
        />
      )}
      <p className="inf-key-line">{t('inf.bn.beta', { xhat: f(one.maxAbsXhat) })}</p>
      <p>
        {regression
          ? t('inf.bn.oneValue', { std: f(one.outputStd) })
          : t('inf.bn.oneClass', { share: pct(lang, one.topShare), distinct: one.distinct, largest: pct(lang, bn.largestClassShare) })}
      </p>
      <p>{t('inf.bn.whyRunning')}</p>
      {bn.batchStatsInLab ? <p className="inf-warn">{t('inf.bn.inLab')}</p> : null}
    </section>
  );
}

export function LnSection({ report, t, lang }: { report: InspectionReport; t: T; lang: Lang }) {
  const { ln } = report;
  if (!ln) return null;
  const regression = report.kind === 'regression';
  const vars = regression
    ? { full: num(lang, ln.fullBatch.loss), one: num(lang, ln.batchOfOne.loss), diff: num(lang, ln.maxDiff, 2) }
    : { full: pct(lang, ln.fullBatch.acc), one: pct(lang, ln.batchOfOne.acc), diff: num(lang, ln.maxDiff, 2) };
  return (
    <section className="inf-section" aria-labelledby="inf-ln-title">
      <h3 id="inf-ln-title">{t('inf.ln.title')}</h3>
      <p>{t(regression ? 'inf.ln.whatRegression' : 'inf.ln.what', vars)}</p>
    </section>
  );
}
