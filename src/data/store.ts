// The learner's own data on the page: the rows last sent to the worker and what the file held. Kept
// here (not in the lab store) so the rows' typed arrays never pass through settings or URL code.
import { create } from 'zustand';
import type { CustomData } from '../protocol/custom-data.ts';
import type { CsvInfo } from './parse-csv.ts';

export interface LoadedData {
  data: CustomData;
  info: CsvInfo;
}

export const useCustomData = create<{ loaded: LoadedData | null }>()(() => ({ loaded: null }));

export function getCustomData(): CustomData | null {
  return useCustomData.getState().loaded?.data ?? null;
}
