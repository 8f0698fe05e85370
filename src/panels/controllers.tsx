// The page's controllers: objects that hold state across panels (which run is in progress, the earlier
// runs, the comparison lesson's recorder). main.tsx creates them once (app/controllers.ts) and hands
// them down through this context, so no module holds them; a test creates its own and gets a fresh page.
// The archive and the recorder load with the panels that need them: the first user makes the page's
// one and keeps it here.
import { createContext, useContext, type ReactNode } from 'react';
import type { Runs } from '../store/runs.ts';
import type { RunRecorder } from '../store/run-recorder.ts';
import type { RunArchive } from '../store/run-archive.ts';

export interface Controllers {
  /** Which run is in progress and when a new one began (the one rule). */
  runs: Runs;
  /** Earlier runs for the loss and activation charts (made by the first chart that shows them). */
  archive?: RunArchive;
  /** The comparison lesson's table (made once the page is up, or by the Lessons tab). */
  recorder?: RunRecorder;
}

const ControllersContext = createContext<Controllers | null>(null);

export function ControllersProvider({ value, children }: { value: Controllers; children: ReactNode }) {
  return <ControllersContext.Provider value={value}>{children}</ControllersContext.Provider>;
}

export function useControllers(): Controllers {
  const c = useContext(ControllersContext);
  if (!c) throw new Error('no ControllersProvider');
  return c;
}
