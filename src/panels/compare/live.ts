// A variant's worker frame folded into what the comparison shows of it (the compare store's live slice).
import type { Frame } from '../../protocol/frame.ts';
import type { VariantLive } from '../../store/compare.ts';
import { stepsToTarget } from './measures.ts';

/** A frame folded into a variant's live state. */
export function liveFromFrame(prev: VariantLive, f: Frame, target: number): VariantLive {
  if (f.runId < prev.runId) return prev;
  let reach = prev.reach && prev.reach.target === target && f.runId === prev.runId ? prev.reach : null;
  if (!reach) {
    const r = stepsToTarget(f.history, target);
    if (r?.exact) reach = { target, step: r.step };
  }
  return {
    ...prev,
    runId: f.runId,
    step: f.step,
    history: f.history,
    metrics: f.metrics ?? prev.metrics,
    playing: f.playing,
    stepsPerSecond: f.stepsPerSecond > 0 ? f.stepsPerSecond : prev.stepsPerSecond,
    reach,
  };
}

