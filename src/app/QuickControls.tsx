// The first screen's own controls, above the panels: "Dropout p", and γ and β of the last normalization
// layer (every feature at once), so what the arrival promises can be touched without opening a tab.
// The Controls tab holds the full set, the same sliders included: while it is open this strip steps
// aside, so no two controls on screen share a name.
import { useId, useMemo } from 'react';
import { useLab } from '../store/lab.ts';
import { useT } from '../i18n/useT.ts';
import { ParamSlider } from '../panels/controls/ParamSlider.tsx';
import { Slider } from '../panels/controls/Slider.tsx';
import { BETA_RANGE, GAMMA_RANGE, normLayers, useNormValues } from '../panels/controls/norm-values.ts';
import { formatValue, keepOf } from '../panels/controls/scale.ts';
import { useOpenTab } from './sidebar-tab.ts';
import '../panels/controls/controls.css';

export function QuickControls() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const net = useLab((s) => s.config.net);
  // The CNN's dropout is set per block (Controls tab); its BatchNorm2d γ/β are not on this strip.
  const conv = useLab((s) => (s.config.arch === 'cnn' ? s.config.conv.dropout : null));
  const hide = useLab((s) => s.hide);
  const tab = useOpenTab();
  const layers = useMemo(() => (conv ? [] : normLayers(net)), [net, conv]);
  const layer = layers.at(-1);
  const norm = useNormValues(layer, 'all');
  const noteId = useId();
  if (tab === 'controls') return null;
  const fmt = (v: number) => formatValue(lang, v, 2);
  const dropoutOn = conv ? conv !== 'none' : net.dropoutInput || net.dropoutHidden.some(Boolean);
  const showP = !hide.includes('dropoutP');
  return (
    <div className="quick-controls" role="group" aria-label={t('quick.label')}>
      {showP ? (
        <div className="quick-cell">
          <ParamSlider
            id="dropoutP"
            format={fmt}
            valueText={(p) => t('controls.pValueText', { p: fmt(p), keep: fmt(keepOf(p)) })}
            beside={t('controls.keep', { keep: fmt(keepOf(net.dropoutP)) })}
          />
          {!dropoutOn ? <p className="controls-hint">{t('quick.noDropout')}</p> : null}
        </div>
      ) : null}
      {layer ? (
        <>
          <div className="quick-cell">
            <Slider
              label={t('controls.gamma')}
              value={norm.gamma}
              {...GAMMA_RANGE}
              onChange={(v) => norm.send({ gamma: v })}
              describedBy={noteId}
              beside={
                <span id={noteId} className="quick-note">
                  {t('quick.norm', { n: layer.hidden + 1, kind: t(`controls.normKind.${layer.kind}`) })}
                </span>
              }
            />
          </div>
          <div className="quick-cell">
            <Slider label={t('controls.beta')} value={norm.beta} {...BETA_RANGE} onChange={(v) => norm.send({ beta: v })} describedBy={noteId} />
          </div>
        </>
      ) : conv ? null : (
        <p className="quick-cell quick-wide controls-hint">{t('quick.noNorm')}</p>
      )}
    </div>
  );
}
