// The Inference lab's latest measurements from the worker (one `inspection` event per `inspect`
// command): a slice of the lab store (page-slices.ts). `useInspection` is the lab store under the
// name its readers know; select narrowly (`useInspection((s) => s.report)`).
import type { KnockoutRequest } from '../protocol/inspection.ts';
import type { InspectionReport } from '../protocol/inspection.ts';
import { useLab } from './lab.ts';
import type { KnockoutChoice } from './page-slices.ts';

export { DEFAULT_KNOCKOUT, type InspectionState, type KnockoutChoice } from './page-slices.ts';

export const useInspection = useLab;

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
  useLab.setState({ mcProbe: probe });
}

export function setKnockout(k: Partial<KnockoutChoice>): void {
  useLab.setState((s) => ({ knockout: { ...s.knockout, ...k } }));
}

export function setInspection(report: InspectionReport | null): void {
  useLab.setState((s) => ({ report, received: report ? s.received + 1 : s.received }));
}
