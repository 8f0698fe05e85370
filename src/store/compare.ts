// The comparison's state, loaded with the Compare panel: the variants the learner set up and the target
// loss (a store React renders from), and what each variant's worker streams (`liveStore`, updated per
// event and read by the panel at a throttled rate: four workers can send 240 frames a second between
// them). The stream is a store of its own, as the lab's frame stream is (frame.ts): in the settings'
// store it would re-render every reader of the settings at the stream's rate.
import { create } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { History, Metrics } from '../protocol/frame.ts';
import type { LabConfig } from '../protocol/config.ts';
import { defaultVariants, MAX_VARIANTS, newVariant, defaultP, type Variant } from './compare-variants.ts';
import { useLab } from './lab.ts';

export type CompareStatus = 'idle' | 'running' | 'paused';
export type ChartView = 'loss' | 'accuracy';

export const DEFAULT_TARGET = 0.3;
/** The largest step count a comparison can be asked to stop at (the worker takes up to 1e9 in one step command). */
export const MAX_STOP_AT = 1_000_000;

export interface CompareState {
  variants: Variant[];
  /** Training loss the "steps to target" column waits for. */
  target: number;
  status: CompareStatus;
  view: ChartView;
  log: boolean;
  /** The lab settings the running comparison was built from (null before the first Start). */
  base: LabConfig | null;
  /** The learner changed the variants: until then they follow the lab (its dropout p, say). */
  edited: boolean;
  /** Step every variant stops at (null: trains on until paused), so the early steps stay readable. */
  stopAt: number | null;
  /** The highest variant id handed out so far (ids are never reused while a worker may still own one). */
  variantSeq: number;
  setTarget(t: number): void;
  setStopAt(n: number | null): void;
  setView(v: ChartView): void;
  setLog(log: boolean): void;
}

export const useCompare = create<CompareState>()((set) => ({
  variants: defaultVariants(useLab.getState().config),
  variantSeq: MAX_VARIANTS,
  target: DEFAULT_TARGET,
  status: 'idle',
  view: 'loss',
  log: false,
  base: null,
  edited: false,
  stopAt: null,
  setStopAt: (n) => set({ stopAt: n !== null && Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_STOP_AT) : null }),
  setTarget: (target) => {
    if (Number.isFinite(target) && target > 0) set({ target });
  },
  setView: (view) => set({ view }),
  setLog: (log) => set({ log }),
}));

/** What one variant's worker has reported. */
export interface VariantLive {
  runId: number;
  kind: 'classification' | 'regression' | null;
  step: number;
  history: History | null;
  metrics: Metrics | null;
  playing: boolean;
  /** Latest non-zero steps per second: a paused variant keeps showing what its steps cost. */
  stepsPerSecond: number;
  diverged: { step: number; loss: number } | null;
  /** A refused configuration or a failed worker, in the worker's words. */
  error: { code: string; message: string } | null;
  /**
   * The exact step the target was first reached, recorded while the history still held single
   * evaluations (points merge later and would blur it to a range).
   */
  reach: { target: number; step: number } | null;
}

export function emptyLive(): VariantLive {
  return { runId: 0, kind: null, step: 0, history: null, metrics: null, playing: false, stepsPerSecond: 0, diverged: null, error: null, reach: null };
}

export const liveStore = createStore<{ live: Record<number, VariantLive> }>(() => ({ live: {} }));

export function getLive(id: number): VariantLive {
  return liveStore.getState().live[id] ?? emptyLive();
}

export function putLive(id: number, v: Partial<VariantLive>): void {
  const live = liveStore.getState().live;
  liveStore.setState({ live: { ...live, [id]: { ...(live[id] ?? emptyLive()), ...v } } });
}

export function dropLive(id: number): void {
  const { [id]: _gone, ...rest } = liveStore.getState().live;
  liveStore.setState({ live: rest });
}

export function clearLive(): void {
  liveStore.setState({ live: {} });
}

/** The next variant to add: the first of the standard four not yet present, else a plain one (its id a new one). */
export function nextVariant(existing: readonly Variant[], base: LabConfig): Variant | null {
  if (existing.length >= MAX_VARIANTS) return null;
  const p = defaultP(base);
  const id = Math.max(useCompare.getState().variantSeq, ...existing.map((v) => v.id)) + 1;
  useCompare.setState({ variantSeq: id });
  for (const { id: _standard, ...d } of defaultVariants(base)) {
    if (!existing.some((v) => v.norm === d.norm && v.dropout === d.dropout && v.convDropout === d.convDropout)) return newVariant({ ...d, p }, id);
  }
  return newVariant({ dropout: false, p, norm: 'none', ...(base.arch === 'cnn' ? { convDropout: 'channel' as const } : {}) }, id);
}
