// The Inference lab's latest measurements from the worker (one `inspection` event per `inspect`
// command). Kept apart from the lab store: only the Inference panel reads it.
import { create } from 'zustand';
import type { InspectionReport } from '../protocol/inspection.ts';

export interface InspectionState {
  report: InspectionReport | null;
  /** Reports received so far (a new one may carry the same numbers; the panel says it was measured again). */
  received: number;
}

export const useInspection = create<InspectionState>()(() => ({ report: null, received: 0 }));

export function setInspection(report: InspectionReport | null): void {
  useInspection.setState((s) => ({ report, received: report ? s.received + 1 : s.received }));
}
