// Loading a learner's file into the lab: parse strictly; on success keep the rows, send them to the
// worker and switch the run to them; on failure change nothing, so the lab keeps its previous data.
import { useLab } from '../store/lab.ts';
import { customTestRows, customTrainRows } from '../protocol/custom-data.ts';
import { parseCsv, type CsvResult } from './parse-csv.ts';
import { useCustomData } from '../store/custom-data.ts';
import { batchFits, fitBatch } from '../protocol/rules.ts';

/** Files larger than this are refused before reading (5,000 rows × 65 columns fit easily). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface LoadSummary {
  trainRows: number;
  testRows: number;
  /** The batch size, when it had to be lowered to fit the training rows (else null). */
  batchLowered: number | null;
}

export type LoadResult = (CsvResult & { ok: false }) | (Extract<CsvResult, { ok: true }> & LoadSummary);

export function loadCsvText(text: string, fileName: string): LoadResult {
  const parsed = parseCsv(text, fileName);
  if (!parsed.ok) return parsed;
  const lab = useLab.getState();
  const n = parsed.info.rows;
  const trainRows = customTrainRows(n, lab.config.data.trainSize);
  // A batch larger than the training set cannot be drawn; lower it first, so neither the old rows nor
  // the new ones ever see an impossible batch.
  const batchLowered = batchFits(lab.config.train.batchSize, trainRows) ? null : fitBatch(lab.config.train.batchSize, trainRows);
  if (batchLowered !== null) lab.patch({ train: { batchSize: batchLowered } });
  useCustomData.setState({ loaded: { data: parsed.data, info: parsed.info } });
  lab.sendData(parsed.data);
  if (lab.config.data.name !== 'custom') lab.patch({ data: { name: 'custom' } });
  return { ...parsed, trainRows, testRows: customTestRows(n), batchLowered };
}
