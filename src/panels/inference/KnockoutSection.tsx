// "Knock out units": at inference, a chosen fraction of a hidden layer's units is set to zero — a fresh
// random set in each of 20 draws, averaged — and the test accuracy and loss are compared with every
// unit in place. A network whose units only work in particular combinations (co-adaptation) loses
// more; dropout trains units to work whichever others are there (E11).
import { useId } from 'react';
import type { Lang } from '../../i18n/index.ts';
import type { InspectionReport } from '../../protocol/inspection.ts';
import { setKnockout, useInspection } from '../../store/inspection.ts';
import { Slider } from '../controls/Slider.tsx';
import { num, pct, type T } from './format.ts';
import { kt, type KoKey } from './knockout-messages.ts';

interface Props {
  report: InspectionReport;
  t: T;
  lang: Lang;
  /** Hidden layers of the lab's network now. */
  layers: number;
}

export function KnockoutSection({ report, t: appT, lang, layers }: Props) {
  const t = (key: KoKey, vars?: Parameters<T>[1]) => kt(lang, key, vars);
  const selectId = useId();
  const choice = useInspection((s) => s.knockout);
  const ko = report.knockout;
  const regression = report.kind === 'regression';
  if (layers < 1) {
    return (
      <section className="inf-section" aria-labelledby="inf-ko-title">
        <h3 id="inf-ko-title">{t('ko.title')}</h3>
        <p>{t('ko.none')}</p>
      </section>
    );
  }
  const hidden = choice.hidden === null ? layers - 1 : Math.min(choice.hidden, layers - 1);
  return (
    <section className="inf-section" aria-labelledby="inf-ko-title">
      <h3 id="inf-ko-title">{t('ko.title')}</h3>
      <p>{t('ko.what')}</p>
      <div className="inf-ko-controls">
        <label htmlFor={selectId}>{t('ko.layer')}</label>
        <select id={selectId} value={hidden} onChange={(e) => setKnockout({ hidden: Number(e.target.value) })}>
          {Array.from({ length: layers }, (_, h) => (
            <option key={h} value={h}>
              {t('ko.hidden', { n: h + 1 })}
            </option>
          ))}
        </select>
        <Slider
          label={t('ko.fraction')}
          value={choice.fraction}
          onChange={(v) => setKnockout({ fraction: Math.round(v * 20) / 20 })}
          min={0}
          max={1}
          step={0.05}
          scale="linear"
          format={(v) => appT('inf.pct', { v: Math.round(v * 100) })}
        />
      </div>
      {ko && ko.hidden === hidden ? (
        <>
          <table className="inf-table">
            <caption className="chart-sr-only">{t('ko.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ko.units')}</th>
                {regression ? null : <th scope="col">{t('ko.acc')}</th>}
                <th scope="col">{t('ko.loss')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('ko.all', { width: ko.width })}</th>
                {regression ? null : <td>{pct(lang, ko.intact.acc)}</td>}
                <td>{num(lang, ko.intact.loss)}</td>
              </tr>
              <tr>
                <th scope="row">{t('ko.knocked', { units: ko.units, width: ko.width })}</th>
                {regression ? null : <td>{pct(lang, ko.knocked.acc)}</td>}
                <td>{num(lang, ko.knocked.loss)}</td>
              </tr>
            </tbody>
          </table>
          <p>
            {regression
              ? t('ko.readRegression', { draws: ko.draws, rows: ko.testRows })
              : t('ko.read', {
                  lost: num(lang, (ko.intact.acc - ko.knocked.acc) * 100, 2), draws: ko.draws, rows: ko.testRows,
                  min: pct(lang, ko.accMin), max: pct(lang, ko.accMax),
                })}
          </p>
        </>
      ) : (
        <p className="empty">{t('ko.measuring')}</p>
      )}
    </section>
  );
}
