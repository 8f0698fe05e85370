// γ and β of one normalization layer, for one feature or all at once, and the freeze switch. The
// sliders read the trained values from the latest frame (sampled ~10 times a second) and hold the
// learner's own value briefly while the worker catches up, so a drag never jumps back.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { compileNet, type NetSpec, type NormKind } from '../../engine/netspec.ts';
import type { Frame } from '../../protocol/frame.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { Slider } from './Slider.tsx';
import { Check } from './fields.tsx';
import { useFrameSample } from './useFrameSample.ts';

export interface NormLayerRef {
  /** Index in the compiled ModelSpec.layers (what setNorm and LayerFrame.index use). */
  index: number;
  /** Hidden layer it normalizes, 0-based. */
  hidden: number;
  kind: Exclude<NormKind, 'none'>;
  width: number;
}

/** The norm layers the network compiles to, in order. */
export function normLayers(net: NetSpec): NormLayerRef[] {
  let layers;
  try {
    layers = compileNet(net, 1, 1, 'mse').layers;
  } catch {
    return []; // a half-applied change; the next render has consistent lists
  }
  const out: NormLayerRef[] = [];
  let h = -1;
  layers.forEach((l, index) => {
    if (l.type === 'linear') h++;
    else if (l.type === 'batchnorm' || l.type === 'layernorm') out.push({ index, hidden: h, kind: l.type, width: net.hidden[h] });
  });
  return out;
}

export const GAMMA_RANGE = { min: -3, max: 3, step: 0.05 } as const;
export const BETA_RANGE = { min: -3, max: 3, step: 0.05 } as const;
/** How long the learner's own value wins over the frames after a change. */
const HOLD_MS = 600;

interface NormSample {
  gamma: number;
  beta: number;
  frozen: boolean;
}

function mean(a: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return a.length ? s / a.length : NaN;
}

/** γ, β (one feature, or the mean over all) and frozen of a layer, if the frame is of this network. */
function sampleNorm(f: Frame | null, layer: NormLayerRef | undefined, feature: number | 'all'): NormSample | null {
  const lf = f && layer ? f.layers.find((l) => l.index === layer.index) : undefined;
  if (!lf || !layer || lf.type !== layer.kind || !lf.gamma || !lf.beta || lf.gamma.length !== layer.width) return null;
  const pick = (a: Float32Array) => (feature === 'all' ? mean(a) : a[feature]);
  return { gamma: pick(lf.gamma), beta: pick(lf.beta), frozen: lf.frozen ?? false };
}

const sameSample = (a: NormSample | null, b: NormSample | null) =>
  a === b || (!!a && !!b && Object.is(a.gamma, b.gamma) && Object.is(a.beta, b.beta) && a.frozen === b.frozen);

/**
 * γ, β and frozen of one norm layer (one feature, or the mean over all) as the controls show them,
 * and `send`, which changes them: the learner's own value wins over the frames for a moment.
 */
export function useNormValues(layer: NormLayerRef | undefined, feat: number | 'all') {
  const [held, setHeld] = useState<Partial<NormSample>>({});
  const holdTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sample = useFrameSample((f) => sampleNorm(f, layer, feat), sameSample, [layer?.index, layer?.kind, layer?.width, feat]);
  useEffect(() => () => {
    if (holdTimer.current) clearTimeout(holdTimer.current);
  }, []);
  const send = (v: Partial<NormSample>) => {
    if (!layer) return;
    setHeld((h) => ({ ...h, ...v }));
    if (holdTimer.current) clearTimeout(holdTimer.current);
    holdTimer.current = setTimeout(() => setHeld({}), HOLD_MS);
    useLab.getState().setNorm(layer.index, feat, v);
  };
  return {
    gamma: held.gamma ?? sample?.gamma ?? 1,
    beta: held.beta ?? sample?.beta ?? 0,
    frozen: held.frozen ?? sample?.frozen ?? false,
    send,
    /** Forget a held value (another layer or feature picked). */
    drop: () => setHeld({}),
  };
}

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
