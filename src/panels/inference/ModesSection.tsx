// "Training vs inference": each layer's mean |activation| over the same test inputs in both modes.
import type { Lang } from '../../i18n/index.ts';
import type { InspectionReport, LayerModes } from '../../protocol/inspection.ts';
import type { TeachFlags } from '../../protocol/config.ts';
import { CellBars } from './Bars.tsx';
import { layerName, num, times, type T } from './format.ts';

/** A mode difference worth flagging in words (not only by colour). */
const OFF = 0.1;
const isOff = (l: LayerModes): boolean => Number.isFinite(l.ratio) && Math.abs(l.ratio - 1) > OFF;

export function ModesSection({ report, t, lang, teach }: { report: InspectionReport; t: T; lang: Lang; teach: TeachFlags }) {
  const regression = report.kind === 'regression';
  // Dropout layers with p = 0 copy their input: listing them would only repeat the row above.
  const rows = report.layers.filter((l) => !((l.type === 'dropout' || l.type === 'dropout2d') && !(l.p! > 0)));
  const hidOff = rows.length < report.layers.length;
  let worst: LayerModes | null = null;
  for (const l of rows) {
    if (Number.isFinite(l.ratio) && l.ratio > 0 && (!worst || Math.abs(Math.log(l.ratio)) > Math.abs(Math.log(worst.ratio)))) worst = l;
  }
  const name = (i: number) => layerName(t, report.layers, i, regression);
  const classicForgot = teach.forgetDropoutScaling && report.scaling?.scaling === 'classic';
  return (
    <section className="inf-section" aria-labelledby="inf-modes-title" data-look="inference-modes">
      <h3 id="inf-modes-title">{t('inf.modes.title')}</h3>
      <p className="inf-note">{t('inf.modes.what', { rows: report.rows, passes: report.trainPasses })}</p>
      {classicForgot ? <p className="inf-warn">{t('inf.modes.teachForget')}</p> : null}
      {teach.bnBatchStatsAtInference && report.bn ? <p className="inf-warn">{t('inf.modes.teachBn')}</p> : null}
      {/* A table wider than a phone scrolls sideways; keyboard users need to reach it too. */}
      <div className="inf-table-wrap" tabIndex={0} role="group" aria-labelledby="inf-modes-title">
        <table className="inf-table">
          <caption className="chart-sr-only">{t('inf.modes.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inf.modes.layer')}</th>
              <th scope="col">{t('inf.modes.train')}</th>
              <th scope="col">{t('inf.modes.infer')}</th>
              <th scope="col">{t('inf.modes.ratio')}</th>
              <th scope="col" aria-hidden="true" className="inf-bars-col">
                <span className="inf-key inf-key-train">{t('inf.modes.train')}</span> <span className="inf-key inf-key-infer">{t('inf.modes.infer')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => {
              const off = isOff(l);
              return (
                <tr key={l.index} className={off ? 'is-off' : undefined}>
                  <th scope="row">{name(l.index)}</th>
                  <td>{num(lang, l.absTrain)}</td>
                  <td>{num(lang, l.absInfer)}</td>
                  <td>
                    {times(lang, l.ratio)}
                    {off ? <span className="inf-flag"> ({t('inf.modes.off')})</span> : null}
                  </td>
                  <td className="inf-bars-col">
                    <CellBars
                      bars={[
                        { value: l.absTrain, kind: 'train' },
                        { value: l.absInfer, kind: off ? 'wrong' : 'infer' },
                      ]}
                      max={Math.max(l.absTrain, l.absInfer)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.some(isOff) ? <p className="inf-note">{t('inf.modes.why')}</p> : null}
      {hidOff ? <p className="inf-note">{t('inf.modes.hidden')}</p> : null}
      {worst ? <p className="chart-sr-only">{t('inf.modes.summary', { layer: name(worst.index), ratio: times(lang, worst.ratio) })}</p> : null}
    </section>
  );
}
