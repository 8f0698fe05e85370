// The Inference lab's latest measurements from the worker (one `inspection` event per `inspect`
// command). Kept apart from the lab store: only the Inference panel reads it.
import { create } from 'zustand';
import type { InspectionReport, KnockoutRequest } from '../protocol/inspection.ts';

export interface KnockoutChoice {
  /** Hidden layer (0-based; the CNN's conv block); null: the last one (whatever the network's depth). */
  hidden: number | null;
  fraction: number;
  /** One unit (the CNN's: one channel) instead of a random fraction; null: the fraction. */
  unit: number | null;
}

export interface InspectionState {
  report: InspectionReport | null;
  /** Reports received so far (a new one may carry the same numbers; the panel says it was measured again). */
  received: number;
  /** What the "Knock out units" section asks the worker to knock out with each measurement. */
  knockout: KnockoutChoice;
  /** The probe input (test digit) whose every class Monte-Carlo dropout shows (the CNN's Inference lab). */
  mcProbe: number;
}

export const DEFAULT_KNOCKOUT: KnockoutChoice = { hidden: null, fraction: 0.5, unit: null };

export const useInspection = create<InspectionState>()(() => ({ report: null, received: 0, knockout: DEFAULT_KNOCKOUT, mcProbe: 0 }));

/**
 * The request for a network with `layers` hidden layers (none without hidden layers); a chosen unit
 * only where the layer has it (`width`: its units or channels).
 */
export function knockoutRequest(choice: KnockoutChoice, layers: number, width = Infinity): KnockoutRequest | undefined {
  if (layers < 1) return undefined;
  const hidden = choice.hidden === null ? layers - 1 : Math.min(choice.hidden, layers - 1);
  return choice.unit !== null && choice.unit >= 0 && choice.unit < width ? { hidden, fraction: choice.fraction, unit: choice.unit } : { hidden, fraction: choice.fraction };
}

export function setMcProbe(probe: number): void {
  useInspection.setState({ mcProbe: probe });
}

export function setKnockout(k: Partial<KnockoutChoice>): void {
  useInspection.setState((s) => ({ knockout: { ...s.knockout, ...k } }));
}

export function setInspection(report: InspectionReport | null): void {
  useInspection.setState((s) => ({ report, received: report ? s.received + 1 : s.received }));
}
