// What Step says (loaded after the first screen): how many units the new step's dropout masks dropped,
// for the example the network drawing shows, so a screen-reader user hears what a sighted one sees change.
// The page's stores come in as arguments: importing them from a lazy chunk makes the bundler split
// them out of the first screen's chunk into shared chunks (+0.3 KB gzip measured).
import type { Frame } from '../../protocol/frame.ts';
import type { Lang } from '../../i18n/index.ts';
import { later } from '../../app/later.ts';
import type { ModelSpec } from '../../engine/spec.ts';
import type { DropState, NetColumn } from './structure.ts';

interface Store<S> {
  getState(): S;
  subscribe(f: (s: S, p: S) => void): () => void;
}

export interface StepSayDeps {
  lab: Store<{ stepRequests: number; ready: { model: ModelSpec } | null; lang: Lang }>;
  frames: Store<{ frame: Frame | null }>;
  netColumns(model: ModelSpec): readonly NetColumn[];
  dropState(c: NetColumn, f: Frame, probe: number): DropState;
  /** A lesson's exact run steps in chunks (through the same requests) and says what it does itself. */
  quiet(): boolean;
  announce(text: string): void;
  translate(lang: Lang, key: 'say.stepDropped', vars: { step: number; n: number; m: number }): string;
}

/** After each Step request (button or S), the first frame of a new step says what its masks dropped. */
export function startStepSay(d: StepSayDeps): () => void {
  let off = () => {};
  const unsubLab = d.lab.subscribe((s, p) => {
    if (s.stepRequests === p.stepRequests || !s.ready || d.quiet()) return;
    off();
    const before = d.frames.getState().frame?.step ?? -1;
    const cols = d.netColumns(s.ready.model);
    const unsub = d.frames.subscribe(({ frame }) => {
      if (!frame || frame.step === before) return;
      off();
      // One step (the Step button or S), not a run of several.
      if (frame.mode !== 'training' || frame.step !== before + 1) return;
      let n = 0, m = 0;
      for (const c of cols) {
        const ds = d.dropState(c, frame, later.probe);
        if (ds.kind !== 'mask') continue;
        n += ds.count;
        m += c.width;
      }
      if (m > 0) d.announce(d.translate(d.lab.getState().lang, 'say.stepDropped', { step: frame.step, n, m }));
    });
    const timer = setTimeout(() => off(), 5000);
    off = () => {
      unsub();
      clearTimeout(timer);
    };
  });
  return () => {
    off();
    unsubLab();
  };
}
