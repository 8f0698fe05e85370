// Earlier runs, kept so the learner can compare: when a run restarts (a new runId, a new ReadyInfo,
// or the step going backwards) the finished run's last curves are archived here, newest first, at
// most MAX_RUNS. Fed straight from the frame store so no frame is missed whatever React renders.
import { useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import type { NormKind } from '../../engine/netspec.ts';
import type { LayerType } from '../../engine/spec.ts';
import type { ActivationHistory, Frame, History, ReadyInfo } from '../../protocol/frame.ts';
import { frameStore, getFrame } from '../../store/frame.ts';
import { useLab } from '../../store/lab.ts';

export const MAX_RUNS = 3;
/** Runs shorter than this are not worth a trace (a rebuild while a slider is being dragged, say). */
export const MIN_STEPS = 10;

/** What distinguished a run, for its label (the comparisons the lab is about: norm and dropout). */
export interface RunSummary {
  norm: NormKind[];
  normPlacement: 'before' | 'after';
  /** p where some dropout is switched on, else 0. */
  dropoutP: number;
  /** The data set and loss the run measured: losses on other data or another loss are not comparable. */
  data: string;
}

export interface ArchivedRun {
  runId: number;
  lastStep: number;
  history: History;
  activations: ActivationHistory;
  /** Layer types of the run's network, so its activation bands can be matched to this run's layers. */
  layerTypes: LayerType[];
  summary: RunSummary | null;
}

export const runStore = createStore<{ runs: ArchivedRun[] }>(() => ({ runs: [] }));

interface Current {
  runId: number;
  step: number;
  frame: Frame;
  summary: RunSummary | null;
}

let current: Current | null = null;

/**
 * The run's label from the settings in force: the network's structure (norm and its placement) from
 * the run's ReadyInfo, since changing it starts a new run; p from the frame's dropout layers, since p
 * and switching dropout on or off are live changes that ReadyInfo (sent when the run began) never sees.
 */
export function summarize(ready: ReadyInfo, frame: Frame): RunSummary {
  const net = ready.config.net;
  let dropoutP = 0;
  for (const l of frame.layers) if (l.type === 'dropout' && (l.p ?? 0) > dropoutP) dropoutP = l.p ?? 0;
  return { norm: [...net.norm], normPlacement: net.normPlacement, dropoutP, data: dataKey(ready) };
}

/** What makes two runs' losses comparable: the same data (set, noise, sizes) and the same loss. */
export function dataKey(ready: ReadyInfo): string {
  return JSON.stringify([ready.config.data, ready.model.loss]);
}

/** Earlier runs measured on the current run's data and loss (an unknown one is left out too). */
export function comparableRuns(runs: readonly ArchivedRun[], ready: ReadyInfo | null): ArchivedRun[] {
  if (!ready) return [];
  const key = dataKey(ready);
  return runs.filter((r) => r.summary?.data === key);
}

function archiveCurrent(): void {
  const c = current;
  current = null;
  if (!c || c.step < MIN_STEPS || c.frame.history.step.length < 2) return;
  const run: ArchivedRun = {
    runId: c.runId,
    lastStep: c.step,
    history: c.frame.history,
    activations: c.frame.activations,
    layerTypes: c.frame.layers.map((l) => l.type),
    summary: c.summary,
  };
  runStore.setState({ runs: [run, ...runStore.getState().runs].slice(0, MAX_RUNS) });
}

/** Notes one frame (with the ReadyInfo in force); archives the previous run when this one restarted. */
export function observeFrame(f: Frame, ready: ReadyInfo | null): void {
  if (current && (f.runId !== current.runId || f.step < current.step)) archiveCurrent();
  const summary = ready && ready.runId === f.runId ? summarize(ready, f) : (current?.summary ?? null);
  current = { runId: f.runId, step: f.step, frame: f, summary };
}

/** A new ReadyInfo for another run means the current one is over, even before its first frame. */
export function observeReady(ready: ReadyInfo | null): void {
  if (ready && current && ready.runId !== current.runId) archiveCurrent();
}

let users = 0;
let stop: (() => void) | null = null;

/** Starts watching frames (shared by every panel that shows earlier runs); returns the matching stop. */
export function startRunArchive(): () => void {
  if (users++ === 0) {
    const f = getFrame();
    if (f) observeFrame(f, useLab.getState().ready);
    const unFrame = frameStore.subscribe(({ frame }) => {
      if (frame) observeFrame(frame, useLab.getState().ready);
    });
    const unReady = useLab.subscribe((s, prev) => {
      if (s.ready !== prev.ready) observeReady(s.ready);
    });
    stop = () => {
      unFrame();
      unReady();
    };
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--users === 0) {
      stop?.();
      stop = null;
    }
  };
}

const getRuns = () => runStore.getState().runs;

export function useEarlierRuns(): ArchivedRun[] {
  return useSyncExternalStore(runStore.subscribe, getRuns, getRuns);
}

/** Forgets every run (tests; a fresh page). */
export function clearRuns(): void {
  current = null;
  runStore.setState({ runs: [] });
}
