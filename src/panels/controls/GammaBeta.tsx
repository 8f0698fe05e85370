// γ and β of one normalization layer, for one feature or all at once, and the freeze switch. The
// sliders read the trained values from the latest frame (sampled ~10 times a second) and hold the
// learner's own value briefly while the worker catches up, so a drag never jumps back.
import { useId, useMemo, useState } from 'react';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { Slider } from './Slider.tsx';
import { Check } from './fields.tsx';
import { BETA_RANGE, GAMMA_RANGE, normLayers, useNormValues, type NormLayerRef } from './norm-values.ts';

export { BETA_RANGE, GAMMA_RANGE, normLayers, useNormValues, type NormLayerRef } from './norm-values.ts';

export function GammaBeta({ linked = false, nameSuffix }: { linked?: boolean; nameSuffix?: string } = {}) {
  const t = useT();
  const net = useLab((s) => s.config.net);
  const layers = useMemo(() => normLayers(net), [net]);
  const [picked, setPicked] = useState<number | null>(null);
  const [feature, setFeature] = useState<number | 'all'>(() => (linked ? useLab.getState().options.feature : 'all'));
  const layerId = useId(), featureId = useId();

  const layer = layers.find((l) => l.index === picked) ?? layers[0];
  const feat = feature !== 'all' && layer && feature >= layer.width ? 'all' : feature;
  const { gamma, beta, frozen, send, drop } = useNormValues(layer, feat);

  if (!layer) return <p className="controls-hint">{t('controls.gammaBetaNone')}</p>;

  const meanNote = feat === 'all' ? t('controls.meanOf', { n: layer.width }) : undefined;
  const kindName = (k: NormLayerRef['kind']) => t(`controls.normKind.${k}`);

  return (
    <fieldset className="controls-gamma-beta">
      <legend>{t('controls.section.gammaBeta')}</legend>
      <div className="controls-row">
        <div className="controls-field">
          <label htmlFor={layerId}>{t('controls.normLayerPick')}</label>
          <select
            id={layerId}
            value={layer.index}
            onChange={(e) => {
              setPicked(Number(e.target.value));
              drop();
            }}
          >
            {layers.map((l) => (
              <option key={l.index} value={l.index}>
                {t('controls.normLayerOption', { n: l.hidden + 1, kind: kindName(l.kind) })}
              </option>
            ))}
          </select>
        </div>
        <div className="controls-field">
          <label htmlFor={featureId}>{t('controls.feature')}</label>
          <select
            id={featureId}
            value={String(feat)}
            onChange={(e) => {
              const f = e.target.value === 'all' ? 'all' : Number(e.target.value);
              setFeature(f);
              drop();
              if (linked && f !== 'all') useLab.getState().setOptions({ feature: f });
            }}
          >
            <option value="all">{t('controls.allFeatures')}</option>
            {Array.from({ length: layer.width }, (_, i) => (
              <option key={i} value={i}>
                {t('controls.featureN', { n: i + 1 })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Slider label={t('controls.gamma')} nameSuffix={nameSuffix} value={gamma} {...GAMMA_RANGE} onChange={(v) => send({ gamma: v })} beside={meanNote} hint={t('controls.gammaHint')} />
      <Slider label={t('controls.beta')} nameSuffix={nameSuffix} value={beta} {...BETA_RANGE} onChange={(v) => send({ beta: v })} beside={meanNote} hint={t('controls.betaHint')} />
      <Check label={t('controls.freeze')} checked={frozen} onChange={(v) => send({ frozen: v })} hint={t('controls.freezeHint')} />
    </fieldset>
  );
}
