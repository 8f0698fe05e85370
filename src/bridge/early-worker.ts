// Imported first by main.tsx, so that this runs before the rest of the page's script is evaluated: the
// training worker's start (a new thread, its script fetched and compiled, then the data and the model
// built) is the longest leg of the first load, and it now runs while the page builds itself.
import { startWorkerEarly, type EarlyWorker } from './worker-factory.ts';

export const earlyWorker: EarlyWorker | null = typeof Worker === 'function' ? startWorkerEarly() : null;
