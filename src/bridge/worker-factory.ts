// The one place the page creates the training worker (Vite bundles it as a module worker chunk).
import type { WorkerFactory } from './bridge.ts';

export const createTrainingWorker: WorkerFactory = (handlers) => {
  const worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e) => handlers.message(e.data);
  worker.onerror = (e) => {
    // Handled here: the bridge replaces the worker; the page's console need not show it twice.
    e.preventDefault();
    handlers.error(e.message || 'the training worker failed to load or crashed');
  };
  worker.onmessageerror = () => handlers.error('a message from the training worker could not be read');
  return {
    post: (cmd) => worker.postMessage(cmd),
    terminate: () => worker.terminate(),
  };
};
