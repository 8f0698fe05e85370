// "Scaling": the convention in force, what forgetting the scaling does to the first dropout's
// activations and to the test loss and accuracy, and the lab's own teaching switch.
import { useId } from 'react';
import type { Lang } from '../../i18n/index.ts';
import type { InspectionReport } from '../../protocol/inspection.ts';
import type { ConfigPatch } from '../../protocol/messages.ts';
import type { LabConfig, TeachFlags } from '../../protocol/config.ts';
import { LabelledBars } from './Bars.tsx';
import { layerName, num, pct, type T } from './format.ts';
import { focusWhenShown } from '../../app/focus-guard.ts';

interface Props {
  report: InspectionReport;
  t: T;
  lang: Lang;
  net: LabConfig['net'];
  teach: TeachFlags;
  patch(p: ConfigPatch): void;
  /** What "Turn dropout on" does (default: the MLP's hidden layers, or its input without hidden layers). */
  turnOn?: () => void;
}

export function ScalingSection({ report, t, lang, net, teach, patch, turnOn: turnOnAs }: Props) {
  const groupId = useId(), switchId = useId(), switchHint = useId();
  const sc = report.scaling;
  // The convention the learner has chosen; the report catches up with the next measurement.
  const scaling = net.dropoutScaling;
  const regression = report.kind === 'regression';
  const convention = (
    <fieldset className="inf-radios">
      <legend id={groupId}>{t('inf.scale.convention')}</legend>
      {(['inverted', 'classic'] as const).map((v) => (
        <label key={v}>
          <input type="radio" name={groupId} value={v} checked={scaling === v} onChange={() => patch({ net: { dropoutScaling: v } })} />
          {t(v === 'inverted' ? 'inf.scale.inverted' : 'inf.scale.classic')}
        </label>
      ))}
    </fieldset>
  );
  const labSwitch = (
    <div className="inf-switch">
      {/* The label wraps the switch, so the whole line (44 px tall) is what a finger hits. */}
      <label htmlFor={switchId}>
        <input
          id={switchId}
          type="checkbox"
          role="switch"
          checked={teach.forgetDropoutScaling}
          aria-describedby={scaling === 'inverted' ? switchHint : undefined}
          onChange={(e) => patch({ teach: { forgetDropoutScaling: e.target.checked } })}
        />
        {t('inf.scale.switch')}
      </label>
      {scaling === 'inverted' ? (
        <p id={switchHint} className="inf-note">
          {t('inf.scale.switchInverted')}
        </p>
      ) : null}
    </div>
  );

  if (!sc) {
    const turnOn = turnOnAs ?? (() => patch({ net: net.hidden.length ? { dropoutHidden: net.hidden.map(() => true), ...(net.dropoutP > 0 ? {} : { dropoutP: 0.5 }) } : { dropoutInput: true, ...(net.dropoutP > 0 ? {} : { dropoutP: 0.2 }) } }));
    return (
      <section className="inf-section" aria-labelledby="inf-scale-title" data-look="inference-scaling">
        <h3 id="inf-scale-title">{t('inf.scale.title')}</h3>
        {convention}
        <p>{t('inf.scale.none')}</p>
        <button
          type="button"
          onClick={() => {
            // The button goes once dropout is on: focus moves to this section's heading above the new figures.
            focusWhenShown(() => (document.querySelector('[data-look="inference-scaling"] .inf-table') ? document.getElementById('inf-scale-title') : null));
            turnOn();
          }}
        >
          {t('inf.scale.turnOn')}
        </button>
      </section>
    );
  }

  const theory = num(lang, sc.theory), keep = num(lang, 1 - sc.p);
  const lossWorse = sc.forgot.loss > sc.scaled.loss;
  const accSame = sc.forgot.acc === sc.scaled.acc;
  const max = Math.max(sc.meanTrain, sc.meanScaled, sc.meanForgot);
  const f = (v: number) => num(lang, v);
  return (
    <section className="inf-section" aria-labelledby="inf-scale-title" data-look="inference-scaling">
      <h3 id="inf-scale-title">{t('inf.scale.title')}</h3>
      {convention}
      <p>{t(sc.scaling === 'inverted' ? 'inf.scale.inverted.how' : 'inf.scale.classic.how', { keep })}</p>
      <p>{t(sc.scaling === 'inverted' ? 'inf.scale.inverted.mistake' : 'inf.scale.classic.mistake')}</p>
      <p className="inf-note">{t('inf.scale.where', { layer: layerName(t, report.layers, sc.layer, regression) })}</p>
      {/* A table wider than a phone scrolls sideways; keyboard users need to reach it too. */}
      <div className="inf-table-wrap" tabIndex={0} role="group" aria-labelledby="inf-scale-title">
        <table className="inf-table">
          <caption className="chart-sr-only">{t('inf.scale.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inf.scale.what')}</th>
              <th scope="col">{t('inf.scale.colTrain')}</th>
              <th scope="col">{t('inf.scale.colRight')}</th>
              <th scope="col">{t('inf.scale.colForgot')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('inf.scale.meanRow')}</th>
              <td>{f(sc.meanTrain)}</td>
              <td>{f(sc.meanScaled)}</td>
              <td className="inf-wrong">{f(sc.meanForgot)}</td>
            </tr>
            <tr>
              <th scope="row">{t('inf.scale.lossRow')}</th>
              <td>–</td>
              <td>{f(sc.scaled.loss)}</td>
              <td className="inf-wrong">{f(sc.forgot.loss)}</td>
            </tr>
            {regression ? null : (
              <tr>
                <th scope="row">{t('inf.scale.accRow')}</th>
                <td>–</td>
                <td>{pct(lang, sc.scaled.acc)}</td>
                <td className="inf-wrong">{pct(lang, sc.forgot.acc)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <LabelledBars
        bars={[
          { label: t('inf.scale.colTrain'), value: sc.meanTrain, kind: 'train' },
          { label: t('inf.scale.colRight'), value: sc.meanScaled, kind: 'infer' },
          { label: t('inf.scale.colForgot'), value: sc.meanForgot, kind: 'wrong' },
        ]}
        max={max}
        format={f}
        summary={t('inf.scale.chart', { train: f(sc.meanTrain), right: f(sc.meanScaled), forgot: f(sc.meanForgot) })}
      />
      <p className="inf-key-line">{t('inf.scale.ratio', { ratio: num(lang, sc.ratio), theory })}</p>
      <p>{t(lossWorse ? 'inf.scale.lossWorse' : 'inf.scale.lossBetter', { right: f(sc.scaled.loss), forgot: f(sc.forgot.loss), theory })}</p>
      {regression ? (
        <p>{t('inf.scale.regression')}</p>
      ) : (
        <p>{accSame ? t('inf.scale.accSame', { acc: pct(lang, sc.scaled.acc) }) : t('inf.scale.accChanged', { right: pct(lang, sc.scaled.acc), forgot: pct(lang, sc.forgot.acc) })}</p>
      )}
      {labSwitch}
      {sc.forgottenInLab ? <p className="inf-warn">{t('inf.scale.inLab')}</p> : null}
    </section>
  );
}
