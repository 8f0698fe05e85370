// The experiments worker: a thin adapter from the worker scope to handleExperimentRequest. One request
// per worker life is enough (the page terminates it to cancel), but more are answered in turn.
import { handleExperimentRequest } from './experiments-handler.ts';
import type { ExperimentEvent } from '../protocol/experiments.ts';

// Typed by hand rather than as DedicatedWorkerGlobalScope, so this file also type-checks under the
// app's DOM lib (tsconfig.app.json includes all of src); tsconfig.worker.json checks it as a worker.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(ev: ExperimentEvent): void;
};

scope.onmessage = (e) => handleExperimentRequest(e.data, (ev) => scope.postMessage(ev), () => performance.now());
