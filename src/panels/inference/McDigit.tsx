// Monte-Carlo dropout on one chosen test digit (the CNN's Inference lab): every class's mean
// probability over the K passes with its spread, beside the single inference pass.
import { useId } from 'react';
import type { Lang } from '../../i18n/index.ts';
import type { ReadyInfo } from '../../protocol/frame.ts';
import type { McDigit as Digit } from '../../protocol/inspection.ts';
import { setMcProbe, useInspection } from '../../store/inspection.ts';
import { Whisker } from './Bars.tsx';
import { ProbeOptions } from '../cnn/ProbeOptions.tsx';
import { num, plusMinus, type T } from './format.ts';

const argmax = (v: number[]) => v.reduce((best, x, i) => (x > v[best] ? i : best), 0);

export function McDigit({ digit, k, ready, t, lang }: { digit: Digit | null; k: number; ready: ReadyInfo; t: T; lang: Lang }) {
  const selectId = useId(), titleId = useId();
  const probe = useInspection((s) => s.mcProbe);
  const P = ready.data.probeCount;
  const chooser = (
    <div className="inf-ko-controls">
      <label htmlFor={selectId}>{t('ci.mc.digit')}</label>
      <select id={selectId} value={Math.min(probe, P - 1)} onChange={(e) => setMcProbe(Number(e.target.value))}>
        <ProbeOptions ready={ready} />
      </select>
    </div>
  );
  if (!digit || digit.probe !== probe) {
    return (
      <>
        {chooser}
        <p className="empty">{t('inf.measuring')}</p>
      </>
    );
  }
  const mc = argmax(digit.mean), single = argmax(digit.single), wide = argmax(digit.std);
  return (
    <>
      {chooser}
      <div className="inf-table-wrap" tabIndex={0} role="group" aria-labelledby={titleId} data-testid="mc-digit">
        <table className="inf-table">
          <caption id={titleId}>{t('ci.mc.digitTitle', { n: digit.probe + 1, cls: ready.data.probeY[digit.probe], k })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ci.mc.class')}</th>
              <th scope="col">{t('inf.mc.meanStd')}</th>
              <th scope="col">{t('inf.mc.single')}</th>
              <th scope="col" aria-hidden="true" className="inf-bars-col" />
            </tr>
          </thead>
          <tbody>
            {digit.mean.map((m, c) => (
              <tr key={c} className={c === mc ? 'is-top' : undefined}>
                <th scope="row">{c}</th>
                <td>{plusMinus(lang, m, digit.std[c])}</td>
                <td>{num(lang, digit.single[c])}</td>
                <td className="inf-bars-col">
                  <Whisker mean={m} std={digit.std[c]} single={digit.single[c]} lo={0} hi={1} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="mc-digit-read">
        {t('ci.mc.read', {
          mc, mcP: num(lang, digit.mean[mc]), single, singleP: num(lang, digit.single[single]), std: num(lang, digit.std[wide], 2), at: wide,
        })}
      </p>
    </>
  );
}
