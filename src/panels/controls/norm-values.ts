// The norm layers of a network and the γ/β values the controls show: read from the latest frame
// (sampled ~10 times a second), with the learner's own value held briefly while the worker catches up,
// so a drag never jumps back. Apart from GammaBeta.tsx because the first screen's quick γ and β use it.
import { useEffect, useRef, useState } from 'react';
import { compileNet, type NetSpec, type NormKind } from '../../engine/netspec.ts';
import type { Frame } from '../../protocol/frame.ts';
import { useLab } from '../../store/lab.ts';
import { useFrameSample } from './useFrameSample.ts';

export interface NormLayerRef {
  /** Index in the compiled ModelSpec.layers (what setNorm and LayerFrame.index use). */
  index: number;
  /** Hidden layer it normalizes, 0-based. */
  hidden: number;
  kind: Exclude<NormKind, 'none'>;
  width: number;
}

/** What γ/β controls address: a layer of the compiled network, its type, its γ/β length (features or channels). */
export interface NormTarget {
  index: number;
  kind: 'batchnorm' | 'layernorm' | 'batchnorm2d';
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
function sampleNorm(f: Frame | null, layer: NormTarget | undefined, feature: number | 'all'): NormSample | null {
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
export function useNormValues(layer: NormTarget | undefined, feat: number | 'all') {
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
