// The learner's own data on the page (the rows last sent to the worker and what the file held): a
// slice of the lab store (page-slices.ts). `useCustomData` is the lab store under the name its readers
// know; select narrowly (`useCustomData((s) => s.loaded)`).
import type { CustomData } from '../protocol/custom-data.ts';
import { useLab } from './lab.ts';

export type { LoadedData } from './page-slices.ts';

export const useCustomData = useLab;

export function getCustomData(): CustomData | null {
  return useLab.getState().loaded?.data ?? null;
}
