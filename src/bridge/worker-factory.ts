// The one place the page creates the training worker (Vite bundles it as a module worker chunk).
import type { Command } from '../protocol/messages.ts';
import type { WorkerFactory, WorkerHandlers, WorkerPort } from './bridge.ts';

/** A worker already started, whose events wait for the handlers that adopt it. */
export interface EarlyWorker {
  worker: Worker;
  adopt(handlers: WorkerHandlers): void;
}

function newWorker(): Worker {
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
}

function listen(worker: Worker, handlers: WorkerHandlers): void {
  worker.onmessage = (e) => handlers.message(e.data);
  worker.onerror = (e) => {
    // Handled here: the bridge replaces the worker; the page's console need not show it twice.
    e.preventDefault();
    handlers.error(e.message || 'the training worker failed to load or crashed');
  };
  worker.onmessageerror = () => handlers.error('a message from the training worker could not be read');
}

/**
 * Starts the training worker now (its thread, its script's fetch and compile), before the handlers
 * exist. Whatever it says before `adopt` (a failure to load, say) is kept and handed over then.
 */
export function startWorkerEarly(): EarlyWorker {
  const worker = newWorker();
  const kept: ((h: WorkerHandlers) => void)[] = [];
  listen(worker, { message: (ev) => kept.push((h) => h.message(ev)), error: (r) => kept.push((h) => h.error(r)) });
  return {
    worker,
    adopt(handlers) {
      listen(worker, handlers);
      for (const replay of kept.splice(0)) replay(handlers);
    },
  };
}

const portOf = (worker: Worker): WorkerPort => ({
  post: (cmd: Command) => worker.postMessage(cmd),
  terminate: () => worker.terminate(),
});

export const createTrainingWorker: WorkerFactory = (handlers) => {
  const worker = newWorker();
  listen(worker, handlers);
  return portOf(worker);
};

/** A factory whose first worker is `early` (started at the page's first line), and new ones after. */
export function withEarlyWorker(early: EarlyWorker | null): WorkerFactory {
  let first = early;
  return (handlers) => {
    const e = first;
    first = null;
    if (!e) return createTrainingWorker(handlers);
    e.adopt(handlers);
    return portOf(e.worker);
  };
}
