// Which run is in progress, and when a new one began: one rule for every part of the page that keeps
// something per run (the loss chart's earlier runs, the comparison lesson's table). A run is known by
// the worker's runId, carried by every ReadyInfo, frame and inspection report; a new id is a new run.
// A restarted worker counts its runs from 1 again, so after a restart its next id is a new run even
// if it repeats the last one.
export interface RunsState {
  /** The run in progress (null before the first run, and after the worker was replaced). */
  runId: number | null;
  /** How many runs began on this page: it changes exactly when a new run began. */
  serial: number;
}

export interface Runs {
  /** The run in progress and the serial. */
  state(): RunsState;
  /** Notes a run id seen in a ReadyInfo or a frame; returns the serial of the run it belongs to. */
  observe(runId: number): number;
  /** The worker was replaced: whatever id it reports next starts a new run. */
  workerReplaced(): void;
  /** The serial of the run in progress. */
  serial(): number;
}

export function createRuns(): Runs {
  let s: RunsState = { runId: null, serial: 0 };
  return {
    state: () => s,
    observe(runId) {
      if (s.runId !== runId) s = { runId, serial: s.serial + 1 };
      return s.serial;
    },
    workerReplaced() {
      s = { ...s, runId: null };
    },
    serial: () => s.serial,
  };
}
