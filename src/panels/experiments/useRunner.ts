// One experiment at a time in its own worker: started by "Run", ended by its result, an error, Cancel
// (the worker is terminated mid-run; the measuring code is synchronous and cannot be asked to stop)
// or the panel closing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExperimentId, ExperimentResult } from '../../experiments/index.ts';
import type { ExperimentProgress } from '../../protocol/experiments.ts';
import type { ExperimentsWorkerFactory, ExperimentsWorkerPort } from '../../bridge/experiments-worker-factory.ts';

export type Entry =
  | { state: 'running'; seed: number; progress: ExperimentProgress | null }
  | { state: 'done'; seed: number; result: ExperimentResult; ms: number }
  | { state: 'error'; seed: number; message: string }
  | { state: 'cancelled'; seed: number };

export type Entries = Partial<Record<ExperimentId, Entry>>;

interface Active {
  id: ExperimentId;
  seed: number;
  port: ExperimentsWorkerPort | null;
}

export interface Runner {
  entries: Entries;
  /** The experiment running now, if any. */
  running: ExperimentId | null;
  start(id: ExperimentId, seed: number): void;
  cancel(): void;
}

export function useRunner(createWorker: ExperimentsWorkerFactory): Runner {
  const [entries, setEntries] = useState<Entries>({});
  const [running, setRunning] = useState<ExperimentId | null>(null);
  const active = useRef<Active | null>(null);

  const finish = useCallback((run: Active, entry: Entry) => {
    if (active.current !== run) return;
    active.current = null;
    run.port?.terminate();
    setEntries((e) => ({ ...e, [run.id]: entry }));
    setRunning(null);
  }, []);

  const start = useCallback(
    (id: ExperimentId, seed: number) => {
      if (active.current) return;
      const run: Active = { id, seed, port: null };
      active.current = run;
      setRunning(id);
      setEntries((e) => ({ ...e, [id]: { state: 'running', seed, progress: null } }));
      try {
        run.port = createWorker({
          message: (ev) => {
            if (active.current !== run) return; // a cancelled run's last words
            if (ev.type === 'progress') setEntries((e) => ({ ...e, [id]: { state: 'running', seed, progress: ev } }));
            else if (ev.type === 'result') finish(run, { state: 'done', seed, result: ev.result, ms: ev.ms });
            else finish(run, { state: 'error', seed, message: ev.message });
          },
          error: (message) => finish(run, { state: 'error', seed, message }),
        });
        run.port.post({ type: 'run', id, seed });
      } catch (err) {
        finish(run, { state: 'error', seed, message: err instanceof Error ? err.message : String(err) });
      }
    },
    [createWorker, finish],
  );

  const cancel = useCallback(() => {
    const run = active.current;
    if (!run) return;
    setEntries((e) => ({ ...e, [run.id]: { state: 'cancelled', seed: run.seed } }));
    active.current = null;
    run.port?.terminate();
    setRunning(null);
  }, []);

  useEffect(
    () => () => {
      active.current?.port?.terminate();
      active.current = null;
    },
    [],
  );

  return { entries, running, start, cancel };
}
