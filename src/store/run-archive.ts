// Earlier runs, kept so the learner can compare: when a new run began (the runs slice's rule) the
// finished run's last curves are archived here, newest first, at most MAX_RUNS. Fed straight from the
// frame store so no frame is missed whatever React renders. The first chart that shows earlier runs
// makes the page's one RunArchive (archiveOf) and keeps it on the page's controllers; the others share it.
import { useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import { sharedStart } from './shared-start.ts';
import type { NormKind } from '../engine/netspec.ts';
import type { LayerType } from '../engine/spec.ts';
import type { ActivationHistory, Frame, History, ReadyInfo } from '../protocol/frame.ts';
import { frameStore } from './frame.ts';
import { useLab } from './lab.ts';
import type { Runs } from './runs.ts';

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

interface Current {
  /** The runs slice's serial of this run. */
  serial: number;
  runId: number;
  step: number;
  frame: Frame;
  summary: RunSummary | null;
}

/**
 * Keeps the earlier runs. Whether a run is over is the runs slice's one rule (a new run began), fed by
 * the run ids of the frames and ReadyInfos seen here (and by the page's connection before them).
 */
export class RunArchive {
  readonly store = createStore<{ runs: ArchivedRun[] }>(() => ({ runs: [] }));
  private current: Current | null = null;

  private readonly runs: Runs;

  constructor(runs: Runs) {
    this.runs = runs;
  }

  /** Notes one frame (with the ReadyInfo in force); archives the previous run when a new one began. */
  observeFrame(f: Frame, ready: ReadyInfo | null): void {
    const serial = this.runs.observe(f.runId), c = this.current;
    if (c && c.serial !== serial) this.archiveCurrent();
    const summary = ready && ready.runId === f.runId ? summarize(ready, f) : (this.current?.summary ?? null);
    this.current = { serial, runId: f.runId, step: f.step, frame: f, summary };
  }

  /** A ReadyInfo of a new run means the current one is over, even before the new run's first frame. */
  observeReady(ready: ReadyInfo | null): void {
    if (!ready) return;
    const serial = this.runs.observe(ready.runId);
    if (this.current && this.current.serial !== serial) this.archiveCurrent();
  }

  /** Starts watching frames (shared by every panel that shows earlier runs); returns the matching stop. */
  readonly start = sharedStart(() => {
    const f = frameStore.getState().frame;
    if (f) this.observeFrame(f, useLab.getState().ready);
    const unFrame = frameStore.subscribe(({ frame }) => {
      if (frame) this.observeFrame(frame, useLab.getState().ready);
    });
    const unReady = useLab.subscribe((s, prev) => {
      if (s.ready !== prev.ready) this.observeReady(s.ready);
    });
    return () => {
      unFrame();
      unReady();
    };
  });

  /** Forgets every run. */
  clear(): void {
    this.current = null;
    this.store.setState({ runs: [] });
  }

  private archiveCurrent(): void {
    const c = this.current;
    this.current = null;
    if (!c || c.step < MIN_STEPS || c.frame.history.step.length < 2) return;
    const run: ArchivedRun = {
      runId: c.runId,
      lastStep: c.step,
      history: c.frame.history,
      activations: c.frame.activations,
      layerTypes: c.frame.layers.map((l) => l.type),
      summary: c.summary,
    };
    this.store.setState({ runs: [run, ...this.store.getState().runs].slice(0, MAX_RUNS) });
  }
}

/** The page's archive: made by the first chart that shows earlier runs, kept on the page's controllers (a plain slot here, as the store cannot import panels). */
export function archiveOf(c: { runs: Runs; archive?: RunArchive }): RunArchive {
  return (c.archive ??= new RunArchive(c.runs));
}

export function useEarlierRuns(archive: RunArchive): ArchivedRun[] {
  const get = () => archive.store.getState().runs;
  return useSyncExternalStore(archive.store.subscribe, get, get);
}
