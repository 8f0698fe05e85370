// Makes the page's controllers (see panels/controllers.tsx): main.tsx calls this once; tests call it
// for a fresh page each. Only the runs slice is made here; the archive and the recorder are made by
// their first user, in the chunks that load them.
import { createRuns } from '../store/runs.ts';
import type { Controllers } from '../panels/controllers.tsx';

export function createControllers(): Controllers {
  return { runs: createRuns() };
}
