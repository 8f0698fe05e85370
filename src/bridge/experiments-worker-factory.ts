// The one place the page creates an experiments worker (Vite bundles it as its own module chunk).
// Injectable: component tests pass a fake that answers with results computed in Node.
import type { ExperimentEvent, ExperimentRequest } from '../protocol/experiments.ts';

export interface ExperimentsWorkerHandlers {
  message(ev: ExperimentEvent): void;
  /** The worker failed to load or crashed; it will not answer. */
  error(reason: string): void;
}

export interface ExperimentsWorkerPort {
  post(req: ExperimentRequest): void;
  /** Stops the worker at once, even mid-run (how a run is cancelled). */
  terminate(): void;
}

export type ExperimentsWorkerFactory = (handlers: ExperimentsWorkerHandlers) => ExperimentsWorkerPort;

export const createExperimentsWorker: ExperimentsWorkerFactory = (handlers) => {
  const worker = new Worker(new URL('../worker/experiments.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<ExperimentEvent>) => handlers.message(e.data);
  worker.onerror = (e) => {
    // Shown in the panel; the page's console need not show it twice.
    e.preventDefault();
    handlers.error(e.message || 'the experiments worker failed to load or crashed');
  };
  worker.onmessageerror = () => handlers.error('a message from the experiments worker could not be read');
  return {
    post: (req) => worker.postMessage(req),
    terminate: () => worker.terminate(),
  };
};
