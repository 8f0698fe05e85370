// "Knock out units": at inference, a chosen fraction of a hidden layer's units is set to zero — a fresh
// random set in each of 20 draws, averaged — and the test accuracy and loss are compared with every
// unit in place. A network whose units only work in particular combinations (co-adaptation) loses
// more; dropout trains units to work whichever others are there (E11). On the CNN the units are a conv
// block's channels (whole feature maps), and one chosen channel may be knocked out instead: "Knock out
// channels", the point Dropout2d makes.
import { useId } from 'react';
import type { Lang, MessageKey } from '../../i18n/index.ts';
import type { InspectionReport } from '../../protocol/inspection.ts';
import { setKnockout, useInspection } from '../../store/inspection.ts';
import { Slider } from '../controls/Slider.tsx';
import { num, pct, type T } from './format.ts';
import { kt, type KoKey } from './knockout-messages.ts';

interface Props {
  report: InspectionReport;
  t: T;
  lang: Lang;
  /** Hidden layers of the lab's network now (the CNN's: conv blocks). */
  layers: number;
  /** The CNN: its units are channels (whole maps), and one channel may be chosen. */
  channels?: number;
}

/** The CNN's words for the same section: channels and conv blocks instead of units and hidden layers. */
const CNN_KEYS: Partial<Record<KoKey, MessageKey>> = {
  'ko.title': 'ci.ko.title', 'ko.what': 'ci.ko.what', 'ko.none': 'ci.ko.none', 'ko.layer': 'ci.ko.block', 'ko.hidden': 'ci.ko.blockN',
  'ko.fraction': 'ci.ko.fraction', 'ko.units': 'ci.ko.units', 'ko.all': 'ci.ko.all', 'ko.knocked': 'ci.ko.knocked',
};

export function KnockoutSection({ report, t: appT, lang, layers, channels }: Props) {
  const cnn = channels !== undefined;
  const t = (key: KoKey, vars?: Parameters<T>[1]) => (cnn && CNN_KEYS[key] ? appT(CNN_KEYS[key], vars) : kt(lang, key, vars));
  const selectId = useId(), unitId = useId();
  const choice = useInspection((s) => s.knockout);
  const ko = report.knockout;
  const regression = report.kind === 'regression';
  const unit = cnn && choice.unit !== null && choice.unit < channels ? choice.unit : null;
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
        {cnn ? (
          <>
            <label htmlFor={unitId}>{appT('ci.ko.which')}</label>
            <select id={unitId} value={unit ?? -1} onChange={(e) => setKnockout({ unit: Number(e.target.value) < 0 ? null : Number(e.target.value) })}>
              <option value={-1}>{appT('ci.ko.random')}</option>
              {Array.from({ length: channels }, (_, c) => (
                <option key={c} value={c}>
                  {appT('ci.ko.channelN', { n: c + 1 })}
                </option>
              ))}
            </select>
          </>
        ) : null}
        {unit !== null ? null : <Slider
          label={t('ko.fraction')}
          value={choice.fraction}
          onChange={(v) => setKnockout({ fraction: Math.round(v * 20) / 20 })}
          min={0}
          max={1}
          step={0.05}
          scale="linear"
          format={(v) => appT('inf.pct', { v: Math.round(v * 100) })}
        />}
      </div>
      {ko && ko.hidden === hidden && (ko.unit ?? null) === unit ? (
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
                <th scope="row">{ko.unit !== undefined ? appT('ci.ko.one', { n: ko.unit + 1 }) : t('ko.knocked', { units: ko.units, width: ko.width })}</th>
                {regression ? null : <td>{pct(lang, ko.knocked.acc)}</td>}
                <td>{num(lang, ko.knocked.loss)}</td>
              </tr>
            </tbody>
          </table>
          <p>
            {regression
              ? t('ko.readRegression', { draws: ko.draws, rows: ko.testRows })
              : ko.unit !== undefined
                ? appT('ci.ko.readOne', { lost: num(lang, (ko.intact.acc - ko.knocked.acc) * 100, 2), rows: ko.testRows })
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
