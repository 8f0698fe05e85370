// The live results, one row per variant, every figure read from that variant's own streamed history.
import { useT } from '../../i18n/useT.ts';
import { formatValue } from '../../i18n/index.ts';
import { useLab } from '../../store/lab.ts';
import { bestText, divergedText, errorText, gapText, reachText, timeText, variantName } from './text.ts';
import { Marker } from './VariantList.tsx';
import type { VariantLive } from '../../store/compare.ts';
import { VARIANT_LETTERS, type Variant } from '../../store/compare-variants.ts';

export interface ResultRow {
  variant: Variant;
  live: VariantLive;
}

export function ResultsTable({ rows, target }: { rows: ResultRow[]; target: number }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const regression = rows.some((r) => r.live.kind === 'regression');
  return (
    <div className="compare-table-wrap">
      <table className="compare-table">
        <caption>{t('cmp.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cmp.col.variant')}</th>
            <th scope="col">{t('cmp.col.steps', { target: formatValue(lang, target) })}</th>
            <th scope="col">{t(regression ? 'cmp.col.bestLoss' : 'cmp.col.bestAcc')}</th>
            <th scope="col">{t('cmp.col.gap')}</th>
            <th scope="col">{t('cmp.col.time')}</th>
            <th scope="col">{t('cmp.col.diverged')}</th>
            <th scope="col">{t('cmp.col.trained')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ variant, live }, slot) => {
            const err = errorText(lang, live);
            return (
              <tr key={variant.id}>
                <th scope="row">
                  <Marker slot={slot} />
                  <span className="compare-letter">{VARIANT_LETTERS[slot]}</span> {variantName(lang, variant)}
                  {err ? <span className="compare-error">{err}</span> : null}
                </th>
                <td>{reachText(lang, live, target)}</td>
                <td>{bestText(lang, live)}</td>
                <td>{gapText(lang, live)}</td>
                <td>{timeText(lang, live)}</td>
                <td>{divergedText(lang, live)}</td>
                <td>{formatValue(lang, live.step)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="compare-note">{t('cmp.table.note')}</p>
    </div>
  );
}
